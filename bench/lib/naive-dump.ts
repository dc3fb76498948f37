import { readFileSync, writeFileSync } from 'node:fs';
import type SQLite from 'better-sqlite3';

/**
 * The baseline the dump is measured against: what one would write without streaming, checks or
 * a query builder. Straight better-sqlite3, the whole document in memory at once.
 */
export function naiveExport(sqlite: SQLite.Database, tables: string[], file: string): number {
  const doc: Record<string, unknown[]> = {};
  let rows = 0;
  for (const t of tables) {
    doc[t] = sqlite.prepare(`select * from "${t}" order by rowid`).all();
    rows += doc[t].length;
  }
  writeFileSync(file, JSON.stringify({ tables: doc }));
  return rows;
}

export function naiveImport(sqlite: SQLite.Database, file: string): number {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { tables: Record<string, Record<string, unknown>[]> };
  let rows = 0;
  sqlite.transaction(() => {
    for (const [t, list] of Object.entries(doc.tables)) {
      if (list.length === 0) continue;
      const cols = Object.keys(list[0]);
      const insert = sqlite.prepare(
        `insert into "${t}" (${cols.map((c) => `"${c}"`).join(',')}) values (${cols.map(() => '?').join(',')})`,
      );
      for (const r of list) insert.run(cols.map((c) => r[c]));
      rows += list.length;
    }
  })();
  return rows;
}
