import { createHash } from 'node:crypto';

export type ColumnValue = string | number | null;
export type Columns = Record<string, ColumnValue>;

/** Hash over the compared columns in key order, so field order in the source never matters. */
export function contentHash(columns: Columns): string {
  const keys = Object.keys(columns).sort();
  const h = createHash('sha256');
  for (const k of keys) {
    const v = columns[k];
    h.update(k);
    h.update('\u0000');
    h.update(v === null ? '\u0001null' : typeof v === 'number' ? `\u0002${v}` : `\u0003${v}`);
    h.update('\u0000');
  }
  return h.digest('hex');
}

export type FieldChanges = Record<string, { before: ColumnValue; after: ColumnValue }>;

/** Fields whose value differs between the stored row and the new columns. */
export function diffColumns(row: Record<string, unknown>, columns: Columns): FieldChanges {
  const out: FieldChanges = {};
  for (const [k, after] of Object.entries(columns)) {
    const raw = row[k];
    const before: ColumnValue = raw === undefined ? null : (raw as ColumnValue);
    if (!sameValue(before, after)) out[k] = { before, after };
  }
  return out;
}

function sameValue(a: ColumnValue, b: ColumnValue): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b);
  return a === b;
}

export const json = (v: unknown): string => JSON.stringify(v ?? []);
