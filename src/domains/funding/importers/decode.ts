/**
 * Bytes to text for every funding importer, never silently: bytes that are not valid in the
 * encoding are reported (as a count), so the importer can reject or note the record.
 */
export interface Decoded {
  text: string;
  /** Name of the encoding read, e.g. 'utf-8', 'utf-16le', 'windows-1252'. */
  encoding: string;
  /** Number of byte sequences that were not valid and became U+FFFD. */
  invalid: number;
}

const REPLACEMENT = /\ufffd/g;

function countReplacements(s: string): number {
  return s.match(REPLACEMENT)?.length ?? 0;
}

/** Decodes strictly; when that fails, decodes with replacement and counts what was replaced. */
export function decodeStrict(buf: Uint8Array, encoding: string): Decoded {
  try {
    return {
      text: new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(buf),
      encoding,
      invalid: 0,
    };
  } catch {
    const text = new TextDecoder(encoding, { ignoreBOM: false }).decode(buf);
    return { text, encoding, invalid: Math.max(1, countReplacements(text)) };
  }
}

/** The encoding a byte order mark names, or null. */
export function bomEncoding(buf: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * UTF-16 without a byte order mark, as some tools write it: every second byte of ASCII text is 0.
 * Looks at the first 200 bytes.
 */
export function bomlessUtf16(buf: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length - (buf.length % 2), 200);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.1) return 'utf-16le';
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.1) return 'utf-16be';
  return null;
}

function supported(encoding: string): boolean {
  try {
    new TextDecoder(encoding);
    return true;
  } catch {
    return false;
  }
}

/** An XML document: byte order mark, then the encoding its declaration names, else UTF-8. */
export function decodeXml(buf: Uint8Array): Decoded {
  const bom = bomEncoding(buf);
  if (bom) return decodeStrict(buf, bom);
  const utf16 = bomlessUtf16(buf);
  if (utf16) return decodeStrict(buf, utf16);
  const head = new TextDecoder('latin1').decode(buf.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
  if (declared && declared !== 'utf-8' && declared !== 'utf8' && supported(declared))
    return decodeStrict(buf, declared);
  return decodeStrict(buf, 'utf-8');
}

// Bytes 0x80–0x9F of Windows-1252 (Node's TextDecoder reads them as Latin-1 control characters).
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Windows-1252 as Excel writes it on German Windows: "–", "€", „ “ and ’ come out right. */
export function decodeWindows1252(buf: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < buf.length; i += CHUNK) {
    const part = buf.subarray(i, i + CHUNK);
    let s = '';
    for (const b of part) s += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    out += s;
  }
  return out;
}

/**
 * A text file from an office: byte order mark (UTF-8, UTF-16 as Excel's "Unicode-Text"), UTF-16
 * without mark, strict UTF-8, and else Windows-1252. The encoding read is named in the notes
 * whenever it is not plain UTF-8.
 */
export function decodeOfficeText(buf: Uint8Array, notes: string[]): string {
  const bom = bomEncoding(buf) ?? bomlessUtf16(buf);
  if (bom && bom !== 'utf-8') {
    const d = decodeStrict(buf, bom);
    notes.push(
      `read as ${bom.toUpperCase()} (Excel "Unicode-Text") / als ${bom.toUpperCase()} gelesen (Excel „Unicode-Text“)` +
        (d.invalid
          ? `; ${d.invalid} invalid sequence(s) shown as � / ${d.invalid} ungültige Folge(n) als �`
          : ''),
    );
    return d.text.replace(/^\uFEFF/, '');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    notes.push(
      'file is not valid UTF-8; read as Windows-1252 / Datei ist kein gültiges UTF-8, als Windows-1252 gelesen',
    );
    return decodeWindows1252(buf);
  }
}
