import { Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { useAuth } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { useBodies } from './api';
import { BodyModal } from './body-modal';
import { SearchForm } from './form-parts';
import type { Body, BodyNode } from './types';

/** Depth-first, so each town follows its district; depth drives the indentation. */
function flatten(nodes: BodyNode[], depth = 0): Array<{ body: BodyNode; depth: number }> {
  return nodes.flatMap((body) => [{ body, depth }, ...flatten(body.children ?? [], depth + 1)]);
}

export function BodiesPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const query = useBodies(q || undefined);
  // The Kreise a town can be placed in, from the whole tree whatever the search shows.
  const all = useBodies();
  const districts = flatten(all.data?.items ?? [])
    .map((r) => r.body)
    .filter((b) => b.kind === 'district');
  // As on the server: the office (and admins) keep the region's geography.
  const editable = user?.role === 'admin' || user?.role === 'office';
  // undefined: closed; null: a new body; else the body being edited
  const [dialog, setDialog] = useState<Body | null | undefined>(undefined);

  return (
    <Page
      title={t('body.list.title')}
      description={t('body.list.description')}
      actions={editable && <Button onClick={() => setDialog(null)}>{t('body.new')}</Button>}
    >
      <SearchForm
        label={t('org.search')}
        placeholder={t('body.searchPlaceholder')}
        initial={q}
        onSearch={(next) => setParams(next ? { q: next } : {})}
      />
      <QueryView query={query}>
        {(data) => {
          const rows = flatten(data.items);
          const attributions = [...new Set(rows.map((r) => r.body.attribution).filter(Boolean))];
          if (rows.length === 0) return <Text role="status">{t('body.notFound')}</Text>;
          return (
            <>
              <Table.ScrollContainer minWidth={480}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('body.name')}</Table.Th>
                      <Table.Th scope="col">{t('body.kind')}</Table.Th>
                      <Table.Th scope="col">{t('body.ags')}</Table.Th>
                      <Table.Th scope="col">{t('body.ars')}</Table.Th>
                      {editable && <Table.Th scope="col">{t('member.actions')}</Table.Th>}
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
                        <Table.Td ff="monospace">{body.ars}</Table.Td>
                        {editable && (
                          <Table.Td>
                            <Button
                              size="compact-sm"
                              variant="default"
                              aria-label={t('body.editLabel', { name: body.name })}
                              onClick={() => setDialog(body)}
                            >
                              {t('common.edit')}
                            </Button>
                          </Table.Td>
                        )}
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
      {editable && (
        <BodyModal
          body={dialog ?? null}
          districts={districts}
          opened={dialog !== undefined}
          onClose={() => setDialog(undefined)}
        />
      )}
    </Page>
  );
}
