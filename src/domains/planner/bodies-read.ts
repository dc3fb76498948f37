import { NotFoundError } from '../../infra/http/errors.js';
import { assertSignedIn } from '../access/policy.js';
import { todayInBerlin } from './calendar-day.js';
import type { PlannerDeps } from './check-plan.js';
import { type BodyRow, type CommitteeRow, findBodies, findCommittees } from './committees-repository.js';
import {
  DEFAULT_LEAD_DAYS,
  DEFAULT_WARN_SLACK_DAYS,
  type SequenceRow,
  type SettingsRow,
  sequenceCommittees,
  sequencesOf,
  settingsOf,
} from './settings-repository.js';

export function presentSettings(row: SettingsRow | undefined) {
  return {
    leadDays: row?.lead_days ?? DEFAULT_LEAD_DAYS,
    warnSlackDays: row?.warn_slack_days ?? DEFAULT_WARN_SLACK_DAYS,
    stored: row !== undefined,
    illustrative: row?.illustrative === 1,
    version: row?.version ?? null,
  };
}

/**
 * A sequence as the actor may see it; null when it names a committee the actor may not read (the
 * whole sequence is hidden then, so no name of a non-public committee shows).
 */
export function presentSequence(row: SequenceRow, bodyId: number, readable: Map<string, CommitteeRow>) {
  const committees = sequenceCommittees(row).map((oparlId) => readable.get(oparlId));
  if (committees.some((c) => c === undefined)) return null;
  return {
    id: row.id,
    bodyId,
    name: row.name,
    committees: (committees as CommitteeRow[]).map((c) => ({ id: c.id, name: c.name })),
    illustrative: row.illustrative === 1,
    version: row.version,
  };
}

async function describeBodies(deps: PlannerDeps, bodies: BodyRow[]) {
  const oparlIds = bodies.map((b) => b.oparlId);
  const [committees, settings, sequences] = await Promise.all([
    findCommittees(deps.db, deps.actor, { bodyOparlIds: oparlIds }),
    settingsOf(deps.db, oparlIds),
    sequencesOf(deps.db, oparlIds),
  ]);
  const readable = new Map(committees.map((c) => [c.oparlId, c]));
  return bodies.map((b) => {
    const own = committees.filter((c) => c.bodyOparlId === b.oparlId);
    const seqs = sequences
      .filter((s) => s.body_oparl_id === b.oparlId)
      .map((s) => presentSequence(s, b.id, readable))
      .filter((s) => s !== null);
    return {
      id: b.id,
      name: b.name,
      shortName: b.shortName,
      illustrative: b.illustrative,
      committeeCount: own.length,
      sequenceCount: seqs.length,
      settings: presentSettings(settings.get(b.oparlId)),
      committees: own,
      sequences: seqs,
    };
  });
}

/** The bodies the actor may read, with their planner settings; those with committees first. */
export async function listPlannerBodies(deps: PlannerDeps) {
  assertSignedIn(deps.actor);
  const described = await describeBodies(deps, await findBodies(deps.db, deps.actor));
  const items = described
    .map(({ committees: _c, sequences: _s, ...rest }) => rest)
    .sort(
      (a, b) =>
        Number(b.committeeCount > 0) - Number(a.committeeCount > 0) || a.name.localeCompare(b.name, 'de'),
    );
  return { items };
}

export async function getPlannerBody(deps: PlannerDeps, id: number, asOf?: string) {
  assertSignedIn(deps.actor);
  const [body] = await findBodies(deps.db, deps.actor, { ids: [id] });
  if (!body) throw new NotFoundError('Body');
  const [d] = await describeBodies(deps, [body]);
  const today = asOf ?? todayInBerlin(deps.now?.() ?? new Date());
  return {
    ...d,
    committees: d.committees.map((c) => ({
      id: c.id,
      name: c.name,
      handEntered: c.handEntered,
      illustrative: c.illustrative,
      ended: c.endDate !== null && c.endDate < today,
    })),
  };
}
