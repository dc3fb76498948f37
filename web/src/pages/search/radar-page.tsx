import { Anchor, Card, Group, List, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { TopicCalls, useRadarCalls } from '../funding/radar-calls';
import { RadarMap } from './radar-map';
import type { Radar, RegionMap } from './types';

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function RadarPage() {
  const { t } = useI18n();
  const today = new Date();
  const [to, setTo] = useState(iso(today));
  const [from, setFrom] = useState(iso(new Date(today.getTime() - 90 * 86_400_000)));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const query = useQuery({
    queryKey: ['radar', from, to],
    queryFn: () => api<Radar>(`/api/radar?from=${from}&to=${to}`),
    enabled: valid,
  });
  const calls = useRadarCalls(query.data?.topics ?? []);
  const map = useQuery({
    queryKey: ['radar-map'],
    queryFn: () => api<RegionMap>('/api/radar/map'),
    staleTime: 3_600_000,
  });
  return (
    <Page title={t('radar.title')} description={t('radar.description')}>
      <Group gap="sm">
        <TextInput
          type="date"
          label={t('radar.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('radar.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
      </Group>
      <QueryView query={query}>
        {(data) => (
          <Stack gap="md">
            <Text role="status">{t('radar.documents', { count: data.documents })}</Text>
            {map.data && <RadarMap map={map.data} radar={data} />}
            {data.topics.length === 0 && <Text>{t('radar.none')}</Text>}
            {data.topics.map((topic) => (
              <Card key={`${topic.kind}-${topic.key}`} withBorder component="section" padding="sm">
                <Title order={2} fz="md">
                  {topic.label}{' '}
                  <Text span c="dimmed" size="sm">
                    ({t(`radar.kind.${topic.kind}`)}, {topic.total})
                  </Text>
                </Title>
                <Table mt="xs" withRowBorders={false} striped>
                  <Table.Caption>{t('radar.bodies')}</Table.Caption>
                  <Table.Tbody>
                    {topic.bodies.map((b) => (
                      <Table.Tr key={b.body}>
                        <Table.Th scope="row">{b.body}</Table.Th>
                        <Table.Td>{b.count}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                <List size="sm" mt="xs">
                  {topic.documents.map((d) => (
                    <List.Item key={`${d.type}-${d.id}`}>
                      <Anchor href={`/search?q=${encodeURIComponent(`"${d.title}"`)}`}>{d.title}</Anchor>{' '}
                      <Text span c="dimmed" size="xs">
                        {[d.date, d.body].filter(Boolean).join(' · ')}
                      </Text>
                    </List.Item>
                  ))}
                </List>
                <TopicCalls calls={calls.data} topic={topic} />
              </Card>
            ))}
          </Stack>
        )}
      </QueryView>
    </Page>
  );
}
