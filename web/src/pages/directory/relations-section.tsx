import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { Section } from '../../components/section';
import { ApiError, api } from '../../lib/api';
import { fieldErrors } from '../../lib/error-message';
import { useI18n } from '../../lib/i18n';
import { OrganizationSelect } from './entity-select';
import { FormActions, FormModal, today } from './form-parts';
import { formatRange } from './format-date';
import { PreciseDateField, periodStart } from './precise-date-field';
import type { DatePrecision, RelationDetail } from './types';

const kinds = ['member', 'partner', 'placed_in'] as const;
type Kind = (typeof kinds)[number];

/**
 * An organisation's dated relations to others, both ways ("Mitglied von regionen.NRW", "hat als
 * Partner Landeshauptstadt Düsseldorf"), each linking to the other organisation. The office adds,
 * edits and ends them; a concurrent change answers 409 and the dialog says so.
 */
export function RelationsSection({
  organizationId,
  relations,
  editable,
}: {
  organizationId: number;
  relations: RelationDetail[];
  editable: boolean;
}) {
  const { t, lang } = useI18n();
  // undefined: closed; null: a new relation; else the relation being edited
  const [editing, setEditing] = useState<RelationDetail | null | undefined>(undefined);
  const [ending, setEnding] = useState<RelationDetail | null>(null);
  const current = (r: RelationDetail) => !r.ended && (!r.endDate || r.endDate >= today());
  const sorted = [...relations].sort(
    (a, b) =>
      Number(current(b)) - Number(current(a)) ||
      a.direction.localeCompare(b.direction) ||
      a.other.name.localeCompare(b.other.name),
  );
  const period = (r: RelationDetail) =>
    formatRange(
      { date: r.startDate, precision: r.startPrecision },
      { date: r.endDate, precision: r.endPrecision },
      lang,
      t,
    ) || (r.ended ? '' : t('relation.sinceUnknown'));
  return (
    <Section
      title={t('org.relations')}
      actions={
        editable && (
          <Button variant="default" size="sm" onClick={() => setEditing(null)}>
            {t('relation.add')}
          </Button>
        )
      }
    >
      {sorted.length === 0 ? (
        <Text>{t('common.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('relation.relation')}</Table.Th>
                <Table.Th scope="col">{t('relation.organization')}</Table.Th>
                <Table.Th scope="col">{t('relation.roleShort')}</Table.Th>
                <Table.Th scope="col">{t('relation.period')}</Table.Th>
                {editable && <Table.Th scope="col">{t('member.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    {t(`relation.${r.direction}.${r.kind}`)}
                    {!current(r) && (
                      <Badge ml="xs" size="sm" variant="outline" color="gray.8">
                        {t('relation.ended')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/organizations/${r.other.id}`}>
                      {r.other.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.role ?? ''}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{period(r)}</Text>
                    {r.note && (
                      <Text size="sm" c="dimmed">
                        {r.note}
                      </Text>
                    )}
                  </Table.Td>
                  {editable && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={t('relation.editLabel', { org: r.other.name })}
                          onClick={() => setEditing(r)}
                        >
                          {t('common.edit')}
                        </Button>
                        {current(r) && (
                          <Button
                            size="compact-sm"
                            variant="default"
                            aria-label={t('relation.endLabel', { org: r.other.name })}
                            onClick={() => setEnding(r)}
                          >
                            {t('relation.endAction')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editable && (
        <>
          <FormModal
            title={t(editing ? 'relation.edit' : 'relation.add')}
            opened={editing !== undefined}
            onClose={() => setEditing(undefined)}
          >
            <RelationForm
              key={editing?.id ?? 'new'}
              organizationId={organizationId}
              relation={editing ?? null}
              onDone={() => setEditing(undefined)}
            />
          </FormModal>
          <FormModal title={t('relation.end.title')} opened={ending !== null} onClose={() => setEnding(null)}>
            {ending && <EndRelationForm relation={ending} onDone={() => setEnding(null)} />}
          </FormModal>
        </>
      )}
    </Section>
  );
}

function RelationForm({
  organizationId,
  relation,
  onDone,
}: {
  organizationId: number;
  relation: RelationDetail | null;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const [other, setOther] = useState<number | null>(relation?.other.id ?? null);
  const [kind, setKind] = useState<Kind>(relation?.kind ?? 'member');
  const [role, setRole] = useState(relation?.role ?? '');
  const [startDate, setStartDate] = useState(relation?.startDate ?? '');
  const [startPrecision, setStartPrecision] = useState<DatePrecision>(relation?.startPrecision ?? 'day');
  const [endDate, setEndDate] = useState(relation?.endDate ?? '');
  const [endPrecision, setEndPrecision] = useState<DatePrecision>(relation?.endPrecision ?? 'day');
  const [ended, setEnded] = useState(relation?.ended ?? false);
  const [note, setNote] = useState(relation?.note ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      relation
        ? api(`/api/organization-relations/${relation.id}`, {
            method: 'PATCH',
            body: { ...body, version: relation.version },
          })
        : api(`/api/organizations/${organizationId}/relations`, {
            method: 'POST',
            body: { ...body, relatedOrganizationId: other },
          }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['directory'] });
      onDone();
    },
    onError: async (error) => {
      setErrors(fieldErrors(error, lang, t));
      // changed meanwhile: the page shows the current state, reopening the dialog edits it
      if (error instanceof ApiError && error.status === 409)
        await queryClient.invalidateQueries({ queryKey: ['directory'] });
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!relation && other == null) next.other = t('relation.otherRequired');
    if (startDate && endDate && endDate < startDate) next.endDate = t('relation.dateOrder');
    setErrors(next);
    if (Object.keys(next).length) return;
    save.mutate({
      kind,
      role: role.trim() || null,
      startDate: periodStart(startDate, startPrecision),
      startPrecision,
      endDate: periodStart(endDate, endPrecision),
      endPrecision,
      ended: ended || Boolean(endDate),
      note: note.trim() || null,
    });
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ApiErrorAlert error={save.error} />
        {relation ? (
          <Text>
            {t('relation.other')}: {relation.other.name}
          </Text>
        ) : (
          <OrganizationSelect
            label={t('relation.other')}
            value={other}
            onChange={setOther}
            error={errors.other}
            required
            exclude={organizationId}
          />
        )}
        <Select
          label={t('relation.kind')}
          allowDeselect={false}
          value={kind}
          onChange={(v) => setKind((v as Kind | null) ?? 'member')}
          data={kinds.map((k) => ({
            value: k,
            label: relation?.direction === 'incoming' ? t(`relation.incoming.${k}`) : t(`relation.kind.${k}`),
          }))}
        />
        <TextInput label={t('relation.role')} value={role} onChange={(e) => setRole(e.currentTarget.value)} />
        <PreciseDateField
          label={t('relation.start')}
          precisionLabel={t('relation.startPrecision')}
          date={startDate}
          precision={startPrecision}
          onDate={setStartDate}
          onPrecision={setStartPrecision}
          error={errors.startDate}
        />
        <PreciseDateField
          label={t('relation.end')}
          precisionLabel={t('relation.endPrecision')}
          date={endDate}
          precision={endPrecision}
          onDate={setEndDate}
          onPrecision={setEndPrecision}
          error={errors.endDate}
        />
        <Checkbox
          label={t('relation.endedUndated')}
          checked={ended}
          onChange={(e) => setEnded(e.currentTarget.checked)}
        />
        <Textarea
          label={t('relation.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
        />
        <FormActions onCancel={onDone} saving={save.isPending} />
      </Stack>
    </form>
  );
}

function EndRelationForm({ relation, onDone }: { relation: RelationDetail; onDone: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [endDate, setEndDate] = useState(today());
  const [error, setError] = useState<string | undefined>();
  const end = useMutation({
    mutationFn: () =>
      api(`/api/organization-relations/${relation.id}/end`, {
        method: 'POST',
        body: { endDate, version: relation.version },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['directory'] });
      onDone();
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!endDate) return setError(t('relation.dateRequired'));
    if (relation.startDate && endDate < relation.startDate) return setError(t('relation.dateOrder'));
    setError(undefined);
    end.mutate();
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text>
          {t('relation.end.text', {
            relation: t(`relation.${relation.direction}.${relation.kind}`),
            org: relation.other.name,
          })}
        </Text>
        <ApiErrorAlert error={end.error} />
        <TextInput
          type="date"
          label={t('relation.endDate')}
          required
          value={endDate}
          onChange={(e) => setEndDate(e.currentTarget.value)}
          error={error}
          data-autofocus
        />
        <FormActions onCancel={onDone} saving={end.isPending} submitLabel={t('relation.endAction')} />
      </Stack>
    </form>
  );
}
