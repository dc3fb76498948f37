import { Anchor, List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { QueryView } from '../../components/query-view';
import { api } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';

interface Matches {
  items: { callId: number; callTitle: string; score: number; reasons: string[] }[];
}

/** On a council paper: the calls that could fund it, with the reasons (signed-in users). */
export function PaperCalls({ paperId }: { paperId: number }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const query = useQuery({
    queryKey: ['funding', 'paper-calls', paperId],
    queryFn: () => api<Matches>(`/api/funding/matches?paper=${paperId}&limit=10`),
    enabled: Boolean(user),
  });
  if (!user) return <Text>{t('funding.paperCalls.signIn')}</Text>;
  return (
    <QueryView query={query} title={t('funding.paperCalls.title')}>
      {(m) =>
        m.items.length === 0 ? (
          <Text>{t('funding.paperCalls.none')}</Text>
        ) : (
          <List spacing="xs">
            {m.items.map((i) => (
              <List.Item key={i.callId}>
                <Anchor component={Link} to={`/funding/calls/${i.callId}`}>
                  {i.callTitle}
                </Anchor>
                <Text size="sm">{t('funding.papers.why', { reasons: i.reasons.join('; ') })}</Text>
              </List.Item>
            ))}
          </List>
        )
      }
    </QueryView>
  );
}
