import { createHash } from 'node:crypto';
import type { Actor } from '../access/actor.js';
import { seesEverything } from '../access/policy.js';
import type { SearchFilters } from './types.js';

/**
 * Hidden tokens that put a document's visibility and facet values into the full-text index itself
 * (SQLite: FTS5 column `meta`; PostgreSQL: the `meta` tsvector of search_vectors), so that "visible to this actor
 * and within these filters" is part of the match and totals, date order and ranking need no join
 * to search_documents. Every token contains '_': the FTS5 tokenizer keeps it inside a token
 * (tokenchars), while stemmed text and the query parser only ever produce letters and digits, so
 * no user word can reach a meta token. The authoritative visibility check still runs in SQL on
 * every row that leaves the database.
 */
const codes = new Map<string, string>();

/** 12 hex digits of the SHA-1 of a facet value: a stable token however the value is spelt. */
function code(value: string): string {
  let c = codes.get(value);
  if (c === undefined) {
    c = createHash('sha1').update(value).digest('hex').slice(0, 12);
    if (codes.size > 100_000) codes.clear();
    codes.set(value, c);
  }
  return c;
}

export const meta = {
  public: 'm_pub',
  nonPublic: 'm_npub',
  owner: (id: number) => `m_o${id}`,
  type: (v: string) => `m_t${code(v)}`,
  body: (v: string) => `m_b${code(v)}`,
  committee: (v: string) => `m_c${code(v)}`,
  paperType: (v: string) => `m_p${code(v)}`,
  year: (y: number) => `m_y${y}`,
  field: (id: number) => `m_f${id}`,
  /**
   * Sample strata: a document is at level L (1–4) when the hash of its id is a multiple of 4^L,
   * so level L is a uniform sample of 1/4^L of any match set, one token to match.
   */
  sample: (level: number) => `m_s${level}`,
};

export const SAMPLE_LEVELS = 4;

/**
 * MurmurHash3's finaliser: ids in sample strata by a hash, not by id modulo, because ids come in
 * periodic patterns (an importer writing a paper, its files and its meeting in turn) that a
 * modulo would sample along.
 */
export function mix(id: number): number {
  let h = id >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export interface MetaSource {
  id: number;
  is_public: number;
  owner_organization_id: number | null;
  doc_type: string;
  body_name: string | null;
  committee: string | null;
  paper_type: string | null;
  year: number | null;
  /** JSON array of field-of-action ids */
  fields_of_action: string;
}

export function fieldIds(json: string): number[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is number => Number.isInteger(x)) : [];
  } catch {
    return [];
  }
}

/** The meta tokens of one document. */
export function metaTokens(d: MetaSource): string[] {
  const out = [d.is_public === 1 ? meta.public : meta.nonPublic, meta.type(d.doc_type)];
  const h = mix(d.id);
  for (let level = 1; level <= SAMPLE_LEVELS; level++) if (h % 4 ** level === 0) out.push(meta.sample(level));
  if (d.owner_organization_id != null) out.push(meta.owner(d.owner_organization_id));
  if (d.body_name != null) out.push(meta.body(d.body_name));
  if (d.committee != null) out.push(meta.committee(d.committee));
  if (d.paper_type != null) out.push(meta.paperType(d.paper_type));
  if (d.year != null) out.push(meta.year(d.year));
  for (const f of fieldIds(d.fields_of_action)) out.push(meta.field(f));
  return out;
}

export interface MetaConditions {
  /** tokens every match must have (the filters) */
  all: string[];
  /**
   * The actor's visibility, the same rule as access/policy visibleWhere: null = sees everything;
   * otherwise non-public documents are excluded unless owned by `owner`.
   */
  visibility: { owner: string | null } | null;
}

export function metaConditions(actor: Actor, f: SearchFilters): MetaConditions {
  const all: string[] = [];
  if (f.type) all.push(meta.type(f.type));
  if (f.body) all.push(meta.body(f.body));
  if (f.committee) all.push(meta.committee(f.committee));
  if (f.paperType) all.push(meta.paperType(f.paperType));
  if (f.year) all.push(meta.year(f.year));
  if (f.field !== undefined) all.push(meta.field(f.field));
  if (seesEverything(actor)) return { all, visibility: null };
  const org = actor.kind === 'user' ? actor.organizationId : null;
  return { all, visibility: { owner: org != null ? meta.owner(org) : null } };
}

const DAY_MS = 86_400_000;
/** 1800-01-01 is day 1; documents without a date get day 0 and sort after every dated one. */
const DAY_OFFSET = 62_092;

/**
 * A document's row key in the full-text index: its day above its id, so the index's own order
 * is date order and "newest matches first" is a scan from the end that stops after the page.
 * Days up to the year 2200 times 2^32 stay below 2^53, so the key is an exact JS number.
 */
export function ftsKey(date: string | null, id: number): number {
  const day = date ? Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS) + DAY_OFFSET : 0;
  // A date JavaScript cannot read sorts with the undated ones instead of making the key NaN.
  return (Number.isFinite(day) ? Math.max(0, day) : 0) * 2 ** 32 + id;
}
