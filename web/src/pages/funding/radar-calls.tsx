import { Anchor, List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

interface TopicCall {
  id: number;
  title: string;
  nextDeadline: string | null;
}
export interface RadarCalls {
  fields: Record<string, TopicCall[]>;
  terms: Record<string, TopicCall[]>;
}

/** The open calls for the radar's topics, asked once for all of them. */
export function useRadarCalls(topics: { kind: 'field' | 'term'; key: string; label: string }[]) {
  const params = new URLSearchParams();
  for (const t of topics) {
    if (t.kind === 'field' && /^\d+$/.test(t.key)) params.append('field', t.key);
    else if (t.kind === 'term' && t.label.length >= 2) params.append('term', t.label);
  }
  const qs = params.toString();
  return useQuery({
    queryKey: ['funding', 'radar-calls', qs],
    queryFn: () => api<RadarCalls>(`/api/funding/radar-calls?${qs}`),
    enabled: qs !== '',
  });
}

/** "Offene Aufrufe, die passen" under one radar topic. */
export function TopicCalls({
  calls,
  topic,
}: {
  calls: RadarCalls | undefined;
  topic: { kind: 'field' | 'term'; key: string; label: string };
}) {
  const { t, lang } = useI18n();
  const list = (topic.kind === 'field' ? calls?.fields[topic.key] : calls?.terms[topic.label]) ?? [];
  if (!calls) return null;
  return (
    <>
      <Text size="sm" fw={600} mt="xs">
        {t('funding.radar.openCalls')}
      </Text>
      {list.length === 0 ? (
        <Text size="sm">{t('funding.radar.noCalls')}</Text>
      ) : (
        <List size="sm">
          {list.map((c) => (
            <List.Item key={c.id}>
              <Anchor component={Link} to={`/funding/calls/${c.id}`}>
                {c.title}
              </Anchor>
              {c.nextDeadline && (
                <Text span c="dimmed" size="xs">
                  {' '}
                  {t('funding.radar.deadline', { date: formatDate(c.nextDeadline, lang) })}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}
