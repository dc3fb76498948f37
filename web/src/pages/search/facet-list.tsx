import { Button, Stack, Text } from '@mantine/core';
import { useI18n } from '../../lib/i18n';
import type { FacetName, FacetValue } from './types';

/** One facet: its values with counts as toggle buttons (aria-pressed tells the active filter). */
export function FacetList({
  name,
  values,
  active,
  approximate,
  onToggle,
}: {
  name: FacetName;
  values: FacetValue[];
  /** counts are estimates: shown as "ca. n" */
  approximate: boolean;
  active: string | null;
  onToggle: (value: string | null) => void;
}) {
  const { t } = useI18n();
  if (values.length === 0) return null;
  const headingId = `facet-${name}`;
  return (
    <Stack gap={4} component="section" aria-labelledby={headingId}>
      <Text fw={600} id={headingId} size="sm">
        {t(`search.facet.${name}`)}
      </Text>
      {values.slice(0, 12).map((v) => (
        <Button
          key={v.value}
          variant={active === v.value ? 'filled' : 'subtle'}
          size="compact-sm"
          justify="space-between"
          aria-pressed={active === v.value}
          onClick={() => onToggle(active === v.value ? null : v.value)}
          rightSection={<span>{approximate ? t('search.approxCount', { count: v.count }) : v.count}</span>}
        >
          {v.label ?? v.value}
        </Button>
      ))}
    </Stack>
  );
}
