import { Anchor, Badge, List, Table, Text } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { Facts } from '../../components/facts';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { Section } from '../../components/section';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useMeeting } from './api';
import { SourceLinks } from './source-links';

export function MeetingPage() {
  const id = Number(useParams().id);
  const { t, lang } = useI18n();
  const query = useMeeting(id);
  return (
    <QueryView query={query} title={t('council.meetings')}>
      {(m) => (
        <Page
          title={m.name ?? String(m.id)}
          actions={m.cancelled && <Badge color="red">{t('council.cancelled')}</Badge>}
          before={
            m.body && (
              <Anchor component={Link} to={`/council/bodies/${m.body.id}`} size="sm">
                ← {m.body.name}
              </Anchor>
            )
          }
        >
          <Facts
            items={[
              [t('council.start'), formatDateTime(m.start, lang)],
              [
                t('council.committee'),
                m.organizations.map((o) => (
                  <Anchor key={o.id} component={Link} to={`/council/organizations/${o.id}`} mr="xs">
                    {o.name}
                  </Anchor>
                )),
              ],
              [
                t('council.location'),
                m.location &&
                  [m.location.description, m.location.streetAddress, m.location.locality]
                    .filter(Boolean)
                    .join(', '),
              ],
            ]}
          />
          <SourceLinks sourceUrl={m.sourceUrl} webUrl={m.webUrl} />
          <Section title={t('council.agenda')}>
            {m.agenda.length === 0 ? (
              <Text>{t('common.none')}</Text>
            ) : (
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('council.number')}</Table.Th>
                    <Table.Th scope="col">{t('council.agenda')}</Table.Th>
                    <Table.Th scope="col">{t('council.result')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {m.agenda.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>{a.number}</Table.Td>
                      <Table.Td>
                        {a.name}
                        {a.paper && (
                          <>
                            {' '}
                            <Anchor component={Link} to={`/council/papers/${a.paper.id}`} size="sm">
                              ({a.paper.reference ?? t('council.papers')})
                            </Anchor>
                          </>
                        )}
                      </Table.Td>
                      <Table.Td>{a.result}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Section>
          {m.files.length > 0 && (
            <Section title={t('council.files')}>
              <List>
                {m.files.map((f) => (
                  <List.Item key={f.id}>
                    {f.accessUrl ? (
                      <Anchor href={f.accessUrl} target="_blank" rel="noopener noreferrer">
                        {f.name}
                      </Anchor>
                    ) : (
                      f.name
                    )}
                  </List.Item>
                ))}
              </List>
            </Section>
          )}
        </Page>
      )}
    </QueryView>
  );
}
