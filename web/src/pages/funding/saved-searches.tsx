import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { QueryView } from '../../components/query-view';
import { api } from '../../lib/api';
import { canEditRecord, useAuth } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { type CallFilters, callQueryString, callStatuses, giverLevels } from './calls-api';
import { FieldSelect } from './field-select';

/** The call list's filters as a saved search stores them (fieldOfAction: one key or several). */
export type SavedFilters = Omit<CallFilters, 'fieldOfAction'> & { fieldOfAction?: string | string[] };

interface SavedSearch {
  id: number;
  name: string;
  filters: SavedFilters;
  forOrganization: boolean;
  canDelete: boolean;
}

const key = ['funding', 'saved-searches'];

/** Whether the signed-in user may save searches and watch calls for their organisation. */
export function useActsForOrganization(): boolean {
  const { user } = useAuth();
  return user?.organizationId != null && canEditRecord(user, user.organizationId);
}

/** Saves filters under a name, for oneself or the organisation; the call list and the watchlist use it. */
function useSaveSearch(onDone: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; filters: SavedFilters; forOrganization: boolean }) =>
      api<{ id: number }>('/api/funding/saved-searches', { method: 'POST', body: input }),
    onSuccess: async () => {
      onDone();
      await queryClient.invalidateQueries({ queryKey: ['funding'] });
    },
  });
}

