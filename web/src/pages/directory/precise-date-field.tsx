import { Group, Select, TextInput } from '@mantine/core';
import { useI18n } from '../../lib/i18n';
import type { DatePrecision } from './types';

const precisions: DatePrecision[] = ['day', 'month', 'year'];

/** A month or year is stored as its first day (README: dates with precision); empty stays null. */
export function periodStart(date: string, precision: DatePrecision): string | null {
  if (!date) return null;
  if (precision === 'year') return `${date.slice(0, 4)}-01-01`;
  if (precision === 'month') return `${date.slice(0, 7)}-01`;
  return date;
}

/**
 * A date and how precise the source is ("März 2017" is stored as 2017-03-01 with precision month),
 * as two labelled fields side by side.
 */
export function PreciseDateField({
  label,
  precisionLabel,
  date,
  precision,
  onDate,
  onPrecision,
  error,
  field,
}: {
  label: string;
  precisionLabel: string;
  date: string;
  precision: DatePrecision;
  onDate: (value: string) => void;
  onPrecision: (value: DatePrecision) => void;
  error?: string;
  /** data-field, so a form can move focus to the first field with an error */
  field?: string;
}) {
  const { t } = useI18n();
  return (
    <Group grow align="flex-start" gap="xs">
      <TextInput
        data-field={field}
        type="date"
        label={label}
        value={date}
        onChange={(e) => onDate(e.currentTarget.value)}
        error={error}
      />
      <Select
        label={precisionLabel}
        allowDeselect={false}
        data={precisions.map((p) => ({ value: p, label: t(`precision.${p}`) }))}
        value={precision}
        onChange={(v) => onPrecision((v as DatePrecision | null) ?? 'day')}
      />
    </Group>
  );
}
