// Calls ↔ council papers on real data: the real calls of ../shared/funding (Förderdatenbank export,
// EU Funding & Tenders records) against the real Karlsruhe council papers (titles and, where the corpus
// sample has them, their files' extracted text). For each call, the top 10 papers of
// GET /api/funding/calls/:id/papers (papersForCall) are judged relevant or not by hand
// (test/fixtures/funding-matching/judgements.json, criteria there); precision@10 is reported for the
// tuning calls and the held-out calls separately. Unjudged results are listed, never counted.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemActor } from '../src/domains/access/actor.js';
import { fields as seedFields } from '../src/domains/directory/seed/fields-data.js';
import { extractCallDeadlines } from '../src/domains/funding/deadlines/review-service.js';
import { papersForCall } from '../src/domains/funding/matching/papers-for-call.js';
import { runImport } from '../src/domains/funding/run-import.js';
import { indexDocuments } from '../src/domains/search/indexer.js';
import type { SearchDocumentInput } from '../src/domains/search/types.js';
import { nowIso } from '../src/infra/db/columns.js';
import { openContext, sqliteUrl } from './lib/databases.js';
import type { BenchContext, BenchReport } from './lib/types.js';
import { loadKarlsruhe } from './search-corpus.js';

interface Judgements {
  criteria: string;
  history?: string[];
  tuning: string[];
  heldOut: string[];
  judged: Record<string, Record<string, { relevant: boolean; note?: string }>>;
}

const lastNumber = (id: string) => Number(/(\d+)$/.exec(id)?.[1] ?? Number.NaN);

function karlsruhePapers(root: string): SearchDocumentInput[] {
  const texts = new Map<number, string>();
  for (const f of readdirSync(join(root, 'file-contents')).filter((x) => x.endsWith('.txt')))
    texts.set(Number(f.slice(0, -4)), readFileSync(join(root, 'file-contents', f), 'utf8'));
  const docs: SearchDocumentInput[] = [];
  for (const f of readdirSync(join(root, 'papers')).sort()) {
    const p = JSON.parse(readFileSync(join(root, 'papers', f), 'utf8')) as {
      id: string;
      name?: string;
      date?: string;
      paperType?: string;
      reference?: string;
      auxiliaryFile?: { id: string }[];
      mainFile?: { id: string };
    };
    if (!p.name) continue;
    const files = [p.mainFile, ...(p.auxiliaryFile ?? [])].filter((x): x is { id: string } => Boolean(x));
    const text = files
      .map((x) => texts.get(lastNumber(x.id)) ?? '')
      .join('\n')
      .slice(0, 60_000);
    docs.push({
      type: 'paper',
      sourceId: lastNumber(p.id),
      title: p.name,
      text,
      date: p.date && /^\d{4}-\d{2}-\d{2}$/.test(p.date) ? p.date : null,
      isPublic: true,
      ownerOrganizationId: null,
      bodyId: null,
      bodyName: 'Stadt Karlsruhe',
      committee: null,
      paperType: p.paperType || null,
      url: null,
    });
  }
  return docs;
}

export async function run(ctx: BenchContext): Promise<BenchReport> {
  const tarball = join(ctx.root, '..', 'shared', 'corpus', 'karlsruhe-oparl.tar.gz');
  loadKarlsruhe(tarball, join(ctx.outDir, 'search-corpus'));
  const docs = karlsruhePapers(join(ctx.outDir, 'search-corpus', 'karlsruhe'));
  const judgementsFile = join(ctx.root, 'test', 'fixtures', 'funding-matching', 'judgements.json');
  const judgements = JSON.parse(readFileSync(judgementsFile, 'utf8')) as Judgements;
  const app = await openContext(sqliteUrl(ctx.outDir, `funding-paper-matching-${process.pid}`));
  const actor = systemActor('bench');
  try {
    const at = nowIso();
    for (const [i, f] of seedFields.entries())
      await app.db
        .insertInto('fields_of_action')
        .values({
          key: f.key,
          parent_id: null,
          name: f.name,
          description: null,
          rules_json: JSON.stringify(f.rules),
          sort_order: i,
          source: 'seed',
          created_at: at,
          updated_at: at,
        })
        .execute();
    ctx.log(`indexing ${docs.length} real Karlsruhe papers…`);
    for (let i = 0; i < docs.length; i += 500) await indexDocuments(app, docs.slice(i, i + 500));
    const shared = join(ctx.root, '..', 'shared', 'funding');
    await runImport(app.db, actor, join(shared, 'fdb-xml-export'));
    await runImport(app.db, actor, join(shared, 'eu-ft-portal', 'grantsTenders_sample.json'));
    await extractCallDeadlines(app.db, {});
    const calls = await app.db.selectFrom('funding_calls').select(['id', 'source_id', 'title']).execute();
    const out: Record<string, { id: number; title: string; score: number; reasons: string[] }[]> = {};
    const started = performance.now();
    for (const c of calls) {
      const answer = await papersForCall(app, actor, c.id, { limit: 10 });
      out[c.source_id] = answer.bodies
        .flatMap((b) => b.papers)
        .sort((a, b) => b.score - a.score || a.id - b.id)
        .slice(0, 10)
        .map((p) => ({ id: p.id, title: p.title, score: p.score, reasons: p.reasons }));
    }
    const msPerCall = (performance.now() - started) / Math.max(1, calls.length);
    writeFileSync(join(ctx.outDir, 'funding-paper-matching.json'), JSON.stringify(out, null, 1));
    const score = (ids: string[]) => {
      let returned = 0;
      let relevant = 0;
      let unjudged = 0;
      for (const id of ids)
        for (const p of out[id] ?? []) {
          const j = judgements.judged[id]?.[String(p.id)];
          if (!j) {
            unjudged++;
            ctx.log(`unjudged ${id} → ${p.id} ${p.title.slice(0, 90)} | ${p.reasons.join('; ')}`);
            continue;
          }
          returned++;
          if (j.relevant) relevant++;
        }
      return { returned, relevant, unjudged, precision: returned ? relevant / returned : 1 };
    };
    const tuning = score(judgements.tuning);
    const held = score(judgements.heldOut);
    const perCall = calls.map(
      (c) =>
        `${c.source_id}: ${(out[c.source_id] ?? []).length} papers returned, ${(out[c.source_id] ?? []).filter((p) => judgements.judged[c.source_id]?.[String(p.id)]?.relevant).length} relevant`,
    );
    return {
      title: `Funding calls ↔ council papers (${calls.length} real calls × ${docs.length} real Karlsruhe papers)`,
      metrics: [
        {
          name: `precision@10, tuning calls (${judgements.tuning.length})`,
          value: tuning.precision,
          unit: `(${tuning.relevant} of ${tuning.returned} judged)`,
        },
        {
          name: `precision@10, held-out calls (${judgements.heldOut.length})`,
          value: held.precision,
          unit: `(${held.relevant} of ${held.returned} judged)`,
        },
        { name: 'unjudged results (not counted)', value: tuning.unjudged + held.unjudged, unit: '' },
        { name: 'papers for one call', value: msPerCall, unit: 'ms' },
      ],
      notes: [
        judgements.criteria,
        "the papers are Karlsruhe's (no council papers of the Düsseldorf region are in ../shared); titles with their files' extracted text where the 4,000-file sample has it",
        ...perCall,
        ...(judgements.history ?? []),
      ],
    };
  } finally {
    await app.database.close();
  }
}
