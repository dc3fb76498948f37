import { Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { FormActions, today } from './form-parts';
import type { MembershipDetail } from './types';

/** Ends a membership on a date; the API answers 409 when someone changed it meanwhile. */
export function EndMembershipModal({
  membership,
  onClose,
}: {
  membership: MembershipDetail | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [endDate, setEndDate] = useState(today());
  const [error, setError] = useState<string | undefined>();
  const end = useMutation({
    mutationFn: (m: MembershipDetail) =>
      api(`/api/memberships/${m.id}/end`, { method: 'POST', body: { endDate, version: m.version } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['directory'] });
      onClose();
    },
  });

  useEffect(() => {
    if (membership) {
      setEndDate(today());
      setError(undefined);
      end.reset();
    }
  }, [membership, end.reset]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!membership) return;
    if (!endDate) return setError(t('member.dateRequired'));
    if (membership.startDate && endDate < membership.startDate) return setError(t('member.dateOrder'));
    setError(undefined);
    end.mutate(membership);
  }

  return (
    <Modal
      opened={membership !== null}
      onClose={onClose}
      title={t('member.end.title')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {membership && (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text>{t('member.end.text', { person: membership.person.name, role: membership.role })}</Text>
            <ApiErrorAlert error={end.error} />
            <TextInput
              type="date"
              label={t('member.endDate')}
              required
              value={endDate}
              onChange={(e) => setEndDate(e.currentTarget.value)}
              error={error}
              data-autofocus
            />
            <FormActions onCancel={onClose} saving={end.isPending} submitLabel={t('member.end')} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
