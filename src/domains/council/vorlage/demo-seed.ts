import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppContext } from '../../../app/context.js';
import { nowIso } from '../../../infra/db/columns.js';
import { systemActor } from '../../access/actor.js';
import { indexSyncedObjects } from '../oparl/search-sync.js';
import { localPaperOparlId } from './import-paper.js';
import { importVorlage } from './import-vorlage.js';
import { ensureLocalSource, findPaperByOparlId } from './paper-store.js';

/**
 * The committee of the seed's Beratungsfolge, as the directory demo data keeps it (same name), so the
 * import links the paper's consultation to it. The seed names no council, so it has no body.
 */
export const DEMO_COMMITTEE = {
  directoryKey: 'org:ausschuss-wirtschaftsfoerderung-kultur-tourismus',
  oparlId: 'urn:regiolotse:organization:ausschuss-wirtschaftsfoerderung-kultur-tourismus',
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

/**
 * The committee under the local source, named as in the directory and in the search index like a
 * synced committee; nothing when the directory lacks it.
 */
async function ensureDemoCommittee(ctx: AppContext): Promise<void> {
  const { db } = ctx;
  const known = await db
    .selectFrom('council_organizations')
    .select('id')
    .where('oparl_id', '=', DEMO_COMMITTEE.oparlId)
    .executeTakeFirst();
  if (known) return;
  const committee = await db
    .selectFrom('organizations')
    .select('name')
    .where('key', '=', DEMO_COMMITTEE.directoryKey)
    .executeTakeFirst();
  if (!committee) return;
  const now = nowIso();
  const { id } = await db
    .insertInto('council_organizations')
    .values({
      oparl_id: DEMO_COMMITTEE.oparlId,
      source_id: await ensureLocalSource(db, now),
      body_oparl_id: null,
      name: committee.name,
      short_name: null,
      organization_type: 'Gremium',
      classification: 'Ausschuss',
      start_date: null,
      end_date: null,
      raw_json: JSON.stringify({
        name: committee.name,
        organizationType: 'Gremium',
        classification: 'Ausschuss',
      }),
      oparl_created: null,
      oparl_modified: null,
      deleted: 0,
      quirks_json: null,
      is_public: 1,
      owner_organization_id: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await indexSyncedObjects(ctx, [
    { kind: 'Organization', id, oparlId: DEMO_COMMITTEE.oparlId, deleted: false, quirks: [] },
  ]);
}

/**
 * The seed Vorlage as a paper without body: the seed does not name the council it went to, and
 * `paper import` without `--body` stores it so (DATA.md). Its consultation is linked to the committee
 * of its Beratungsfolge. A second run finds the paper by its file hash and changes nothing.
 */
export async function seedDemoVorlage(ctx: AppContext, progress: (message: string) => void): Promise<void> {
  const bytes = new Uint8Array(await readFile(demoVorlagePath()));
  if (await findPaperByOparlId(ctx.db, localPaperOparlId(bytes))) {
    progress('Vorlage 10/036/2018 ist schon vorhanden');
    return;
  }
  await ensureDemoCommittee(ctx);
  const { stored } = await importVorlage(ctx, systemActor('demo'), { bytes });
  progress(`Vorlage 10/036/2018 angelegt (id ${stored.id})`);
}
