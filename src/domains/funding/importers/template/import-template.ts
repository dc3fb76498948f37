import { basename, extname } from 'node:path';
import { isHttpUrl } from '../../limits.js';
import type { ParsedItem, ParsedSource } from '../../model.js';
import { columnByHeader, templateColumns } from './columns.js';
import type { FieldResolver } from './field-resolver.js';
import { mapTemplateRow, type RowError } from './map-row.js';
import { readCsv, readXlsx, type Table } from './read-table.js';

export function templateSetName(fileName: string): string {
  const base = basename(fileName, extname(fileName))
    .toLowerCase()
    .replace(/[^\w-]+/g, '-')
    .slice(0, 80);
  return `template:${base || 'list'}`;
}

const errorText = (e: RowError) =>
  `row ${e.row}, column ${e.column}: ${e.reason} / Zeile ${e.row}, Spalte ${e.column}: ${e.reasonDe}`;

/** Reads the hand-kept list (CSV or XLSX) into call records; a bad row is rejected with all its errors. */
export async function parseTemplate(
  buf: Buffer,
  fileName: string,
  opts: { format: 'csv' | 'xlsx'; sourceSet?: string; resolveField?: FieldResolver },
): Promise<ParsedSource & { rowErrors: RowError[] }> {
  const table: Table = opts.format === 'xlsx' ? await readXlsx(buf) : readCsv(buf);
  const sourceSet = opts.sourceSet ?? templateSetName(fileName);
  const file = basename(fileName);
  const index = new Map<string, number>();
  const unknown: string[] = [];
  table.header.forEach((h, i) => {
    const col = columnByHeader(h);
    if (col) index.set(col.key, i);
    else if (h.trim()) unknown.push(h.trim().slice(0, 60));
  });
  const missing = templateColumns.filter((c) => c.required && !index.has(c.key)).map((c) => c.de);
  if (missing.length) {
    throw new Error(
      `header row lacks required columns ${missing.join(', ')} (wrong delimiter or not the template?) / ` +
        `Kopfzeile ohne Pflichtspalten ${missing.join(', ')} (falsches Trennzeichen oder nicht die Vorlage?)`,
    );
  }
  const notes = [...table.notes];
  if (unknown.length)
    notes.push(`ignored unknown columns / unbekannte Spalten ignoriert: ${unknown.join(', ')}`);
  const rowErrors: RowError[] = [];
  const columnName = (key: string) => {
    const i = index.get(key);
    return i === undefined
      ? (templateColumns.find((c) => c.key === key)?.de ?? key)
      : (table.header[i] ?? key).trim();
  };
  const unmapped = new Map<string, number>();
  async function* items(): AsyncGenerator<ParsedItem> {
    try {
      yield* rowItems();
    } finally {
      if (unmapped.size)
        notes.push(
          `fields of action not mapped (kept in the rows' import notes) / Handlungsfelder nicht zugeordnet: ${[
            ...unmapped,
          ]
            .map(([label, n]) => `${label} (${n})`)
            .join(', ')}`,
        );
    }
  }
  async function* rowItems(): AsyncGenerator<ParsedItem> {
    const seen = new Map<string, number>();
    for (const { rowNumber, cells, links } of table.rows) {
      const get = (key: string) => {
        const i = index.get(key);
        const value = i === undefined ? '' : (cells[i] ?? '');
        // A hyperlink cell shows a text ("zum Aufruf") and holds the address; an empty link column
        // takes the row's first hyperlink (often on the title).
        if (key === 'url' && !isHttpUrl(value)) {
          const own = i === undefined ? null : (links?.[i] ?? null);
          const any = links?.find((l) => l && isHttpUrl(l)) ?? null;
          if (own && isHttpUrl(own)) return own;
          if (value.trim() === '' && any) return any;
        }
        return value;
      };
      const raw = JSON.stringify(Object.fromEntries(table.header.map((h, i) => [h, cells[i] ?? ''])));
      const mapped = mapTemplateRow(rowNumber, get, columnName, {
        sourceSet,
        resolveField: opts.resolveField,
      });
      if ('errors' in mapped) {
        rowErrors.push(...mapped.errors);
        yield {
          kind: 'rejected',
          key: `row ${rowNumber}`,
          file,
          raw,
          reason: mapped.errors.map(errorText).join('; '),
          sourceId: get('call_id').trim() || undefined,
        };
        continue;
      }
      const earlier = seen.get(mapped.call.sourceId);
      if (earlier !== undefined) {
        const e: RowError = {
          row: rowNumber,
          column: columnName('call_id'),
          reason: `same call id as row ${earlier}`,
          reasonDe: `gleiche Aufruf-Kennung wie Zeile ${earlier}`,
        };
        rowErrors.push(e);
        yield {
          kind: 'rejected',
          key: `row ${rowNumber}`,
          file,
          raw,
          reason: errorText(e),
          sourceId: mapped.call.sourceId,
        };
        continue;
      }
      seen.set(mapped.call.sourceId, rowNumber);
      for (const label of mapped.unmappedFields) unmapped.set(label, (unmapped.get(label) ?? 0) + 1);
      yield { kind: 'record', key: mapped.call.sourceId, programme: mapped.programme, call: mapped.call };
    }
  }
  return {
    importer: `template-${opts.format}`,
    source: 'template',
    sourceSet,
    full: true,
    total: table.rows.length,
    items: items(),
    notes,
    rowErrors,
  };
}
