// The search benchmark's corpus: real Karlsruhe council paper titles combined with real passages
// of extracted council file texts, scaled to any size (see describeCorpus for the exact recipe).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchDocumentInput } from '../src/domains/search/types.js';

export interface RealPaper {
  title: string;
  date: string | null;
  paperType: string | null;
  committee: string | null;
}

export interface RealCorpus {
  papers: RealPaper[];
  passages: string[];
}

/** Municipalities of the region, assigned to documents round-robin-like so the body facet has ten values. */
export const BENCH_BODIES = [
  'Ratingen',
  'Mettmann',
  'Hilden',
  'Langenfeld',
  'Monheim am Rhein',
  'Erkrath',
  'Haan',
  'Heiligenhaus',
  'Velbert',
  'Wülfrath',
];

const PASSAGE_MIN = 300;
const PASSAGE_MAX = 700;

/** Unpacks the corpus once into `dir` (a scratch folder) and reads papers and file texts. */
export function loadKarlsruhe(tarball: string, dir: string): RealCorpus {
  const root = join(dir, 'karlsruhe');
  if (!existsSync(join(root, 'papers'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', dir]);
  }
  const orgs = JSON.parse(readFileSync(join(root, 'organizations.json'), 'utf8')) as Array<{
    id: string;
    name: string;
  }>;
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const papers: RealPaper[] = [];
  for (const f of readdirSync(join(root, 'papers')).sort()) {
    const p = JSON.parse(readFileSync(join(root, 'papers', f), 'utf8')) as {
      name?: string;
      date?: string;
      paperType?: string;
      consultation?: Array<{ organization?: string[] }>;
    };
    if (!p.name) continue;
    const org = p.consultation?.[0]?.organization?.[0];
    papers.push({
      title: p.name,
      date: p.date && /^\d{4}-\d{2}-\d{2}$/.test(p.date) ? p.date : null,
      paperType: p.paperType || null,
      committee: org ? (orgName.get(org) ?? null) : null,
    });
  }
  const passages: string[] = [];
  const textDir = join(root, 'file-contents');
  for (const f of readdirSync(textDir)
    .filter((x) => x.endsWith('.txt'))
    .sort()) {
    passages.push(...passagesOf(readFileSync(join(textDir, f), 'utf8')));
  }
  return { papers, passages };
}

/** Cuts a PDF-extracted text into passages of 300–700 characters at sentence ends, dropping table debris. */
export function passagesOf(text: string): string[] {
  const flat = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /\p{L}{3}/u.test(l))
    .join(' ')
    .replace(/\s+/g, ' ');
  const out: string[] = [];
  let start = 0;
  while (start < flat.length) {
    let end = Math.min(flat.length, start + PASSAGE_MAX);
    if (end < flat.length) {
      const cut = flat.lastIndexOf('. ', end);
      if (cut > start + PASSAGE_MIN) end = cut + 1;
    }
    const passage = flat.slice(start, end).trim();
    if (passage.length >= 80) out.push(passage);
    start = end;
  }
  return out;
}

// Knuth's multiplicative hash: spreads consecutive document numbers over the passages.
const mix = (n: number, salt: number) => Number((BigInt(n) * 2654435761n + BigInt(salt)) % 4294967296n);

/**
 * Document n (0-based): title and paper type, date and committee of real paper n mod P; text =
 * two real passages picked by hashing n, so each repetition of a title gets other text; body =
 * one of ten municipalities by hash; every 20th document is non-public (owned by organisation 1–5).
 */
export function* syntheticDocs(real: RealCorpus, from: number, to: number): Generator<SearchDocumentInput> {
  const P = real.papers.length;
  const S = real.passages.length;
  for (let n = from; n < to; n++) {
    const paper = real.papers[n % P];
    const a = mix(n, 17) % S;
    const b = mix(n, 1_000_003) % S;
    yield {
      type: 'paper',
      sourceId: n + 1,
      title: paper.title,
      text: `${real.passages[a]} ${real.passages[b === a ? (b + 1) % S : b]}`,
      date: paper.date,
      isPublic: n % 20 !== 0,
      ownerOrganizationId: n % 20 === 0 ? (n % 5) + 1 : null,
      bodyId: null,
      bodyName: BENCH_BODIES[mix(n, 7) % BENCH_BODIES.length],
      committee: paper.committee,
      paperType: paper.paperType,
      url: null,
    };
  }
}

export function describeCorpus(real: RealCorpus, docs: number): string {
  return `${docs.toLocaleString('en')} documents: title/type/date/committee of real Karlsruhe paper (n mod ${real.papers.length}), text = 2 of ${real.passages.length.toLocaleString('en')} real passages (300–700 chars, cut at sentence ends from 4,000 extracted file texts) chosen by multiplicative hash of n; body = 1 of 10 municipalities by hash; every 20th document non-public`;
}
