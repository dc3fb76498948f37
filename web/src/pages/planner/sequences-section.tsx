import { Badge, Button, Group, Modal, MultiSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { Section } from '../../components/section';
import { useI18n } from '../../lib/i18n';
import { useCreateSequence, useDeleteSequence, useUpdateSequence } from './api';
import type { PlannerBodyDetail, Sequence } from './types';

export function SequencesSection({ body, editable }: { body: PlannerBodyDetail; editable: boolean }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Sequence | 'new' | null>(null);
  const remove = useDeleteSequence();
  return (
    <Section
      title={t('planner.sequences')}
      actions={
        editable && (
          <Button variant="light" onClick={() => setEditing('new')}>
            {t('planner.sequence.add')}
          </Button>
        )
      }
    >
      {body.sequences.length === 0 ? (
        <Text>{t('common.none')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('planner.sequence.name')}</Table.Th>
              <Table.Th>{t('planner.committees')}</Table.Th>
              {editable && <Table.Th>{t('planner.calendar.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {body.sequences.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  {s.name}
                  {s.illustrative && (
                    <Badge ml="xs" variant="outline" color="grape.9">
                      {t('planner.illustrative')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{s.committees.map((c) => c.name).join(' → ')}</Table.Td>
                {editable && (
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setEditing(s)}
                        aria-label={t('planner.sequence.editOne', { name: s.name })}
                      >
                        {t('common.edit')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        color="red"
                        loading={remove.isPending && remove.variables?.id === s.id}
                        onClick={() => remove.mutate({ id: s.id, version: s.version })}
                        aria-label={t('planner.sequence.delete', { name: s.name })}
                      >
                        ×
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ApiErrorAlert error={remove.error} />
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('planner.sequence.add') : t('planner.sequence.edit')}
      >
        {editing !== null && (
          <SequenceForm
            key={editing === 'new' ? 'new' : editing.id}
            body={body}
            sequence={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </Section>
  );
}

function SequenceForm({
  body,
  sequence,
  onDone,
}: {
  body: PlannerBodyDetail;
  sequence: Sequence | null;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(sequence?.name ?? '');
  const [committees, setCommittees] = useState<string[]>(sequence?.committees.map((c) => String(c.id)) ?? []);
  const [tried, setTried] = useState(false);
  const create = useCreateSequence(body.id);
  const update = useUpdateSequence();
  const save = sequence ? update : create;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!name.trim() || committees.length === 0) return;
    const values = { name: name.trim(), committeeIds: committees.map(Number) };
    if (sequence)
      update.mutate({ id: sequence.id, version: sequence.version, ...values }, { onSuccess: onDone });
    else create.mutate(values, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('planner.sequence.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={tried && !name.trim() ? t('planner.required') : undefined}
        />
        <MultiSelect
          label={t('planner.committees')}
          description={t('planner.committees.description')}
          required
          data={body.committees.filter((c) => !c.ended).map((c) => ({ value: String(c.id), label: c.name }))}
          value={committees}
          onChange={setCommittees}
          searchable
          error={tried && committees.length === 0 ? t('planner.required') : undefined}
        />
        <ApiErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
