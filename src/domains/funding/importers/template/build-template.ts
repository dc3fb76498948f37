import { toCsv } from '../../export/cells.js';
import { toXlsx } from '../../export/xlsx.js';
import { templateColumns } from './columns.js';

/** The empty list template: header only in CSV; XLSX adds a sheet that explains each column. */
export function templateCsv(): string {
  return toCsv(
    templateColumns.map((c) => c.de),
    [],
  );
}

export function templateXlsx(): Promise<Buffer> {
  return toXlsx([
    { name: 'Aufrufe', header: templateColumns.map((c) => c.de), rows: [] },
    {
      name: 'Hinweise',
      header: ['Spalte', 'Column (English alias)', 'Pflicht / required', 'Hinweis', 'Hint'],
      rows: templateColumns.map((c) => [c.de, c.en, c.required ? 'ja / yes' : '', c.hintDe, c.hintEn]),
    },
  ]);
}
