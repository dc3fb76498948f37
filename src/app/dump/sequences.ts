import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema.js';
import type { DumpTable } from './dump-tables.js';

/**
 * Imported rows keep their ids, which PostgreSQL sequences do not see: move each one past the
 * highest id so the next insert does not collide. (SQLite's AUTOINCREMENT follows by itself.)
 */
export async function resetSequences(db: Kysely<DB>, tables: DumpTable[]): Promise<void> {
  for (const t of tables) {
    const res = await sql<{ name: string }>`
      select a.attname as name
      from pg_attribute a
      join pg_class c on c.oid = a.attrelid
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
      where c.relname = ${t.name} and a.attnum > 0 and not a.attisdropped
        and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null`.execute(db);
    for (const { name } of res.rows) {
      await sql`
        select setval(pg_get_serial_sequence(quote_ident(${t.name}), ${name}),
                      coalesce(max(${sql.ref(name)}), 0) + 1, false)
        from ${sql.table(t.name)}`.execute(db);
    }
  }
}
