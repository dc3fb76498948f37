import { Button, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router-dom';
import { ApiErrorAlert } from '../components/api-error-alert';
import { Page } from '../components/page';
import { useAuth } from '../lib/auth';
import { useI18n } from '../lib/i18n';

/** Only same-site paths: an attacker's ?next=https://… must not become a redirect. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useI18n();
  const { user, login } = useAuth();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const [apiError, setApiError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  if (done) return <Navigate to={safeNext(params.get('next'))} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next = {
      email: email.trim() ? undefined : t('login.emailRequired'),
      password: password ? undefined : t('login.passwordRequired'),
    };
    setErrors(next);
    setApiError(null);
    if (next.email || next.password) {
      document.getElementById(next.email ? 'login-email' : 'login-password')?.focus();
      return;
    }
    setBusy(true);
    try {
      await login(email.trim(), password);
      setDone(true);
    } catch (error) {
      setApiError(error);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t('login.title')}>
      <Paper withBorder p="lg" radius="md" maw={420}>
        {user && !done && (
          <Text mb="md" role="status">
            {t('login.already', { name: user.name })}
          </Text>
        )}
        <form onSubmit={submit} noValidate>
          <Stack>
            <ApiErrorAlert error={apiError} title={t('login.failed')} />
            <TextInput
              id="login-email"
              label={t('login.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errors.email}
            />
            <PasswordInput
              id="login-password"
              label={t('login.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors.password}
            />
            <Button type="submit" loading={busy}>
              {t('login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
