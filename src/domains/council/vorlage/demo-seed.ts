import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppContext } from '../../../app/context.js';
import { systemActor } from '../../access/actor.js';
import { localPaperOparlId } from './import-paper.js';
import { importVorlage } from './import-vorlage.js';
import { ensureLocalBody, findPaperByOparlId } from './paper-store.js';

export const DEMO_BODY = {
  name: 'Landeshauptstadt Düsseldorf',
  shortName: 'Düsseldorf',
  ags: '05111000',
  website: 'https://www.duesseldorf.de',
};

const DEMO_FILE = join('src', 'domains', 'council', 'vorlage', 'demo', 'vorlage-10-036-2018.txt');

/**
 * The repository root: the nearest folder with a package.json above this module. The same search
 * works from the sources (src/domains/council/vorlage) and from the esbuild bundle (dist/cli.js).
 */
export function repoRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export function demoVorlagePath(): string {
  return join(repoRoot(), DEMO_FILE);
}

/** The seed Vorlage as a paper of Landeshauptstadt Düsseldorf; a second run finds it and changes nothing. */
export async function seedDemoVorlage(ctx: AppContext, progress: (message: string) => void): Promise<void> {
  const bytes = new Uint8Array(await readFile(demoVorlagePath()));
  if (await findPaperByOparlId(ctx.db, localPaperOparlId(bytes))) {
    progress('Vorlage 10/036/2018 ist schon vorhanden');
    return;
  }
  await ensureLocalBody(ctx.db, DEMO_BODY);
  const { stored } = await importVorlage(ctx, systemActor('demo'), { bytes, bodyName: DEMO_BODY.name });
  progress(`Vorlage 10/036/2018 angelegt (id ${stored.id})`);
}
