import { type SqlBool, sql } from 'kysely';
import type { AppContext } from '../../app/context.js';
import type { Actor } from '../access/actor.js';
import { visibleWhere } from '../access/policy.js';
import { fold, stem } from './text/stem.js';

type Ctx = Pick<AppContext, 'db' | 'dialect'>;

const quote = (s: string) => `"${s}"`;

/** The part of a half-typed word the index certainly holds: stems may end before the typed text. */
function indexPrefix(word: string): string {
  const f = fold(word);
  const s = stem(word);
  let i = 0;
  while (i < f.length && i < s.length && f[i] === s[i]) i++;
  return f.slice(0, Math.max(i, 2));
}

/** Titles of visible documents that contain the typed words, the last one as a beginning. */
export async function suggestTitles(ctx: Ctx, actor: Actor, q: string, limit = 10): Promise<string[]> {
  const words = q.slice(0, 200).match(/[\p{L}\p{N}]+/gu) ?? [];
  const last = words.at(-1);
  if (!last || last.length < 2) return [];
  const before = words.slice(0, -1).slice(0, 8).map(stem);
  const prefix = indexPrefix(last);
  const cond =
    ctx.dialect === 'sqlite'
      ? sql<SqlBool>`d.fts_key in (select rowid from search_fts where search_fts match ${`stem_title : (${[
          ...before.map(quote),
          `${quote(prefix)} *`,
        ].join(' AND ')})`})`
      : sql<SqlBool>`d.id in (select v.id from search_vectors v where v.tsv @@ to_tsquery('simple', ${[
          ...before.map((b) => `'${b}':A`),
          `'${prefix}':*A`,
        ].join(' & ')}))`;
  const rows = await ctx.db
    .selectFrom('search_documents as d')
    .select('d.title')
    .where(visibleWhere(actor, 'd'))
    .where(cond)
    .orderBy(sql`d.date is null`)
    .orderBy('d.date', 'desc')
    // Without a tie-break, equal dates come back in plan order, which differs between runs.
    .orderBy('d.id', 'desc')
    .limit(300)
    .execute();
  const typed = fold(last);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of rows) {
    const titleWords = (r.title.match(/[\p{L}\p{N}]+/gu) ?? []).map(fold);
    if (!titleWords.some((w) => w.startsWith(typed))) continue;
    const key = r.title.trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r.title.trim());
    if (out.length >= limit) break;
  }
  return out;
}
