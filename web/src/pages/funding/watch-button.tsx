import { Button, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { api } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import type { Watch } from './api';

/** "Watch" for signed-in users (existing watch API); visitors are told to sign in. */
export function WatchButton({ callId }: { callId: number }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const watches = useQuery({
    queryKey: ['funding', 'watches'],
    queryFn: () => api<{ items: Watch[] }>('/api/funding/watches'),
    enabled: user !== null,
  });
  const watch = useMutation({
    mutationFn: () => api<{ id: number }>('/api/funding/watches', { method: 'POST', body: { callId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['funding'] }),
  });
  if (!user) return <Text size="sm">{t('funding.call.signInToWatch')}</Text>;
  const watched = watches.data?.items.some((w) => w.callId === callId && w.organizationId === null);
  if (watched) {
    return (
      <Text size="sm" role="status">
        {t('funding.call.watched')}
      </Text>
    );
  }
  return (
    <>
      <Button onClick={() => watch.mutate()} loading={watch.isPending} disabled={watches.isPending}>
        {t('funding.call.watch')}
      </Button>
      <ApiErrorAlert error={watch.error} />
    </>
  );
}