/** Saved searches: new calls matching one of them come with the digest (or at once, if chosen). */
export function SavedSearches() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: key,
    queryFn: () => api<{ items: SavedSearch[] }>('/api/funding/saved-searches'),
  });
  const remove = useMutation({
    mutationFn: (id: number) => api(`/api/funding/saved-searches/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['funding'] }),
  });
  const describe = (f: SavedFilters) => {
    const fields = Array.isArray(f.fieldOfAction)
      ? f.fieldOfAction
      : f.fieldOfAction
        ? [f.fieldOfAction]
        : [];
    const deadline =
      f.deadlineFrom || f.deadlineTo ? `${f.deadlineFrom ?? '…'} – ${f.deadlineTo ?? '…'}` : undefined;
    return (
      [
        f.q && `${t('funding.calls.q')}: ${f.q}`,
        f.status && `${t('funding.calls.status')}: ${t(`funding.status.${f.status}`)}`,
        f.giverLevel && `${t('funding.calls.giverLevel')}: ${t(`funding.level.${f.giverLevel}`)}`,
        f.applicant && `${t('funding.calls.applicant')}: ${f.applicant}`,
        f.region && `${t('funding.calls.region')}: ${f.region}`,
        fields.length && `${t('funding.calls.fieldOfAction')}: ${fields.join(', ')}`,
        deadline && `${t('funding.searches.deadline')}: ${deadline}`,
      ]
        .filter(Boolean)
        .join(' · ') || t('funding.searches.everything')
    );
  };
  // The call list takes one field of action in its URL; a search with several shows the first.
  const listLink = (f: SavedFilters) =>
    `/funding/calls${callQueryString({
      ...f,
      fieldOfAction: Array.isArray(f.fieldOfAction) ? f.fieldOfAction[0] : f.fieldOfAction,
    })}`;
  return (
    <Stack gap="md">
      <QueryView query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t('funding.searches.empty')}</Text>
          ) : (
            <List>
              {data.items.map((s) => (
                <List.Item key={s.id}>
                  <Text span fw={600}>
                    {s.name}
                  </Text>{' '}
                  {s.forOrganization && (
                    <Badge size="sm" variant="outline" color="gray.8">
                      {t('funding.searches.ofOrganization')}
                    </Badge>
                  )}{' '}
                  <Text span size="sm">
                    ({describe(s.filters)})
                  </Text>{' '}
                  <Anchor component={Link} to={listLink(s.filters)} size="sm">
                    {t('funding.searches.showList')}
                  </Anchor>{' '}
                  {s.canDelete && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      aria-label={t('funding.searches.deleteOf', { name: s.name })}
                      onClick={() => remove.mutate(s.id)}
                    >
                      {t('funding.searches.delete')}
                    </Button>
                  )}
                </List.Item>
              ))}
            </List>
          )
        }
      </QueryView>
      <ApiErrorAlert error={remove.error} />
      <NewSearchForm />
    </Stack>
  );
}

/** The submit button of a search form, its success notice and its error. */
function SaveFooter({ save }: { save: ReturnType<typeof useSaveSearch> }) {
  const { t } = useI18n();
  return (
    <>
      <Group>
        <Button type="submit" loading={save.isPending}>
          {t('funding.searches.save')}
        </Button>
      </Group>
      {save.isSuccess && (
        <Alert color="green" role="status">
          {t('funding.searches.saved')}
        </Alert>
      )}
      <ApiErrorAlert error={save.error} />
    </>
  );
}

/** Name and "for my organisation": the part of saving a search that the call list shares. */
function NameAndScope({
  name,
  setName,
  nameMissing,
  forOrganization,
  setForOrganization,
  id,
}: {
  name: string;
  setName: (v: string) => void;
  nameMissing: boolean;
  forOrganization: boolean;
  setForOrganization: (v: boolean) => void;
  id: string;
}) {
  const { t } = useI18n();
  const actsForOrganization = useActsForOrganization();
  return (
    <>
      <TextInput
        id={id}
        label={t('funding.searches.name')}
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={nameMissing ? t('funding.searches.nameRequired') : undefined}
      />
      {actsForOrganization && (
        <Checkbox
          label={t('funding.searches.forOrganization')}
          checked={forOrganization}
          onChange={(e) => setForOrganization(e.currentTarget.checked)}
        />
      )}
    </>
  );
}

/** On the call list: saves the filters now in force under a name. */
export function SaveCurrentSearch({ filters, onDone }: { filters: CallFilters; onDone?: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState('');
  const [forOrganization, setForOrganization] = useState(false);
  const [nameMissing, setNameMissing] = useState(false);
  const save = useSaveSearch(() => {
    setName('');
    onDone?.();
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setNameMissing(true);
      document.getElementById(id)?.focus();
      return;
    }
    setNameMissing(false);
    save.mutate({ name: name.trim(), filters, forOrganization });
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('funding.calls.saveSearch')}>
      <Stack gap="xs" maw={560}>
        <Text size="sm">{t('funding.calls.saveSearchHint')}</Text>
        <NameAndScope
          id={id}
          name={name}
          setName={setName}
          nameMissing={nameMissing}
          forOrganization={forOrganization}
          setForOrganization={setForOrganization}
        />
        <SaveFooter save={save} />
      </Stack>
    </form>
  );
}

function NewSearchForm() {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [forOrganization, setForOrganization] = useState(false);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [giverLevel, setGiverLevel] = useState('');
  const [applicant, setApplicant] = useState('');
  const [region, setRegion] = useState('');
  const [deadlineFrom, setDeadlineFrom] = useState('');
  const [deadlineTo, setDeadlineTo] = useState('');
  const [fields, setFields] = useState<string[]>([]);
  const [nameMissing, setNameMissing] = useState(false);
  const save = useSaveSearch(() => {
    for (const reset of [
      setName,
      setQ,
      setStatus,
      setGiverLevel,
      setApplicant,
      setRegion,
      setDeadlineFrom,
      setDeadlineTo,
    ])
      reset('');
    setFields([]);
    setForOrganization(false);
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setNameMissing(true);
      document.getElementById('search-name')?.focus();
      return;
    }
    setNameMissing(false);
    const filters: SavedFilters = Object.fromEntries(
      Object.entries({ q, status, giverLevel, applicant, region, deadlineFrom, deadlineTo })
        .map(([k, v]) => [k, v.trim()])
        .filter(([, v]) => v !== ''),
    );
    if (fields.length) filters.fieldOfAction = fields;
    save.mutate({ name: name.trim(), filters, forOrganization });
  }
  const choice = (
    label: string,
    value: string,
    set: (v: string) => void,
    values: string[],
    prefix: string,
  ) => (
    <Select
      label={label}
      value={value}
      onChange={(v) => set(v ?? '')}
      allowDeselect={false}
      data={[
        { value: '', label: t('funding.calls.all') },
        ...values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) })),
      ]}
    />
  );
  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-search-title">
      <Stack gap="sm" maw={720}>
        <Text fw={600} id="new-search-title">
          {t('funding.searches.new')}
        </Text>
        <NameAndScope
          id="search-name"
          name={name}
          setName={setName}
          nameMissing={nameMissing}
          forOrganization={forOrganization}
          setForOrganization={setForOrganization}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('funding.calls.q')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
          {choice(t('funding.calls.status'), status, setStatus, callStatuses, 'funding.status')}
          {choice(t('funding.calls.giverLevel'), giverLevel, setGiverLevel, giverLevels, 'funding.level')}
          <TextInput
            label={t('funding.calls.applicant')}
            value={applicant}
            onChange={(e) => setApplicant(e.currentTarget.value)}
          />
          <TextInput
            label={t('funding.calls.region')}
            value={region}
            onChange={(e) => setRegion(e.currentTarget.value)}
          />
          <span />
          <TextInput
            type="date"
            label={t('funding.calls.deadlineFrom')}
            value={deadlineFrom}
            onChange={(e) => setDeadlineFrom(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('funding.calls.deadlineTo')}
            value={deadlineTo}
            onChange={(e) => setDeadlineTo(e.currentTarget.value)}
          />
        </SimpleGrid>
        <FieldSelect label={t('funding.calls.fieldOfAction')} value={fields} onChange={setFields} />
        <SaveFooter save={save} />
      </Stack>
    </form>
  );
}
