import type { Kysely } from 'kysely';
import type { AppContext } from '../../../app/context.js';
import type { DB } from '../../../app/schema.js';
import type { Actor } from '../../access/actor.js';
import { canRead, visibleWhere } from '../../access/policy.js';
import { searchDocuments } from '../../search/search-service.js';
import { analyseWord } from '../../search/text/stem.js';
import { germanStopwords } from '../../search/text/stopwords.js';
import { assertReadable } from '../api/access.js';
import { findCallById } from '../repository.js';
import { type CallForMatching, MatchingEngine } from './engine.js';
import { loadFieldNames, matchingText, parseJsonList } from './load.js';

export interface PaperForCall {
  id: number;
  title: string;
  date: string | null;
  paperType: string | null;
  score: number;
  reasons: string[];
}

export interface PapersForCall {
  /** the region's bodies whose papers deal with what the call funds, the best fit first */
  bodies: { body: string; papers: PaperForCall[] }[];
  total: number;
}

type Ctx = Pick<AppContext, 'db' | 'dialect'> & Partial<Pick<AppContext, 'database'>>;

/** Above this a paper's match is shown: field-only matches included, below shared content (engine: contentFirst). */
export const PAPER_MIN_SCORE = 0.08;
const QUERY_WORDS = 8;
const SUBJECT_WORDS = 40;
const CANDIDATES = 150;

/**
 * The words of a call that tell its subject apart in the council papers: long words that occur in the
 * index, rarest first (search_terms holds each stem's document count).
 */
