import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import { nowIso } from '../../../infra/db/columns.js';

/** Small factories for radar tests: rows with random defaults, returned with their ids. */
export async function makeOrganization(db: Kysely<DB>, name = `Org ${randomBytes(3).toString('hex')}`) {
  const at = nowIso();
  const row = await db
    .insertInto('organizations')
    .values({
      name,
      name_search: name.toLowerCase(),
      kind: 'partner',
      is_public: 1,
      owner_organization_id: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface CallSeed {
  title?: string;
  text?: string | null;
  fields?: string[];
  applicants?: string[];
  regions?: string[];
  isPublic?: boolean;
  owner?: number | null;
  status?: 'forthcoming' | 'open' | 'closed';
  giverLevel?: 'EU' | 'Bund' | 'Land' | 'other';
  firstSeenAt?: string;
}

export async function makeCall(db: Kysely<DB>, seed: CallSeed = {}) {
  const at = seed.firstSeenAt ?? nowIso();
  const key = randomBytes(6).toString('hex');
  const row = await db
    .insertInto('funding_calls')
    .values({
      source: 'test',
      source_set: 'test',
      source_id: key,
      source_url: `https://example.org/calls/${key}`,
      content_hash: key,
      first_seen_at: at,
      last_seen_at: at,
      withdrawn_at: null,
      created_at: at,
      updated_at: at,
      programme_id: null,
      call_kind: 'grant',
      identifier: null,
      title: seed.title ?? `Aufruf ${key}`,
      text: seed.text ?? null,
      status: seed.status ?? 'open',
      stage_model: 'single-stage',
      giver_level: seed.giverLevel ?? 'Land',
      giver_name: 'Land NRW',
      budget_eur: null,
      funding_rate_percent: null,
      min_grant_eur: null,
      max_grant_eur: null,
      eligible_applicants: JSON.stringify(seed.applicants ?? []),
      regions: JSON.stringify(seed.regions ?? []),
      fields_of_action: JSON.stringify(seed.fields ?? []),
      effective_fields: JSON.stringify(seed.fields ?? []),
      links: '[]',
      licence: null,
      attribution: null,
      text_is_verbatim: 0,
      import_notes: null,
      is_public: seed.isPublic === false ? 0 : 1,
      owner_organization_id: seed.owner ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function makeRound(db: Kysely<DB>, callId: number, date: string, time: string | null = null) {
  const at = nowIso();
  const row = await db
    .insertInto('funding_rounds')
    .values({
      call_id: callId,
      round_key: `deadline-${date}`,
      label: null,
      opens_at: null,
      deadline_date: date,
      deadline_time: time,
      time_zone: 'Europe/Berlin',
      deadline_kind: 'submission',
      confidence: 1,
      origin: 'source',
      review_status: 'unreviewed',
      evidence: null,
      content_hash: date,
      first_seen_at: at,
      last_seen_at: at,
      withdrawn_at: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
