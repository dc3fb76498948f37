// The Karlsruhe OParl corpus (/work/shared/corpus, read-only) unpacked once into the temp folder, and
// the fixed dev / held-out split of its Vorlage texts. The split depends only on the corpus and the
// seed, never on parser output, so held-out figures stay honest.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SPLIT_SEED = 20261125;
/**
 * On 2026-12-01 the failures of half of the held-out set were read to improve the parser; that half
 * ("heldOutInspected") is no longer held out. The other half ("heldOutUntouched", seed below) has
 * never been looked at case by case and carries the honest figure.
 */
export const HELD_OUT_SPLIT_SEED = 20261126;
export type CorpusSet = 'dev' | 'heldOut' | 'heldOutInspected' | 'heldOutUntouched';
export const sharedDir = join(process.cwd(), '..', 'shared');
const tarball = join(sharedDir, 'corpus', 'karlsruhe-oparl.tar.gz');

export interface OparlConsultation {
  meeting?: string;
  organization?: string[];
  role?: string;
}
export interface OparlPaper {
  reference?: string;
  date?: string;
  name?: string;
  paperType?: string;
  consultation?: OparlConsultation[];
  auxiliaryFile?: { id: string }[];
  mainFile?: { id: string };
}
export interface OparlMeeting {
  start?: string;
  name?: string;
  organization?: string[];
}
export interface OparlOrganization {
  id: string;
  name: string;
  shortName?: string;
}

export interface CorpusSample {
  fileId: string;
  paperNo: string;
  text: string;
  paper: OparlPaper;
}

export function corpusAvailable(): boolean {
  return existsSync(tarball);
}

/** Unpacks into the temp folder once (atomic rename, so parallel test files never see half a corpus). */
export function corpusDir(): string {
  const dir = join(tmpdir(), 'regiolotse-karlsruhe-corpus');
  const ready = join(dir, 'karlsruhe');
  if (existsSync(join(ready, 'organizations.json'))) return ready;
  const scratch = `${dir}.${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', scratch]);
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(ready, 'organizations.json'))) renameSync(join(scratch, 'karlsruhe'), ready);
  rmSync(scratch, { recursive: true, force: true });
  return ready;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  const random = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Vorlagen = extracted file texts that carry a "Beratungsfolge" and say "vorlage" in their first 600
 * characters, and belong to a paper record. Half of them (seeded shuffle) are held out; the held-out
 * half is split once more (second seed) into the inspected and the untouched quarter.
 */
export function loadSplit(dir = corpusDir()): Record<CorpusSet, CorpusSample[]> {
  const fileToPaper = new Map<string, string>();
  const papers = new Map<string, OparlPaper>();
  for (const f of readdirSync(join(dir, 'papers'))) {
    const paper = readJson<OparlPaper>(join(dir, 'papers', f));
    const no = f.replace(/\.json$/, '');
    papers.set(no, paper);
    for (const file of [paper.mainFile, ...(paper.auxiliaryFile ?? [])]) {
      const id = file?.id.split('/').pop();
      if (id && !fileToPaper.has(id)) fileToPaper.set(id, no);
    }
  }
  const samples: CorpusSample[] = [];
  for (const f of readdirSync(join(dir, 'file-contents')).filter((n) => n.endsWith('.txt'))) {
    const fileId = f.replace(/\.txt$/, '');
    const paperNo = fileToPaper.get(fileId);
    if (!paperNo) continue;
    const text = readFileSync(join(dir, 'file-contents', f), 'utf8');
    if (!text.includes('Beratungsfolge') || !/vorlage/i.test(text.slice(0, 600))) continue;
    samples.push({ fileId, paperNo, text, paper: papers.get(paperNo)! });
  }
  const byId = (a: CorpusSample, b: CorpusSample) => Number(a.fileId) - Number(b.fileId);
  samples.sort(byId);
  const all = shuffled(samples, SPLIT_SEED);
  const half = Math.floor(all.length / 2);
  const heldOut = all.slice(half);
  const again = shuffled([...heldOut].sort(byId), HELD_OUT_SPLIT_SEED);
  const quarter = Math.floor(again.length / 2);
  return {
    dev: all.slice(0, half),
    heldOut,
    heldOutInspected: again.slice(0, quarter),
    heldOutUntouched: again.slice(quarter),
  };
}

export function loadMeetingsAndOrganizations(dir = corpusDir()): {
  meeting: (id: string) => OparlMeeting | null;
  organizations: Map<string, OparlOrganization>;
} {
  const organizations = new Map(
    readJson<OparlOrganization[]>(join(dir, 'organizations.json')).map((o) => [o.id, o]),
  );
  const cache = new Map<string, OparlMeeting | null>();
  const meeting = (id: string): OparlMeeting | null => {
    if (!cache.has(id)) {
      const path = join(dir, 'meetings', `${id.split('/').pop()}.json`);
      cache.set(id, existsSync(path) ? readJson<OparlMeeting>(path) : null);
    }
    return cache.get(id)!;
  };
  return { meeting, organizations };
}
