import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { decodeOfficeText } from '../decode.js';

export const MAX_CELL = 20_000;
export const MAX_ROWS = 20_000;

export interface Table {
  header: string[];
  /** Data rows; row numbers as a person sees them in the file (header is row 1). */
  rows: { rowNumber: number; cells: string[]; links?: (string | null)[] }[];
  notes: string[];
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
  const text = decodeOfficeText(buf, notes);
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

/** 'YYYY-MM-DD' or, for a time of day (Excel keeps times as fractions of 30.12.1899), 'HH:MM'. */
function dateCellText(d: Date): string {
  if (d.getUTCFullYear() < 1901) return d.toISOString().slice(11, 16);
  const day = d.toISOString().slice(0, 10);
  const time = d.toISOString().slice(11, 16);
  return time === '00:00' ? day : `${day} ${time}`;
}

/**
 * A cell as the person sees it: a percentage cell (format "0 %", value 0.8) as "80 %", an Excel time
 * (12:00) as "12:00", a date as YYYY-MM-DD, a hyperlink as its text (its address in `link`).
 */
function cellValue(cell: ExcelJS.Cell): { text: string; link: string | null } {
  const v = cell.value;
  if (v === null || v === undefined) return { text: '', link: null };
  if (v instanceof Date) return { text: dateCellText(v), link: null };
  if (typeof v === 'number') {
    if (/%/.test(cell.numFmt ?? '')) return { text: `${Number((v * 100).toPrecision(12))} %`, link: null };
    return { text: String(v), link: null };
  }
  if (typeof v === 'object') {
    if ('hyperlink' in v) {
      const h = v as { text?: unknown; hyperlink?: unknown };
      const text =
        typeof h.text === 'string'
          ? h.text
          : h.text && typeof h.text === 'object' && 'richText' in h.text
            ? (h.text as { richText: { text: string }[] }).richText.map((r) => r.text).join('')
            : (cell.text ?? '');
      return { text, link: typeof h.hyperlink === 'string' ? h.hyperlink : null };
    }
    if ('formula' in v || 'sharedFormula' in v) {
      const r = (v as { result?: unknown }).result;
      if (r instanceof Date) return { text: dateCellText(r), link: null };
      if (typeof r === 'number' && /%/.test(cell.numFmt ?? ''))
        return { text: `${Number((r * 100).toPrecision(12))} %`, link: null };
      return { text: r === undefined || r === null ? '' : String(r), link: null };
    }
  }
  return { text: cell.text ?? '', link: null };
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
    const links: (string | null)[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, 200); c++) {
      const { text, link } = cellValue(row.getCell(c));
      cells.push(text);
      links.push(link);
    }
    if (rowNumber === 1) header.push(...cells);
    else if (cells.some((x) => x.trim() !== '')) rows.push({ rowNumber, cells, links });
  });
  return { header, rows, notes: [] };
}
