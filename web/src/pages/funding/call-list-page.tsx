import { Anchor, Button, Table, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router-dom';
import { Page } from '../../components/page';
import { Pager } from '../../components/pager';
import { QueryView } from '../../components/query-view';
import { useAuth } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { CallFilterForm } from './call-filters';
import { type CallFilters, callFilterKeys, callQueryString, useCalls } from './calls-api';
import { Deadline } from './deadline';

const LIMIT = 50;
// The export takes the whole filtered selection up to the API's page maximum.
const EXPORT_LIMIT = 500;

/** Funding calls with filters kept in the URL, sorted by next deadline, exportable as CSV and XLSX. */
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

  function update(next: CallFilters, nextOffset = 0) {
    const search = new URLSearchParams(callQueryString(next));
    if (nextOffset > 0) search.set('offset', String(nextOffset));
    setParams(search);
  }

  const exportHref = (format: 'csv' | 'xlsx') =>
    `/api/funding/calls${callQueryString(filters, { format, limit: EXPORT_LIMIT })}`;

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
      <QueryView query={query}>
        {(data) => (
          <>
            <Text role="status" size="sm">
              {t('common.results', { count: data.total })}
            </Text>
            {data.items.length === 0 ? (
              <Text>{t('funding.calls.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table striped highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
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
        )}
      </QueryView>
    </Page>
  );
}
