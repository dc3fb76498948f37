// The hand-checked fixture Vorlagen: texts in /work/shared, expected readings in test/fixtures/vorlagen.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExpectedPaper } from './parser-compare.js';
import { sharedDir } from './parser-corpus.js';

export interface FixtureCase {
  name: string;
  textPath: string;
  layout: string;
  expected: ExpectedPaper;
}

export const fixtureDir = join(process.cwd(), 'test', 'fixtures', 'vorlagen');

export function loadFixtures(): FixtureCase[] {
  return readdirSync(fixtureDir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const json = JSON.parse(readFileSync(join(fixtureDir, f), 'utf8')) as ExpectedPaper & {
        source: string;
        layout: string;
      };
      return {
        name: f.replace('.expected.json', ''),
        textPath: join(sharedDir, json.source),
        layout: json.layout,
        expected: json,
      };
    });
}
