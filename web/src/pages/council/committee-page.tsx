import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { Facts } from '../../components/facts';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { Section } from '../../components/section';
import { formatDate, formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useCommittee } from './api';
import { SourceLinks } from './source-links';

export function CommitteePage() {
  const id = Number(useParams().id);
  const { t, lang } = useI18n();
  const query = useCommittee(id);
  return (
    <QueryView query={query} title={t('council.committees')}>
      {(o) => (
        <Page
          title={o.name ?? String(o.id)}
          description={[o.shortName, o.organizationType ?? o.classification].filter(Boolean).join(' · ')}
          before={
            o.body && (
              <Anchor component={Link} to={`/council/bodies/${o.body.id}`} size="sm">
                ← {o.body.name}
              </Anchor>
            )
          }
        >
          <Facts
            items={[
              [
                t('council.period'),
                [formatDate(o.startDate, lang), formatDate(o.endDate, lang)].filter(Boolean).join(' – '),
              ],
              [
                t('council.calendar'),
                <Anchor key="ics" href={`/feeds/meetings.ics?organization=${o.id}`}>
                  meetings.ics
                </Anchor>,
              ],
            ]}
          />
          <SourceLinks sourceUrl={o.sourceUrl} webUrl={o.webUrl} />
          <Section title={t('council.meetings')}>
            {o.meetings.length === 0 ? (
              <Text>{t('common.none')}</Text>
            ) : (
              <Table>
                <Table.Tbody>
                  {o.meetings.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>{formatDateTime(m.start, lang)}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/council/meetings/${m.id}`}>
                          {m.name}
                        </Anchor>
                        {m.cancelled && <Badge ml="xs">{t('council.cancelled')}</Badge>}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Section>
          {o.members.length > 0 && (
            <Section title={t('council.members')}>
              <Table>
                <Table.Tbody>
                  {o.members.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>{m.person}</Table.Td>
                      <Table.Td>{m.role}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Section>
          )}
        </Page>
      )}
    </QueryView>
  );
}
