import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import type { Actor } from '../../access/actor.js';
import { csvLine } from '../export/cells.js';
import { streamXlsx } from '../export/xlsx.js';
import type { CallListItem, CallListQuery } from '../schemas.js';
import { eachCall } from './list-calls.js';

const columns: { header: string; value: (c: CallListItem) => string | number | null }[] = [
  { header: 'ID', value: (c) => c.id },
  { header: 'Titel', value: (c) => c.title },
  { header: 'Kennung', value: (c) => c.identifier },
  { header: 'Programm', value: (c) => c.programmeTitle },
  { header: 'Status', value: (c) => c.status },
  { header: 'Verfahren', value: (c) => c.stageModel },
  { header: 'Ebene', value: (c) => c.giverLevel },
  { header: 'Fördergeber', value: (c) => c.giverName },
  { header: 'Nächste Frist', value: (c) => c.nextDeadline },
  { header: 'Antragsberechtigte', value: (c) => c.eligibleApplicants.join('; ') },
  { header: 'Regionen', value: (c) => c.regions.join('; ') },
  { header: 'Handlungsfelder', value: (c) => c.fieldsOfAction.join('; ') },
  { header: 'Quelle', value: (c) => c.sourceUrl },
  { header: 'Namensnennung', value: (c) => c.attribution },
];

/** What is exported: the whole filtered list (every page, no cap) or exactly a selection of ids. */
export type ExportSelection =
  | { kind: 'filtered'; query: Omit<CallListQuery, 'limit' | 'offset' | 'format'> }
  | { kind: 'ids'; ids: number[] };

async function* rowsOf(db: Kysely<DB>, actor: Actor, selection: ExportSelection) {
  // A selection is exported as chosen, also a call withdrawn since; never one the actor may not see.
  const filters =
    selection.kind === 'ids'
      ? { ids: [...new Set(selection.ids)], includeWithdrawn: 'true' as const }
      : selection.query;
  for await (const c of eachCall(db, actor, filters)) yield columns.map((col) => col.value(c));
}

/** CSV (UTF-8 with BOM, ";", CRLF) streamed line by line while the rows are read. */
export function streamCallsCsv(db: Kysely<DB>, actor: Actor, selection: ExportSelection): Readable {
  return Readable.from(
    (async function* () {
      yield `\uFEFF${csvLine(columns.map((c) => c.header))}\r\n`;
      for await (const row of rowsOf(db, actor, selection)) yield `${csvLine(row)}\r\n`;
    })(),
    { objectMode: false },
  );
}

export function streamCallsXlsx(
  db: Kysely<DB>,
  actor: Actor,
  selection: ExportSelection,
  onError: (err: unknown) => void,
): Readable {
  return streamXlsx(
    { name: 'Aufrufe', header: columns.map((c) => c.header) },
    rowsOf(db, actor, selection),
    onError,
  );
}
