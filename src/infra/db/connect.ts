import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { SqliteReader } from './sqlite-reader.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Database<DB> {
  db: Kysely<DB>;
  dialect: DialectName;
  url: string;
  /** The raw better-sqlite3 handle (SQLite only): FTS5 and bulk paths use it directly. */
  sqlite?: SQLite.Database;
  /** A read-only connection on its own thread (SQLite files only), for reads that run side by side. */
  reader?: SqliteReader;
  /** The pg pool (PostgreSQL only). */
  pool?: pg.Pool;
  close(): Promise<void>;
}

// int8 (count(*)) and numeric come back as strings from pg; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

export function dialectOf(url: string): DialectName {
  return url.startsWith('sqlite:') ? 'sqlite' : 'postgres';
}

export function openDatabase<DB>(url: string, opts: { poolSize?: number } = {}): Database<DB> {
  if (dialectOf(url) === 'sqlite') {
    const path = url.slice('sqlite:'.length) || ':memory:';
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const sqlite = new SQLite(path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
    const reader = path === ':memory:' ? undefined : new SqliteReader(path);
    return {
      db,
      dialect: 'sqlite',
      url,
      sqlite,
      reader,
      close: async () => {
        await reader?.close();
        await db.destroy();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10 });
  // An idle client that the server drops (restart, failover, DROP DATABASE … FORCE) must not crash
  // the process: the pool discards it and the next query opens a new connection.
  pool.on('error', (err) => {
    process.emitWarning(`PostgreSQL idle client error: ${err.message}`);
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    url,
    pool,
    close: async () => {
      await db.destroy();
    },
  };
}
