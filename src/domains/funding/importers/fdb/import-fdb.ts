import { stat } from 'node:fs/promises';
import type { ParsedItem, ParsedSource } from '../../model.js';
import { decodeXml } from '../decode.js';
import { type ExportTree, openFolderTree, openZipTree } from './export-tree.js';
import { type GsbDocument, parseGsbDocument } from './gsb-document.js';
import { fdbSourceIdOfPath, mapFdbProgramme } from './map-programme.js';

const isProgrammePath = (p: string) => p.includes('/Foerderprogramm/');

/**
 * Reads a Förderdatenbank XML export (folder or zip) into programme records. Referenced documents
 * (contacts, addresses, givers, external links) are parsed once and cached; a broken one only
 * costs the detail it would have supplied, and is named in the notes.
 */
export async function parseFdbExport(location: string, opts: { full?: boolean } = {}): Promise<ParsedSource> {
  const isDir = (await stat(location)).isDirectory();
  const tree: ExportTree = isDir ? await openFolderTree(location) : await openZipTree(location);
  const programmePaths = tree.paths().filter(isProgrammePath);
  if (programmePaths.length === 0) {
    await tree.close();
    throw new Error(
      'no Förderdatenbank programme documents (BMWI/FDB/Content/DE/Foerderprogramm/…/*.xml) found / ' +
        'keine Programm-Dokumente der Förderdatenbank (BMWI/FDB/Content/DE/Foerderprogramm/…/*.xml) gefunden',
    );
  }
  const notes: string[] = [];
  const cache = new Map<string, GsbDocument | null>();
  let strippedTotal = 0;

  const resolve = async (target: string): Promise<GsbDocument | null> => {
    if (cache.has(target)) return cache.get(target) ?? null;
    let doc: GsbDocument | null = null;
    try {
      const bytes = await tree.read(target);
      if (bytes === null) notes.push(`referenced document missing: ${target}`);
      else {
        const decoded = decodeXml(bytes);
        if (decoded.invalid)
          throw new Error(`${decoded.invalid} byte sequence(s) not valid ${decoded.encoding}`);
        doc = parseGsbDocument(decoded.text);
        strippedTotal += doc.strippedChars;
      }
    } catch (err) {
      notes.push(
        `referenced document ${target} unusable: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    cache.set(target, doc);
    return doc;
  };

  async function* items(): AsyncGenerator<ParsedItem> {
    try {
      for (const path of programmePaths) {
        let text: string | null = null;
        try {
          const bytes = await tree.read(path);
          if (bytes === null) continue;
          const decoded = decodeXml(bytes);
          text = decoded.text;
          // The texts are CC BY-ND and stored verbatim: a text with undecodable bytes is not stored altered.
          if (decoded.invalid) {
            yield {
              kind: 'rejected',
              key: path,
              file: `${path}.xml`,
              raw: text,
              reason: `${decoded.invalid} byte sequence(s) not valid ${decoded.encoding} / ${decoded.invalid} ungültige Bytefolge(n) in ${decoded.encoding}`,
              sourceId: fdbSourceIdOfPath(path),
            };
            continue;
          }
          const doc = parseGsbDocument(text);
          strippedTotal += doc.strippedChars;
          if (doc.type !== 'gsb:ServiceOffer') {
            yield {
              kind: 'rejected',
              key: path,
              file: `${path}.xml`,
              raw: text,
              reason: `document type "${doc.type}" is not a programme (gsb:ServiceOffer)`,
              sourceId: fdbSourceIdOfPath(path),
            };
            continue;
          }
          const { programme, call } = await mapFdbProgramme(doc, resolve);
          yield { kind: 'record', key: programme.sourceId, programme, call };
        } catch (err) {
          yield {
            kind: 'rejected',
            key: path,
            file: `${path}.xml`,
            raw: text ?? '',
            reason: err instanceof Error ? err.message : String(err),
            sourceId: fdbSourceIdOfPath(path),
          };
        }
      }
    } finally {
      if (strippedTotal > 0)
        notes.push(`removed ${strippedTotal} characters that XML 1.0 forbids before parsing`);
      await tree.close();
    }
  }

  return {
    importer: isDir ? 'fdb-xml-folder' : 'fdb-xml-zip',
    source: 'fdb',
    sourceSet: 'fdb',
    full: opts.full ?? true,
    total: programmePaths.length,
    items: items(),
    notes,
  };
}
