import { NumberInput, Paper, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { RequireRole } from '../../components/require-role';
import { api } from '../../lib/api';
import { fieldErrors } from '../../lib/error-message';
import { useI18n } from '../../lib/i18n';
import {
  type CallDetail,
  type CallStatus,
  callStatuses,
  type GiverLevel,
  giverLevels,
  type StageModel,
  stageModels,
  useCall,
} from './calls-api';
import { FieldSelect } from './field-select';
import { FormFooter, isWebAddress, SourceAndVisibility } from './form-parts';

export const officeRoles = ['admin', 'office'] as const;

export function CallCreatePage() {
  const { t } = useI18n();
  return (
    <RequireRole roles={[...officeRoles]} title={t('funding.callForm.new')}>
      <CallForm />
    </RequireRole>
  );
}

export function CallEditPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const query = useCall(id);
  return (
    <RequireRole roles={[...officeRoles]} title={t('common.edit')}>
      <QueryView query={query} title={t('common.edit')}>
        {(call) => <CallForm call={call} />}
      </QueryView>
    </RequireRole>
  );
}

const useProgrammeOptions = () =>
  useQuery({
    queryKey: ['funding', 'programme-options'],
    queryFn: () => api<{ items: Array<{ id: number; title: string }> }>('/api/funding/programmes?limit=500'),
    select: (d) => d.items.map((p) => ({ value: String(p.id), label: p.title })),
  });

type Amount = number | string;
const amount = (v: Amount): number | null => (typeof v === 'number' ? v : v.trim() === '' ? null : Number(v));

/**
 * A call kept by hand: created and changed by the office. Editing sends the version it read; if
 * someone changed the call meanwhile the API answers 409 and the form says so (with a reload).
 */
