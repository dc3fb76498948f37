import type { Kysely } from 'kysely';
import type { AppContext } from '../../../app/context.js';
import type { DB } from '../../../app/schema.js';
import { nowIso } from '../../../infra/db/columns.js';
import { searchColumnValue } from '../search-text.js';
import { fields } from './fields-data.js';
import { illustrativeCommittees } from './illustrative-committees.js';
import { addresses, memberships, organizations, people, VORLAGE } from './office-data.js';
import { events } from './office-events.js';
import { relations } from './office-relations.js';
import { GEO_ATTRIBUTION, GEO_SOURCE, regionBodies } from './region-bodies.js';

type KeyedTable =
  | 'bodies'
  | 'organizations'
  | 'people'
  | 'memberships'
  | 'organization_relations'
  | 'addresses'
  | 'organization_events'
  | 'fields_of_action';

/**
 * Inserts what is missing, matched on natural keys, and leaves existing rows alone: a second run
 * (or a run after users edited the demo records) changes nothing.
 */
class KeyedSeeder {
  created = 0;
  constructor(private readonly db: Kysely<DB>) {}

  async idOf(table: KeyedTable, key: string): Promise<number | undefined> {
    const row = await this.db.selectFrom(table).select('id').where('key', '=', key).executeTakeFirst();
    return row?.id;
  }

  async require(table: KeyedTable, key: string | undefined): Promise<number | null> {
    if (!key) return null;
    const id = await this.idOf(table, key);
    if (id === undefined) throw new Error(`demo data: ${table} ${key} is referenced before it exists`);
    return id;
  }

  async ensure(table: KeyedTable, key: string, insert: () => Promise<unknown>): Promise<void> {
    if ((await this.idOf(table, key)) !== undefined) return;
    await insert();
    this.created++;
  }
}

const stamp = () => {
  const now = nowIso();
  return { created_at: now, updated_at: now };
};

async function seedBodies(db: Kysely<DB>, s: KeyedSeeder) {
  for (const b of regionBodies) {
    const parent_id = await s.require('bodies', b.parentKey ?? undefined);
    await s.ensure('bodies', b.key, () =>
      db
        .insertInto('bodies')
        .values({
          key: b.key,
          name: b.name,
          kind: b.kind,
          ags: b.ags,
          ars: b.ars,
          parent_id,
          website: null,
          source: GEO_SOURCE,
          attribution: GEO_ATTRIBUTION,
          ...stamp(),
        })
        .execute(),
    );
  }
}

async function seedOrganizations(db: Kysely<DB>, s: KeyedSeeder) {
  for (const o of [...organizations, ...illustrativeCommittees]) {
    const parent_id = await s.require('organizations', o.parentKey);
    const body_id = await s.require('bodies', o.bodyKey);
    await s.ensure('organizations', o.key, () =>
      db
        .insertInto('organizations')
        .values({
          key: o.key,
          name: o.name,
          name_search: searchColumnValue(o.name, o.shortName),
          short_name: o.shortName ?? null,
          kind: o.kind,
          parent_id,
          body_id,
          website: null,
          description: o.description ?? null,
          source: o.source ?? VORLAGE,
          is_public: 1,
          owner_organization_id: null,
          ...stamp(),
        })
        .execute(),
    );
  }
}

async function seedPeople(db: Kysely<DB>, s: KeyedSeeder) {
  for (const p of people) {
    await s.ensure('people', p.key, () =>
      db
        .insertInto('people')
        .values({
          key: p.key,
          name: p.name,
          name_search: searchColumnValue(p.name),
          email: null,
          phone: null,
          note: p.note,
          source: VORLAGE,
          is_public: 1,
          owner_organization_id: null,
          ...stamp(),
        })
        .execute(),
    );
  }
  for (const m of memberships) {
    const person_id = (await s.require('people', m.personKey)) as number;
    const organization_id = (await s.require('organizations', m.organizationKey)) as number;
    const seconded_from_organization_id = await s.require('organizations', m.secondedFromKey);
    await s.ensure('memberships', m.key, () =>
      db
        .insertInto('memberships')
        .values({
          key: m.key,
          person_id,
          organization_id,
          role: m.role,
          start_date: m.start?.[0] ?? null,
          start_precision: m.start?.[1] ?? 'day',
          end_date: m.end?.[0] ?? null,
          end_precision: m.end?.[1] ?? 'day',
          seconded_from_organization_id,
          seconded_since: m.secondedSince ?? null,
          note: m.note ?? null,
          source: VORLAGE,
          ...stamp(),
        })
        .execute(),
    );
  }
}

