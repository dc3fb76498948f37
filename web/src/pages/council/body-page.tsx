import { Anchor, Table } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { Facts } from '../../components/facts';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { Section } from '../../components/section';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useCouncilBody } from './api';
import { SourceLinks } from './source-links';

export function CouncilBodyPage() {
  const id = Number(useParams().id);
  const { t, lang } = useI18n();
  const query = useCouncilBody(id);
  return (
    <QueryView query={query} title={t('nav.council')}>
      {(b) => (
        <Page
          title={b.name ?? String(b.id)}
          before={
            <Anchor component={Link} to="/council" size="sm">
              ← {t('nav.council')}
            </Anchor>
          }
        >
          <Facts
            items={[
              ['AGS', b.ags],
              [t('council.papers'), b.counts.papers],
              [t('council.meetings'), b.counts.meetings],
              [t('council.lastSync'), formatDateTime(b.lastSync, lang)],
              [
                t('council.calendar'),
                <Anchor key="ics" href={`/feeds/meetings.ics?body=${b.id}`}>
                  meetings.ics
                </Anchor>,
              ],
            ]}
          />
          <SourceLinks sourceUrl={b.sourceUrl} webUrl={b.webUrl} />
          <Section title={t('council.committees')}>
            <Table>
              <Table.Tbody>
                {b.organizations.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/council/organizations/${o.id}`}>
                        {o.name ?? o.shortName ?? o.id}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{o.organizationType ?? o.classification}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Section>
        </Page>
      )}
    </QueryView>
  );
}
