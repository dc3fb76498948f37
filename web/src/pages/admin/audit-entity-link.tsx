import { Anchor, Code } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { AuditEntry } from './audit-page';

function numberField(snapshot: unknown, field: string): number | null {
  if (!snapshot || typeof snapshot !== 'object') return null;
  const value = (snapshot as Record<string, unknown>)[field];
  return typeof value === 'number' ? value : null;
}

/** Where the changed record can be seen, so every entry leads back to its source. */
function pathOf(e: AuditEntry): string | null {
  const snapshot = e.after ?? e.before;
  if (e.entityType === 'organization') return `/organizations/${e.entityId}`;
  if (e.entityType === 'person') return `/people/${e.entityId}`;
  if (e.entityType === 'field_of_action') return '/fields-of-action';
  if (e.entityType === 'membership' || e.entityType === 'address' || e.entityType === 'organization_event') {
    const org = numberField(snapshot, 'organizationId');
    return org ? `/organizations/${org}` : null;
  }
  return null;
}

export function AuditEntityLink({ entry }: { entry: AuditEntry }) {
  const label = `${entry.entityType} #${entry.entityId}`;
  const path = pathOf(entry);
  if (!path) return <Code>{label}</Code>;
  return (
    <Anchor component={Link} to={path} ff="monospace" fz="xs">
      {label}
    </Anchor>
  );
}
