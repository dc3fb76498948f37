import { Table, Text } from '@mantine/core';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { useI18n } from '../../lib/i18n';
import { useBodies } from './api';
import type { BodyNode } from './types';

/** Depth-first, so each town follows its district; depth drives the indentation. */
function flatten(nodes: BodyNode[], depth = 0): Array<{ body: BodyNode; depth: number }> {
  return nodes.flatMap((body) => [{ body, depth }, ...flatten(body.children ?? [], depth + 1)]);
}

export function BodiesPage() {
  const { t } = useI18n();
  const query = useBodies();
  return (
    <Page title={t('body.list.title')} description={t('body.list.description')}>
      <QueryView query={query}>
        {(data) => {
          const rows = flatten(data.items);
          const attributions = [...new Set(rows.map((r) => r.body.attribution).filter(Boolean))];
          return (
            <>
              <Table.ScrollContainer minWidth={480}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('body.name')}</Table.Th>
                      <Table.Th scope="col">{t('body.kind')}</Table.Th>
                      <Table.Th scope="col">{t('body.ags')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map(({ body, depth }) => (
                      <Table.Tr key={body.id}>
                        <Table.Th scope="row" fw={depth === 0 ? 600 : 400} pl={12 + depth * 24}>
                          {body.name}
                        </Table.Th>
                        <Table.Td>{t(`bodyKind.${body.kind}`)}</Table.Td>
                        <Table.Td ff="monospace">{body.ags}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {attributions.map((a) => (
                <Text key={a} size="sm" c="dimmed">
                  {t('body.attribution')}: {a}
                </Text>
              ))}
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}
