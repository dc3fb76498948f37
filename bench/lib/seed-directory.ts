import type { Kysely } from 'kysely';
import type { DB } from '../../src/app/schema.js';
import { organizationKinds } from '../../src/domains/directory/schemas.js';
import { searchColumnValue } from '../../src/domains/directory/search-text.js';

export interface DirectorySize {
  organizations: number;
  people: number;
  /** One membership per person, spread over the organisations, until this many exist. */
  memberships: number;
}

const first = ['Anna', 'Jürgen', 'Özlem', 'Marie', 'Lukas', 'Sören', 'Fatma', 'Jan', 'Chantal', 'Heinz'];
const last = [
  'Müller',
  'Schmidt',
  'Yılmaz',
  'Weiß',
  'Schäfer',
  'Nowak',
  'Becker',
  'Hoffmann',
  'Krüger',
  'Ünal',
];
const towns = [
  'Ratingen',
  'Velbert',
  'Hilden',
  'Langenfeld',
  'Monheim',
  'Mettmann',
  'Erkrath',
  'Haan',
  'Wülfrath',
  'Heiligenhaus',
];

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 500) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Fills the directory tables with direct bulk inserts (no services, no audit): the bench needs
 * volume fast, not history. Names carry umlauts so the dump's text path is exercised.
 */
export async function seedDirectory(db: Kysely<DB>, size: DirectorySize): Promise<void> {
  const at = '2026-01-15T09:30:00.000Z';
  await db.transaction().execute(async (trx) => {
    const orgs = Array.from({ length: size.organizations }, (_, i) => {
      const name = `${['Stadt', 'Amt für Wirtschaftsförderung', 'Netzwerk', 'Verein'][i % 4]} ${towns[i % towns.length]} ${i + 1}`;
      return {
        key: `bench:org:${i + 1}`,
        name,
        name_search: searchColumnValue(name),
        short_name: i % 3 === 0 ? `O${i + 1}` : null,
        kind: organizationKinds[i % organizationKinds.length],
        parent_id: null,
        body_id: null,
        website: i % 2 === 0 ? `https://example.org/o/${i + 1}` : null,
        description: i % 5 === 0 ? `Beschreibung der Organisation ${i + 1} – „regional“.` : null,
        source: 'bench',
        is_public: 1,
        owner_organization_id: null,
        created_at: at,
        updated_at: at,
        version: 1,
      };
    });
    await insertChunked(orgs, (chunk) => trx.insertInto('organizations').values(chunk).execute());
    const people = Array.from({ length: size.people }, (_, i) => {
      const name = `${first[i % first.length]} ${last[Math.floor(i / first.length) % last.length]} ${i + 1}`;
      return {
        key: `bench:person:${i + 1}`,
        name,
        name_search: searchColumnValue(name),
        email: `person${i + 1}@example.org`,
        phone: i % 4 === 0 ? `+49 2102 ${100000 + i}` : null,
        note: null,
        source: 'bench',
        is_public: i % 10 === 0 ? 0 : 1,
        owner_organization_id: i % 10 === 0 ? 1 : null,
        created_at: at,
        updated_at: at,
        version: 1,
      };
    });
    await insertChunked(people, (chunk) => trx.insertInto('people').values(chunk).execute());
    const memberships = Array.from({ length: size.memberships }, (_, i) => ({
      key: `bench:membership:${i + 1}`,
      person_id: (i % size.people) + 1,
      organization_id: (i % size.organizations) + 1,
      role: ['Geschäftsführung', 'Referent:in', 'Mitglied', 'Vorsitz'][i % 4],
      start_date: `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-01`,
      start_precision: 'month' as const,
      end_date: null,
      end_precision: 'day' as const,
      seconded_from_organization_id: null,
      seconded_since: null,
      note: null,
      source: 'bench',
      created_at: at,
      updated_at: at,
      version: 1,
    }));
    await insertChunked(memberships, (chunk) => trx.insertInto('memberships').values(chunk).execute());
  });
}
