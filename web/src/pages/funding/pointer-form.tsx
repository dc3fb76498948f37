import { Alert, Button, Group, MultiSelect, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useOrganizationOptions } from './matching-api';

/** The office points the call out to chosen partner organisations, with a note (office only). */
export function PointerForm({ callId }: { callId: number }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const organizations = useOrganizationOptions();
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const send = useMutation({
    mutationFn: () =>
      api<{ ids: number[] }>('/api/funding/pointers', {
        method: 'POST',
        body: { callId, organizationIds: chosen.map(Number), note: note.trim() || null },
      }),
    onSuccess: async () => {
      setChosen([]);
      setNote('');
      await queryClient.invalidateQueries({ queryKey: ['funding'] });
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen.length === 0) {
      // Announced rather than focused: focusing the searchable field would open its option list.
      setMissing(true);
      return;
    }
    setMissing(false);
    send.mutate();
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={640}>
        <MultiSelect
          label={t('funding.pointer.organizations')}
          required
          searchable
          data={organizations.data ?? []}
          value={chosen}
          onChange={(v) => {
            setChosen(v);
            if (v.length) setMissing(false);
          }}
          error={missing ? <span role="alert">{t('funding.pointer.organizationsRequired')}</span> : undefined}
          nothingFoundMessage={t('funding.form.nothingFound')}
        />
        <Textarea
          label={t('funding.pointer.note')}
          autosize
          minRows={2}
          maxLength={4000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={send.isPending}>
            {t('funding.pointer.send')}
          </Button>
        </Group>
        {send.isSuccess && (
          <Alert color="green" role="status">
            {t('funding.pointer.sent', { count: send.data.ids.length })}
          </Alert>
        )}
        <ApiErrorAlert error={send.error} />
      </Stack>
    </form>
  );
}
