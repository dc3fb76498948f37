import { Alert, Button, Group, List, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { QueryView } from '../../components/query-view';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { FieldSelect } from './field-select';

interface SavedSearch {
  id: number;
  name: string;
  filters: { q?: string; fields?: string[]; applicant?: string; region?: string };
}

const key = ['funding', 'saved-searches'];

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
  const describe = (s: SavedSearch) =>
    [
      s.filters.q && `${t('funding.calls.q')}: ${s.filters.q}`,
      s.filters.applicant && `${t('funding.calls.applicant')}: ${s.filters.applicant}`,
      s.filters.region && `${t('funding.calls.region')}: ${s.filters.region}`,
      s.filters.fields?.length && `${t('funding.calls.fieldOfAction')}: ${s.filters.fields.join(', ')}`,
    ]
      .filter(Boolean)
      .join(' · ') || t('funding.searches.everything');
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
                  <Text span size="sm">
                    ({describe(s)})
                  </Text>{' '}
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    aria-label={t('funding.searches.deleteOf', { name: s.name })}
                    onClick={() => remove.mutate(s.id)}
                  >
                    {t('funding.searches.delete')}
                  </Button>
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

function NewSearchForm() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [q, setQ] = useState('');
  const [applicant, setApplicant] = useState('');
  const [region, setRegion] = useState('');
  const [fields, setFields] = useState<string[]>([]);
  const [nameMissing, setNameMissing] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      api<{ id: number }>('/api/funding/saved-searches', {
        method: 'POST',
        body: {
          name: name.trim(),
          filters: {
            ...(q.trim() ? { q: q.trim() } : {}),
            ...(applicant.trim() ? { applicant: applicant.trim() } : {}),
            ...(region.trim() ? { region: region.trim() } : {}),
            ...(fields.length ? { fields } : {}),
          },
        },
      }),
    onSuccess: async () => {
      setName('');
      setQ('');
      setApplicant('');
      setRegion('');
      setFields([]);
      await queryClient.invalidateQueries({ queryKey: ['funding'] });
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setNameMissing(true);
      document.getElementById('search-name')?.focus();
      return;
    }
    setNameMissing(false);
    save.mutate();
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-search-title">
      <Stack gap="sm" maw={720}>
        <Text fw={600} id="new-search-title">
          {t('funding.searches.new')}
        </Text>
        <TextInput
          id="search-name"
          label={t('funding.searches.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={nameMissing ? t('funding.searches.nameRequired') : undefined}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('funding.calls.q')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
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
        </SimpleGrid>
        <FieldSelect label={t('funding.calls.fieldOfAction')} value={fields} onChange={setFields} />
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
      </Stack>
    </form>
  );
}
