import { Button, Menu, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../lib/auth';
import { useI18n } from '../lib/i18n';

/** Sign-in link for visitors; for users a keyboard-operable menu with their role and sign-out. */
export function UserMenu() {
  const { user, loading, logout } = useAuth();
  const { t } = useI18n();
  const navigate = useNavigate();
  if (loading) return null;
  if (!user) {
    return (
      <Button component={Link} to="/login" variant="default" size="sm">
        {t('shell.login')}
      </Button>
    );
  }
  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={220} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button
          variant="default"
          size="sm"
          maw={{ base: 140, sm: 'none' }}
          title={t('shell.signedInAs', { email: user.email })}
        >
          {user.name}
          <Text span inherit visibleFrom="sm">
            &nbsp;· {t(`role.${user.role}`)}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          onClick={async () => {
            await logout();
            navigate('/');
          }}
        >
          {t('shell.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
