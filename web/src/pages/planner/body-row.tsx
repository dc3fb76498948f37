import { ActionIcon, Badge, Fieldset, Group, MultiSelect, NumberInput, Select, Stack } from '@mantine/core';
import { useI18n } from '../../lib/i18n';
import { usePlannerBody } from './api';
import type { BodyRowState } from './question-state';
import type { PlannerBody } from './types';

/** One body of a question: which body, which sequence (saved or composed), its lead days. */
export function BodyRow({
  n,
  row,
  bodies,
  onChange,
  onRemove,
}: {
  n: number;
  row: BodyRowState;
  bodies: PlannerBody[];
  onChange: (row: BodyRowState) => void;
  onRemove?: () => void;
}) {
  const { t } = useI18n();
  const detail = usePlannerBody(row.bodyId);
  const body = detail.data;
  const sequenceOptions = [
    ...(body?.sequences ?? []).map((s) => ({ value: `seq:${s.id}`, label: s.name })),
    { value: 'custom', label: t('planner.sequence.custom') },
  ];
  const chosen = body?.sequences.find((s) => `seq:${s.id}` === row.sequence);
  return (
    <Fieldset legend={t('planner.body.n', { n })}>
      <Stack gap="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t('planner.body')}
            data={bodies.map((b) => ({ value: String(b.id), label: b.name }))}
            value={row.bodyId === null ? null : String(row.bodyId)}
            onChange={(v) =>
              onChange({ ...row, bodyId: v ? Number(v) : null, sequence: null, committeeIds: [] })
            }
            searchable
            style={{ flex: '1 1 16rem' }}
          />
          <Select
            label={t('planner.sequence')}
            data={sequenceOptions}
            value={row.sequence}
            onChange={(v) => onChange({ ...row, sequence: v })}
            disabled={!body}
            style={{ flex: '2 1 20rem' }}
          />
          <NumberInput
            label={t('planner.leadDays')}
            description={body ? t('planner.leadDays.default', { days: body.settings.leadDays }) : undefined}
            min={0}
            max={365}
            allowDecimal={false}
            value={row.leadDays}
            onChange={(v) => onChange({ ...row, leadDays: typeof v === 'number' ? v : '' })}
            style={{ flex: '1 1 12rem' }}
          />
          {onRemove && (
            <ActionIcon
              variant="default"
              size="lg"
              onClick={onRemove}
              aria-label={t('planner.body.remove', { n })}
            >
              <span aria-hidden="true">×</span>
            </ActionIcon>
          )}
        </Group>
        {body?.illustrative || chosen?.illustrative ? (
          <Badge color="grape.9" variant="outline">
            {t('planner.illustrative')}
          </Badge>
        ) : null}
        {chosen && <div>{chosen.committees.map((c) => c.name).join(' → ')}</div>}
        {row.sequence === 'custom' && body && (
          <MultiSelect
            label={t('planner.committees')}
            description={t('planner.committees.description')}
            data={body.committees
              .filter((c) => !c.ended)
              .map((c) => ({ value: String(c.id), label: c.name }))}
            value={row.committeeIds.map(String)}
            onChange={(v) => onChange({ ...row, committeeIds: v.map(Number) })}
            searchable
          />
        )}
      </Stack>
    </Fieldset>
  );
}
