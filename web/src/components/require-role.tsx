import { Alert, Anchor, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { allowed, type Role, useAuth } from '../lib/auth';
import { useI18n } from '../lib/i18n';
import { Page } from './page';

/** Guards a page: anonymous visitors are asked to sign in, other roles are told they may not. */
export function RequireRole({
  roles,
  title,
  children,
}: {
  roles?: Role[];
  title: string;
  children: ReactNode;
}) {
  const { user, loading } = useAuth();
  const { t } = useI18n();
  const location = useLocation();
  if (loading) return null;
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <Page title={title}>
        <Alert color="blue" role="status">
          <Text>
            {t('auth.required')}{' '}
            <Anchor component={Link} to={`/login?next=${next}`}>
              {t('shell.login')}
            </Anchor>
          </Text>
        </Alert>
      </Page>
    );
  }
  if (!allowed(user, roles)) {
    return (
      <Page title={title}>
        <Alert color="red" role="status">
          {t('auth.forbidden')}
        </Alert>
      </Page>
    );
  }
  return <>{children}</>;
}
