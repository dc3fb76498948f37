import { Anchor, Button, Checkbox, Collapse, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { Page } from '../../components/page';
import { Pager } from '../../components/pager';
import { QueryView } from '../../components/query-view';
import { apiDownload } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { CallFilterForm } from './call-filters';
import { type CallFilters, type CallListItem, callFilterKeys, callQueryString, useCalls } from './calls-api';
import { Deadline } from './deadline';
import { SaveCurrentSearch } from './saved-searches';

const LIMIT = 50;

/**
 * Funding calls with filters kept in the URL, sorted by next deadline. Rows can be selected (across
 * pages) and exactly the selection exported; the export links take the whole filtered list, every
 * page, streamed by the server without a row limit.
 */
export function CallListPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const office = user?.role === 'admin' || user?.role === 'office';
  const [params, setParams] = useSearchParams();
  const filters: CallFilters = Object.fromEntries(
    callFilterKeys.map((k) => [k, params.get(k) ?? '']).filter(([, v]) => v !== ''),
  );
  const offset = Number(params.get('offset') ?? 0) || 0;
  const query = useCalls(filters, LIMIT, offset);
  // id → title of every chosen call, kept while paging and filtering
  const [selected, setSelected] = useState<Map<number, string>>(new Map());
  const [saving, setSaving] = useState(false);
  const exportSelection = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') =>
      apiDownload(
        '/api/funding/calls/export',
        { format, ids: [...selected.keys()] },
        `foerderaufrufe-auswahl.${format}`,
      ),
  });

  function update(next: CallFilters, nextOffset = 0) {
    const search = new URLSearchParams(callQueryString(next));
    if (nextOffset > 0) search.set('offset', String(nextOffset));
    setParams(search);
  }
  const toggle = (items: CallListItem[], on: boolean) =>
    setSelected((prev) => {
      const next = new Map(prev);
      for (const c of items) {
        if (on) next.set(c.id, c.title);
        else next.delete(c.id);
      }
      return next;
    });

  const exportHref = (format: 'csv' | 'xlsx') => `/api/funding/calls${callQueryString(filters, { format })}`;

  return (
    <Page
      title={t('funding.calls.title')}
      description={t('funding.calls.description')}
      actions={
        <>
          {office && (
            <Button component={Link} to="/funding/calls/new">
              {t('funding.callForm.new')}
            </Button>
          )}
          {user && (
            <Button variant="default" onClick={() => setSaving((s) => !s)} aria-expanded={saving}>
              {t('funding.calls.saveSearch')}
            </Button>
          )}
          <Button component="a" href={exportHref('csv')} variant="default" download>
            {t('funding.calls.csv')}
          </Button>
          <Button component="a" href={exportHref('xlsx')} variant="default" download>
            {t('funding.calls.xlsx')}
          </Button>
        </>
      }
    >
      <CallFilterForm key={params.toString()} filters={filters} onChange={(f) => update(f)} />
      {user && (
        <Collapse in={saving}>
          {/* not keyed by the filters: a name being typed survives a change of filters */}
          {saving && <SaveCurrentSearch filters={filters} />}
        </Collapse>
      )}
      <section aria-label={t('funding.calls.selection')}>
        <Stack gap={4}>
          <Group gap="sm">
            <Text role="status" size="sm" fw={selected.size ? 600 : undefined}>
              {selected.size
                ? t('funding.calls.selected', { count: String(selected.size) })
                : t('funding.calls.noneSelected')}
            </Text>
            {selected.size > 0 && (
              <>
                <Button
                  size="compact-sm"
                  variant="default"
                  loading={exportSelection.isPending && exportSelection.variables === 'csv'}
                  onClick={() => exportSelection.mutate('csv')}
                >
                  {t('funding.calls.selectionCsv')}
                </Button>
                <Button
                  size="compact-sm"
                  variant="default"
                  loading={exportSelection.isPending && exportSelection.variables === 'xlsx'}
                  onClick={() => exportSelection.mutate('xlsx')}
                >
                  {t('funding.calls.selectionXlsx')}
                </Button>
                <Button size="compact-sm" variant="subtle" onClick={() => setSelected(new Map())}>
                  {t('funding.calls.clearSelection')}
                </Button>
              </>
            )}
          </Group>
          <ApiErrorAlert error={exportSelection.error} />
        </Stack>
      </section>
      <QueryView query={query}>
        {(data) => {
          const onPage = data.items.filter((c) => selected.has(c.id)).length;
          return (
            <>
              <Text role="status" size="sm">
                {t('common.results', { count: data.total })}{' '}
                {data.total > 0 && t('funding.calls.exportAll', { count: String(data.total) })}
              </Text>
              {data.items.length === 0 ? (
                <Text>{t('funding.calls.empty')}</Text>
              ) : (
                <Table.ScrollContainer minWidth={720}>
                  <Table striped highlightOnHover>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col" w={40}>
                          <Checkbox
                            aria-label={t('funding.calls.selectPage')}
                            checked={onPage === data.items.length}
                            indeterminate={onPage > 0 && onPage < data.items.length}
                            onChange={(e) => toggle(data.items, e.currentTarget.checked)}
                          />
                        </Table.Th>
                        <Table.Th scope="col">{t('funding.call')}</Table.Th>
                        <Table.Th scope="col">{t('funding.calls.programme')}</Table.Th>
                        <Table.Th scope="col">{t('funding.calls.giver')}</Table.Th>
                        <Table.Th scope="col">{t('funding.calls.status')}</Table.Th>
                        <Table.Th scope="col">{t('funding.calls.nextDeadline')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.items.map((c) => (
                        <Table.Tr key={c.id}>
                          <Table.Td>
                            <Checkbox
                              aria-label={t('funding.calls.select', { title: c.title })}
                              checked={selected.has(c.id)}
                              onChange={(e) => toggle([c], e.currentTarget.checked)}
                            />
                          </Table.Td>
                          <Table.Td>
                            <Anchor component={Link} to={`/funding/calls/${c.id}`}>
                              {c.title}
                            </Anchor>
                          </Table.Td>
                          <Table.Td>
                            {c.programmeId && c.programmeTitle ? (
                              <Anchor component={Link} to={`/funding/programmes/${c.programmeId}`}>
                                {c.programmeTitle}
                              </Anchor>
                            ) : null}
                          </Table.Td>
                          <Table.Td>
                            {c.giverName ?? ''} ({t(`funding.level.${c.giverLevel}`)})
                          </Table.Td>
                          <Table.Td>{t(`funding.status.${c.status}`)}</Table.Td>
                          <Table.Td>
                            <Deadline day={c.nextDeadline} />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              <Pager total={data.total} offset={offset} limit={LIMIT} onChange={(o) => update(filters, o)} />
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}
