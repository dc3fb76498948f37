import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../../../app/context.js';
import { systemActor } from '../../access/actor.js';
import { classifyCalls } from '../classify/call-fields.js';
import type { ParsedItem } from '../model.js';
import { runImport } from '../run-import.js';
import { applyImport } from '../sync/apply-import.js';
import { nrwDemoItems } from './nrw-calls.js';

/** The FDB export next to the checkout (../shared), else the unaltered copy kept with the tests. */
export function demoFdbExport(): string | null {
  const candidates = [
    join(process.cwd(), '..', 'shared', 'funding', 'fdb-xml-export'),
    join(process.cwd(), 'test', 'fixtures', 'funding', 'fdb-xml-export'),
  ];
  return candidates.find((p) => existsSync(p)) ?? null;
}

async function* fromList(items: ParsedItem[]): AsyncGenerator<ParsedItem> {
  yield* items;
}

/**
 * Demo data: the real FDB programmes (CC BY-ND, with attribution) and the Regio.NRW call in our own
 * words. The EU F&T and EFRE.NRW samples are test data only per their README and are not seeded.
 * Both paths are change-tracked imports, so a second run changes nothing.
 */
export async function seedFundingDemo(ctx: AppContext, progress: (message: string) => void): Promise<void> {
  const fdb = demoFdbExport();
  if (fdb) {
    const r = await runImport(ctx.db, systemActor('demo'), fdb);
    progress(`Förderdatenbank: ${r.counts.new} new, ${r.counts.unchanged} unchanged`);
  } else {
    progress('Förderdatenbank export not found (../shared/funding or test/fixtures/funding): skipped');
  }
  const items = nrwDemoItems();
  const r = await applyImport(
    ctx.db,
    {
      importer: 'demo-nrw-facts',
      source: 'demo',
      sourceSet: 'demo:nrw-facts',
      full: true,
      total: items.length,
      items: fromList(items),
      notes: [],
    },
    { location: 'nrw-facts.md', actorLabel: 'system:demo' },
  );
  progress(`NRW calls: ${r.counts.new} new, ${r.counts.unchanged} unchanged`);
  // the demo calls show their fields of action, read from their texts like council papers
  const c = await classifyCalls(ctx.db, null);
  progress(`fields of action: ${c.classified} of ${c.calls} calls classified`);
}
