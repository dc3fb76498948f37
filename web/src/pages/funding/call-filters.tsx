import { Button, Group, Select, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { type CallFilters, callStatuses, giverLevels } from './calls-api';

/** The filter form of the call list; text fields apply on submit, selects at once. */
export function CallFilterForm({
  filters,
  onChange,
}: {
  filters: CallFilters;
  onChange: (next: CallFilters) => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<CallFilters>(filters);
  const set = (key: keyof CallFilters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  function submit(event: FormEvent) {
    event.preventDefault();
    onChange(Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v?.trim() ?? ''])));
  }
  const text = (key: keyof CallFilters, type: 'search' | 'text' | 'date' = 'text') => (
    <TextInput
      label={t(`funding.calls.${key}`)}
      type={type}
      value={draft[key] ?? ''}
      onChange={(e) => set(key)(e.currentTarget.value)}
      w={{ base: '100%', sm: type === 'date' ? 170 : 220 }}
    />
  );
  const select = (key: 'status' | 'giverLevel', values: string[], prefix: string) => (
    <Select
      label={t(`funding.calls.${key}`)}
      data={[
        { value: '', label: t('funding.calls.all') },
        ...values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) })),
      ]}
      value={draft[key] ?? ''}
      onChange={(v) => {
        const next = { ...draft, [key]: v ?? '' };
        setDraft(next);
        onChange(next);
      }}
      allowDeselect={false}
      w={{ base: '100%', sm: 170 }}
    />
  );
  return (
    <search aria-label={t('funding.calls.filters')}>
      <form onSubmit={submit}>
        <Group align="flex-end" gap="sm">
          {text('q', 'search')}
          {select('status', callStatuses, 'funding.status')}
          {select('giverLevel', giverLevels, 'funding.level')}
          {text('applicant')}
          {text('region')}
          {text('fieldOfAction')}
          {text('deadlineFrom', 'date')}
          {text('deadlineTo', 'date')}
          <Button type="submit" variant="default">
            {t('funding.calls.apply')}
          </Button>
          <Button
            variant="subtle"
            onClick={() => {
              setDraft({});
              onChange({});
            }}
          >
            {t('funding.calls.reset')}
          </Button>
        </Group>
      </form>
    </search>
  );
}
