import { Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { RequireRole } from '../../components/require-role';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { AuditDiffTable } from './audit-diff-table';
import { AuditEntityLink } from './audit-entity-link';

export interface AuditEntry {
  id: number;
  at: string;
  actorLabel: string;
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

const PAGE = 50;

function useAudit(entityType: string) {
  return useInfiniteQuery({
    queryKey: ['admin', 'audit', entityType],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(PAGE) });
      if (entityType) params.set('entityType', entityType);
      if (pageParam) params.set('beforeId', String(pageParam));
      return api<{ items: AuditEntry[] }>(`/api/audit?${params}`);
    },
    getNextPageParam: (last) =>
      last.items.length === PAGE ? last.items[last.items.length - 1].id : undefined,
  });
}

export function AuditPage() {
  const { t } = useI18n();
  return (
    <RequireRole roles={['admin']} title={t('audit.title')}>
      <AuditLog />
    </RequireRole>
  );
}

function AuditLog() {
  const { t, lang } = useI18n();
  const [entityType, setEntityType] = useState('');
  const [draft, setDraft] = useState('');
  const query = useAudit(entityType);
  const actionLabel = (action: string) => {
    const key = `audit.action.${action}`;
    return t(key) === key ? action : t(key);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setEntityType(draft.trim());
  }

  return (
    <Page title={t('audit.title')} description={t('audit.description')}>
      <search aria-label={t('audit.entityType')}>
        <form onSubmit={submit}>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('audit.entityType')}
              placeholder="membership"
              value={draft}
              onChange={(e) => setDraft(e.currentTarget.value)}
            />
            <Button type="submit" variant="default">
              {t('org.searchSubmit')}
            </Button>
          </Group>
        </form>
      </search>
      <QueryView query={query}>
        {(data) => {
          const items = data.pages.flatMap((p) => p.items);
          if (items.length === 0) return <Text>{t('common.none')}</Text>;
          return (
            <Stack>
              <Table.ScrollContainer minWidth={800}>
                <Table verticalSpacing="sm" striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('audit.when')}</Table.Th>
                      <Table.Th scope="col">{t('audit.who')}</Table.Th>
                      <Table.Th scope="col">{t('audit.what')}</Table.Th>
                      <Table.Th scope="col">{t('audit.changes')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((e) => (
                      <Table.Tr key={e.id}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>
                        </Table.Td>
                        <Table.Td>{e.actorLabel}</Table.Td>
                        <Table.Td>
                          <AuditEntityLink entry={e} /> {actionLabel(e.action)}
                        </Table.Td>
                        <Table.Td>
                          <AuditDiffTable before={e.before} after={e.after} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {query.hasNextPage && (
                <Button
                  variant="default"
                  onClick={() => query.fetchNextPage()}
                  loading={query.isFetchingNextPage}
                  w="fit-content"
                >
                  {t('audit.more')}
                </Button>
              )}
            </Stack>
          );
        }}
      </QueryView>
    </Page>
  );
}
