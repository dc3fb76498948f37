import { Anchor, Button, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { api } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import type { GiverLevel } from './calls-api';

interface ProgrammeListItem {
  id: number;
  title: string;
  giverLevel: GiverLevel;
  giverName: string | null;
  fundingTypes: string[];
  regions: string[];
  source: string;
  attribution: string | null;
}

/** Every funding programme the office follows, with its giver and funding types; each links to its page. */
export function ProgrammeListPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const office = user?.role === 'admin' || user?.role === 'office';
  const [q, setQ] = useState('');
  const query = useQuery({
    queryKey: ['funding', 'programmes', q],
    queryFn: () =>
      api<{ items: ProgrammeListItem[]; total: number }>(
        `/api/funding/programmes?limit=500${q ? `&q=${encodeURIComponent(q)}` : ''}`,
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <Page
      title={t('funding.programmes.title')}
      actions={
        office && (
          <Button component={Link} to="/funding/programmes/new">
            {t('funding.programmeForm.new')}
          </Button>
        )
      }
    >
      <TextInput
        label={t('funding.programmes.search')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={420}
      />
      <QueryView query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t('funding.programmes.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('funding.calls.programme')}</Table.Th>
                    <Table.Th scope="col">{t('funding.calls.giver')}</Table.Th>
                    <Table.Th scope="col">{t('funding.programme.types')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/funding/programmes/${p.id}`}>
                          {p.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {p.giverName ?? ''} ({t(`funding.level.${p.giverLevel}`)})
                      </Table.Td>
                      <Table.Td>{p.fundingTypes.join(', ')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryView>
    </Page>
  );
}
