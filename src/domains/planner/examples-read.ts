import { assertSignedIn } from '../access/policy.js';
import type { PlannerDeps } from './check-plan.js';
import { findBodies, findCommittees } from './committees-repository.js';
import { sequenceCommittees, sequencesOf } from './settings-repository.js';

type ExampleKind = 'feasible' | 'tight' | 'impossible';

/**
 * The demo's worked questions (a feasible, a tight and an impossible case), each with the as-of
 * day its illustrative calendars were made for, so the answers stay the same on later days. Only
 * examples whose bodies and sequences the actor may read in full are listed.
 */
export async function listExamples(deps: PlannerDeps) {
  assertSignedIn(deps.actor);
  const rows = await deps.db.selectFrom('planner_examples').selectAll().orderBy('id').execute();
  const wanted = rows.flatMap(
    (r) => JSON.parse(r.bodies_json) as { bodyOparlId: string; sequenceName: string }[],
  );
  const bodyIds = [...new Set(wanted.map((w) => w.bodyOparlId))];
  const bodies = new Map(
    (await findBodies(deps.db, deps.actor, { oparlIds: bodyIds })).map((b) => [b.oparlId, b]),
  );
  const sequences = await sequencesOf(deps.db, bodyIds);
  const readable = new Set(
    (await findCommittees(deps.db, deps.actor, { oparlIds: sequences.flatMap(sequenceCommittees) })).map(
      (c) => c.oparlId,
    ),
  );
  const items = [];
  for (const r of rows) {
    const parts = (JSON.parse(r.bodies_json) as { bodyOparlId: string; sequenceName: string }[]).map((w) => {
      const body = bodies.get(w.bodyOparlId);
      const seq = sequences.find((s) => s.body_oparl_id === w.bodyOparlId && s.name === w.sequenceName);
      if (!body || !seq || !sequenceCommittees(seq).every((c) => readable.has(c))) return null;
      return { bodyId: body.id, sequenceId: seq.id };
    });
    if (parts.some((p) => p === null)) continue;
    items.push({
      id: r.id,
      kind: r.kind as ExampleKind,
      deadline: r.deadline,
      asOf: r.as_of,
      bufferDays: r.buffer_days,
      bodies: parts as { bodyId: number; sequenceId: number }[],
      illustrative: r.illustrative === 1,
    });
  }
  return { items };
}
