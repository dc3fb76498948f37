import { Anchor, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { RequireRole } from '../../components/require-role';
import { api } from '../../lib/api';
import { fieldErrors } from '../../lib/error-message';
import { useI18n } from '../../lib/i18n';
import { NotFoundPage } from '../../shell/not-found-page';
import { useOrganization } from './api';
import { OrganizationSelect, PersonSelect } from './entity-select';
import { FormActions } from './form-parts';
import { PreciseDateField, periodStart } from './precise-date-field';
import type { DatePrecision, MembershipCreate, MembershipDetail, OrganizationDetail } from './types';

const editors = ['admin', 'office', 'partner'] as const;

export function MembershipCreatePage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const query = useOrganization(id);
  return (
    <RequireRole roles={[...editors]} title={t('member.add')}>
      <QueryView query={query} title={t('member.add')}>
        {(org) => <MembershipForm org={org} />}
      </QueryView>
    </RequireRole>
  );
}

/** Edits role, dates and secondment of a membership as the organisation page lists it. */
export function MembershipEditPage() {
  const { t } = useI18n();
  const params = useParams();
  const query = useOrganization(Number(params.id));
  const membershipId = Number(params.membershipId);
  return (
    <RequireRole roles={[...editors]} title={t('member.edit')}>
      <QueryView query={query} title={t('member.edit')}>
        {(org) => {
          const membership = org.memberships.find((m) => m.id === membershipId);
          return membership ? <MembershipForm org={org} membership={membership} /> : <NotFoundPage />;
        }}
      </QueryView>
    </RequireRole>
  );
}

interface Draft {
  personId: number | null;
  role: string;
  startDate: string;
  startPrecision: DatePrecision;
  endDate: string;
  endPrecision: DatePrecision;
  secondedFromOrganizationId: number | null;
  secondedSince: string;
  note: string;
}

function MembershipForm({ org, membership }: { org: OrganizationDetail; membership?: MembershipDetail }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [draft, setDraft] = useState<Draft>({
    personId: membership?.personId ?? (Number(params.get('personId')) || null),
    role: membership?.role ?? '',
    startDate: membership?.startDate ?? '',
    startPrecision: membership?.startPrecision ?? 'day',
    endDate: membership?.endDate ?? '',
    endPrecision: membership?.endPrecision ?? 'day',
    secondedFromOrganizationId: membership?.secondedFromOrganizationId ?? null,
    secondedSince: membership?.secondedSince ?? '',
    note: membership?.note ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const save = useMutation({
    // Editing sends the version it was loaded with: a change by someone else meanwhile answers 409.
    mutationFn: ({ personId, organizationId, ...fields }: MembershipCreate) =>
      membership
        ? api(`/api/memberships/${membership.id}`, {
            method: 'PATCH',
            body: { ...fields, version: membership.version },
          })
        : api('/api/memberships', { method: 'POST', body: { personId, organizationId, ...fields } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['directory'] });
      navigate(`/organizations/${org.id}`);
    },
    onError: (error) => setErrors(fieldErrors(error, lang, t)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (draft.personId == null) next.personId = t('member.personRequired');
    if (!draft.role.trim()) next.role = t('member.roleRequired');
    if (draft.startDate && draft.endDate && draft.endDate < draft.startDate)
      next.endDate = t('member.dateOrder');
    setErrors(next);
    const first = Object.keys(next)[0];
    if (first) {
      document.querySelector<HTMLElement>(`[data-field="${first}"] input, [data-field="${first}"]`)?.focus();
      return;
    }
    save.mutate({
      personId: draft.personId as number,
      organizationId: org.id,
      role: draft.role.trim(),
      startDate: periodStart(draft.startDate, draft.startPrecision),
      startPrecision: draft.startPrecision,
      endDate: periodStart(draft.endDate, draft.endPrecision),
      endPrecision: draft.endPrecision,
      secondedFromOrganizationId: draft.secondedFromOrganizationId,
      secondedSince: draft.secondedSince || null,
      note: draft.note.trim() || null,
    });
  }

  return (
    <Page
      title={
        membership
          ? t('member.edit.title', { person: membership.person.name, org: org.name })
          : t('member.add.title', { org: org.name })
      }
    >
      <Paper withBorder p="lg" maw={720}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <ApiErrorAlert error={save.error} />
            {membership ? (
              <TextInput
                label={t('member.person')}
                value={membership.person.name}
                readOnly
                variant="filled"
              />
            ) : (
              <div data-field="personId">
                <PersonSelect
                  label={t('member.person')}
                  required
                  value={draft.personId}
                  onChange={(v) => set('personId', v)}
                  error={errors.personId}
                />
                <Text size="sm" mt={4}>
                  {t('member.personMissing')}{' '}
                  <Anchor
                    component={Link}
                    to={`/people/new?returnTo=${encodeURIComponent(`/organizations/${org.id}/memberships/new`)}`}
                  >
                    {t('person.new')}
                  </Anchor>
                </Text>
              </div>
            )}
            <TextInput
              data-field="role"
              label={t('member.role')}
              required
              value={draft.role}
              onChange={(e) => set('role', e.currentTarget.value)}
              error={errors.role}
            />
            <PreciseDateField
              label={t('member.startDate')}
              precisionLabel={t('member.startPrecision')}
              date={draft.startDate}
              precision={draft.startPrecision}
              onDate={(v) => set('startDate', v)}
              onPrecision={(v) => set('startPrecision', v)}
              error={errors.startDate}
            />
            <PreciseDateField
              field="endDate"
              label={t('member.endDate')}
              precisionLabel={t('member.endPrecision')}
              date={draft.endDate}
              precision={draft.endPrecision}
              onDate={(v) => set('endDate', v)}
              onPrecision={(v) => set('endPrecision', v)}
              error={errors.endDate}
            />
            <Group grow align="flex-start">
              <OrganizationSelect
                label={t('member.secondedFromField')}
                value={draft.secondedFromOrganizationId}
                onChange={(v) => set('secondedFromOrganizationId', v)}
                exclude={org.id}
                error={errors.secondedFromOrganizationId}
              />
              <TextInput
                type="date"
                label={t('member.secondedSince')}
                value={draft.secondedSince}
                onChange={(e) => set('secondedSince', e.currentTarget.value)}
                error={errors.secondedSince}
              />
            </Group>
            <Textarea
              label={t('member.note')}
              autosize
              minRows={2}
              value={draft.note}
              onChange={(e) => set('note', e.currentTarget.value)}
              error={errors.note}
            />
            <FormActions onCancel={() => navigate(`/organizations/${org.id}`)} saving={save.isPending} />
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
