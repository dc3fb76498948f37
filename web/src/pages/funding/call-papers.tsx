import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { QueryView } from '../../components/query-view';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

interface PapersForCall {
  bodies: {
    body: string;
    papers: { id: number; title: string; date: string | null; paperType: string | null; reasons: string[] }[];
  }[];
  total: number;
}

/** The council papers of the region that deal with what the call funds: by body, newest first, with reasons. */
export function CallPapers({ callId }: { callId: number }) {
  const { t, lang } = useI18n();
  const query = useQuery({
    queryKey: ['funding', 'call', callId, 'papers'],
    queryFn: () => api<PapersForCall>(`/api/funding/calls/${callId}/papers`),
  });
  return (
    <QueryView query={query} title={t('funding.papers.title')}>
      {(answer) =>
        answer.total === 0 ? (
          <Text>{t('funding.papers.none')}</Text>
        ) : (
          <Stack gap="sm">
            {answer.bodies.map((b) => (
              <div key={b.body}>
                <Title order={3} fz="sm">
                  {b.body}
                </Title>
                <List spacing="xs">
                  {b.papers.map((p) => (
                    <List.Item key={p.id}>
                      <Anchor component={Link} to={`/council/papers/${p.id}`}>
                        {p.title}
                      </Anchor>{' '}
                      <Text span size="sm" c="dimmed">
                        {[p.date ? formatDate(p.date, lang) : null, p.paperType].filter(Boolean).join(' · ')}
                      </Text>
                      <Text size="sm">{t('funding.papers.why', { reasons: p.reasons.join('; ') })}</Text>
                    </List.Item>
                  ))}
                </List>
              </div>
            ))}
          </Stack>
        )
      }
    </QueryView>
  );
}
