import { Button, Checkbox, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { api } from '../../lib/api';
import { fieldErrors } from '../../lib/error-message';
import { useI18n } from '../../lib/i18n';
import type { DatePrecision, EventCreate } from './types';

const eventKinds = ['event', 'meeting', 'workshop', 'decision', 'report', 'partnership', 'funding', 'other'];
const precisions: DatePrecision[] = ['day', 'month', 'year'];

/** Adds a dated entry (meeting, decision, report …) to an organisation's timeline. */
export function AddEventModal({
  organizationId,
  opened,
  onClose,
}: {
  organizationId: number;
  opened: boolean;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const [date, setDate] = useState('');
  const [precision, setPrecision] = useState<DatePrecision>('day');
  const [kind, setKind] = useState('event');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [isPublic, setIsPublic] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: EventCreate) =>
      api(`/api/organizations/${organizationId}/events`, { method: 'POST', body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['directory'] });
      setTitle('');
      setDescription('');
      setDate('');
      onClose();
    },
    onError: (error) => setErrors(fieldErrors(error, lang, t)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!title.trim()) next.title = t('event.titleRequired');
    setErrors(next);
    if (next.title) return document.getElementById('event-title')?.focus();
    save.mutate({
      date: date || null,
      datePrecision: precision,
      kind,
      title: title.trim(),
      description: description.trim() || null,
      isPublic,
    });
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('event.add')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ApiErrorAlert error={save.error} />
          <TextInput
            id="event-title"
            label={t('event.title')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            data-autofocus
          />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('event.date')}
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              error={errors.date}
            />
            <Select
              label={t('event.precision')}
              allowDeselect={false}
              data={precisions.map((p) => ({ value: p, label: t(`precision.${p}`) }))}
              value={precision}
              onChange={(v) => setPrecision((v as DatePrecision | null) ?? 'day')}
            />
            <Select
              label={t('event.kind')}
              allowDeselect={false}
              data={eventKinds.map((k) => ({ value: k, label: t(`eventKind.${k}`) }))}
              value={kind}
              onChange={(v) => setKind(v ?? 'event')}
            />
          </Group>
          <Textarea
            label={t('org.description')}
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
          />
          <Checkbox
            label={t('org.public')}
            checked={isPublic}
            onChange={(e) => setIsPublic(e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
