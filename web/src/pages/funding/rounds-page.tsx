import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { RequireRole } from '../../components/require-role';
import { Section } from '../../components/section';
import { api } from '../../lib/api';
import { fieldErrors } from '../../lib/error-message';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { officeRoles } from './call-form-page';
import { type Round, useCall } from './calls-api';
import { HOME_ZONE, timeSuffix, zoneOptions } from './time-zone';

const kinds = ['submission', 'outline', 'full_proposal', 'cut_off', 'other'] as const;

/** The office adds rounds to any call, edits the manual ones and confirms or rejects the others. */
export function RoundsPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  return (
    <RequireRole roles={[...officeRoles]} title={t('funding.rounds.title')}>
      <RoundsView callId={id} />
    </RequireRole>
  );
}

function RoundsView({ callId }: { callId: number }) {
  const { t } = useI18n();
  const query = useCall(callId);
  return (
    <QueryView query={query} title={t('funding.rounds.title')}>
      {(call) => (
        <Page
          title={t('funding.rounds.of', { name: call.title })}
          description={t('funding.rounds.description')}
          before={
            <Anchor component={Link} to={`/funding/calls/${call.id}`} size="sm">
              {t('funding.rounds.back')}
            </Anchor>
          }
        >
          <Section title={t('funding.call.rounds')}>
            {call.rounds.length === 0 ? (
              <Text>{t('funding.call.noRounds')}</Text>
            ) : (
              <Stack gap="sm">
                {call.rounds.map((r) => (
                  <RoundCard key={`${r.id}-${r.version}`} round={r} />
                ))}
              </Stack>
            )}
          </Section>
          <Section title={t('funding.rounds.add')}>
            <RoundForm callId={callId} />
          </Section>
        </Page>
      )}
    </QueryView>
  );
}

function RoundCard({ round }: { round: Round }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const review = useMutation({
    mutationFn: (reviewStatus: 'confirmed' | 'rejected') =>
      api(`/api/funding/rounds/${round.id}`, {
        method: 'PATCH',
        body: { reviewStatus, version: round.version },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['funding'] }),
  });
  const name = round.label ?? t(`funding.deadlineKind.${round.deadlineKind}`);
  const headingId = useId();
  return (
    <Card withBorder component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text fw={600} id={headingId}>
            {name}: {round.deadlineDate ? formatDate(round.deadlineDate, lang) : t('funding.rounds.noDate')}
            {timeSuffix(round.deadlineTime, round.timeZone, lang)}
          </Text>
          <Group gap="xs" mt={4}>
            <Badge variant="outline" color="gray.8">
              {t(`funding.origin.${round.origin}`)}
            </Badge>
            <Badge variant="outline" color={round.reviewStatus === 'rejected' ? 'red.9' : 'gray.8'}>
              {t(`funding.reviewStatus.${round.reviewStatus}`)}
            </Badge>
          </Group>
        </div>
        <Group gap="xs">
          {round.origin === 'manual' ? (
            <Button
              size="xs"
              variant="default"
              aria-expanded={editing}
              onClick={() => setEditing((e) => !e)}
              aria-describedby={headingId}
            >
              {editing ? t('common.cancel') : t('common.edit')}
            </Button>
          ) : (
            <>
              <Button
                size="xs"
                variant="default"
                disabled={round.reviewStatus === 'confirmed'}
                onClick={() => review.mutate('confirmed')}
                aria-describedby={headingId}
              >
                {t('funding.review.confirm')}
              </Button>
              <Button
                size="xs"
                variant="default"
                disabled={round.reviewStatus === 'rejected'}
                onClick={() => review.mutate('rejected')}
                aria-describedby={headingId}
              >
                {t('funding.review.reject')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      <ApiErrorAlert error={review.error} />
      {editing && (
        <Stack mt="sm">
          <RoundForm round={round} onDone={() => setEditing(false)} />
        </Stack>
      )}
    </Card>
  );
}

/** Add a manual round to a call, or change a manual round (with its version). */
function RoundForm({ callId, round, onDone }: { callId?: number; round?: Round; onDone?: () => void }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const prefix = useId();
  const [label, setLabel] = useState(round?.label ?? '');
  const [opensAt, setOpensAt] = useState(round?.opensAt ?? '');
  const [deadlineDate, setDeadlineDate] = useState(round?.deadlineDate ?? '');
  const [deadlineTime, setDeadlineTime] = useState(round?.deadlineTime ?? '');
  const [timeZone, setTimeZone] = useState(round?.timeZone ?? HOME_ZONE);
  const [kind, setKind] = useState<string>(round?.deadlineKind ?? 'submission');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      round
        ? api(`/api/funding/rounds/${round.id}`, {
            method: 'PATCH',
            body: { ...body, version: round.version },
          })
        : api(`/api/funding/calls/${callId}/rounds`, { method: 'POST', body }),
    onSuccess: async () => {
      if (!round) {
        setLabel('');
        setOpensAt('');
        setDeadlineDate('');
        setDeadlineTime('');
      }
      await queryClient.invalidateQueries({ queryKey: ['funding'] });
      onDone?.();
    },
    onError: (error) => setErrors(fieldErrors(error, lang, t)),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!deadlineDate) {
      setErrors({ deadlineDate: t('funding.rounds.dateRequired') });
      document.getElementById(`${prefix}-date`)?.focus();
      return;
    }
    setErrors({});
    save.mutate({
      label: label.trim() || null,
      opensAt: opensAt || null,
      deadlineDate,
      deadlineTime: deadlineTime || null,
      timeZone,
      deadlineKind: kind,
    });
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={720}>
        <ApiErrorAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('funding.rounds.label')}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
          />
          <Select
            label={t('funding.rounds.kind')}
            allowDeselect={false}
            data={kinds.map((k) => ({ value: k, label: t(`funding.deadlineKind.${k}`) }))}
            value={kind}
            onChange={(v) => setKind(v ?? 'submission')}
          />
          <TextInput
            type="date"
            label={t('funding.call.opens')}
            value={opensAt}
            onChange={(e) => setOpensAt(e.currentTarget.value)}
            error={errors.opensAt}
          />
          <TextInput
            id={`${prefix}-date`}
            type="date"
            required
            label={t('funding.call.deadline')}
            value={deadlineDate}
            onChange={(e) => setDeadlineDate(e.currentTarget.value)}
            error={errors.deadlineDate}
          />
          <TextInput
            type="time"
            label={t('funding.rounds.time')}
            value={deadlineTime}
            onChange={(e) => setDeadlineTime(e.currentTarget.value)}
            error={errors.deadlineTime}
          />
          <Select
            label={t('funding.rounds.timeZone')}
            allowDeselect={false}
            data={zoneOptions(lang, timeZone)}
            value={timeZone}
            onChange={(v) => setTimeZone(v ?? HOME_ZONE)}
            error={errors.timeZone}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {round ? t('common.save') : t('funding.rounds.addButton')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