function CallForm({ call }: { call?: CallDetail }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const programmes = useProgrammeOptions();
  const [title, setTitle] = useState(call?.title ?? '');
  const [identifier, setIdentifier] = useState(call?.identifier ?? '');
  const [programmeId, setProgrammeId] = useState<string | null>(
    call?.programmeId != null ? String(call.programmeId) : null,
  );
  const [status, setStatus] = useState<CallStatus>(call?.status ?? 'open');
  const [stageModel, setStageModel] = useState<StageModel>(call?.stageModel ?? 'single-stage');
  const [giverLevel, setGiverLevel] = useState<GiverLevel>(call?.giverLevel ?? 'Land');
  const [giverName, setGiverName] = useState(call?.giverName ?? '');
  const [budget, setBudget] = useState<Amount>(call?.budgetEur ?? '');
  const [rate, setRate] = useState<Amount>(call?.fundingRatePercent ?? '');
  const [minGrant, setMinGrant] = useState<Amount>(call?.minGrantEur ?? '');
  const [maxGrant, setMaxGrant] = useState<Amount>(call?.maxGrantEur ?? '');
  const [applicants, setApplicants] = useState<string[]>(call?.eligibleApplicants ?? []);
  const [regions, setRegions] = useState<string[]>(call?.regions ?? []);
  const [fields, setFields] = useState<string[]>(call?.fieldsOfAction ?? []);
  const [text, setText] = useState(call?.text ?? '');
  const [sourceUrl, setSourceUrl] = useState(call?.sourceUrl ?? '');
  const [isPublic, setIsPublic] = useState(call?.isPublic ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      call
        ? api<CallDetail>(`/api/funding/calls/${call.id}`, {
            method: 'PATCH',
            body: { ...body, version: call.version },
          })
        : api<CallDetail>('/api/funding/calls', { method: 'POST', body }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['funding'] });
      navigate(`/funding/calls/${saved.id}`);
    },
    onError: (error) => setErrors(fieldErrors(error, lang, t)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!title.trim()) next.title = t('funding.form.titleRequired');
    if (sourceUrl.trim() && !isWebAddress(sourceUrl.trim())) next.sourceUrl = t('funding.form.urlInvalid');
    const r = amount(rate);
    if (r !== null && (r < 0 || r > 100)) next.fundingRatePercent = t('funding.form.rateInvalid');
    setErrors(next);
    if (Object.keys(next).length > 0) {
      document.getElementById(`call-${Object.keys(next)[0]}`)?.focus();
      return;
    }
    save.mutate({
      title: title.trim(),
      identifier: identifier.trim() || null,
      programmeId: programmeId ? Number(programmeId) : null,
      status,
      stageModel,
      giverLevel,
      giverName: giverName.trim() || null,
      budgetEur: amount(budget),
      fundingRatePercent: r,
      minGrantEur: amount(minGrant),
      maxGrantEur: amount(maxGrant),
      eligibleApplicants: applicants,
      regions,
      fieldsOfAction: fields,
      text: text.trim() || null,
      sourceUrl: sourceUrl.trim() || null,
      isPublic,
    });
  }

  const options = <T extends string>(values: T[], prefix: string) =>
    values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));

  return (
    <Page title={call ? t('funding.callForm.edit', { name: call.title }) : t('funding.callForm.new')}>
      <Paper withBorder p="lg" maw={880}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <ApiErrorAlert error={save.error} />
            <TextInput
              id="call-title"
              label={t('funding.form.title')}
              required
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={errors.title}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('funding.callForm.identifier')}
                value={identifier}
                onChange={(e) => setIdentifier(e.currentTarget.value)}
                error={errors.identifier}
              />
              <Select
                label={t('funding.calls.programme')}
                searchable
                clearable
                data={programmes.data ?? []}
                value={programmeId}
                onChange={setProgrammeId}
                nothingFoundMessage={t('funding.form.nothingFound')}
                error={errors.programmeId}
              />
              <Select
                label={t('funding.calls.status')}
                required
                allowDeselect={false}
                data={options(callStatuses, 'funding.status')}
                value={status}
                onChange={(v) => setStatus((v as CallStatus) ?? 'open')}
              />
              <Select
                label={t('funding.callForm.stageModel')}
                required
                allowDeselect={false}
                data={options(stageModels, 'funding.stage')}
                value={stageModel}
                onChange={(v) => setStageModel((v as StageModel) ?? 'unknown')}
              />
              <Select
                label={t('funding.calls.giverLevel')}
                required
                allowDeselect={false}
                data={options(giverLevels, 'funding.level')}
                value={giverLevel}
                onChange={(v) => setGiverLevel((v as GiverLevel) ?? 'other')}
              />
              <TextInput
                label={t('funding.calls.giver')}
                value={giverName}
                onChange={(e) => setGiverName(e.currentTarget.value)}
              />
              <NumberInput
                label={t('funding.callForm.budget')}
                min={0}
                thousandSeparator="."
                decimalSeparator=","
                value={budget}
                onChange={setBudget}
              />
              <NumberInput
                id="call-fundingRatePercent"
                label={t('funding.callForm.rate')}
                min={0}
                max={100}
                decimalSeparator=","
                value={rate}
                onChange={setRate}
                error={errors.fundingRatePercent}
              />
              <NumberInput
                label={t('funding.callForm.minGrant')}
                min={0}
                thousandSeparator="."
                decimalSeparator=","
                value={minGrant}
                onChange={setMinGrant}
              />
              <NumberInput
                label={t('funding.callForm.maxGrant')}
                min={0}
                thousandSeparator="."
                decimalSeparator=","
                value={maxGrant}
                onChange={setMaxGrant}
              />
            </SimpleGrid>
            <TagsInput
              label={t('funding.calls.applicant')}
              description={t('funding.form.listHint')}
              value={applicants}
              onChange={setApplicants}
            />
            <TagsInput
              label={t('funding.calls.region')}
              description={t('funding.form.listHint')}
              value={regions}
              onChange={setRegions}
            />
            <FieldSelect label={t('funding.calls.fieldOfAction')} value={fields} onChange={setFields} />
            <Textarea
              label={t('funding.call.text')}
              autosize
              minRows={4}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={errors.text}
            />
            <SourceAndVisibility
              idPrefix="call"
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
