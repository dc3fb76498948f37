import { type Kysely, sql } from 'kysely';
import type { DialectName } from './connect.js';

/**
 * A counter per table that the database itself raises on every insert, update and delete (a
 * trigger), whoever writes: a service, the demo seed, an import, another process. Caches compare
 * it before they answer, so no write path can leave them stale.
 */
export async function createGenerationCounter(db: Kysely<unknown>, dialect: DialectName, table: string) {
  await sql`create table if not exists table_generations (table_name text primary key, generation integer not null)`.execute(
    db,
  );
  await sql`insert into table_generations (table_name, generation) values (${table}, 0)`.execute(db);
  if (dialect === 'sqlite') {
    for (const op of ['insert', 'update', 'delete']) {
      await sql
        .raw(
          `create trigger ${table}_generation_${op} after ${op} on ${table} begin ` +
            `update table_generations set generation = generation + 1 where table_name = '${table}'; end`,
        )
        .execute(db);
    }
    return;
  }
  await sql
    .raw(
      `create or replace function bump_table_generation() returns trigger as $$ begin ` +
        `update table_generations set generation = generation + 1 where table_name = TG_TABLE_NAME; ` +
        `return null; end $$ language plpgsql`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger ${table}_generation after insert or update or delete on ${table} ` +
        `for each statement execute function bump_table_generation()`,
    )
    .execute(db);
}

export async function readGeneration(db: Kysely<unknown>, table: string): Promise<number> {
  const res = await sql<{
    generation: number;
  }>`select generation from table_generations where table_name = ${table}`.execute(db);
  return res.rows[0]?.generation ?? -1;
}
