import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deeplyNestedPdf,
  encryptedPdf,
  garbagePdf,
  hugePageCountPdf,
  makeTextPdf,
  truncatedPdf,
} from '../../../bench/pdf-make.js';
import { parseVorlageText } from '../../domains/council/vorlage/parse-vorlage.js';
import { PdfError } from './errors.js';
import { createPdfExtractor, type PdfEngine, type PdfExtractor } from './extractor.js';
import { findPdftotext } from './pdftotext.js';
import { PdfWorkerPool } from './worker-pool.js';

const vorlage = readFileSync(
  join(process.cwd(), '..', 'shared', 'vorlagen', 'karlsruhe_file-149946_paper-33762.txt'),
  'utf8',
);

let valid: Uint8Array;
let long: Uint8Array;
beforeAll(async () => {
  valid = await makeTextPdf(vorlage);
  long = await makeTextPdf(vorlage, { minPages: 40 });
});

const engines: PdfEngine[] = findPdftotext() ? ['pdftotext', 'pdfjs'] : ['pdfjs'];

describe.each(engines)('PDF extraction with %s', (engine) => {
  let extractor: PdfExtractor;
  beforeAll(() => {
    extractor = createPdfExtractor({ engine, concurrency: 2, limits: { maxPages: 100, timeoutMs: 20_000 } });
  });
  afterAll(() => extractor.close());

  it('returns page texts a Vorlage can be parsed from', async () => {
    const { pages, engine: used } = await extractor.extract(valid);
    expect(used).toBe(engine);
    expect(pages.length).toBeGreaterThan(1);
    const text = pages.join('\n');
    expect(text).toContain('Beratungsfolge dieser Vorlage am TOP ö nö Ergebnis');
    const { paper } = parseVorlageText(text);
    expect(paper.reference).toBe('2014/0327');
    expect(paper.title).toBe('Kultur- und Kreativwirtschaft - "Wachstums- und Festigungszentrum"');
    expect(paper.consultations.map((c) => [c.committee, c.date])).toEqual([
      ['Ausschuss für Wirtschaftsförderung', '2014-11-27'],
      ['Hauptausschuss', '2014-12-09'],
      ['Gemeinderat', '2014-12-16'],
    ]);
  });

  it('fails hostile files one by one while the others in the same batch succeed', async () => {
    const files: [string, Uint8Array | Promise<Uint8Array>][] = [
      ['garbage', garbagePdf()],
      ['truncated', truncatedPdf(valid)],
      ['encrypted', encryptedPdf('Geheim')],
      ['huge page count', hugePageCountPdf()],
      ['deeply nested', deeplyNestedPdf()],
      ['not a pdf', new TextEncoder().encode('Hallo')],
      ['valid', valid],
      ['valid again', valid],
    ];
    const settled = await Promise.allSettled(files.map(async ([, data]) => extractor.extract(await data)));
    const byName = Object.fromEntries(files.map(([name], i) => [name, settled[i]!]));
    expect(byName.valid!.status).toBe('fulfilled');
    expect(byName['valid again']!.status).toBe('fulfilled');
    const code = (name: string) => {
      const r = byName[name]!;
      return r.status === 'rejected' && r.reason instanceof PdfError ? r.reason.code : r.status;
    };
    expect(code('garbage')).toBe('corrupt');
    expect(code('encrypted')).toBe('encrypted');
    expect(code('huge page count')).toBe('too-many-pages');
    expect(code('not a pdf')).toBe('not-pdf');
    // A half file may be partly recoverable; it must not take anything else down.
    expect(['corrupt', 'fulfilled']).toContain(code('truncated'));
    expect(['corrupt', 'fulfilled']).toContain(code('deeply nested'));
    expect((await extractor.extract(valid)).pages.length).toBeGreaterThan(1);
  });

  it('refuses files above the size limit before parsing', async () => {
    const small = createPdfExtractor({ engine, limits: { maxBytes: 1000 } });
    await expect(small.extract(valid)).rejects.toMatchObject({ code: 'too-large' });
    await small.close();
  });

  it('stops at the page limit', async () => {
    const strict = createPdfExtractor({ engine, limits: { maxPages: 10 } });
    await expect(strict.extract(long)).rejects.toMatchObject({ code: 'too-many-pages' });
    await strict.close();
  });
});

describe('PdfWorkerPool', () => {
  it('kills a worker that runs out of time and keeps serving with a fresh one', async () => {
    const pool = new PdfWorkerPool({ maxBytes: 1e8, maxPages: 1000, timeoutMs: 20_000 }, 1);
    try {
      await expect(pool.extract(long, 1)).rejects.toMatchObject({ code: 'timeout' });
      const pages = await pool.extract(valid);
      expect(pages.join('\n')).toContain('Kreativpark Alter Schlachthof');
    } finally {
      await pool.close();
    }
  });

  it('rejects work after close', async () => {
    const pool = new PdfWorkerPool({ maxBytes: 1e8, maxPages: 1000, timeoutMs: 20_000 }, 1);
    await pool.close();
    await expect(pool.extract(valid)).rejects.toMatchObject({ code: 'closed' });
  });
});
