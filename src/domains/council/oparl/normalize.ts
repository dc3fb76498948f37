import type { ObjectKind } from './kinds.js';

export type OParlObject = Record<string, unknown>;

export interface Normalized {
  obj: OParlObject;
  quirks: string[];
}

/** Germany lies within these bounds; a point whose first coordinate looks like a latitude is swapped. */
const germanyLat: [number, number] = [47, 55.2];
const germanyLon: [number, number] = [5.8, 15.1];
const inRange = (v: number, [lo, hi]: [number, number]) => v >= lo && v <= hi;

/** A server that stamps objects with the time of the request has no real modification date. */
const crawlWindowMs = 120_000;

const cancelledName = /entf[äa]ll(t|en)|abgesagt|f[äa]llt\s+aus|ausgefallen|\bverlegt\b/i;
const nonPublicName = /^\s*(n[öo]\.?\s|nicht[\s-]?öffentlich)|\(\s*nicht[\s-]?öffentlich\s*\)/i;

function trimDeep(value: unknown, changed: { hit: boolean }): unknown {
  if (typeof value === 'string') {
    const t = value.trim();
    if (t !== value) changed.hit = true;
    return t;
  }
  if (Array.isArray(value)) return value.map((v) => trimDeep(v, changed));
  if (value && typeof value === 'object') {
    const out: OParlObject = {};
    for (const [k, v] of Object.entries(value)) out[k] = trimDeep(v, changed);
    return out;
  }
  return value;
}

function nearCrawl(value: unknown, fetchedAt: number): boolean {
  if (typeof value !== 'string') return false;
  const t = Date.parse(value);
  return Number.isFinite(t) && Math.abs(t - fetchedAt) <= crawlWindowMs;
}

function fixCoordinates(obj: OParlObject, quirks: string[]): void {
  const geo = obj.geojson as { geometry?: { type?: string; coordinates?: unknown } } | undefined;
  const coords = geo?.geometry?.type === 'Point' ? geo.geometry.coordinates : undefined;
  if (!Array.isArray(coords) || coords.length < 2) return;
  const [a, b] = coords.map(Number);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return;
  // GeoJSON is [lon, lat]; [lat, lon] is the common mistake.
  if (
    inRange(a, germanyLat) &&
    inRange(b, germanyLon) &&
    !(inRange(a, germanyLon) && inRange(b, germanyLat))
  ) {
    geo!.geometry!.coordinates = [b, a, ...coords.slice(2)];
    quirks.push('coordinates_swapped');
  }
}

/** Is an object marked nichtöffentlich (explicit flag or by its name)? */
export function looksNonPublic(obj: OParlObject): boolean {
  if (obj.public === false) return true;
  return typeof obj.name === 'string' && nonPublicName.test(obj.name);
}

export function looksCancelled(obj: OParlObject): boolean {
  return obj.cancelled === true || (typeof obj.name === 'string' && cancelledName.test(obj.name));
}

/** Cleans the quirks real servers show; every fix is recorded, none is fatal. */
export function normalizeObject(raw: OParlObject, kind: ObjectKind, fetchedAt: number): Normalized {
  const changed = { hit: false };
  const obj = trimDeep(raw, changed) as OParlObject;
  const quirks: string[] = [];
  if (changed.hit) quirks.push('trimmed_whitespace');
  if (
    nearCrawl(obj.modified, fetchedAt) &&
    (obj.created === undefined || nearCrawl(obj.created, fetchedAt))
  ) {
    quirks.push('timestamp_is_crawl_date');
  }
  if (kind === 'Location') fixCoordinates(obj, quirks);
  if (kind === 'Meeting' && obj.cancelled !== true && looksCancelled(obj)) quirks.push('cancelled_by_name');
  return { obj, quirks };
}

/** ISO-8601 UTC, or null for what does not parse. */
export function toUtc(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  const t = Date.parse(value);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

/** 'YYYY-MM-DD' from a date or date-time string. */
export function toDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return m ? m[1] : null;
}

export const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export const firstRef = (v: unknown): string | null => {
  if (typeof v === 'string') return v || null;
  if (Array.isArray(v)) return str(v[0]) ?? refOf(v[0]);
  return refOf(v);
};

export function refOf(v: unknown): string | null {
  if (typeof v === 'string') return v || null;
  if (v && typeof v === 'object' && typeof (v as OParlObject).id === 'string')
    return (v as OParlObject).id as string;
  return null;
}

export function refList(v: unknown): string[] {
  const items = Array.isArray(v) ? v : v == null ? [] : [v];
  return items.map(refOf).filter((x): x is string => x !== null);
}
