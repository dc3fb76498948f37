import { Button, Group, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { api } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import type { Watch } from './api';
import { useActsForOrganization } from './saved-searches';

/**
 * "Watch" for signed-in users, for themselves or (office, partners) for their organisation, whose
 * members then all get its reminders; visitors are told to sign in.
 */
export function WatchButton({ callId }: { callId: number }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const forOrg = useActsForOrganization();
  const queryClient = useQueryClient();
  const watches = useQuery({
    queryKey: ['funding', 'watches'],
    queryFn: () => api<{ items: Watch[] }>('/api/funding/watches'),
    enabled: user !== null,
  });
  const watch = useMutation({
    mutationFn: (forOrganization: boolean) =>
      api<{ id: number }>('/api/funding/watches', { method: 'POST', body: { callId, forOrganization } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['funding'] }),
  });
  if (!user) return <Text size="sm">{t('funding.call.signInToWatch')}</Text>;
  const mine = watches.data?.items.filter((w) => w.callId === callId) ?? [];
  const watched = mine.some((w) => w.organizationId === null);
  const watchedByOrg = mine.some((w) => w.organizationId !== null);
  return (
    <>
      <Group gap="sm">
        {watched ? (
          <Text size="sm" role="status">
            {t('funding.call.watched')}
          </Text>
        ) : (
          <Button
            onClick={() => watch.mutate(false)}
            loading={watch.isPending && watch.variables === false}
            disabled={watches.isPending}
          >
            {t('funding.call.watch')}
          </Button>
        )}
        {watchedByOrg ? (
          <Text size="sm" role="status">
            {t('funding.call.watchedForOrg')}
          </Text>
        ) : (
          forOrg && (
            <Button
              variant="default"
              onClick={() => watch.mutate(true)}
              loading={watch.isPending && watch.variables === true}
              disabled={watches.isPending}
            >
              {t('funding.call.watchForOrg')}
            </Button>
          )
        )}
      </Group>
      <ApiErrorAlert error={watch.error} />
    </>
  );
}
