import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';

/** Shorter stems begin too many unrelated words ("rat" → "ratte", "ration"). */
export const MIN_COMPOUND_STEM = 4;
const MAX_EXPANSIONS = 25;
/** Linking elements (Fugenelemente) between the parts of a German compound. */
const LINKS = ['', 's', 'es', 'e', 'n', 'en', 'er', 'ns'];
const MIN_PART = 3;
/**
 * Word endings that make derivations, not compounds (städt-isch, Hagsfelder-innen): a remainder
 * that is one of them does not make a compound even when PDF hyphenation put it in the lexicon.
 */
const DERIVATIONAL = new Set([
  'isch',
  'lich',
  'ung',
  'ungen',
  'heit',
  'keit',
  'schaft',
  'inn',
  'innen',
  'erin',
  'erinn',
  'bar',
  'los',
  'chen',
  'lein',
  'ig',
  'ier',
  'ist',
  'ism',
]);

/**
 * Index terms that are compounds beginning with `stem`: "radweg" → "radwegekonzept",
 * "radwegenetz". A candidate counts only when what follows the stem (minus a linking element) is a
 * word or stem of the corpus itself, so "haus" does not reach "hausarzt…" unless "arzt" is a word
 * of its own — and lexicalised words that are far more frequent than the stem (Haushalt vs Haus)
 * are left out, because they have become words of their own meaning.
 */
export async function compoundsOf(db: Kysely<DB>, stem: string): Promise<string[]> {
  if (stem.length < MIN_COMPOUND_STEM) return [];
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const hit = cache.get(stem);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.terms;
  const terms = await lookUpCompounds(db, stem);
  if (cache.size >= CACHE_ENTRIES) cache.clear();
  cache.set(stem, { at: Date.now(), terms });
  return terms;
}

/**
 * The vocabulary only grows with new documents; a minute-old expansion misses at most the
 * compounds first seen in that minute, and saves the two lexicon lookups per word of each query.
 */
const CACHE_MS = 60_000;
const CACHE_ENTRIES = 10_000;
const caches = new WeakMap<object, Map<string, { at: number; terms: string[] }>>();

async function lookUpCompounds(db: Kysely<DB>, stem: string): Promise<string[]> {
  const rows = await db
    .selectFrom('search_terms')
    .select(['term', 'stem_docs'])
    .where('term', '>', stem)
    .where('term', '<', `${stem}\u{10FFFF}`)
    .where('stem_docs', '>', 0)
    .orderBy('stem_docs', 'desc')
    .limit(400)
    .execute();
  if (rows.length === 0) return [];
  const base = await db
    .selectFrom('search_terms')
    .select(['stem_docs', 'word_docs'])
    .where('term', '=', stem)
    .executeTakeFirst();
  const baseDocs = Math.max(base?.stem_docs ?? 0, base?.word_docs ?? 0);
  const rests = new Map<string, string[]>();
  for (const r of rows) {
    const rest = r.term.slice(stem.length);
    if (DERIVATIONAL.has(rest)) continue;
    for (const link of LINKS) {
      if (!rest.startsWith(link)) continue;
      const part = rest.slice(link.length);
      if (part.length < MIN_PART || DERIVATIONAL.has(part)) continue;
      const list = rests.get(part) ?? [];
      list.push(r.term);
      rests.set(part, list);
    }
  }
  const known = new Set<string>();
  const parts = [...rests.keys()];
  for (let i = 0; i < parts.length; i += 500) {
    const found = await db
      .selectFrom('search_terms')
      .select('term')
      .where('term', 'in', parts.slice(i, i + 500))
      .where((eb) => eb.or([eb('stem_docs', '>=', 2), eb('word_docs', '>=', 2)]))
      .execute();
    for (const f of found) known.add(f.term);
  }
  const docsOf = new Map(rows.map((r) => [r.term, r.stem_docs]));
  const accepted = new Set<string>();
  for (const [part, terms] of rests) {
    if (!known.has(part)) continue;
    for (const t of terms) {
      // A compound much more common than its first part is lexicalised (Haushalt, Rathaus…).
      if (baseDocs > 0 && (docsOf.get(t) ?? 0) > baseDocs * 2) continue;
      accepted.add(t);
    }
  }
  return [...accepted].sort((a, b) => (docsOf.get(b) ?? 0) - (docsOf.get(a) ?? 0)).slice(0, MAX_EXPANSIONS);
}
