// Measures the compound strategy on the real Karlsruhe corpus (papers' titles and 4,000 extracted
// file texts, unscaled): for each labelled query, the relevant documents are those containing the
// word or one of the compounds/inflections labelled relevant in search-compound-labels.ts; each
// strategy's retrieved set is compared with it (micro-averaged precision and recall).
// Usage: node --import tsx bench/search-compound-eval.ts   (or import { run } from a bench runner)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { indexDocuments } from '../src/domains/search/indexer.js';
import { toFts5 } from '../src/domains/search/query/compile-sqlite.js';
import { parseQuery } from '../src/domains/search/query/parse.js';
import { resolveQuery } from '../src/domains/search/query/resolve.js';
import type { CompoundMode } from '../src/domains/search/query/resolved.js';
import { fold } from '../src/domains/search/text/stem.js';
import type { SearchDocumentInput } from '../src/domains/search/types.js';
import { openContext, sqliteUrl } from './lib/databases.js';
import type { BenchContext, BenchReport } from './lib/types.js';
import { compoundLabels } from './search-compound-labels.js';
import { loadKarlsruhe } from './search-corpus.js';

function realDocs(root: string): SearchDocumentInput[] {
  const base = {
    date: null,
    isPublic: true,
    ownerOrganizationId: null,
    bodyId: null,
    bodyName: null,
    committee: null,
    paperType: null,
    url: null,
  };
  const docs: SearchDocumentInput[] = [];
  const papers = readdirSync(join(root, 'papers')).sort();
  papers.forEach((f, i) => {
    const p = JSON.parse(readFileSync(join(root, 'papers', f), 'utf8')) as { name?: string };
    if (p.name) docs.push({ ...base, type: 'paper', sourceId: i + 1, title: p.name, text: '' });
  });
  const files = readdirSync(join(root, 'file-contents'))
    .filter((f) => f.endsWith('.txt'))
    .sort();
  files.forEach((f, i) => {
    const text = readFileSync(join(root, 'file-contents', f), 'utf8');
    docs.push({ ...base, type: 'file', sourceId: i + 1, title: f, text });
  });
  return docs;
}

const modes: CompoundMode[] = ['none', 'prefix', 'lexicon'];

export async function run(ctx: BenchContext): Promise<BenchReport> {
  const tarball = join(ctx.root, '..', 'shared', 'corpus', 'karlsruhe-oparl.tar.gz');
  loadKarlsruhe(tarball, join(ctx.outDir, 'search-corpus'));
  const docs = realDocs(join(ctx.outDir, 'search-corpus', 'karlsruhe'));
  const app = await openContext(sqliteUrl(ctx.outDir, `search-compound-${process.pid}`));
  try {
    ctx.log(`indexing ${docs.length} real documents…`);
    for (let i = 0; i < docs.length; i += 500) await indexDocuments(app, docs.slice(i, i + 500));
    const words = new Map<number, Set<string>>();
    const rows = await app.db
      .selectFrom('search_documents')
      .select(['fts_key as id', 'title', 'text'])
      .execute();
    for (const r of rows)
      words.set(r.id ?? 0, new Set((`${r.title} ${r.text}`.match(/[\p{L}\p{N}]+/gu) ?? []).map(fold)));
    const totals = Object.fromEntries(modes.map((m) => [m, { tp: 0, ret: 0, rel: 0 }]));
    const perQuery: string[] = [];
    for (const label of compoundLabels) {
      const relevantWords = new Set(label.relevant.map(fold));
      const relevant = new Set(
        [...words].filter(([, w]) => [...relevantWords].some((x) => w.has(x))).map(([id]) => id),
      );
      const line: string[] = [];
      for (const mode of modes) {
        const node = await resolveQuery(app.db, parseQuery(label.query), mode);
        const hit = await sql<{
          rowid: number;
        }>`select rowid from search_fts where search_fts match ${toFts5(node)}`.execute(app.db);
        const got = new Set(hit.rows.map((h) => h.rowid));
        const tp = [...got].filter((id) => relevant.has(id)).length;
        totals[mode].tp += tp;
        totals[mode].ret += got.size;
        totals[mode].rel += relevant.size;
        line.push(
          `${mode} P ${(tp / Math.max(1, got.size)).toFixed(2)} R ${(tp / Math.max(1, relevant.size)).toFixed(2)}`,
        );
      }
      perQuery.push(`${label.query} (${relevant.size} relevant): ${line.join(', ')}`);
    }
    return {
      title: 'Search compounds (real Karlsruhe corpus, labelled queries)',
      metrics: modes.flatMap((m) => [
        {
          name: `${m} precision`,
          value: Number((totals[m].tp / Math.max(1, totals[m].ret)).toFixed(3)),
          unit: '',
        },
        {
          name: `${m} recall`,
          value: Number((totals[m].tp / Math.max(1, totals[m].rel)).toFixed(3)),
          unit: '',
        },
      ]),
      notes: [
        `${docs.length} documents (paper titles + file texts); strategies: none = stem only, prefix = every index term beginning with the stem, lexicon = prefix terms whose remainder is itself a corpus word (product default)`,
        ...perQuery,
      ],
    };
  } finally {
    await app.database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = join(import.meta.dirname, '..');
  const report = await run({
    outDir: join(root, 'bench', 'out'),
    root,
    pgAdminUrl: '',
    log: (m) => process.stderr.write(`${m}\n`),
  });
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}
