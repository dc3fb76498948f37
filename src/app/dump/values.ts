import { DumpError, type DumpValue } from './format.js';

/**
 * Brings a driver value into the one shape both databases agree on, so that SQLite and PostgreSQL
 * give byte-identical documents: booleans become 0/1, dates ISO strings, JSON objects text,
 * 64-bit integers plain numbers.
 */
export function toDumpValue(value: unknown, where: string): DumpValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new DumpError(
        'DUMP_VALUE',
        `${where}: ${value} cannot be written to JSON`,
        `${where}: ${value} lässt sich nicht als JSON schreiben`,
      );
    return value;
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  if (typeof value === 'object') return JSON.stringify(value);
  throw new DumpError(
    'DUMP_VALUE',
    `${where}: unsupported value of type ${typeof value}`,
    `${where}: Wert vom Typ ${typeof value} wird nicht unterstützt`,
  );
}

export function isDumpValue(value: unknown): value is DumpValue {
  if (value === null || typeof value === 'string') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object') return false;
  const keys = Object.keys(value);
  return (
    keys.length === 1 && keys[0] === '$bytes' && typeof (value as { $bytes: unknown }).$bytes === 'string'
  );
}

/** The value handed to the database driver on import. */
export function fromDumpValue(value: DumpValue): string | number | null | Buffer {
  if (value !== null && typeof value === 'object') return Buffer.from(value.$bytes, 'base64');
  return value;
}
