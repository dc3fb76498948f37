import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';

export const MAX_CELL = 20_000;
export const MAX_ROWS = 20_000;

export interface Table {
  header: string[];
  /** Data rows; row numbers as a person sees them in the file (header is row 1). */
  rows: { rowNumber: number; cells: string[] }[];
  notes: string[];
}

/** Text of a file that should be UTF-8 but may come from an old Excel as Windows-1252. */
export function decodeText(buf: Buffer, notes: string[]): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    notes.push(
      'file is not valid UTF-8; read as Windows-1252 / Datei ist kein gültiges UTF-8, als Windows-1252 gelesen',
    );
    return new TextDecoder('windows-1252').decode(buf);
  }
}

/** The delimiter that occurs most often outside quotes in the header line. */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const candidates = [';', ',', '\t'];
  let best = ',';
  let bestCount = 0;
  for (const c of candidates) {
    const n = unquoted.split(c).length - 1;
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}

export function readCsv(buf: Buffer): Table {
  const notes: string[] = [];
  const text = decodeText(buf, notes);
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: MAX_CELL * 60,
      to_line: MAX_ROWS + 1,
    }) as string[][];
  } catch (err) {
    throw new Error(
      `CSV cannot be read / CSV nicht lesbar: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const [header = [], ...rest] = records;
  return { header, rows: rest.map((cells, i) => ({ rowNumber: i + 2, cells })), notes };
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'formula' in v) {
    const r = (v as { result?: unknown }).result;
    return r instanceof Date ? r.toISOString().slice(0, 10) : r === undefined || r === null ? '' : String(r);
  }
  return cell.text ?? '';
}

export async function readXlsx(buf: Buffer): Promise<Table> {
  // Loaded on first use: exceljs alone costs about a second of start-up time.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (err) {
    throw new Error(
      `XLSX cannot be read / XLSX nicht lesbar: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('XLSX has no worksheet / XLSX ohne Tabellenblatt');
  const header: string[] = [];
  const rows: Table['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > MAX_ROWS + 1) return;
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, 200); c++) cells.push(cellText(row.getCell(c)));
    if (rowNumber === 1) header.push(...cells);
    else if (cells.some((x) => x.trim() !== '')) rows.push({ rowNumber, cells });
  });
  return { header, rows, notes: [] };
}
