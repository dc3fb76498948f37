import { Button, Checkbox, Group, Paper, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { RequireRole } from '../../components/require-role';
import { api } from '../../lib/api';
import { fieldErrors } from '../../lib/error-message';
import { useI18n } from '../../lib/i18n';
import { useOrganization } from './api';
import { OrganizationSelect } from './entity-select';
import { kinds } from './organization-kinds';
import type { Organization, OrganizationDetail } from './types';

const editors = ['admin', 'office', 'partner'] as const;

export function OrganizationCreatePage() {
  const { t } = useI18n();
  return (
    <RequireRole roles={[...editors]} title={t('org.create.title')}>
      <OrganizationForm />
    </RequireRole>
  );
}

export function OrganizationEditPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const query = useOrganization(id);
  return (
    <RequireRole roles={[...editors]} title={t('common.edit')}>
      <QueryView query={query} title={t('common.edit')}>
        {(org) => <OrganizationForm org={org} />}
      </QueryView>
    </RequireRole>
  );
}

interface Draft {
  name: string;
  shortName: string;
  kind: string;
  parentId: number | null;
  website: string;
  description: string;
  isPublic: boolean;
}

function OrganizationForm({ org }: { org?: OrganizationDetail }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>({
    name: org?.name ?? '',
    shortName: org?.shortName ?? '',
    kind: org?.kind ?? 'partner',
    parentId: org?.parentId ?? null,
    website: org?.website ?? '',
    description: org?.description ?? '',
    isPublic: org?.isPublic ?? true,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      org
        ? api<Organization>(`/api/organizations/${org.id}`, {
            method: 'PATCH',
            body: { ...body, version: org.version },
          })
        : api<Organization>('/api/organizations', { method: 'POST', body }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['directory'] });
      navigate(`/organizations/${saved.id}`);
    },
    onError: (error) => setErrors(fieldErrors(error, lang, t)),
  });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!draft.name.trim()) next.name = t('org.nameRequired');
    if (draft.website.trim() && !/^https?:\/\/\S+\.\S+/.test(draft.website.trim()))
      next.website = t('org.websiteInvalid');
    setErrors(next);
    if (Object.keys(next).length > 0) {
      document.getElementById(`org-${Object.keys(next)[0]}`)?.focus();
      return;
    }
    save.mutate({
      name: draft.name.trim(),
      shortName: draft.shortName.trim() || null,
      kind: draft.kind,
      parentId: draft.parentId,
      website: draft.website.trim() || null,
      description: draft.description.trim() || null,
      isPublic: draft.isPublic,
    });
  }

  return (
    <Page title={org ? t('org.edit.title', { name: org.name }) : t('org.create.title')}>
      <Paper withBorder p="lg" maw={720}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <ApiErrorAlert error={save.error} />
            <TextInput
              id="org-name"
              label={t('org.name')}
              required
              value={draft.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={errors.name}
            />
            <Group grow align="flex-start">
              <TextInput
                label={t('org.shortName')}
                value={draft.shortName}
                onChange={(e) => set('shortName', e.currentTarget.value)}
                error={errors.shortName}
              />
              <Select
                label={t('org.kind')}
                required
                allowDeselect={false}
                data={kinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
                value={draft.kind}
                onChange={(v) => set('kind', v ?? 'other')}
                error={errors.kind}
              />
            </Group>
            <OrganizationSelect
              label={t('org.parent')}
              value={draft.parentId}
              onChange={(v) => set('parentId', v)}
              exclude={org?.id}
              error={errors.parentId}
            />
            <TextInput
              id="org-website"
              label={t('org.website')}
              type="url"
              placeholder="https://"
              value={draft.website}
              onChange={(e) => set('website', e.currentTarget.value)}
              error={errors.website}
            />
            <Textarea
              label={t('org.description')}
              autosize
              minRows={3}
              value={draft.description}
              onChange={(e) => set('description', e.currentTarget.value)}
              error={errors.description}
            />
            <Checkbox
              label={t('org.public')}
              checked={draft.isPublic}
              onChange={(e) => set('isPublic', e.currentTarget.checked)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => navigate(-1)}>
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