async function seedRelations(db: Kysely<DB>, s: KeyedSeeder) {
  for (const r of relations) {
    const organization_id = (await s.require('organizations', r.organizationKey)) as number;
    const related_organization_id = (await s.require('organizations', r.relatedKey)) as number;
    await s.ensure('organization_relations', r.key, () =>
      db
        .insertInto('organization_relations')
        .values({
          key: r.key,
          organization_id,
          related_organization_id,
          kind: r.kind,
          role: r.role,
          start_date: r.start?.[0] ?? null,
          start_precision: r.start?.[1] ?? 'day',
          end_date: r.end?.[0] ?? null,
          end_precision: r.end?.[1] ?? 'day',
          ended: r.ended || r.end ? 1 : 0,
          note: r.note ?? null,
          source: VORLAGE,
          ...stamp(),
        })
        .execute(),
    );
  }
}

async function seedHistory(db: Kysely<DB>, s: KeyedSeeder) {
  for (const a of addresses) {
    const organization_id = (await s.require('organizations', a.organizationKey)) as number;
    await s.ensure('addresses', a.key, () =>
      db
        .insertInto('addresses')
        .values({
          key: a.key,
          organization_id,
          label: a.label,
          street: a.street,
          postal_code: null,
          city: a.city,
          valid_from: a.validFrom[0],
          valid_from_precision: a.validFrom[1],
          valid_to: a.validTo?.[0] ?? null,
          valid_to_precision: a.validTo?.[1] ?? 'day',
          source: VORLAGE,
          ...stamp(),
        })
        .execute(),
    );
  }
  for (const e of events) {
    const organization_id = (await s.require('organizations', e.organizationKey)) as number;
    const related_organization_id = await s.require('organizations', e.relatedKey);
    await s.ensure('organization_events', e.key, () =>
      db
        .insertInto('organization_events')
        .values({
          key: e.key,
          organization_id,
          date: e.date?.[0] ?? null,
          date_precision: e.date?.[1] ?? 'day',
          kind: e.kind,
          title: e.title,
          description: e.description ?? null,
          related_organization_id,
          source: VORLAGE,
          is_public: 1,
          owner_organization_id: null,
          ...stamp(),
        })
        .execute(),
    );
  }
}

async function seedFields(db: Kysely<DB>, s: KeyedSeeder) {
  for (const [i, f] of fields.entries()) {
    const parent_id = await s.require('fields_of_action', f.parentKey);
    await s.ensure('fields_of_action', f.key, () =>
      db
        .insertInto('fields_of_action')
        .values({
          key: f.key,
          parent_id,
          name: f.name,
          description: f.description ?? null,
          rules_json: JSON.stringify(f.rules),
          sort_order: i,
          source: `${VORLAGE} (Handlungsfeld); Suchbegriffe: Startsatz der Demodaten`,
          ...stamp(),
        })
        .execute(),
    );
  }
}

/** The region's bodies and the office of the seed with its people, history and fields of action. */
export async function seedDirectoryDemo(
  ctx: AppContext,
  progress: (message: string) => void,
): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const s = new KeyedSeeder(trx);
    progress('bodies (BKG VG250)');
    await seedBodies(trx, s);
    progress('organisations, people, memberships and relations (Vorlage 10/036/2018)');
    await seedOrganizations(trx, s);
    await seedPeople(trx, s);
    await seedRelations(trx, s);
    progress('addresses and timeline');
    await seedHistory(trx, s);
    progress('fields of action');
    await seedFields(trx, s);
    progress(`${s.created} record(s) created`);
    return s.created;
  });
}
