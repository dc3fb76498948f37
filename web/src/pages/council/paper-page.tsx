import { Anchor, Badge, List, Table, Text } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { Facts } from '../../components/facts';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { Section } from '../../components/section';
import { formatDate, formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { usePaper } from './api';
import { SourceLinks } from './source-links';

export function PaperPage() {
  const id = Number(useParams().id);
  const { t, lang } = useI18n();
  const query = usePaper(id);
  return (
    <QueryView query={query} title={t('council.papers')}>
      {(p) => (
        <Page
          title={p.name ?? p.reference ?? String(p.id)}
          description={[p.reference, p.paperType].filter(Boolean).join(' · ')}
          actions={!p.isPublic && <Badge color="orange">{t('council.nonPublic')}</Badge>}
          before={
            p.body && (
              <Anchor component={Link} to={`/council/bodies/${p.body.id}`} size="sm">
                ← {p.body.name}
              </Anchor>
            )
          }
        >
          <Facts
            items={[
              [t('council.reference'), p.reference],
              [t('council.date'), formatDate(p.date, lang)],
              [t('council.paperType'), p.paperType],
              [t('council.decisionKind'), p.decisionKind],
              [t('council.fileReference'), p.fileReference],
            ]}
          />
          <SourceLinks sourceUrl={p.sourceUrl} webUrl={p.webUrl} />
          <Section title={t('council.consultations')}>
            {p.consultations.length === 0 ? (
              <Text>{t('common.none')}</Text>
            ) : (
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('council.date')}</Table.Th>
                    <Table.Th scope="col">{t('council.committee')}</Table.Th>
                    <Table.Th scope="col">{t('council.meeting')}</Table.Th>
                    <Table.Th scope="col">{t('council.role')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.consultations.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>{formatDateTime(c.date, lang)}</Table.Td>
                      <Table.Td>
                        {c.organizations.map((o) => (
                          <Anchor key={o.id} component={Link} to={`/council/organizations/${o.id}`} mr="xs">
                            {o.name}
                          </Anchor>
                        ))}
                      </Table.Td>
                      <Table.Td>
                        {c.meeting && (
                          <Anchor component={Link} to={`/council/meetings/${c.meeting.id}`}>
                            {c.meeting.name}
                          </Anchor>
                        )}
                        {c.meeting?.cancelled && <Badge ml="xs">{t('council.cancelled')}</Badge>}
                      </Table.Td>
                      <Table.Td>{c.role}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Section>
          {p.draftResolution && (
            <Section title={t('council.draftResolution')}>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{p.draftResolution}</Text>
            </Section>
          )}
          {p.statementOfFacts && (
            <Section title={t('council.statementOfFacts')}>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{p.statementOfFacts}</Text>
            </Section>
          )}
          <Section title={t('council.files')}>
            {p.files.length === 0 ? (
              <Text>{t('common.none')}</Text>
            ) : (
              <List>
                {p.files.map((f) => (
                  <List.Item key={f.id}>
                    {f.accessUrl ? (
                      <Anchor href={f.accessUrl} target="_blank" rel="noopener noreferrer">
                        {f.name ?? f.fileName}
                      </Anchor>
                    ) : (
                      (f.name ?? f.fileName)
                    )}{' '}
                    <Text span c="dimmed" size="sm">
                      {formatDate(f.date, lang)}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
        </Page>
      )}
    </QueryView>
  );
}
