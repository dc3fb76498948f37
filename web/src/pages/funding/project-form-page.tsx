import { Checkbox, Group, Paper, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { RequireRole } from '../../components/require-role';
import { api } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { fieldErrors } from '../../lib/error-message';
import { useI18n } from '../../lib/i18n';
import { FieldSelect } from './field-select';
import { FormFooter } from './form-parts';
import { type ProjectDetail, useOrganizationOptions, useProject } from './matching-api';

const editors = ['admin', 'office', 'partner'] as const;
const agsPattern = /^\d{2,8}$/;

export function ProjectCreatePage() {
  const { t } = useI18n();
  return (
    <RequireRole roles={[...editors]} title={t('funding.projects.new')}>
      <ProjectForm />
    </RequireRole>
  );
}

export function ProjectEditPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const query = useProject(id);
  return (
    <RequireRole roles={[...editors]} title={t('common.edit')}>
      <QueryView query={query} title={t('common.edit')}>
        {(project) => <ProjectForm project={project} />}
      </QueryView>
    </RequireRole>
  );
}

/** Create or edit a project profile; editing sends the version read, so a 409 says it changed meanwhile. */
function ProjectForm({ project }: { project?: ProjectDetail }) {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const office = user?.role === 'admin' || user?.role === 'office';
  const organizations = useOrganizationOptions();
  const [title, setTitle] = useState(project?.title ?? '');
  const [description, setDescription] = useState(project?.description ?? '');
  const [fields, setFields] = useState<string[]>(project?.fieldsOfAction ?? []);
  const [applicantType, setApplicantType] = useState(project?.applicantType ?? '');
  const [regionAgs, setRegionAgs] = useState(project?.regionAgs ?? '');
  const [owner, setOwner] = useState<string | null>(
    project?.ownerOrganizationId != null ? String(project.ownerOrganizationId) : null,
  );
  const [isPublic, setIsPublic] = useState(project?.isPublic ?? false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      project
        ? api<{ id: number }>(`/api/funding/projects/${project.id}`, {
            method: 'PATCH',
            body: { ...body, version: project.version },
          })
        : api<{ id: number }>('/api/funding/projects', { method: 'POST', body }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['funding'] });
      navigate(`/funding/projects/${saved.id}/matches`);
    },
    onError: (error) => setErrors(fieldErrors(error, lang, t)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!title.trim()) next.title = t('funding.form.titleRequired');
    if (regionAgs.trim() && !agsPattern.test(regionAgs.trim())) next.regionAgs = t('funding.form.agsInvalid');
    setErrors(next);
    if (Object.keys(next).length > 0) {
      document.getElementById(`project-${Object.keys(next)[0]}`)?.focus();
      return;
    }
    save.mutate({
      title: title.trim(),
      description: description.trim() || null,
      fieldsOfAction: fields,
      applicantType: applicantType.trim() || null,
      regionAgs: regionAgs.trim() || null,
      ...(office ? { ownerOrganizationId: owner ? Number(owner) : null } : {}),
      isPublic,
    });
  }

  return (
    <Page title={project ? t('funding.projects.edit', { name: project.title }) : t('funding.projects.new')}>
      <Paper withBorder p="lg" maw={720}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <ApiErrorAlert error={save.error} />
            <TextInput
              id="project-title"
              label={t('funding.projects.name')}
              required
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={errors.title}
            />
            <Textarea
              label={t('funding.projects.descriptionLabel')}
              description={t('funding.projects.descriptionHint')}
              autosize
              minRows={3}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              error={errors.description}
            />
            <FieldSelect label={t('funding.calls.fieldOfAction')} value={fields} onChange={setFields} />
            <Group grow align="flex-start">
              <TextInput
                label={t('funding.profile.applicantType')}
                description={t('funding.profile.applicantHint')}
                value={applicantType}
                onChange={(e) => setApplicantType(e.currentTarget.value)}
                error={errors.applicantType}
              />
              <TextInput
                id="project-regionAgs"
                label={t('funding.profile.region')}
                description={t('funding.profile.regionHint')}
                inputMode="numeric"
                value={regionAgs}
                onChange={(e) => setRegionAgs(e.currentTarget.value)}
                error={errors.regionAgs}
              />
            </Group>
            {office && (
              <Select
                label={t('funding.projects.owner')}
                searchable
                clearable
                data={organizations.data ?? []}
                value={owner}
                onChange={setOwner}
                nothingFoundMessage={t('funding.form.nothingFound')}
              />
            )}
            <Checkbox
              label={t('funding.form.public')}
              checked={isPublic}
              onChange={(e) => setIsPublic(e.currentTarget.checked)}
            />
            <FormFooter pending={save.isPending} />
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
