import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import type { Actor } from '../../access/actor.js';
import { toCsv } from '../export/cells.js';
import { toXlsx } from '../export/xlsx.js';
import type { CallListItem, CallListQuery } from '../schemas.js';
import { listCalls } from './list-calls.js';

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

/** The whole filtered selection (not one page), never more than the actor may see. */
async function allRows(db: Kysely<DB>, actor: Actor, query: CallListQuery) {
  const rows: (string | number | null)[][] = [];
  for (let offset = 0; offset < 50_000; offset += 500) {
    const page = await listCalls(db, actor, { ...query, limit: 500, offset });
    rows.push(...page.items.map((c) => columns.map((col) => col.value(c))));
    if (page.items.length < 500) break;
  }
  return rows;
}

export async function exportCallsCsv(db: Kysely<DB>, actor: Actor, query: CallListQuery): Promise<string> {
  return toCsv(
    columns.map((c) => c.header),
    await allRows(db, actor, query),
  );
}

export async function exportCallsXlsx(db: Kysely<DB>, actor: Actor, query: CallListQuery): Promise<Buffer> {
  return toXlsx([
    { name: 'Aufrufe', header: columns.map((c) => c.header), rows: await allRows(db, actor, query) },
  ]);
}
