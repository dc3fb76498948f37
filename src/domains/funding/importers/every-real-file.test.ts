import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { sharedFunding } from '../../../../test/fixtures/funding/support.js';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { systemActor } from '../../access/actor.js';
import { runImport } from '../run-import.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** What each real file in ../shared/funding must lead to: an importer, or a refusal that says why. */
function expected(rel: string): { importer: string } | { refused: RegExp } {
  if (rel === 'eu-ft-portal/grantsTenders_sample.json') return { importer: 'eu-ft-grants-tenders' };
  if (rel === 'efre-nrw/ERDF_NRW_2014-2020.json') return { importer: 'efre-nrw-json' };
  if (rel.startsWith('fdb-xml-export/')) return { refused: /single XML file/ };
  if (rel === 'fdb-meta/table-schema.json') return { refused: /unknown JSON shape/ };
  if (rel === 'fdb-meta/keyword_segmenter_sample.jsonl') return { refused: /JSON not readable/ };
  return { refused: /Pflichtspalten/ };
}

describeEachDb('funding: every real file in shared/funding', (env) => {
  it('is imported by the right importer or refused with a reason, never half-imported', async () => {
    const { db } = env().ctx;
    const root = sharedFunding();
    const all = files(root);
    expect(all.length).toBeGreaterThan(20);
    const seen: string[] = [];
    for (const f of all) {
      const rel = relative(root, f);
      const want = expected(rel);
      if ('importer' in want) {
        const r = await runImport(db, systemActor('test'), f);
        expect(r.importer, rel).toBe(want.importer);
        expect(r.counts.rejected, rel).toBe(0);
      } else {
        await expect(runImport(db, systemActor('test'), f), rel).rejects.toThrow(want.refused);
      }
      seen.push(rel);
    }
    const folder = await runImport(db, systemActor('test'), join(root, 'fdb-xml-export'));
    expect(folder.counts).toMatchObject({ new: 2, rejected: 0 });
    expect(seen).toContain('nrw-facts.md');
  });
});
