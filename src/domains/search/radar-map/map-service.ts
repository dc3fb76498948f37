import type { AppContext } from '../../../app/context.js';
import { GEO_ATTRIBUTION, GEO_SOURCE } from '../../directory/seed/region-bodies.js';
import { type RegionFeature, regionFeatures } from './region-geometry.js';

export interface MapFeature {
  ags: string;
  name: string;
  kind: RegionFeature['kind'];
  /** SVG path data in the map's coordinate system. */
  path: string;
  /** Where a label fits (the centroid of the largest ring). */
  label: { x: number; y: number };
  /** Names of the bodies (directory and council sources) with this AGS, for matching radar bodies. */
  bodyNames: string[];
}

export interface RegionMap {
  width: number;
  height: number;
  source: string;
  attribution: string;
  attributionUrl: string;
  features: MapFeature[];
}

const WIDTH = 600;
const round = (v: number) => Math.round(v * 10) / 10;

const parseRing = (ring: string): [number, number][] =>
  ring.split(' ').map((p) => p.split(',').map(Number) as [number, number]);

/** Signed area and centroid of a ring (shoelace). */
function centroid(ring: [number, number][]): { area: number; x: number; y: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[i + 1]!;
    const f = x0 * y1 - x1 * y0;
    a += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  return a === 0
    ? { area: 0, x: ring[0]![0], y: ring[0]![1] }
    : { area: a / 2, x: cx / (3 * a), y: cy / (3 * a) };
}

type Shape = Omit<MapFeature, 'bodyNames'>;

/**
 * Projects the boundaries once: equirectangular, with longitude scaled by the cosine of the
 * region's mean latitude (at this size indistinguishable from a conformal projection), north up,
 * rounded to 0.1 units.
 */
function project(): { width: number; height: number; shapes: Shape[] } {
  const all = regionFeatures.flatMap((f) => f.polygons.flatMap((rings) => rings.flatMap(parseRing)));
  const lons = all.map((p) => p[0]);
  const lats = all.map((p) => p[1]);
  const [minLon, maxLon, minLat, maxLat] = [
    Math.min(...lons),
    Math.max(...lons),
    Math.min(...lats),
    Math.max(...lats),
  ];
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = WIDTH / ((maxLon - minLon) * kx);
  const xy = ([lon, lat]: [number, number]): [number, number] => [
    round((lon - minLon) * kx * scale),
    round((maxLat - lat) * scale),
  ];
  const shapes = regionFeatures.map((f) => {
    const rings = f.polygons.flatMap((polygon) => polygon.map((r) => parseRing(r).map(xy)));
    const path = rings.map((r) => `M${r.map(([x, y]) => `${x} ${y}`).join('L')}Z`).join('');
    const best = rings.map(centroid).sort((a, b) => Math.abs(b.area) - Math.abs(a.area))[0]!;
    return { ags: f.ags, name: f.name, kind: f.kind, path, label: { x: round(best.x), y: round(best.y) } };
  });
  return { width: WIDTH, height: Math.ceil((maxLat - minLat) * scale), shapes };
}

let projected: ReturnType<typeof project> | null = null;

/** A district's AGS is its 5-digit key; sources also write it padded to 8 digits. */
const sameAgs = (feature: string, ags: string | null) =>
  ags !== null && (ags === feature || (feature.length === 5 && ags === `${feature}000`));

/**
 * The region's bodies as an SVG-ready map (BKG VG250 boundaries, simplified), each with the
 * names under which bodies with its AGS appear in the directory and in council sources.
 */
export async function regionMap(ctx: Pick<AppContext, 'db'>): Promise<RegionMap> {
  projected ??= project();
  const directory = await ctx.db
    .selectFrom('bodies')
    .select(['name', 'ags'])
    .where('ags', 'is not', null)
    .execute();
  const council = await ctx.db
    .selectFrom('council_bodies')
    .select(['name', 'ags'])
    .where('deleted', '=', 0)
    .where('ags', 'is not', null)
    .execute();
  const named = [...directory, ...council].filter((b): b is { name: string; ags: string } => b.name !== null);
  return {
    width: projected.width,
    height: projected.height,
    source: GEO_SOURCE,
    attribution: GEO_ATTRIBUTION,
    attributionUrl: 'https://www.bkg.bund.de',
    features: projected.shapes.map((s) => ({
      ...s,
      bodyNames: [
        ...new Set([s.name, ...named.filter((b) => sameAgs(s.ags, b.ags)).map((b) => b.name)]),
      ].sort(),
    })),
  };
}
