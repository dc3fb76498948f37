import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import type { Actor } from '../../access/actor.js';
import { canRead } from '../../access/policy.js';
import { callFieldReadings } from '../classify/call-fields.js';
import { isHttpUrl } from '../limits.js';
import { loadFieldNames } from '../matching/load.js';
import { findCallById, findProgrammeById, listRoundsOfCall } from '../repository.js';
import type { CallDetail } from '../schemas.js';
import { assertReadable } from './access.js';
import {
  presentCallListItem,
  presentChange,
  presentProgramme,
  presentRound,
  presentUnreadable,
} from './presenters.js';

const arr = <T>(s: string): T[] => {
  try {
    const v: unknown = JSON.parse(s);
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
};

/** One call with its rounds, its programme (attribution, verbatim text) and the history of all three. */
export async function getCallDetail(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  today = new Date().toISOString().slice(0, 10),
): Promise<CallDetail> {
  const c = await findCallById(db, id);
  assertReadable(actor, c, 'Call');
  const programmeRow = c.programme_id ? await findProgrammeById(db, c.programme_id) : undefined;
  const programme =
    programmeRow &&
    canRead(actor, {
      isPublic: programmeRow.is_public === 1,
      ownerOrganizationId: programmeRow.owner_organization_id,
    })
      ? programmeRow
      : undefined;
  const rounds = await listRoundsOfCall(db, id, { includeWithdrawn: true });
  const roundIds = rounds.map((r) => r.id);
  const history = await db
    .selectFrom('funding_changes')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('record_type', '=', 'call'), eb('record_id', '=', id)]),
        ...(roundIds.length
          ? [eb.and([eb('record_type', '=', 'round'), eb('record_id', 'in', roundIds)])]
          : []),
        ...(programme
          ? [eb.and([eb('record_type', '=', 'programme'), eb('record_id', '=', programme.id)])]
          : []),
      ]),
    )
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
  const next = rounds
    .filter(
      (r) => !r.withdrawn_at && r.review_status !== 'rejected' && r.deadline_date && r.deadline_date >= today,
    )
    .map((r) => r.deadline_date as string)
    .sort()[0];
  const readings = await callFieldReadings(db, id);
  return {
    ...presentCallListItem({
      ...c,
      fields_of_action: c.effective_fields,
      programme_title: programme?.title ?? null,
      next_deadline: next ?? null,
    }),
    unreadable: presentUnreadable(c),
    fieldReadings: readings,
    sourceFields: arr<string>(c.fields_of_action),
    fieldsDecidedBy: c.fields_decided_by,
    fieldNames: (await loadFieldNames(db)).byKey,
    text: c.text,
    budgetEur: c.budget_eur,
    fundingRatePercent: c.funding_rate_percent,
    minGrantEur: c.min_grant_eur,
    maxGrantEur: c.max_grant_eur,
    // stored before links were checked on import: only web addresses leave the server
    links: arr<{ label: string; url: string }>(c.links).filter((l) => isHttpUrl(l.url)),
    licence: c.licence,
    textIsVerbatim: c.text_is_verbatim === 1,
    importNotes: c.import_notes,
    firstSeenAt: c.first_seen_at,
    lastSeenAt: c.last_seen_at,
    version: c.version,
    programme: programme ? presentProgramme(programme) : null,
    rounds: rounds.map(presentRound),
    history: history.map(presentChange),
  };
}
