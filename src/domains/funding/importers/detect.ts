import { open, readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import yauzl from 'yauzl';
import type { ParsedItem, ParsedSource } from '../model.js';
import { bomEncoding, bomlessUtf16, type Decoded, decodeOfficeText, decodeStrict } from './decode.js';
import { looksLikeEfreList, parseEfreNrw } from './efre/import-efre-nrw.js';
import { euShapeOf, parseEuFt } from './eu-ft/import-eu-ft.js';
import { parseFdbExport } from './fdb/import-fdb.js';
import type { FieldResolver } from './template/field-resolver.js';
import { parseTemplate } from './template/import-template.js';

const MAX_JSON_BYTES = 200 * 1024 * 1024;

export type SourceKind = 'fdb-folder' | 'fdb-zip' | 'xlsx' | 'json' | 'csv';

async function head(path: string, n: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function zipHasXlsxParts(path: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) {
        reject(err ?? new Error('cannot open zip'));
        return;
      }
      let found = false;
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName.startsWith('xl/') || e.fileName === '[Content_Types].xml') found = true;
        if (found) zip.close();
        else zip.readEntry();
      });
      zip.on('close', () => resolve(found));
      zip.on('end', () => resolve(found));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Which importer fits, judged by content (not by the file name). */
export async function detectKind(path: string): Promise<SourceKind> {
  if ((await stat(path)).isDirectory()) return 'fdb-folder';
  const h = await head(path, 512);
  if (h[0] === 0x50 && h[1] === 0x4b && h[2] === 0x03 && h[3] === 0x04) {
    return (await zipHasXlsxParts(path)) ? 'xlsx' : 'fdb-zip';
  }
  const start = decodeOfficeText(h, []).trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  if (start.startsWith('<')) {
    throw new Error(
      'a single XML file: import the whole Förderdatenbank export (folder or zip) / ' +
        'einzelne XML-Datei: bitte den ganzen Export der Förderdatenbank (Ordner oder Zip) importieren',
    );
  }
  return 'csv';
}

export interface ParseOptions {
  /** Import scope name for hand-kept lists (default: from the file name). */
  sourceSet?: string;
  /** Original file name (uploads live under a temporary name). */
  fileName?: string;
  /** false: never withdraw what is missing (the file is a partial extract). */
  full?: boolean;
  /** Maps field-of-action names in a hand-kept list to their keys (from the directory's fields). */
  resolveField?: FieldResolver;
}

/**
 * A JSON file with bytes that are not valid in its encoding: the file is read (JSON must be decoded as
 * a whole), and every record that holds a replaced byte (U+FFFD) says so in its import notes.
 */
function noteInvalidBytes(parsed: ParsedSource, decoded: Decoded): ParsedSource {
  if (!decoded.invalid) return parsed;
  const note = `holds bytes that are not valid ${decoded.encoding}, shown as U+FFFD (�) / enthält ungültige Bytes (${decoded.encoding}), als � angezeigt`;
  parsed.notes.push(
    `${decoded.invalid} byte sequence(s) not valid ${decoded.encoding} in the file / ${decoded.invalid} ungültige Bytefolge(n) in der Datei`,
  );
  const source = parsed.items;
  async function* items(): AsyncGenerator<ParsedItem> {
    for await (const item of source) {
      if (item.kind !== 'rejected' && JSON.stringify(item).includes('\ufffd')) {
        yield { ...item, recordNotes: [...(item.recordNotes ?? []), note] };
      } else yield item;
    }
  }
  return { ...parsed, items: items() };
}

export async function parseSource(path: string, opts: ParseOptions = {}): Promise<ParsedSource> {
  const kind = await detectKind(path);
  const fileName = opts.fileName ?? basename(path);
  const withFull = (p: ParsedSource): ParsedSource => (opts.full === false ? { ...p, full: false } : p);
  if (kind === 'fdb-folder' || kind === 'fdb-zip') return withFull(await parseFdbExport(path));
  if (kind === 'xlsx' || kind === 'csv') {
    return withFull(
      await parseTemplate(await readFile(path), fileName, {
        format: kind,
        sourceSet: opts.sourceSet,
        resolveField: opts.resolveField,
      }),
    );
  }
  if ((await stat(path)).size > MAX_JSON_BYTES)
    throw new Error(`JSON file larger than ${MAX_JSON_BYTES} bytes`);
  const bytes = await readFile(path);
  const decoded = decodeStrict(bytes, bomEncoding(bytes) ?? bomlessUtf16(bytes) ?? 'utf-8');
  let data: unknown;
  try {
    data = JSON.parse(decoded.text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new Error(
      `JSON not readable / JSON nicht lesbar: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  if (euShapeOf(data)) return withFull(noteInvalidBytes(parseEuFt(data, fileName), decoded));
  if (looksLikeEfreList(data)) return withFull(noteInvalidBytes(parseEfreNrw(data, fileName), decoded));
  throw new Error(
    `unknown JSON shape in ${fileName} (${extname(fileName) || 'no extension'}): expected EU Funding & Tenders or EFRE.NRW list / ` +
      'unbekannte JSON-Struktur: erwartet EU Funding & Tenders oder EFRE.NRW-Liste',
  );
}
