import { Button, Checkbox, Group, Paper, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { RequireRole } from '../../components/require-role';
import { api } from '../../lib/api';
import { fieldErrors } from '../../lib/error-message';
import { useI18n } from '../../lib/i18n';
import { usePerson } from './api';
import type { Person, PersonDetail } from './types';

const editors = ['admin', 'office', 'partner'] as const;

export function PersonCreatePage() {
  const { t } = useI18n();
  return (
    <RequireRole roles={[...editors]} title={t('person.create.title')}>
      <PersonForm />
    </RequireRole>
  );
}

export function PersonEditPage() {
  const { t } = useI18n();
  const query = usePerson(Number(useParams().id));
  return (
    <RequireRole roles={[...editors]} title={t('common.edit')}>
      <QueryView query={query} title={t('common.edit')}>
        {(person) => <PersonForm person={person} />}
      </QueryView>
    </RequireRole>
  );
}

/** Only same-site paths: `returnTo` comes from the address bar. */
function safeReturn(path: string | null): string | null {
  return path?.startsWith('/') && !path.startsWith('//') ? path : null;
}

function PersonForm({ person }: { person?: PersonDetail }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [name, setName] = useState(person?.name ?? '');
  const [email, setEmail] = useState(person?.email ?? '');
  const [phone, setPhone] = useState(person?.phone ?? '');
  const [note, setNote] = useState(person?.note ?? '');
  const [isPublic, setIsPublic] = useState(person?.isPublic ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      person
        ? api<Person>(`/api/people/${person.id}`, {
            method: 'PATCH',
            body: { ...body, version: person.version },
          })
        : api<Person>('/api/people', { method: 'POST', body }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['directory'] });
      const back = safeReturn(params.get('returnTo'));
      navigate(back ? `${back}${back.includes('?') ? '&' : '?'}personId=${saved.id}` : `/people/${saved.id}`);
    },
    onError: (error) => setErrors(fieldErrors(error, lang, t)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!name.trim()) next.name = t('org.nameRequired');
    if (email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
      next.email = t('person.emailInvalid');
    setErrors(next);
    const first = Object.keys(next)[0];
    if (first) {
      document.getElementById(`person-${first}`)?.focus();
      return;
    }
    save.mutate({
      name: name.trim(),
      email: email.trim() || null,
      phone: phone.trim() || null,
      note: note.trim() || null,
      isPublic,
    });
  }

  return (
    <Page title={person ? t('person.edit.title', { name: person.name }) : t('person.create.title')}>
      <Paper withBorder p="lg" maw={720}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <ApiErrorAlert error={save.error} />
            <TextInput
              id="person-name"
              label={t('org.name')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
            />
            <Group grow align="flex-start">
              <TextInput
                id="person-email"
                type="email"
                label={t('person.email')}
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={errors.email}
              />
              <TextInput
                type="tel"
                label={t('person.phone')}
                value={phone}
                onChange={(e) => setPhone(e.currentTarget.value)}
                error={errors.phone}
              />
            </Group>
            <Textarea
              label={t('person.note')}
              autosize
              minRows={2}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={errors.note}
            />
            <Checkbox
              label={t('org.public')}
              checked={isPublic}
              onChange={(e) => setIsPublic(e.currentTarget.checked)}
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
