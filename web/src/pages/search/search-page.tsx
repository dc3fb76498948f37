import {
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Page } from '../../components/page';
import { Pager } from '../../components/pager';
import { QueryView } from '../../components/query-view';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { FacetList } from './facet-list';
import { feedParams } from './feed-link';
import { Snippet } from './snippet';
import type { FacetName, SearchResult } from './types';

const LIMIT = 20;
const facetNames: FacetName[] = ['type', 'body', 'committee', 'paperType', 'year', 'field'];
const filterKeys = ['type', 'body', 'committee', 'paperType', 'year', 'field', 'sort'];

function SearchResults({
  params,
  setParam,
}: {
  params: URLSearchParams;
  setParam: (k: string, v: string | null) => void;
}) {
  const { t } = useI18n();
  const query = useQuery({
    queryKey: ['search', params.toString()],
    queryFn: () => api<SearchResult>(`/api/search?${params.toString()}&limit=${LIMIT}`),
  });
  const offset = Number(params.get('offset') ?? 0);
  const exportParams = new URLSearchParams(params);
  exportParams.delete('offset');
  return (
    <QueryView query={query}>
      {(data) => (
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 3 }}>
            <Stack gap="md" component="aside" aria-label={t('search.filters')}>
              {facetNames.map((f) => (
                <FacetList
                  key={f}
                  name={f}
                  values={data.facets[f]}
                  approximate={data.facetsApproximate}
                  active={params.get(f)}
                  onToggle={(v) => setParam(f, v)}
                />
              ))}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 9 }}>
            <Stack gap="sm">
              <Group justify="space-between">
                <Text role="status">
                  {t(data.totalApproximate ? 'search.totalApprox' : 'search.total', { count: data.total })}
                  {data.facetsApproximate && (
                    <Text span size="sm" c="dimmed" display="block">
                      {t('search.approximate')}
                    </Text>
                  )}
                </Text>
                <Group gap="sm">
                  <Anchor href={`/api/search?${exportParams.toString()}&format=csv`}>
                    {t('search.csv')}
                  </Anchor>
                  <Anchor href={`/feeds/search.atom?${feedParams(params).toString()}`}>
                    {t('search.atom')}
                  </Anchor>
                </Group>
              </Group>
              {data.hits.length === 0 && <Text>{t('search.none')}</Text>}
              <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {data.hits.map((h) => (
                  <Card key={`${h.type}-${h.id}`} withBorder component="li" padding="sm">
                    <Group gap="xs" mb={4} wrap="wrap">
                      <Title order={2} fz="md">
                        {h.url ? <Anchor href={h.url}>{h.title}</Anchor> : h.title}
                      </Title>
                      {!h.isPublic && <Badge color="orange">{t('search.restricted')}</Badge>}
                    </Group>
                    <Text size="sm" c="dimmed">
                      {[h.date, h.body, h.committee, h.paperType].filter(Boolean).join(' · ')}
                    </Text>
                    <Snippet html={h.snippet} />
                  </Card>
                ))}
              </Stack>
              <Pager
                total={data.total}
                offset={offset}
                limit={LIMIT}
                onChange={(o) => setParam('offset', String(o))}
              />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </QueryView>
  );
}

export function SearchPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    if (key !== 'offset') next.delete('offset');
    setParams(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParam('q', text.trim() || null);
  };
  const hasFilters = filterKeys.some((k) => k !== 'sort' && params.has(k));
  return (
    <Page title={t('search.title')} description={t('search.description')}>
      <form onSubmit={submit} aria-label={t('search.title')}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('search.query')}
            description={t('search.help')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            maw={520}
            w="100%"
            maxLength={500}
          />
          <Select
            label={t('search.sort')}
            value={params.get('sort') ?? 'relevance'}
            onChange={(v) => setParam('sort', v === 'relevance' ? null : v)}
            data={[
              { value: 'relevance', label: t('search.sort.relevance') },
              { value: 'date', label: t('search.sort.date') },
            ]}
            allowDeselect={false}
            w={160}
          />
          <Button type="submit">{t('search.submit')}</Button>
          {hasFilters && (
            <Button
              variant="default"
              onClick={() =>
                setParams(new URLSearchParams(params.get('q') ? { q: params.get('q') ?? '' } : {}))
              }
            >
              {t('search.clear')}
            </Button>
          )}
        </Group>
      </form>
      {params.get('q') && <SearchResults params={params} setParam={setParam} />}
    </Page>
  );
}
