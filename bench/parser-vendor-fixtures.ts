// The labelled Vorlagen of several council-system layouts (test/fixtures/vorlagen-vendors): texts from
// the fixture folder or, for Karlsruhe, from the corpus tarball, and the labels written before tuning.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusAvailable, corpusDir } from './parser-corpus.js';

export interface VendorExpected {
  reference: string | null;
  title: string | null;
  date: string | null;
  isPublic: boolean | null;
  department: string | null;
  decisionKind: string | null;
  consultations: { committee: string; date: string | null; role: string | null }[];
}

export interface VendorCase {
  vendor: string;
  name: string;
  split: 'tuning' | 'heldOut';
  text: string;
  expected: VendorExpected;
}

export const vendorFixtureDir = join(process.cwd(), 'test', 'fixtures', 'vorlagen-vendors');

interface Stored {
  vendor: string;
  split: 'tuning' | 'heldOut';
  text: { file?: string; corpusFileId?: string };
  expected: VendorExpected;
}

/** Every labelled case; Karlsruhe cases need the corpus and are left out (with a flag) when it is absent. */
export function loadVendorCases(): { cases: VendorCase[]; missingCorpus: number } {
  const cases: VendorCase[] = [];
  let missingCorpus = 0;
  const haveCorpus = corpusAvailable();
  const dir = haveCorpus ? corpusDir() : null;
  for (const vendor of readdirSync(vendorFixtureDir, { withFileTypes: true })) {
    if (!vendor.isDirectory()) continue;
    const folder = join(vendorFixtureDir, vendor.name);
    for (const f of readdirSync(folder)
      .filter((n) => n.endsWith('.expected.json'))
      .sort()) {
      const stored = JSON.parse(readFileSync(join(folder, f), 'utf8')) as Stored;
      const name = f.replace('.expected.json', '');
      let text: string;
      if (stored.text.file) text = readFileSync(join(folder, stored.text.file), 'utf8');
      else if (dir && stored.text.corpusFileId) {
        const path = join(dir, 'file-contents', `${stored.text.corpusFileId}.txt`);
        if (!existsSync(path)) throw new Error(`corpus file ${stored.text.corpusFileId} missing`);
        text = readFileSync(path, 'utf8');
      } else {
        missingCorpus++;
        continue;
      }
      cases.push({ vendor: stored.vendor, name, split: stored.split, text, expected: stored.expected });
    }
  }
  return { cases, missingCorpus };
}

/** How more! rubin's OParl File.text arrives: all lower case, every line break gone. */
export function lowerFlatVariant(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}
