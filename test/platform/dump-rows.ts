import type { Kysely } from 'kysely';
import type { DB } from '../../src/app/schema.js';

/** Values that a single-precision column or a careless number conversion would change. */
export const exactReals = [1 / 3, 0.1 + 0.2, 0.123456789012345, 51.22540183, 6.77631372, 1234567.891];

/**
 * Rows in the council and funding tables that neither the demo data nor an OParl sync fill:
 * funding sources, quarantine, funded projects and every radar table, with JSON columns, reals
 * that single precision would round, and text that JSON must escape.
 */
export async function fillRemainingRows(
  db: Kysely<DB>,
  refs: { userId: number; organizationId: number; callId: number; sourceId: number },
): Promise<void> {
  const at = '2026-11-30T09:15:00.000Z';
  const { userId, organizationId, callId } = refs;
  await db
    .insertInto('funding_sources')
    .values({
      kind: 'fdb-xml',
      location: '/srv/regiolotse/förderdatenbank.xml',
      label: 'Förderdatenbank „Bund“',
      enabled: 1,
      last_run_at: at,
      last_status: 'ok',
      last_counts: JSON.stringify({ programmes: 2, calls: 3, unchanged: 0 }),
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('funding_quarantine')
    .values({
      source: 'eu-ft-json',
      file: 'calls.json',
      record_key: 'HORIZON-CL5-2027-D1-01',
      raw: JSON.stringify({ title: 'Zeile 1\nZeile 2\t😀', budget: 'n/a \\ "?"' }),
      reason: 'deadline is not a date',
      first_seen_at: at,
      last_seen_at: at,
      count: 3,
      resolved_at: null,
    })
    .execute();
  await db
    .insertInto('funding_funded_projects')
    .values({
      source: 'efre-nrw-json',
      source_set: 'efre-nrw',
      source_id: 'EFRE-0801234',
      source_url: 'https://www.efre.nrw.de/projekt/0801234',
      content_hash: 'c0ffee',
      first_seen_at: at,
      last_seen_at: at,
      withdrawn_at: null,
      beneficiary: 'Stadt Ratingen',
      project_name: 'Innovationsquartier Ost',
      summary: null,
      start_date: '2024-01-01',
      end_date: '2027-12-31',
      total_eligible_eur: exactReals[5],
      ags: '05158028',
      municipality_name: 'Ratingen',
      country: 'DE',
      intervention_code: '027',
      intervention_label: 'Innovationsprozesse in KMU',
      programme_cci: '2021DE16RFPR007',
      funding_period: '2021-2027',
    })
    .execute();
  await db
    .insertInto('funding_projects')
    .values({
      title: 'Radschnellweg Mettmann–Düsseldorf',
      description: 'Machbarkeit und Planung',
      fields_of_action: JSON.stringify(['mobilitaet', 'klima']),
      applicant_type: 'Kommune',
      region_ags: '05158',
      owner_organization_id: organizationId,
      is_public: 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('funding_org_profiles')
    .values({
      organization_id: organizationId,
      applicant_type: 'Kommune',
      region_ags: '05158',
      fields_of_action: JSON.stringify(['mobilitaet']),
      keywords: JSON.stringify(['Radverkehr', 'Pendler']),
      updated_at: at,
    })
    .execute();
  // a classification with a fractional score and words that need escaping, if the demo left none
  const classified = await db.selectFrom('funding_call_classifications').select('id').executeTakeFirst();
  if (!classified) {
    const field = await db
      .selectFrom('fields_of_action')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('funding_call_classifications')
      .values({
        call_id: callId,
        field_id: field.id,
        score: 2.5,
        matched_terms: JSON.stringify(['Radverkehr', '„Pendler“']),
        classified_at: at,
      })
      .execute();
  }
  await db
    .insertInto('funding_match_feedback')
    .values({
      organization_id: organizationId,
      call_id: callId,
      relevant: 1,
      note: 'passt',
      user_id: userId,
      created_at: at,
      updated_at: at,
    })
    .execute();
  for (const [i, confidence] of exactReals.slice(0, 3).entries()) {
    await db
      .insertInto('funding_deadline_reviews')
      .values({
        call_id: callId,
        deadline_date: `2027-0${i + 1}-15`,
        deadline_time: i === 0 ? '12:00' : null,
        time_zone: 'Europe/Berlin',
        confidence,
        evidence: 'Anträge bis zum 15. des Monats',
        reasons: JSON.stringify(['Jahr fehlt', 'mehrdeutig']),
        status: i === 2 ? 'confirmed' : 'pending',
        decided_date: i === 2 ? '2027-03-15' : null,
        round_id: null,
        decided_by: i === 2 ? 'office@example.org' : null,
        decided_at: i === 2 ? at : null,
        created_at: at,
      })
      .execute();
  }
  await db
    .insertInto('funding_pointers')
    .values({
      call_id: callId,
      organization_id: organizationId,
      note: 'Bitte ansehen → Frist!',
      created_by_user_id: userId,
      created_by_label: 'office@example.org',
      created_at: at,
      read_at: null,
    })
    .execute();
  await db
    .insertInto('funding_activity')
    .values({
      at,
      kind: 'pointer',
      call_id: callId,
      organization_id: organizationId,
      actor_label: 'office@example.org',
      summary: 'Hinweis an Kreis Mettmann',
    })
    .execute();
  await db
    .insertInto('funding_alert_settings')
    .values({
      user_id: userId,
      lead_days: JSON.stringify([42, 14, 3]),
      digest: 'weekly',
      immediate: 1,
      unsubscribed_at: null,
      last_digest_at: at,
      last_immediate_at: null,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('funding_saved_searches')
    .values({
      user_id: userId,
      organization_id: organizationId,
      name: 'Klima & Mobilität',
      filters: JSON.stringify({ q: 'Rad*', fields: ['mobilitaet'], region: '05158' }),
      created_at: at,
    })
    .execute();
  await db
    .insertInto('funding_watches')
    .values({ user_id: userId, organization_id: null, call_id: callId, created_at: at })
    .execute();
  await db
    .insertInto('funding_alert_log')
    .values({ user_id: userId, kind: 'deadline', ref_key: `call:${callId}:14`, sent_at: at })
    .execute();
  // Text keys: PostgreSQL must order them bytewise as SQLite does (upper case before lower case).
  for (const uid of ['round-b@regiolotse', 'Round-A@regiolotse', 'round-ä@regiolotse']) {
    await db
      .insertInto('funding_ics_state')
      .values({ uid, content_hash: `h-${uid}`, sequence: 2, updated_at: at })
      .execute();
  }
  const oparl = (kind: string, name: string) => ({
    oparl_id: `https://example.org/oparl/${kind}/${encodeURIComponent(name)}`,
    source_id: refs.sourceId,
    body_oparl_id: null,
    name,
    raw_json: JSON.stringify({ type: `https://schema.oparl.org/1.1/${kind}`, name }),
    oparl_created: at,
    oparl_modified: at,
    deleted: 0,
    quirks_json: null,
    is_public: 1,
    owner_organization_id: null,
    created_at: at,
    updated_at: at,
  });
  await db
    .insertInto('council_persons')
    .values({ ...oparl('Person', 'Dr. Jürgen Ö’Neill'), family_name: 'Ö’Neill', given_name: 'Jürgen' })
    .execute();
  await db
    .insertInto('council_memberships')
    .values({
      ...oparl('Membership', 'Ö’Neill im Kreistag'),
      person_oparl_id: 'https://example.org/oparl/Person/Dr.%20J%C3%BCrgen%20%C3%96%E2%80%99Neill',
      organization_oparl_id: null,
      role: 'Vorsitz',
      voting_right: 1,
      start_date: '2020-11-01',
      end_date: null,
    })
    .execute();
  await db
    .insertInto('council_locations')
    .values({
      oparl_id: 'https://example.org/oparl/location/rathaus',
      source_id: refs.sourceId,
      body_oparl_id: null,
      name: 'Rathaus, Ratssaal',
      raw_json: JSON.stringify({ type: 'https://schema.oparl.org/1.1/Location', geojson: null }),
      oparl_created: at,
      oparl_modified: at,
      deleted: 0,
      quirks_json: JSON.stringify(['coordinates_swapped']),
      is_public: 1,
      owner_organization_id: null,
      created_at: at,
      updated_at: at,
      description: 'Ratssaal',
      street_address: 'Neanderstraße 16',
      postal_code: '40822',
      locality: 'Mettmann',
      lat: exactReals[3],
      lon: exactReals[4],
    })
    .execute();
}
