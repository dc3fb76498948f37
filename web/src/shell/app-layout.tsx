import { Anchor, AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useI18n } from '../lib/i18n';
import { LanguageSwitch } from './language-switch';
import { MainNav } from './main-nav';
import { UserMenu } from './user-menu';

/** Header, navigation and the one <main> landmark; every page renders into the outlet. */
export function AppLayout() {
  const { t } = useI18n();
  const [opened, { toggle, close }] = useDisclosure(false);
  useFocusOnNavigate(close);

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <a href="#main" className="skip-link">
        {t('shell.skip')}
      </a>
      <AppShell.Header className="app-header">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('shell.menu.close') : t('shell.menu.open')}
              aria-expanded={opened}
              aria-controls="main-nav"
            />
            <Anchor component={Link} to="/" underline="never" className="app-brand">
              <Text component="span" fw={700} fz="lg" c="petrol.8">
                {t('app.name')}
              </Text>
              <Text component="span" fz="sm" c="dimmed" visibleFrom="md" ml="sm">
                {t('app.tagline')}
              </Text>
            </Anchor>
          </Group>
          <Group gap={8} wrap="nowrap" miw={0}>
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="main-nav" aria-label={t('shell.nav')} className="app-navbar">
        <MainNav />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className="app-main">
        <div className="app-content">
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}

/** After a client-side navigation, focus goes to the new page's heading so screen readers announce it. */
function useFocusOnNavigate(onNavigate: () => void) {
  const { pathname } = useLocation();
  const last = useRef(pathname);
  useEffect(() => {
    if (last.current === pathname) return;
    last.current = pathname;
    onNavigate();
    const heading = document.getElementById('page-title');
    (heading ?? document.getElementById('main'))?.focus({ preventScroll: false });
  }, [pathname, onNavigate]);
}
