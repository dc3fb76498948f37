import { List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { QueryView } from '../../components/query-view';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

interface Activity {
  id: number;
  at: string;
  kind: string;
  organizationName: string | null;
  actorLabel: string;
  summary: string;
}

/** The radar's log for one call: who pointed it out to whom and when (partners see their own). */
export function ActivityLog({ callId }: { callId: number }) {
  const { t, lang } = useI18n();
  const query = useQuery({
    queryKey: ['funding', 'activity', callId],
    queryFn: () => api<{ items: Activity[] }>(`/api/funding/calls/${callId}/activity`),
  });
  return (
    <QueryView query={query}>
      {(data) =>
        data.items.length === 0 ? (
          <Text>{t('funding.activity.empty')}</Text>
        ) : (
          <List>
            {data.items.map((a) => (
              <List.Item key={a.id}>
                <Text>{a.summary}</Text>
                <Text size="sm" c="dimmed">
                  <time dateTime={a.at}>{formatDateTime(a.at, lang)}</time> · {a.actorLabel}
                </Text>
              </List.Item>
            ))}
          </List>
        )
      }
    </QueryView>
  );
}
