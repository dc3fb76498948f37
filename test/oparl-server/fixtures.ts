import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Json = Record<string, unknown>;

/** The real responses in ../shared (read-only). */
export const sharedOParl = join(process.cwd(), '..', 'shared', 'oparl', 'real');
export const corpusArchive = join(process.cwd(), '..', 'shared', 'corpus', 'karlsruhe-oparl.tar.gz');

/** Origin of the Karlsruhe objects; the server rewrites it to its own base URL. */
export const karlsruheOrigin = 'https://web1.karlsruhe.de/oparl';

export interface MstBody {
  slug: string;
  system: Json;
  body: Json;
}

/** Wuppertal (OParl 1.0): a meeting whose committees and participant the server never serves. */
export interface DanglingFixture {
  system: Json;
  body: Json;
  meeting: Json;
}

export interface Fixtures {
  mst: MstBody[];
  dangling?: DanglingFixture;
  karlsruhe: { papers: Json[]; meetings: Json[]; organizations: Json[]; consultations: Json[] };
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

function numericFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10));
}

/**
 * Unpacks the papers and meetings of the Karlsruhe corpus into a temporary folder (never into
 * the repository); returns the folder and a remover.
 */
export function unpackCorpus(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'regiolotse-karlsruhe-'));
  execFileSync('tar', ['-xzf', corpusArchive, '-C', dir, 'karlsruhe/papers', 'karlsruhe/meetings']);
  return { dir: join(dir, 'karlsruhe'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The 27 System/Body pairs and the Karlsruhe sample, plus the first N corpus papers/meetings;
 * with `dangling`, the Wuppertal objects with references to missing objects (oparl-missing/).
 */
export function loadFixtures(
  opts: { corpusDir?: string; papers?: number; meetings?: number; dangling?: boolean } = {},
): Fixtures {
  const mstDir = join(sharedOParl, 'mst-testdata');
  const mst = readdirSync(join(mstDir, 'bodies'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file, i) => ({
      slug: `mst${String(i + 1).padStart(2, '0')}`,
      body: readJson(join(mstDir, 'bodies', file)) as Json,
      system: readJson(join(mstDir, 'systems', file)) as Json,
    }));
  const kaDir = join(sharedOParl, 'karlsruhe');
  const byId = (list: Json[]) => [...new Map(list.map((o) => [o.id as string, o])).values()];
  const papers = numericFiles(join(kaDir, 'papers')).map((f) => readJson(join(kaDir, 'papers', f)) as Json);
  const meetings = numericFiles(join(kaDir, 'meetings')).map(
    (f) => readJson(join(kaDir, 'meetings', f)) as Json,
  );
  if (opts.corpusDir) {
    for (const f of numericFiles(join(opts.corpusDir, 'papers')).slice(0, opts.papers ?? 0)) {
      papers.push(readJson(join(opts.corpusDir, 'papers', f)) as Json);
    }
    for (const f of numericFiles(join(opts.corpusDir, 'meetings')).slice(0, opts.meetings ?? 0)) {
      meetings.push(readJson(join(opts.corpusDir, 'meetings', f)) as Json);
    }
  }
  const missingDir = join(mstDir, 'oparl-missing');
  const dangling = opts.dangling
    ? {
        system: readJson(join(missingDir, 'system.json')) as Json,
        body: readJson(join(missingDir, 'body.json')) as Json,
        meeting: readJson(join(missingDir, 'meeting.json')) as Json,
      }
    : undefined;
  return {
    mst,
    dangling,
    karlsruhe: {
      papers: byId(papers),
      meetings: byId(meetings),
      organizations: byId(readJson(join(kaDir, 'organizations.json')) as Json[]),
      consultations: byId(readJson(join(kaDir, 'consultations.json')) as Json[]),
    },
  };
}
