// Generated PDFs for the extraction tests and benchmark: real German text set with pdf-lib, and
// hostile files (garbage, truncated, encrypted, a lying page count, deeply nested objects).
import { PDFDocument, PDFHexString, PDFName, PDFNumber, StandardFonts } from 'pdf-lib';

/** Helvetica (WinAnsi) cannot show checkbox glyphs and a few other symbols; replace them. */
function winAnsi(s: string): string {
  return s
    .replace(/\t/g, '    ')
    .replace(/[☒■]/g, '[x]')
    .replace(/[☐□]/g, '[ ]')
    .replace(/[≈]/g, '~')
    .replace(/[^\u0020-\u007e\u00a0-\u00ff€„“”‚‘’–—•…]/g, '?');
}

function wrap(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const out: string[] = [];
  let rest = line;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    const at = cut > width / 2 ? cut : width;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  out.push(rest);
  return out;
}

export async function makeTextPdf(
  text: string,
  options: { linesPerPage?: number; minPages?: number } = {},
): Promise<Uint8Array> {
  const linesPerPage = options.linesPerPage ?? 60;
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  let lines = text.split('\n').flatMap((l) => wrap(winAnsi(l.trimEnd()), 95));
  while (lines.length < (options.minPages ?? 1) * linesPerPage) lines = lines.concat(lines);
  for (let i = 0; i < lines.length; i += linesPerPage) {
    const page = doc.addPage([595, 842]);
    lines.slice(i, i + linesPerPage).forEach((line, j) => {
      if (line) page.drawText(line, { x: 50, y: 800 - j * 12.5, size: 10, font });
    });
  }
  return doc.save({ useObjectStreams: false });
}

export function garbagePdf(bytes = 4096): Uint8Array {
  const out = new Uint8Array(bytes);
  let seed = 42;
  for (let i = 0; i < bytes; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    out[i] = seed & 0xff;
  }
  out.set(Buffer.from('%PDF-1.7\n'), 0);
  return out;
}

export function truncatedPdf(valid: Uint8Array): Uint8Array {
  return valid.slice(0, Math.floor(valid.byteLength / 2));
}

/** Standard security handler whose empty user password does not match: unreadable without a password. */
export async function encryptedPdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await makeTextPdf(text));
  const ctx = doc.context;
  const bytes = (n: number) => PDFHexString.of('a7'.repeat(n));
  const dict = ctx.obj({ Filter: 'Standard', V: 1, R: 2, P: -44 });
  dict.set(PDFName.of('O'), bytes(32));
  dict.set(PDFName.of('U'), bytes(32));
  ctx.trailerInfo.Encrypt = ctx.register(dict);
  ctx.trailerInfo.ID = ctx.obj([bytes(16), bytes(16)]);
  return doc.save({ useObjectStreams: false });
}

export async function hugePageCountPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await makeTextPdf('Eine Seite'));
  doc.catalog.Pages().set(PDFName.of('Count'), PDFNumber.of(10_000_000));
  return doc.save({ useObjectStreams: false });
}

/** A page whose resources hold an array nested 200,000 deep, to exhaust recursive parsers. */
export function deeplyNestedPdf(depth = 200_000): Uint8Array {
  const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /X 5 0 R >> >>',
    '<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 712 Td (Tiefe Nester) Tj ET\nendstream',
    nested,
  ];
  let body = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
