import { statSync } from 'node:fs';
import type { DumpTable } from './dump-tables.js';
import { DUMP_FORMAT, DUMP_FORMAT_VERSION, DumpError, type DumpHeader, type DumpProgress } from './format.js';
import { malformed } from './json-reader.js';
import { openDumpFile, readDumpEvents } from './read-dump.js';
import { isDumpValue } from './values.js';

export interface DumpCheck {
  header: DumpHeader;
  /** Row count per table, in the order of the file. */
  rows: Map<string, number>;
  total: number;
}

function checkFormat(value: unknown): void {
  if (value !== DUMP_FORMAT)
    throw new DumpError(
      'DUMP_FORMAT',
      `not a Regiolotse dump (format ${JSON.stringify(value)})`,
      `kein Regiolotse-Dump (Format ${JSON.stringify(value)})`,
    );
}

function checkVersion(value: unknown): void {
  if (value === DUMP_FORMAT_VERSION) return;
  throw new DumpError(
    'DUMP_VERSION',
    `dump format version ${JSON.stringify(value)} is not supported (this version reads ${DUMP_FORMAT_VERSION})`,
    `Dump-Formatversion ${JSON.stringify(value)} wird nicht unterstützt (diese Version liest ${DUMP_FORMAT_VERSION})`,
  );
}

const columnSets = new WeakMap<DumpTable, Set<string>>();

function checkRow(table: DumpTable, row: unknown, index: number): void {
  const where = `${table.name}[${index}]`;
  if (row === null || typeof row !== 'object' || Array.isArray(row))
    throw malformed(`${where} is not an object`);
  for (const [column, value] of Object.entries(row)) {
    let columns = columnSets.get(table);
    if (!columns) {
      columns = new Set(table.columns);
      columnSets.set(table, columns);
    }
    if (!columns.has(column)) throw malformed(`${where} has unknown column ${column}`);
    if (!isDumpValue(value)) throw malformed(`${where}.${column} has an unsupported value`);
  }
  for (const key of table.primaryKey) {
    if ((row as Record<string, unknown>)[key] == null) throw malformed(`${where} lacks its key ${key}`);
  }
}

/**
 * Reads the whole file once before anything is written: structure, format, known tables in a
 * foreign-key-safe order, known columns. A truncated or foreign file fails here.
 */
export async function checkDump(
  file: string,
  tables: DumpTable[],
  onProgress?: DumpProgress,
): Promise<DumpCheck> {
  const size = statSync(file).size;
  const { stream, reader } = openDumpFile(file);
  const order = tables.map((t) => t.name);
  const header: Partial<DumpHeader> & Record<string, unknown> = {};
  const rows = new Map<string, number>();
  let current: DumpTable | undefined;
  let count = 0;
  let total = 0;
  let lastIndex = -1;
  let fields = 0;
  try {
    for await (const ev of readDumpEvents(reader)) {
      if (fields++ === 0 && !(ev.kind === 'header' && ev.key === 'format')) checkFormat(undefined);
      if (ev.kind === 'header') {
        if (ev.key === 'format') checkFormat(ev.value);
        if (ev.key === 'formatVersion') checkVersion(ev.value);
        header[ev.key] = ev.value;
      } else if (ev.kind === 'table') {
        const index = order.indexOf(ev.name);
        if (index < 0)
          throw new DumpError(
            'DUMP_UNKNOWN_TABLE',
            `the dump contains table ${ev.name}, which this version does not know`,
            `der Dump enthält die Tabelle ${ev.name}, die diese Version nicht kennt`,
          );
        if (rows.has(ev.name)) throw malformed(`table ${ev.name} appears twice`);
        if (index < lastIndex) throw malformed(`table ${ev.name} comes before a table it may depend on`);
        lastIndex = index;
        current = tables[index];
        count = 0;
      } else if (ev.kind === 'row' && current) {
        checkRow(current, ev.row, count++);
        total++;
        if (total % 5000 === 0) onProgress?.('check', stream.bytesRead, size);
      } else if (ev.kind === 'tableEnd') {
        rows.set(ev.name, count);
      }
    }
  } finally {
    stream.destroy();
  }
  if (!('formatVersion' in header)) checkVersion(undefined);
  const source = header.source as { dialect?: unknown } | undefined;
  if (typeof header.exportedAt !== 'string' || typeof source?.dialect !== 'string')
    throw malformed('exportedAt or source.dialect is missing');
  onProgress?.('check', size, size);
  return { header: header as DumpHeader, rows, total };
}
