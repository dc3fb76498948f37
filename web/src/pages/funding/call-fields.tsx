import { Button, Group, List, MultiSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import type { CallDetail } from './calls-api';

/**
 * A call's fields of action by name, what the classifier read (the matched words are the reasons),
 * and for the office a correction that wins from then on, or hands the call back to the classifier.
 */
export function CallFields({ call, office }: { call: CallDetail; office: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const names = call.fieldNames ?? {};
  const name = (key: string) => names[key] ?? t('funding.fields.unknown');
  const [editing, setEditing] = useState(false);
  const [chosen, setChosen] = useState<string[]>(call.fieldsOfAction);
  const save = useMutation({
    mutationFn: (fields: string[] | null) =>
      api<{ effective: string[] }>(`/api/funding/calls/${call.id}/fields`, {
        method: 'PUT',
        body: { fields },
      }),
    onSuccess: async () => {
      setEditing(false);
      await queryClient.invalidateQueries({ queryKey: ['funding', 'call', call.id] });
    },
  });
  return (
    <Stack gap="xs">
      {call.fieldsOfAction.length === 0 ? (
        <Text>{t('funding.fields.none')}</Text>
      ) : (
        <Text>{call.fieldsOfAction.map(name).join(', ')}</Text>
      )}
      <Text size="sm" c="dimmed">
        {call.fieldsDecidedBy
          ? t('funding.fields.byOffice', { who: call.fieldsDecidedBy })
          : t('funding.fields.auto')}
      </Text>
      {(call.fieldReadings ?? []).length > 0 && (
        <List size="sm" aria-label={t('funding.fields.readings')}>
          {(call.fieldReadings ?? []).map((r) => (
            <List.Item key={r.key}>
              <Text span fw={600}>
                {r.name}
              </Text>{' '}
              {t('funding.fields.matched', { terms: r.matchedTerms.join(', ') })}
            </List.Item>
          ))}
        </List>
      )}
      {office && !editing && (
        <Group>
          <Button variant="default" size="xs" onClick={() => setEditing(true)}>
            {t('funding.fields.correct')}
          </Button>
          {call.fieldsDecidedBy && (
            <Button variant="subtle" size="xs" onClick={() => save.mutate(null)} loading={save.isPending}>
              {t('funding.fields.reset')}
            </Button>
          )}
        </Group>
      )}
      {office && editing && (
        <Stack gap="xs">
          <MultiSelect
            label={t('funding.fields.choose')}
            data={Object.entries(names).map(([value, label]) => ({ value, label }))}
            value={chosen}
            onChange={setChosen}
            searchable
          />
          <Group>
            <Button size="xs" onClick={() => save.mutate(chosen)} loading={save.isPending}>
              {t('common.save')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
      {save.error && <ApiErrorAlert error={save.error} />}
    </Stack>
  );
}
