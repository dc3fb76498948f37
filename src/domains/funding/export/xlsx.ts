import { PassThrough, type Readable } from 'node:stream';
import { safeCell } from './cells.js';

export interface Sheet {
  name: string;
  header: string[];
  rows: (string | number | null)[][];
}

/** Excel refuses a cell longer than this; a longer text is cut there with a visible mark. */
export const XLSX_CELL_LIMIT = 32_767;
const CUT_MARK = ' … [gekürzt / cut]';

function xlsxCell(v: string | number | null | undefined): string | number {
  const c = safeCell(v);
  return typeof c === 'string' && c.length > XLSX_CELL_LIMIT
    ? `${c.slice(0, XLSX_CELL_LIMIT - CUT_MARK.length)}${CUT_MARK}`
    : c;
}

/** An XLSX workbook; every text cell goes through safeCell so no cell is a formula. */
export async function toXlsx(sheets: Sheet[]): Promise<Buffer> {
  // Loaded on first use: exceljs alone costs about a second of start-up time.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Regiolotse';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31));
    ws.addRow(s.header);
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) ws.addRow(r.map((c) => xlsxCell(c)));
    ws.columns.forEach((col) => {
      col.width = 22;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A one-sheet XLSX written row by row as the rows arrive (exceljs' streaming writer, inline
 * strings), so an export of any length never holds the whole workbook in memory. Every text cell
 * goes through safeCell, as in toXlsx.
 */
export function streamXlsx(
  sheet: { name: string; header: string[] },
  rows: AsyncIterable<(string | number | null)[]>,
  onError: (err: unknown) => void,
): Readable {
  const out = new PassThrough();
  void (async () => {
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.stream.xlsx.WorkbookWriter({
      stream: out,
      useSharedStrings: false,
      useStyles: true,
    });
    wb.creator = 'Regiolotse';
    const ws = wb.addWorksheet(sheet.name.slice(0, 31), {});
    ws.columns = sheet.header.map(() => ({ width: 22 }));
    const head = ws.addRow(sheet.header);
    head.font = { bold: true };
    head.commit();
    for await (const r of rows) ws.addRow(r.map((c) => xlsxCell(c))).commit();
    ws.commit();
    await wb.commit();
  })().catch((err: unknown) => {
    onError(err);
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return out;
}