async function distinctiveWords(db: Kysely<DB>, text: string, limit: number): Promise<string[]> {
  const byStem = new Map<string, string>();
  for (const m of text.matchAll(/[\p{L}]{6,40}/gu)) {
    const w = m[0];
    if (germanStopwords.has(w.toLowerCase())) continue;
    const s = analyseWord(w).stem;
    if (!byStem.has(s)) byStem.set(s, w);
    if (byStem.size >= 400) break;
  }
  if (byStem.size === 0) return [];
  const total = await db
    .selectFrom('search_documents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('doc_type', '=', 'paper')
    .executeTakeFirstOrThrow();
  // a word in more than 2 % of the papers (Antrag, Stadt, Förderung, Menschen) names no subject
  const common = Math.max(20, Number(total.n) * 0.02);
  const counts = await db
    .selectFrom('search_terms')
    .select(['term', 'stem_docs'])
    .where('term', 'in', [...byStem.keys()])
    .where('stem_docs', '>', 0)
    .where('stem_docs', '<=', common)
    .execute();
  return counts
    .sort((a, b) => a.stem_docs - b.stem_docs || a.term.localeCompare(b.term))
    .slice(0, limit)
    .map((c) => byStem.get(c.term) ?? c.term);
}

/**
 * The council papers of the region that deal with what a call funds: candidates from the search
 * index (the call's distinctive words, and the papers classified into the call's fields), scored by
 * the matching engine with the call as target (shared content first, a shared field alone below it),
 * grouped by body, newest first within a body, each with its reasons. Only papers the actor may read.
 */
export async function papersForCall(
  ctx: Ctx,
  actor: Actor,
  callId: number,
  opts: { limit?: number } = {},
): Promise<PapersForCall> {
  const call = await findCallById(ctx.db, callId);
  assertReadable(actor, call, 'Call');
  const programme = call.programme_id
    ? await ctx.db
        .selectFrom('funding_programmes')
        .select(['keywords', 'funding_areas', 'summary', 'body', 'is_public', 'owner_organization_id'])
        .where('id', '=', call.programme_id)
        .executeTakeFirst()
    : undefined;
  const seenProgramme =
    programme &&
    canRead(actor, {
      isPublic: programme.is_public === 1,
      ownerOrganizationId: programme.owner_organization_id,
    })
      ? programme
      : undefined;
  const text =
    matchingText(
      call.text,
      seenProgramme?.keywords ?? null,
      parseJsonList(seenProgramme?.funding_areas ?? '[]'),
      seenProgramme?.summary ?? null,
      seenProgramme?.body ?? null,
    )?.replace(/<[^>]+>/g, ' ') ?? '';
  const fields = await loadFieldNames(ctx.db);
  const idByKey = new Map([...fields.keyById].map(([id, key]) => [key, id]));
  const callFields = parseJsonList(call.effective_fields);

  const candidates = new Set<number>();
  // the words that tell the call's subject apart: the query, and what shared content is counted on
  const words = await distinctiveWords(ctx.db, `${call.title} ${text}`, SUBJECT_WORDS);
  const base = { type: 'paper', sort: 'relevance' as const, offset: 0 };
  if (words.length) {
    const found = await searchDocuments(
      ctx,
      actor,
      { ...base, q: words.slice(0, QUERY_WORDS).join(' OR '), limit: 100 },
      { facets: false },
    );
    for (const h of found.hits) candidates.add(h.id);
  }
  // the papers the classifier put into the call's fields, newest first
  const fieldIds = callFields.map((k) => idByKey.get(k)).filter((x): x is number => x !== undefined);
  if (fieldIds.length) {
    const rows = await ctx.db
      .selectFrom('classifications as k')
      .innerJoin('search_documents as d', (j) =>
        j.onRef('d.doc_type', '=', 'k.doc_type').onRef('d.source_id', '=', 'k.source_id'),
      )
      .select('d.source_id')
      .where('k.doc_type', '=', 'paper')
      .where('k.field_id', 'in', fieldIds)
      .where(visibleWhere(actor, 'd'))
      .orderBy('d.date', 'desc')
      .limit(CANDIDATES)
      .execute();
    for (const r of rows) candidates.add(r.source_id);
  }
  if (candidates.size === 0) return { bodies: [], total: 0 };
  const docs = await ctx.db
    .selectFrom('search_documents')
    .select(['source_id', 'title', 'text', 'date', 'body_name', 'paper_type', 'fields_of_action'])
    .where('doc_type', '=', 'paper')
    .where('source_id', 'in', [...candidates].slice(0, CANDIDATES * 2))
    .where(visibleWhere(actor, 'search_documents'))
    .execute();
  const asCalls: CallForMatching[] = docs.map((d) => ({
    id: d.source_id,
    title: d.title,
    text: d.text.slice(0, 20_000),
    fields: parseJsonList(d.fields_of_action).map((id) => fields.keyById.get(Number(id)) ?? id),
    applicants: [],
    regions: [],
    nextDeadline: null,
    closed: false,
  }));
  const engine = new MatchingEngine(asCalls, fields.byKey);
  const matches = engine.matchTarget(
    {
      id: call.id,
      title: '',
      text: words.join(' '),
      fields: callFields,
      applicantType: null,
      regionAgs: null,
    },
    // the target is the call's distinctive words only, so three of them in common say something
    { limit: opts.limit ?? 40, minScore: PAPER_MIN_SCORE, contentFirst: true, minShared: 3 },
  );
  const byId = new Map(docs.map((d) => [d.source_id, d]));
  const groups = new Map<string, { best: number; papers: PaperForCall[] }>();
  for (const m of matches) {
    const d = byId.get(m.callId);
    if (!d) continue;
    const body = d.body_name ?? '–';
    const g = groups.get(body) ?? { best: 0, papers: [] };
    g.best = Math.max(g.best, m.score);
    g.papers.push({
      id: d.source_id,
      title: d.title,
      date: d.date,
      paperType: d.paper_type,
      score: m.score,
      reasons: m.reasons,
    });
    groups.set(body, g);
  }
  const bodies = [...groups.entries()]
    .sort((a, b) => b[1].best - a[1].best || a[0].localeCompare(b[0]))
    .map(([body, g]) => ({
      body,
      papers: g.papers.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.score - a.score),
    }));
  return { bodies, total: matches.length };
}
