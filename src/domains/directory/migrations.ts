import type { CreateTableBuilder, Kysely } from 'kysely';
import { withId, withTimestamps } from '../../infra/db/columns.js';
import type { DialectName } from '../../infra/db/connect.js';
import { createGenerationCounter } from '../../infra/db/generations.js';
import type { MigrationSet } from '../../infra/db/migrate.js';

function guarded<T extends string, C extends string>(t: CreateTableBuilder<T, C>) {
  return t
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('owner_organization_id', 'integer', (c) =>
      c.references('organizations.id').onDelete('set null'),
    );
}

async function createCore(db: Kysely<unknown>, dialect: DialectName) {
  await withTimestamps(
    withId(db.schema.createTable('bodies'), dialect)
      .addColumn('key', 'text', (c) => c.unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('ags', 'text')
      .addColumn('ars', 'text')
      .addColumn('parent_id', 'integer', (c) => c.references('bodies.id').onDelete('set null'))
      .addColumn('website', 'text')
      .addColumn('source', 'text')
      .addColumn('attribution', 'text'),
  ).execute();

  await withTimestamps(
    withId(db.schema.createTable('organizations'), dialect)
      .addColumn('key', 'text', (c) => c.unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_search', 'text', (c) => c.notNull())
      .addColumn('short_name', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('parent_id', 'integer', (c) => c.references('organizations.id').onDelete('set null'))
      .addColumn('body_id', 'integer', (c) => c.references('bodies.id').onDelete('set null'))
      .addColumn('website', 'text')
      .addColumn('description', 'text')
      .addColumn('source', 'text')
      .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('owner_organization_id', 'integer', (c) =>
        c.references('organizations.id').onDelete('set null'),
      ),
  ).execute();

  await withTimestamps(
    guarded(
      withId(db.schema.createTable('people'), dialect)
        .addColumn('key', 'text', (c) => c.unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_search', 'text', (c) => c.notNull())
        .addColumn('email', 'text')
        .addColumn('phone', 'text')
        .addColumn('note', 'text')
        .addColumn('source', 'text'),
    ),
  ).execute();
}

async function createRelations(db: Kysely<unknown>, dialect: DialectName) {
  await withTimestamps(
    withId(db.schema.createTable('memberships'), dialect)
      .addColumn('key', 'text', (c) => c.unique())
      .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
      .addColumn('organization_id', 'integer', (c) =>
        c.notNull().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text')
      .addColumn('start_precision', 'text', (c) => c.notNull().defaultTo('day'))
      .addColumn('end_date', 'text')
      .addColumn('end_precision', 'text', (c) => c.notNull().defaultTo('day'))
      .addColumn('seconded_from_organization_id', 'integer', (c) =>
        c.references('organizations.id').onDelete('set null'),
      )
      .addColumn('seconded_since', 'text')
      .addColumn('note', 'text')
      .addColumn('source', 'text'),
  ).execute();

  await withTimestamps(
    withId(db.schema.createTable('addresses'), dialect)
      .addColumn('key', 'text', (c) => c.unique())
      .addColumn('organization_id', 'integer', (c) =>
        c.notNull().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('label', 'text')
      .addColumn('street', 'text')
      .addColumn('postal_code', 'text')
      .addColumn('city', 'text')
      .addColumn('valid_from', 'text')
      .addColumn('valid_from_precision', 'text', (c) => c.notNull().defaultTo('day'))
      .addColumn('valid_to', 'text')
      .addColumn('valid_to_precision', 'text', (c) => c.notNull().defaultTo('day'))
      .addColumn('source', 'text'),
  ).execute();

  await withTimestamps(
    guarded(
      withId(db.schema.createTable('organization_events'), dialect)
        .addColumn('key', 'text', (c) => c.unique())
        .addColumn('organization_id', 'integer', (c) =>
          c.notNull().references('organizations.id').onDelete('cascade'),
        )
        .addColumn('date', 'text')
        .addColumn('date_precision', 'text', (c) => c.notNull().defaultTo('day'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('related_organization_id', 'integer', (c) =>
          c.references('organizations.id').onDelete('set null'),
        )
        .addColumn('source', 'text'),
    ),
  ).execute();

  await withTimestamps(
    withId(db.schema.createTable('fields_of_action'), dialect)
      .addColumn('key', 'text', (c) => c.unique())
      .addColumn('parent_id', 'integer', (c) => c.references('fields_of_action.id').onDelete('set null'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('rules_json', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('source', 'text'),
  ).execute();
}

async function createIndexes(db: Kysely<unknown>) {
  const idx = (name: string, table: string, columns: string[]) =>
    db.schema.createIndex(name).on(table).columns(columns).execute();
  await idx('organizations_name_search', 'organizations', ['name_search']);
  await idx('organizations_parent', 'organizations', ['parent_id']);
  await idx('organizations_kind', 'organizations', ['kind']);
  await idx('people_name_search', 'people', ['name_search']);
  await idx('memberships_person', 'memberships', ['person_id']);
  await idx('memberships_organization', 'memberships', ['organization_id']);
  await idx('addresses_organization', 'addresses', ['organization_id']);
  await idx('organization_events_organization', 'organization_events', ['organization_id', 'date']);
  await idx('organization_events_related', 'organization_events', ['related_organization_id']);
  await idx('bodies_parent', 'bodies', ['parent_id']);
  await idx('fields_of_action_parent', 'fields_of_action', ['parent_id']);
}

export const directoryMigrations: MigrationSet = {
  // organizations must exist before accounts (users.organization_id references it).
  '2026112510_directory_init': {
    async up(db, dialect) {
      await createCore(db, dialect);
      await createRelations(db, dialect);
      await createIndexes(db);
    },
  },
  // The organisation list is cached per visibility class; the database counts every change.
  '2026112512_directory_organizations_generation': {
    async up(db, dialect) {
      await createGenerationCounter(db, dialect, 'organizations');
    },
  },
  // Dated relations between organisations (member of a network, partner of a cooperation, placed in
  // a department): the seed dates them, and a timeline event alone cannot be queried or ended.
  '2026120160_directory_organization_relations': {
    async up(db, dialect) {
      await withTimestamps(
        withId(db.schema.createTable('organization_relations'), dialect)
          .addColumn('key', 'text', (c) => c.unique())
          .addColumn('organization_id', 'integer', (c) =>
            c.notNull().references('organizations.id').onDelete('cascade'),
          )
          .addColumn('related_organization_id', 'integer', (c) =>
            c.notNull().references('organizations.id').onDelete('cascade'),
          )
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('role', 'text')
          .addColumn('start_date', 'text')
          .addColumn('start_precision', 'text', (c) => c.notNull().defaultTo('day'))
          .addColumn('end_date', 'text')
          .addColumn('end_precision', 'text', (c) => c.notNull().defaultTo('day'))
          .addColumn('ended', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('note', 'text')
          .addColumn('source', 'text'),
      ).execute();
      await db.schema
        .createIndex('organization_relations_organization')
        .on('organization_relations')
        .columns(['organization_id', 'kind'])
        .execute();
      await db.schema
        .createIndex('organization_relations_related')
        .on('organization_relations')
        .columns(['related_organization_id'])
        .execute();
    },
  },
};
