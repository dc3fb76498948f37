import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import yauzl from 'yauzl';

/**
 * The FDB export as a set of XML files addressed by their target path
 * (/BMWI/FDB/Content/DE/...), read from a folder or a zip without unpacking it.
 */
export interface ExportTree {
  /** Target paths of all XML documents, e.g. /BMWI/FDB/Content/DE/Kontakt/B/x */
  paths(): string[];
  /** The document's bytes (decoded by the reader: importers/decode.ts decodeXml). */
  read(targetPath: string): Promise<Buffer | null>;
  close(): Promise<void>;
}

const MAX_ENTRY_BYTES = 20 * 1024 * 1024;
const MAX_ENTRIES = 500_000;

/** Maps a file name inside the tree to its target path; null for files that are no export XML. */
export function targetPathOf(fileName: string): string | null {
  const norm = fileName.split(sep).join('/').replace(/\\/g, '/');
  if (!norm.toLowerCase().endsWith('.xml')) return null;
  const at = norm.indexOf('BMWI/');
  if (at < 0) return null;
  const target = `/${norm.slice(at, -4)}`;
  if (target.split('/').some((seg) => seg === '..')) return null;
  return target;
}

async function walk(dir: string, out: string[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, out);
    else if (entry.isFile()) out.push(full);
  }
}

export async function openFolderTree(root: string): Promise<ExportTree> {
  const files: string[] = [];
  await walk(root, files);
  const byTarget = new Map<string, string>();
  for (const f of files) {
    const t = targetPathOf(relative(root, f));
    if (t) byTarget.set(t, f);
  }
  return {
    paths: () => [...byTarget.keys()].sort(),
    read: async (t) => {
      const f = byTarget.get(t);
      if (!f) return null;
      if ((await stat(f)).size > MAX_ENTRY_BYTES)
        throw new Error(`file larger than ${MAX_ENTRY_BYTES} bytes`);
      return readFile(f);
    },
    close: async () => {},
  };
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (err, zip) =>
      err || !zip ? reject(err ?? new Error('cannot open zip')) : resolve(zip),
    ),
  );
}

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      entries.push(e);
      if (entries.length > MAX_ENTRIES) {
        reject(new Error(`zip has more than ${MAX_ENTRIES} entries`));
        return;
      }
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  // Sizes are checked before inflating so a zip bomb is refused without expanding it.
  if (entry.uncompressedSize > MAX_ENTRY_BYTES) {
    return Promise.reject(new Error(`zip entry larger than ${MAX_ENTRY_BYTES} bytes`));
  }
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) {
        reject(err ?? new Error('cannot read zip entry'));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_ENTRY_BYTES) stream.destroy(new Error('zip entry larger than declared'));
        else chunks.push(c);
      });
      stream.on('end', () => resolve(Buffer.concat(chunks)));
      stream.on('error', reject);
    });
  });
}

export async function openZipTree(file: string): Promise<ExportTree> {
  const zip = await openZip(file);
  let entries: yauzl.Entry[];
  try {
    entries = await listEntries(zip);
  } catch (err) {
    zip.close();
    throw err;
  }
  const byTarget = new Map<string, yauzl.Entry>();
  for (const e of entries) {
    if (e.fileName.endsWith('/')) continue;
    const t = targetPathOf(e.fileName);
    if (t) byTarget.set(t, e);
  }
  return {
    paths: () => [...byTarget.keys()].sort(),
    read: async (t) => {
      const e = byTarget.get(t);
      return e ? readEntry(zip, e) : null;
    },
    close: async () => zip.close(),
  };
}
