import { Select } from '@mantine/core';
import { useOrganizations, usePeople } from './api';

interface EntitySelectProps {
  label: string;
  value: number | null;
  onChange: (id: number | null) => void;
  error?: string;
  required?: boolean;
  /** an id that must not be offered (an organisation cannot be its own parent) */
  exclude?: number;
}

function toOptions(
  items: Array<{ id: number; name: string; shortName?: string | null }> | undefined,
  exclude?: number,
) {
  return (items ?? [])
    .filter((i) => i.id !== exclude)
    .map((i) => ({ value: String(i.id), label: i.shortName ? `${i.name} (${i.shortName})` : i.name }));
}

/** Searchable choice of an organisation (first 500 by name; typing filters them). */
export function OrganizationSelect({ label, value, onChange, error, required, exclude }: EntitySelectProps) {
  const query = useOrganizations({ limit: 500 });
  return (
    <Select
      label={label}
      searchable
      clearable={!required}
      required={required}
      data={toOptions(query.data?.items, exclude)}
      value={value == null ? null : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
      error={error}
      nothingFoundMessage="—"
    />
  );
}

export function PersonSelect({ label, value, onChange, error, required }: EntitySelectProps) {
  const query = usePeople({ limit: 500 });
  return (
    <Select
      label={label}
      searchable
      clearable={!required}
      required={required}
      data={toOptions(query.data?.items)}
      value={value == null ? null : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
      error={error}
      nothingFoundMessage="—"
    />
  );
}
