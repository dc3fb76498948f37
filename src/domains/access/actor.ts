export const roles = ['admin', 'office', 'partner', 'reader'] as const;
export type Role = (typeof roles)[number];

/** Who is asking: every service and query that reads or writes data receives one. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; id: number; name: string; email: string; role: Role; organizationId: number | null }
  | { kind: 'system'; name: string };

export const anonymous: Actor = { kind: 'anonymous' };
export const systemActor = (name: string): Actor => ({ kind: 'system', name });

export function actorLabel(actor: Actor): string {
  if (actor.kind === 'user') return actor.email;
  if (actor.kind === 'system') return `system:${actor.name}`;
  return 'anonymous';
}

export function actorUserId(actor: Actor): number | null {
  return actor.kind === 'user' ? actor.id : null;
}
