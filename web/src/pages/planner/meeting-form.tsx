import { Button, Checkbox, Fieldset, Group, Select, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DateField } from '../../components/date-field';
import { useI18n } from '../../lib/i18n';
import { useCreateMeeting } from './api';
import type { PlannerBodyDetail } from './types';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Enter a meeting by hand: a date the council system does not have yet. */
export function MeetingForm({ body }: { body: PlannerBodyDetail }) {
  const { t } = useI18n();
  const [committee, setCommittee] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(null);
  const [time, setTime] = useState('');
  const [note, setNote] = useState('');
  const [isPublic, setIsPublic] = useState(true);
  const [tried, setTried] = useState(false);
  const create = useCreateMeeting();
  const timeInvalid = time.trim() !== '' && !TIME.test(time.trim());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!committee || !date || timeInvalid) return;
    create.mutate(
      {
        committeeId: Number(committee),
        date,
        startTime: time.trim() || null,
        note: note.trim() || null,
        isPublic,
      },
      {
        onSuccess: () => {
          setDate(null);
          setTime('');
          setNote('');
          setTried(false);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Fieldset legend={t('planner.meeting.add')}>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <Select
            label={t('planner.committee')}
            required
            data={body.committees
              .filter((c) => !c.ended)
              .map((c) => ({ value: String(c.id), label: c.name }))}
            value={committee}
            onChange={setCommittee}
            searchable
            error={tried && !committee ? t('planner.required') : undefined}
            style={{ flex: '2 1 16rem' }}
          />
          <DateField
            label={t('planner.calendar.date')}
            required
            value={date}
            onChange={setDate}
            error={tried && !date ? t('planner.required') : undefined}
          />
          <TextInput
            label={t('planner.meeting.startTime')}
            value={time}
            onChange={(e) => setTime(e.currentTarget.value)}
            error={timeInvalid ? t('planner.meeting.startTime.invalid') : undefined}
            style={{ flex: '0 1 9rem' }}
          />
          <TextInput
            label={t('planner.calendar.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            style={{ flex: '2 1 14rem' }}
          />
        </Group>
        <Group mt="sm" justify="space-between">
          <Checkbox
            label={t('planner.meeting.public')}
            checked={isPublic}
            onChange={(e) => setIsPublic(e.currentTarget.checked)}
          />
          <Button type="submit" loading={create.isPending}>
            {t('common.save')}
          </Button>
        </Group>
        {create.isSuccess && (
          <Text role="status" mt="xs">
            {t('planner.meeting.saved')}
          </Text>
        )}
        <ApiErrorAlert error={create.error} />
      </Fieldset>
    </form>
  );
}
