import { Anchor, Table } from '@mantine/core';
import { Link } from 'react-router-dom';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useCouncilBodies } from './api';

export function CouncilBodiesPage() {
  const { t, lang } = useI18n();
  const query = useCouncilBodies();
  return (
    <Page title={t('nav.council')} description={t('council.bodies.description')}>
      <QueryView query={query}>
        {({ items }) => (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('council.body')}</Table.Th>
                <Table.Th scope="col">{t('council.papers')}</Table.Th>
                <Table.Th scope="col">{t('council.lastSync')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/council/bodies/${b.id}`}>
                      {b.name ?? b.shortName ?? b.id}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{b.papers}</Table.Td>
                  <Table.Td>{formatDateTime(b.lastSync, lang)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
    </Page>
  );
}
