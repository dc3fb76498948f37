import { safeCell } from './cells.js';

export interface Sheet {
  name: string;
  header: string[];
  rows: (string | number | null)[][];
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
    for (const r of s.rows) ws.addRow(r.map((c) => safeCell(c)));
    ws.columns.forEach((col) => {
      col.width = 22;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
