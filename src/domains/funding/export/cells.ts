/**
 * Spreadsheet programs run cells starting with = + - @ as formulas, and several of them skip
 * leading blanks and control characters first (" =1+1", "\u00a0=…", "\n@SUM(…)"), and a cell that
 * starts with tab or CR can be read as a formula after the next field. Such cells get a leading
 * apostrophe so they show as text; numbers stay numbers. Full-width variants of the four
 * characters (＝ ＋ － ＠), which some programs normalise, count too.
 */
const TRIGGERS = new Set(['=', '+', '-', '@', '\uff1d', '\uff0b', '\uff0d', '\uff20']);
const ZERO_WIDTH = new Set(['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']);

/** Blank, control or zero-width: what a spreadsheet may skip before it looks for a formula. */
function skipped(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code <= 0x20 || (code >= 0x7f && code <= 0x9f) || ZERO_WIDTH.has(ch) || /\s/u.test(ch);
}

export function isFormulaLike(v: string): boolean {
  if (v.startsWith('\t') || v.startsWith('\r')) return true;
  for (const ch of v) {
    if (skipped(ch)) continue;
    return TRIGGERS.has(ch);
  }
  return false;
}

export function safeCell(v: string | number | null | undefined): string | number {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return v;
  return isFormulaLike(v) ? `'${v}` : v;
}

function csvQuote(v: string | number): string {
  const s = String(v);
  return /[";\r\n,\t]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One CSV line (without its CRLF): every cell through safeCell, quoted where needed. */
export function csvLine(row: (string | number | null)[]): string {
  return row.map((c) => csvQuote(safeCell(c))).join(';');
}

/** CSV for German Excel: UTF-8 with BOM, ";" as delimiter, CRLF line ends. */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return `\uFEFF${[header, ...rows].map(csvLine).join('\r\n')}\r\n`;
}
