import { Autocomplete, Button, Group, Select, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { type CallFilters, callStatuses, giverLevels, useCallFacets } from './calls-api';

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
  const facets = useCallFacets().data;
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
  // These filters match whole entries, so the values in use are offered while typing.
  const suggest = (key: 'applicant' | 'region' | 'fieldOfAction') => (
    <Autocomplete
      label={t(`funding.calls.${key}`)}
      data={facets?.[key] ?? []}
      value={draft[key] ?? ''}
      onChange={set(key)}
      w={{ base: '100%', sm: 220 }}
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
          {suggest('applicant')}
          {suggest('region')}
          {suggest('fieldOfAction')}
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
