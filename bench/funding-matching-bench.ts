import {
  type CallForMatching,
  MatchingEngine,
  type TargetForMatching,
} from '../src/domains/funding/matching/engine.js';
import type { BenchContext, BenchReport } from './lib/types.js';

const fields = [
  'mobility',
  'digital',
  'skills',
  'planning',
  'economy',
  'climate',
  'tourism',
  'culture',
  'health',
  'energy',
  'housing',
  'water',
];
const words =
  'radverkehr mobilitätsstation innenstadt digitalisierung fachkräfte gewerbeflächen klimaanpassung wasserstoff breitband quartier tourismus kultur gesundheit energie wohnungsbau hochwasser verwaltung plattform netzwerk ausbildung logistik bahnhof wärmeplanung solar förderung kooperation region strukturwandel transformation innovation'.split(
    ' ',
  );
const applicants = ['Kommune', 'Unternehmen', 'Verband/Vereinigung', 'Hochschule', 'Öffentliche Einrichtung'];
const regions = ['Nordrhein-Westfalen', 'bundesweit', 'Bayern', 'EU', 'Hessen'];

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

function pick<T>(r: () => number, list: T[], n: number): T[] {
  return Array.from({ length: n }, () => list[Math.floor(r() * list.length)]);
}

export function syntheticCalls(n: number, r = rng(1)): CallForMatching[] {
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    title: pick(r, words, 3).join(' '),
    text: pick(r, words, 25).join(' '),
    fields: pick(r, fields, 2),
    applicants: pick(r, applicants, 2),
    regions: pick(r, regions, 1),
    nextDeadline: `2027-0${1 + Math.floor(r() * 9)}-15`,
    closed: r() < 0.1,
  }));
}

export function syntheticProjects(n: number, r = rng(2)): TargetForMatching[] {
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    title: pick(r, words, 3).join(' '),
    text: pick(r, words, 30).join(' '),
    fields: pick(r, fields, 2),
    applicantType: pick(r, applicants, 1)[0],
    regionAgs: r() < 0.7 ? '05158004' : '09162000',
  }));
}

/** The obvious way: compare every call with every project on strings and arrays. */
function naive(calls: CallForMatching[], projects: TargetForMatching[]): number {
  let kept = 0;
  for (const p of projects) {
    const pw = new Set(`${p.title} ${p.text}`.toLowerCase().split(/\s+/));
    for (const c of calls) {
      const fo = c.fields.filter((f) => p.fields.includes(f)).length;
      const cw = `${c.title} ${c.text}`.toLowerCase().split(/\s+/);
      const shared = cw.filter((w) => pw.has(w)).length;
      if (fo > 0 || shared > 1) kept++;
    }
  }
  return kept;
}

/** 5,000 calls × 1,000 projects: the engine against a naive nested loop, both measured here. */
export async function run(ctx: BenchContext): Promise<BenchReport> {
  const calls = syntheticCalls(5000);
  const projects = syntheticProjects(1000);
  const t0 = performance.now();
  const engine = new MatchingEngine(calls, {}, '2026-11-25');
  let matched = 0;
  for (const p of projects) matched += engine.matchTarget(p, { limit: 20 }).length;
  const engineMs = performance.now() - t0;
  const n0 = performance.now();
  naive(calls, projects.slice(0, 100));
  const naiveMs = (performance.now() - n0) * 10;
  ctx.log(`engine ${engineMs.toFixed(0)} ms (${matched} matches kept), naive ≈ ${naiveMs.toFixed(0)} ms`);
  return {
    title: 'Funding matching: 5,000 calls × 1,000 projects',
    metrics: [
      {
        name: 'all projects matched, top 20 each, with reasons',
        value: engineMs,
        unit: 'ms',
        baseline: { label: 'naive nested loop on strings (100 projects × 10)', value: naiveMs },
        ratio: naiveMs / engineMs,
        goal: '< 2000 ms',
        met: engineMs < 2000,
      },
    ],
    notes: ['synthetic calls and projects from a fixed seed; fields, applicant types, regions and 30 words'],
  };
}
