import { Anchor, Badge, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Page } from '../../components/page';
import { Pager } from '../../components/pager';
import { QueryView } from '../../components/query-view';
import { canEdit, useAuth } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { queryString, useOrganizations } from './api';
import { kinds } from './organization-kinds';

const LIMIT = 50;

export function OrganizationsPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kind = params.get('kind') ?? '';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const [draft, setDraft] = useState(q);
  const query = useOrganizations({ q: q || undefined, kind: kind || undefined, limit: LIMIT, offset });

  function update(next: Record<string, string>) {
    const merged = { q, kind, offset: '', ...next };
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== '' && v !== '0')));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    update({ q: draft.trim() });
  }

  const csvHref = `/api/organizations${queryString({ q: q || undefined, kind: kind || undefined, format: 'csv', limit: 500 })}`;

  return (
    <Page
      title={t('org.list.title')}
      description={t('org.list.description')}
      actions={
        <>
          <Button component="a" href={csvHref} variant="default" download>
            {t('org.csv')}
          </Button>
          {canEdit(user) && (
            <Button component={Link} to="/organizations/new">
              {t('org.new')}
            </Button>
          )}
        </>
      }
    >
      <search aria-label={t('org.search')}>
        <form onSubmit={submit}>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('org.search')}
              placeholder={t('org.searchPlaceholder')}
              type="search"
              value={draft}
              onChange={(e) => setDraft(e.currentTarget.value)}
              w={{ base: '100%', sm: 320 }}
            />
            <Select
              label={t('org.kind')}
              data={[
                { value: '', label: t('org.allKinds') },
                ...kinds.map((k) => ({ value: k, label: t(`kind.${k}`) })),
              ]}
              value={kind}
              onChange={(v) => update({ kind: v ?? '' })}
              allowDeselect={false}
              w={{ base: '100%', sm: 240 }}
            />
            <Button type="submit" variant="default">
              {t('org.searchSubmit')}
            </Button>
          </Group>
        </form>
      </search>
      <QueryView query={query}>
        {(data) => (
          <>
            <Text role="status" size="sm">
              {t('common.results', { count: data.total })}
            </Text>
            {data.items.length === 0 ? (
              <Text>{t('org.notFoundHint')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={480}>
                <Table striped highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('org.name')}</Table.Th>
                      <Table.Th scope="col">{t('org.shortName')}</Table.Th>
                      <Table.Th scope="col">{t('org.kind')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((org) => (
                      <Table.Tr key={org.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/organizations/${org.id}`}>
                            {org.name}
                          </Anchor>
                          {!org.isPublic && (
                            <Badge ml="xs" size="sm" variant="outline" color="gray.8">
                              {t('org.visibility.restricted')}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>{org.shortName}</Table.Td>
                        <Table.Td>{t(`kind.${org.kind}`)}</Table.Td>
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
              onChange={(o) => update({ offset: String(o) })}
            />
          </>
        )}
      </QueryView>
    </Page>
  );
}
