import { type CreateTableBuilder, type Kysely, sql } from 'kysely';
import { withId, withTimestamps } from '../../infra/db/columns.js';
import type { DialectName } from '../../infra/db/connect.js';
import type { MigrationSet } from '../../infra/db/migrate.js';

type AnyTable = CreateTableBuilder<string, string>;

function objectTable(db: Kysely<unknown>, dialect: DialectName, name: string): AnyTable {
  return withId(db.schema.createTable(name), dialect)
    .addColumn('oparl_id', 'text', (c) => c.notNull().unique())
    .addColumn('source_id', 'integer', (c) =>
      c.notNull().references('council_sources.id').onDelete('cascade'),
    )
    .addColumn('body_oparl_id', 'text')
    .addColumn('name', 'text')
    .addColumn('raw_json', 'text', (c) => c.notNull())
    .addColumn('oparl_created', 'text')
    .addColumn('oparl_modified', 'text')
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('quirks_json', 'text')
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('owner_organization_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull()) as unknown as AnyTable;
}

async function indexes(db: Kysely<unknown>, table: string, columns: string[]): Promise<void> {
  for (const col of columns) {
    await db.schema.createIndex(`${table}_${col}`).on(table).column(col).execute();
  }
}

export const councilMigrations: MigrationSet = {
  '2026112540_council_init': {
    async up(db, dialect) {
      const real = dialect === 'sqlite' ? 'real' : 'double precision';
      await withTimestamps(
        withId(db.schema.createTable('council_sources'), dialect)
          .addColumn('system_url', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text')
          .addColumn('oparl_version', 'text')
          .addColumn('last_sync_started_at', 'text')
          .addColumn('last_sync_finished_at', 'text')
          .addColumn('last_sync_status', 'text')
          .addColumn('last_error', 'text')
          .addColumn('counts_json', 'text')
          .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0)),
      ).execute();

      await objectTable(db, dialect, 'council_bodies')
        .addColumn('short_name', 'text')
        .addColumn('ags', 'text')
        .addColumn('website', 'text')
        .addColumn('system_oparl_id', 'text')
        .execute();
      await objectTable(db, dialect, 'council_organizations')
        .addColumn('short_name', 'text')
        .addColumn('organization_type', 'text')
        .addColumn('classification', 'text')
        .addColumn('start_date', 'text')
        .addColumn('end_date', 'text')
        .execute();
      await objectTable(db, dialect, 'council_persons')
        .addColumn('family_name', 'text')
        .addColumn('given_name', 'text')
        .execute();
      await objectTable(db, dialect, 'council_memberships')
        .addColumn('person_oparl_id', 'text')
        .addColumn('organization_oparl_id', 'text')
        .addColumn('role', 'text')
        .addColumn('voting_right', 'integer')
        .addColumn('start_date', 'text')
        .addColumn('end_date', 'text')
        .execute();
      await objectTable(db, dialect, 'council_meetings')
        .addColumn('start_at', 'text')
        .addColumn('end_at', 'text')
        .addColumn('cancelled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('meeting_state', 'text')
        .addColumn('location_oparl_id', 'text')
        .addColumn('organization_ids_json', 'text')
        .execute();
      await objectTable(db, dialect, 'council_agenda_items')
        .addColumn('meeting_oparl_id', 'text')
        .addColumn('number', 'text')
        .addColumn('item_order', 'integer')
        .addColumn('consultation_oparl_id', 'text')
        .addColumn('result', 'text')
        .addColumn('resolution_text', 'text')
        .execute();
      await objectTable(db, dialect, 'council_papers')
        .addColumn('reference', 'text')
        .addColumn('paper_date', 'text')
        .addColumn('paper_type', 'text')
        .addColumn('main_file_oparl_id', 'text')
        .addColumn('under_direction_of_json', 'text')
        .addColumn('decision_kind', 'text')
        .addColumn('file_reference', 'text')
        .addColumn('departments_json', 'text')
        .addColumn('draft_resolution', 'text')
        .addColumn('statement_of_facts', 'text')
        .addColumn('impacts_json', 'text')
        .addColumn('parse_confidence_json', 'text')
        .addColumn('parsed_at', 'text')
        .execute();
      await objectTable(db, dialect, 'council_consultations')
        .addColumn('paper_oparl_id', 'text')
        .addColumn('meeting_oparl_id', 'text')
        .addColumn('agenda_item_oparl_id', 'text')
        .addColumn('organization_ids_json', 'text')
        .addColumn('role', 'text')
        .addColumn('authoritative', 'integer')
        .execute();
      await objectTable(db, dialect, 'council_files')
        .addColumn('parent_oparl_id', 'text')
        .addColumn('parent_role', 'text')
        .addColumn('file_name', 'text')
        .addColumn('mime_type', 'text')
        .addColumn('size', 'integer')
        .addColumn('sha256', 'text')
        .addColumn('access_url', 'text')
        .addColumn('download_url', 'text')
        .addColumn('file_date', 'text')
        .addColumn('text', 'text')
        .addColumn('text_extracted_at', 'text')
        .execute();
      await objectTable(db, dialect, 'council_locations')
        .addColumn('description', 'text')
        .addColumn('street_address', 'text')
        .addColumn('postal_code', 'text')
        .addColumn('locality', 'text')
        .addColumn('lat', real)
        .addColumn('lon', real)
        .execute();
      await objectTable(db, dialect, 'council_legislative_terms')
        .addColumn('start_date', 'text')
        .addColumn('end_date', 'text')
        .execute();

      await withId(db.schema.createTable('council_quarantine'), dialect)
        .addColumn('source_id', 'integer', (c) =>
          c.notNull().references('council_sources.id').onDelete('cascade'),
        )
        .addColumn('list_url', 'text')
        .addColumn('object_id', 'text')
        .addColumn('fingerprint', 'text', (c) => c.notNull().unique())
        .addColumn('raw', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('first_seen', 'text', (c) => c.notNull())
        .addColumn('last_seen', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('resolved', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();

      await withId(db.schema.createTable('council_sync_cursors'), dialect)
        .addColumn('source_id', 'integer', (c) =>
          c.notNull().references('council_sources.id').onDelete('cascade'),
        )
        .addColumn('body_oparl_id', 'text', (c) => c.notNull())
        .addColumn('list_kind', 'text', (c) => c.notNull())
        .addColumn('list_url', 'text', (c) => c.notNull())
        .addColumn('next_url', 'text')
        .addColumn('run_since', 'text')
        .addColumn('run_started_at', 'text')
        .addColumn('watermark', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('pages', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('error', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('council_sync_cursors_key', ['source_id', 'body_oparl_id', 'list_kind'])
        .execute();

      await indexes(db, 'council_papers', ['body_oparl_id', 'paper_date', 'oparl_modified']);
      await indexes(db, 'council_meetings', ['body_oparl_id', 'start_at']);
      await indexes(db, 'council_agenda_items', ['meeting_oparl_id']);
      await indexes(db, 'council_consultations', ['paper_oparl_id', 'meeting_oparl_id']);
      await indexes(db, 'council_files', ['parent_oparl_id']);
      await indexes(db, 'council_organizations', ['body_oparl_id']);
      await indexes(db, 'council_memberships', ['person_oparl_id', 'organization_oparl_id']);
      await indexes(db, 'council_quarantine', ['source_id']);
    },
  },
  '2026112541_council_source_settings': {
    // Servers differ in how gently they must be treated; these override the client defaults.
    async up(db) {
      await db.schema.alterTable('council_sources').addColumn('request_delay_ms', 'integer').execute();
      await db.schema.alterTable('council_sources').addColumn('timeout_ms', 'integer').execute();
    },
  },
  '2026112542_council_file_fetch': {
    // The file fetcher records what it found per file; the OParl-declared mime type stays as served.
    async up(db) {
      await db.schema.alterTable('council_files').addColumn('detected_mime', 'text').execute();
      await db.schema.alterTable('council_files').addColumn('fetch_error', 'text').execute();
      await db.schema.alterTable('council_files').addColumn('fetched_at', 'text').execute();
    },
  },
  '2026120140_council_paper_handler': {
    // The Vorlage parser reads a handler (Bearbeiter/in); the paper page shows it with the department.
    async up(db) {
      await db.schema.alterTable('council_papers').addColumn('handler', 'text').execute();
    },
  },
  '2026120141_council_search_urls': {
    // Search hits of council papers, meetings and committees linked to the OParl JSON (or, for
    // uploaded Vorlagen, to a urn:); they now link to our pages, which carry the source link.
    async up(db) {
      for (const [docType, path] of [
        ['paper', '/council/papers/'],
        ['meeting', '/council/meetings/'],
        ['committee', '/council/organizations/'],
      ] as const) {
        await sql`update search_documents set url = ${path} || cast(source_id as text) where doc_type = ${docType}`.execute(
          db,
        );
      }
    },
  },
};
