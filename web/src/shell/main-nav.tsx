import { NavLink, Stack } from '@mantine/core';
import { Link, useLocation } from 'react-router-dom';
import { allowed, useAuth } from '../lib/auth';
import { useI18n } from '../lib/i18n';
import type { NavItem } from '../lib/page-module';
import { pageModules } from './modules';

const home: NavItem = { path: '/', label: 'nav.home' };

function isActive(path: string, current: string): boolean {
  if (path === '/') return current === '/';
  return current === path || current.startsWith(`${path}/`);
}

/** Navigation built from every domain's page module, filtered by the user's role. */
export function MainNav() {
  const { t } = useI18n();
  const { user } = useAuth();
  const { pathname } = useLocation();
  const items = [home, ...pageModules.flatMap((m) => m.nav)].filter((item) => allowed(user, item.roles));
  return (
    <Stack component="ul" gap={2} className="plain-list">
      {items.map((item) => {
        const active = isActive(item.path, pathname);
        return (
          <li key={item.path}>
            <NavLink
              component={Link}
              to={item.path}
              label={t(item.label)}
              active={active}
              aria-current={active ? 'page' : undefined}
              variant="light"
              className="nav-link"
            />
          </li>
        );
      })}
    </Stack>
  );
}
