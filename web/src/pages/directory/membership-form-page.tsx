import { Anchor, Button, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
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
import { useOrganization } from './api';
import { OrganizationSelect, PersonSelect } from './entity-select';
import type { MembershipCreate, OrganizationDetail } from './types';

export function MembershipCreatePage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const query = useOrganization(id);
  return (
    <RequireRole roles={['admin', 'office', 'partner']} title={t('member.add')}>
      <QueryView query={query} title={t('member.add')}>
        {(org) => <MembershipForm org={org} />}
      </QueryView>
    </RequireRole>
  );
}

interface Draft {
  personId: number | null;
  role: string;
  startDate: string;
  endDate: string;
  secondedFromOrganizationId: number | null;
  secondedSince: string;
  note: string;
}

function MembershipForm({ org }: { org: OrganizationDetail }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [draft, setDraft] = useState<Draft>({
    personId: Number(params.get('personId')) || null,
    role: '',
    startDate: '',
    endDate: '',
    secondedFromOrganizationId: null,
    secondedSince: '',
    note: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const save = useMutation({
    mutationFn: (body: MembershipCreate) => api('/api/memberships', { method: 'POST', body }),
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
      startDate: draft.startDate || null,
      startPrecision: 'day',
      endDate: draft.endDate || null,
      endPrecision: 'day',
      secondedFromOrganizationId: draft.secondedFromOrganizationId,
      secondedSince: draft.secondedSince || null,
      note: draft.note.trim() || null,
    });
  }

  return (
    <Page title={t('member.add.title', { org: org.name })}>
      <Paper withBorder p="lg" maw={720}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <ApiErrorAlert error={save.error} />
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
            <TextInput
              data-field="role"
              label={t('member.role')}
              required
              value={draft.role}
              onChange={(e) => set('role', e.currentTarget.value)}
              error={errors.role}
            />
            <Group grow align="flex-start">
              <TextInput
                type="date"
                label={t('member.startDate')}
                value={draft.startDate}
                onChange={(e) => set('startDate', e.currentTarget.value)}
                error={errors.startDate}
              />
              <TextInput
                data-field="endDate"
                type="date"
                label={t('member.endDate')}
                value={draft.endDate}
                onChange={(e) => set('endDate', e.currentTarget.value)}
                error={errors.endDate}
              />
            </Group>
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
            <Group justify="flex-end">
              <Button variant="default" onClick={() => navigate(`/organizations/${org.id}`)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
