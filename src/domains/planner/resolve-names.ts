import type { Kysely } from 'kysely';
import type { DB } from '../../app/schema.js';
import type { Actor } from '../access/actor.js';
import { type BodyRow, type CommitteeRow, findBodies, findCommittees } from './committees-repository.js';
import {
  ambiguousCommittee,
  type CandidateRef,
  emptySequence,
  unknownBody,
  unknownCommittee,
} from './errors.js';

/** Names compare in any letter case, with surrounding and repeated blanks ignored. */
export const foldName = (s: string) =>
  s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('de-DE');

const words = (s: string) =>
  foldName(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3);

/** The names most like `name` (shared words, or one containing the other), best first. */
function similar<T extends { name: string }>(name: string, pool: T[], limit = 8): T[] {
  const wanted = new Set(words(name));
  const folded = foldName(name);
  return pool
    .map((item) => {
      const f = foldName(item.name);
      let score = words(item.name).filter((w) => wanted.has(w)).length;
      if (folded.length >= 3 && (f.includes(folded) || folded.includes(f))) score += 2;
      return { item, score };
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.item.name.localeCompare(b.item.name, 'de'))
    .slice(0, limit)
    .map((x) => x.item);
}

const asCandidate = (c: CommitteeRow): CandidateRef => ({ id: c.id, name: c.name, body: c.bodyName });

/** Splits "A > B > C" into its committee names. */
export function parseSequence(text: string): string[] {
  const names = text
    .split('>')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) throw emptySequence();
  return names;
}

/** A body by its exact name or short name (any letter case). */
export async function resolveBodyByName(db: Kysely<DB>, actor: Actor, name: string): Promise<BodyRow> {
  const bodies = await findBodies(db, actor);
  const folded = foldName(name);
  const hits = bodies.filter(
    (b) => foldName(b.name) === folded || (b.shortName && foldName(b.shortName) === folded),
  );
  if (hits.length === 1) return hits[0];
  const toRef = (b: BodyRow): CandidateRef => ({ id: b.id, name: b.name, body: null });
  if (hits.length > 1) throw unknownBody(name, hits.map(toRef));
  const near = similar(name, bodies);
  throw unknownBody(name, (near.length ? near : bodies.slice(0, 12)).map(toRef));
}

/**
 * Committees by their exact names (any letter case), in the given order; within `body` when given.
 * A committee that ended before the as-of day cannot meet any more: it only counts when no current
 * committee has the name (an old Wahlperiode's committee of the same name is no rival).
 */
export async function resolveCommitteesByName(
  db: Kysely<DB>,
  actor: Actor,
  names: string[],
  opts: { body: BodyRow | null; asOf: string },
): Promise<CommitteeRow[]> {
  const pool = await findCommittees(db, actor, opts.body ? { bodyOparlIds: [opts.body.oparlId] } : {});
  const byName = new Map<string, CommitteeRow[]>();
  for (const c of pool) {
    const key = foldName(c.name);
    byName.set(key, [...(byName.get(key) ?? []), c]);
  }
  return names.map((name) => {
    const hits = byName.get(foldName(name)) ?? [];
    const current = hits.filter((c) => !c.endDate || c.endDate >= opts.asOf);
    const chosen = current.length ? current : hits;
    if (chosen.length === 1) return chosen[0];
    if (chosen.length > 1) throw ambiguousCommittee(name, chosen.map(asCandidate));
    throw unknownCommittee(name, similar(name, pool).map(asCandidate));
  });
}
