import { Anchor, Button, Table, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router-dom';
import { Page } from '../../components/page';
import { Pager } from '../../components/pager';
import { QueryView } from '../../components/query-view';
import { canEdit, useAuth } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { usePeople } from './api';
import { SearchForm } from './form-parts';

const LIMIT = 50;

export function PeoplePage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const query = usePeople({ q: q || undefined, limit: LIMIT, offset });

  return (
    <Page
      title={t('person.list.title')}
      actions={
        canEdit(user) && (
          <Button component={Link} to="/people/new">
            {t('person.new')}
          </Button>
        )
      }
    >
      <SearchForm
        label={t('person.search')}
        placeholder={t('person.searchPlaceholder')}
        initial={q}
        onSearch={(next) => setParams(next ? { q: next } : {})}
      />
      <QueryView query={query}>
        {(data) => (
          <>
            <Text role="status" size="sm">
              {t('common.results', { count: data.total })}
            </Text>
            {data.items.length > 0 && (
              <Table.ScrollContainer minWidth={480}>
                <Table striped highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('org.name')}</Table.Th>
                      <Table.Th scope="col">{t('person.email')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((p) => (
                      <Table.Tr key={p.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/people/${p.id}`}>
                            {p.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{p.email}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <Pager
              total={data.total}
              offset={offset}
              limit={LIMIT}
              onChange={(o) => setParams({ ...(q ? { q } : {}), offset: String(o) })}
            />
          </>
        )}
      </QueryView>
    </Page>
  );
}
