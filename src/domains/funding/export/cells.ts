/**
 * Spreadsheet programs run cells starting with = + - @ (and tab/CR variants) as formulas. Such
 * cells get a leading apostrophe so they show as text; numbers stay numbers.
 */
export function safeCell(v: string | number | null | undefined): string | number {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return v;
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

function csvQuote(v: string | number): string {
  const s = String(v);
  return /[";\r\n,]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** CSV for German Excel: UTF-8 with BOM, ";" as delimiter, CRLF line ends. */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const lines = [header, ...rows].map((r) => r.map((c) => csvQuote(safeCell(c))).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
