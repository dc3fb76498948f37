import type { AppContext } from '../../app/context.js';
import type { Actor } from '../access/actor.js';
import { visibleWhere } from '../access/policy.js';
import { stem, tokenize } from './text/stem.js';
import { germanStopwords } from './text/stopwords.js';

export interface RadarDocument {
  type: string;
  id: number;
  title: string;
  date: string | null;
  body: string;
}

export interface RadarTopic {
  kind: 'field' | 'term';
  key: string;
  label: string;
  total: number;
  bodies: Array<{ body: string; count: number }>;
  documents: RadarDocument[];
}

/** One body's share of the window: its documents and how many of the radar's topics it is in. */
export interface RadarBody {
  body: string;
  documents: number;
  topics: number;
}

export interface Radar {
  from: string;
  to: string;
  documents: number;
  topics: RadarTopic[];
  bodies: RadarBody[];
}

const WINDOW_LIMIT = 5_000;
const DOCS_PER_TOPIC = 10;
const MAX_TERMS = 15;
/** Words in more than this share of the window's titles (Antrag, Vorlage, Stadt) say nothing. */
const MAX_TERM_SHARE = 0.2;

interface Group {
  label: Map<string, number>;
  docs: RadarDocument[];
  bodies: Map<string, number>;
}

function add(groups: Map<string, Group>, key: string, label: string, doc: RadarDocument): void {
  const g: Group = groups.get(key) ?? { label: new Map(), docs: [], bodies: new Map() };
  g.label.set(label, (g.label.get(label) ?? 0) + 1);
  g.docs.push(doc);
  g.bodies.set(doc.body, (g.bodies.get(doc.body) ?? 0) + 1);
  groups.set(key, g);
}

function topic(kind: RadarTopic['kind'], key: string, g: Group, label?: string): RadarTopic {
  const best = [...g.label.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? key;
  return {
    kind,
    key,
    label: label ?? best,
    total: g.docs.length,
    bodies: [...g.bodies.entries()]
      .map(([body, count]) => ({ body, count }))
      .sort((a, b) => b.count - a.count || a.body.localeCompare(b.body)),
    documents: g.docs.slice(0, DOCS_PER_TOPIC),
  };
}

/**
 * Topics that several bodies (municipalities) deal with in a date window: fields of action and
 * frequent title words (by stem, shown in their most common spelling), each with its documents
 * and per-body counts. Only documents the actor may read are considered.
 */
export async function regionalRadar(
  ctx: Pick<AppContext, 'db'>,
  actor: Actor,
  from: string,
  to: string,
): Promise<Radar> {
  const rows = await ctx.db
    .selectFrom('search_documents as d')
    .select(['d.doc_type', 'd.source_id', 'd.title', 'd.date', 'd.body_name', 'd.fields_of_action'])
    .where(visibleWhere(actor, 'd'))
    .where('d.date', '>=', from)
    .where('d.date', '<=', to)
    .where('d.body_name', 'is not', null)
    .orderBy('d.date', 'desc')
    .limit(WINDOW_LIMIT)
    .execute();
  const fields = new Map<string, Group>();
  const terms = new Map<string, Group>();
  for (const r of rows) {
    const doc: RadarDocument = {
      type: r.doc_type,
      id: r.source_id,
      title: r.title,
      date: r.date,
      body: r.body_name ?? '',
    };
    for (const f of JSON.parse(r.fields_of_action) as number[]) add(fields, String(f), String(f), doc);
    const seen = new Set<string>();
    for (const t of tokenize(r.title)) {
      if (t.word.length < 5 || /^\d+$/.test(t.word) || germanStopwords.has(t.word.toLowerCase())) continue;
      const s = stem(t.word);
      if (seen.has(s)) continue;
      seen.add(s);
      add(terms, s, t.word, doc);
    }
  }
  const names = new Map<string, string>();
  if (fields.size > 0) {
    const ids = [...fields.keys()].map(Number);
    for (const f of await ctx.db
      .selectFrom('fields_of_action')
      .select(['id', 'name'])
      .where('id', 'in', ids)
      .execute()) {
      names.set(String(f.id), f.name);
    }
  }
  const several = (g: Group) => g.bodies.size >= 2;
  const fieldTopics = [...fields.entries()]
    .filter(([, g]) => several(g))
    .map(([k, g]) => topic('field', k, g, names.get(k) ?? k));
  const termTopics = [...terms.entries()]
    .filter(([, g]) => several(g) && g.docs.length <= Math.max(3, rows.length * MAX_TERM_SHARE))
    .sort((a, b) => b[1].bodies.size - a[1].bodies.size || b[1].docs.length - a[1].docs.length)
    .slice(0, MAX_TERMS)
    .map(([k, g]) => topic('term', k, g));
  const byReach = (a: RadarTopic, b: RadarTopic) => b.bodies.length - a.bodies.length || b.total - a.total;
  const topics = [...fieldTopics.sort(byReach), ...termTopics];
  const bodies = new Map<string, RadarBody>();
  for (const r of rows) {
    const name = r.body_name ?? '';
    const b = bodies.get(name) ?? { body: name, documents: 0, topics: 0 };
    b.documents++;
    bodies.set(name, b);
  }
  for (const t of topics) for (const { body } of t.bodies) bodies.get(body)!.topics++;
  return {
    from,
    to,
    documents: rows.length,
    topics,
    bodies: [...bodies.values()].sort((a, b) => b.topics - a.topics || a.body.localeCompare(b.body)),
  };
}
