import { NavLink, Stack, Text } from '@mantine/core';
import { useId } from 'react';
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

interface Group {
  label?: string;
  items: NavItem[];
}

/** Navigation built from every domain's page module (one group each), filtered by the user's role. */
export function MainNav() {
  const { user } = useAuth();
  const { pathname } = useLocation();
  const groups: Group[] = [
    { items: [home] },
    ...pageModules.map((m) => ({
      label: m.navGroup,
      items: m.nav.filter((item) => allowed(user, item.roles)),
    })),
  ].filter((g) => g.items.length > 0);
  // Only the most specific entry is current: /council/sources must not also light up /council.
  const activePath = groups
    .flatMap((g) => g.items.map((i) => i.path))
    .filter((p) => isActive(p, pathname))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <Stack gap="md">
      {groups.map((g) => (
        <NavGroup key={g.items[0].path} group={g} activePath={activePath} />
      ))}
    </Stack>
  );
}

function NavGroup({ group, activePath }: { group: Group; activePath: string | undefined }) {
  const { t } = useI18n();
  const labelId = useId();
  return (
    <div>
      {group.label && (
        <Text id={labelId} size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mb={4}>
          {t(group.label)}
        </Text>
      )}
      <Stack
        component="ul"
        gap={2}
        className="plain-list"
        aria-labelledby={group.label ? labelId : undefined}
      >
        {group.items.map((item) => {
          const active = item.path === activePath;
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
    </div>
  );
}
