import { Alert, Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import type { SavedField } from './field-of-action-modal';

interface Job {
  status: string;
  progress_done: number;
  progress_total: number | null;
}

const moving = (status: string | undefined) =>
  status === undefined || status === 'queued' || status === 'running';

/**
 * After a field's rules changed: says that every document is being re-classified in the
 * background (job search.reclassify) and follows that job until it is done.
 */
export function ReclassifyStatus({ saved }: { saved: SavedField }) {
  const { t } = useI18n();
  const job = useQuery({
    queryKey: ['jobs', saved.reclassifyJobId],
    queryFn: () => api<Job>(`/api/jobs/${saved.reclassifyJobId}`),
    refetchInterval: (query) => (moving(query.state.data?.status) ? 3000 : false),
  });
  const status = job.data?.status ?? 'queued';
  const total = job.data?.progress_total ?? 0;
  const done = job.data?.progress_done ?? 0;
  return (
    <Alert color="blue" role="status" title={t('fields.saved', { name: saved.name })}>
      <Stack gap="xs">
        <Text>{t('fields.reclassifyQueued')}</Text>
        <Text size="sm">{t(`fields.reclassify.${status}`, { done, total })}</Text>
        {status === 'running' && total > 0 && (
          <Progress value={(100 * done) / total} aria-label={t('fields.reclassify.progress')} />
        )}
      </Stack>
    </Alert>
  );
}
