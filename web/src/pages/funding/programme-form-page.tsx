import { Paper, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
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
import { officeRoles } from './call-form-page';
import { type GiverLevel, giverLevels, type Programme, useProgramme } from './calls-api';
import { FormFooter, isWebAddress, SourceAndVisibility } from './form-parts';

export function ProgrammeCreatePage() {
  const { t } = useI18n();
  return (
    <RequireRole roles={[...officeRoles]} title={t('funding.programmeForm.new')}>
      <ProgrammeForm />
    </RequireRole>
  );
}

export function ProgrammeEditPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const query = useProgramme(id);
  return (
    <RequireRole roles={[...officeRoles]} title={t('common.edit')}>
      <QueryView query={query} title={t('common.edit')}>
        {(programme) => <ProgrammeForm programme={programme} />}
      </QueryView>
    </RequireRole>
  );
}

/** A programme kept by hand (office); editing sends the version read, a 409 means it changed meanwhile. */
function ProgrammeForm({ programme }: { programme?: Programme }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(programme?.title ?? '');
  const [giverLevel, setGiverLevel] = useState<GiverLevel>(programme?.giverLevel ?? 'Land');
  const [giverName, setGiverName] = useState(programme?.giverName ?? '');
  const [fundingTypes, setFundingTypes] = useState(programme?.fundingTypes ?? []);
  const [fundingAreas, setFundingAreas] = useState(programme?.fundingAreas ?? []);
  const [regions, setRegions] = useState(programme?.regions ?? []);
  const [applicants, setApplicants] = useState(programme?.eligibleApplicants ?? []);
  const [legalBasis, setLegalBasis] = useState(programme?.legalBasis ?? '');
  const [summary, setSummary] = useState(programme?.summary ?? '');
  const [body, setBody] = useState(programme?.body ?? '');
  const [sourceUrl, setSourceUrl] = useState(programme?.sourceUrl ?? '');
  const [isPublic, setIsPublic] = useState(programme?.isPublic ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (input: Record<string, unknown>) =>
      programme
        ? api<Programme>(`/api/funding/programmes/${programme.id}`, {
            method: 'PATCH',
            body: { ...input, version: programme.version },
          })
        : api<Programme>('/api/funding/programmes', { method: 'POST', body: input }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['funding'] });
      navigate(`/funding/programmes/${saved.id}`);
    },
    onError: (error) => setErrors(fieldErrors(error, lang, t)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!title.trim()) next.title = t('funding.form.titleRequired');
    if (sourceUrl.trim() && !isWebAddress(sourceUrl.trim())) next.sourceUrl = t('funding.form.urlInvalid');
    setErrors(next);
    if (Object.keys(next).length > 0) {
      document.getElementById(`programme-${Object.keys(next)[0]}`)?.focus();
      return;
    }
    save.mutate({
      title: title.trim(),
      giverLevel,
      giverName: giverName.trim() || null,
      fundingTypes,
      fundingAreas,
      regions,
      eligibleApplicants: applicants,
      legalBasis: legalBasis.trim() || null,
      summary: summary.trim() || null,
      body: body.trim() || null,
      sourceUrl: sourceUrl.trim() || null,
      isPublic,
    });
  }

  return (
    <Page
      title={
        programme
          ? t('funding.programmeForm.edit', { name: programme.title })
          : t('funding.programmeForm.new')
      }
    >
      <Paper withBorder p="lg" maw={880}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <ApiErrorAlert error={save.error} />
            <TextInput
              id="programme-title"
              label={t('funding.form.title')}
              required
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={errors.title}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('funding.calls.giverLevel')}
                required
                allowDeselect={false}
                data={giverLevels.map((v) => ({ value: v, label: t(`funding.level.${v}`) }))}
                value={giverLevel}
                onChange={(v) => setGiverLevel((v as GiverLevel) ?? 'other')}
              />
              <TextInput
                label={t('funding.calls.giver')}
                value={giverName}
                onChange={(e) => setGiverName(e.currentTarget.value)}
              />
            </SimpleGrid>
            <TagsInput
              label={t('funding.programmeForm.fundingTypes')}
              description={t('funding.form.listHint')}
              value={fundingTypes}
              onChange={setFundingTypes}
            />
            <TagsInput
              label={t('funding.programmeForm.fundingAreas')}
              description={t('funding.form.listHint')}
              value={fundingAreas}
              onChange={setFundingAreas}
            />
            <TagsInput
              label={t('funding.calls.region')}
              description={t('funding.form.listHint')}
              value={regions}
              onChange={setRegions}
            />
            <TagsInput
              label={t('funding.calls.applicant')}
              description={t('funding.form.listHint')}
              value={applicants}
              onChange={setApplicants}
            />
            <Textarea
              label={t('funding.programmeForm.legalBasis')}
              autosize
              minRows={2}
              value={legalBasis}
              onChange={(e) => setLegalBasis(e.currentTarget.value)}
            />
            <Textarea
              label={t('funding.programmeForm.summary')}
              autosize
              minRows={2}
              value={summary}
              onChange={(e) => setSummary(e.currentTarget.value)}
            />
            <Textarea
              label={t('funding.programmeForm.body')}
              autosize
              minRows={4}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
            />
            <SourceAndVisibility
              idPrefix="programme"
              sourceUrl={sourceUrl}
              onSourceUrl={setSourceUrl}
              isPublic={isPublic}
              onPublic={setIsPublic}
              error={errors.sourceUrl}
            />
            <FormFooter pending={save.isPending} />
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
