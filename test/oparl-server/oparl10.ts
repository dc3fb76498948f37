import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Json } from './fixtures.js';

/**
 * OParl 1.0 as its official schemas (../shared/oparl/spec-1.0/schema) define it: AgendaItem,
 * Consultation, Membership and LegislativeTerm exist only embedded (in Meeting, Paper, Person,
 * Body), without created/modified; files and locations are embedded objects too.
 */
const schemaDir = join(process.cwd(), '..', 'shared', 'oparl', 'spec-1.0', 'schema');
export const examples10Dir = join(process.cwd(), '..', 'shared', 'oparl', 'spec-1.0', 'examples');

interface Node {
  type?: string;
  $ref?: string;
  pattern?: string;
  title?: string;
  items?: Node;
  properties?: Record<string, Node>;
  required?: string[];
}

const schemas = new Map<string, Node>(
  readdirSync(schemaDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f, JSON.parse(readFileSync(join(schemaDir, f), 'utf8')) as Node]),
);

const resolve = (node: Node): Node => (node.$ref ? (schemas.get(node.$ref) ?? node) : node);
export const schema10 = (kind: string): Node => {
  const s = schemas.get(`${kind}.json`);
  if (!s) throw new Error(`no OParl 1.0 schema for ${kind}`);
  return s;
};

const kindOfNode = (node: Node): string | null => {
  const m = /1\\\.0\/(\w+)/.exec(node.properties?.type?.pattern ?? '');
  return m ? m[1] : null;
};

/**
 * Reshapes a (1.1) object to 1.0: only the properties the 1.0 schema knows, type URLs of 1.0,
 * embedded objects reshaped by their own 1.0 definition. References (strings) pass unchanged.
 */
export function to10(value: unknown, node: Node): unknown {
  const n = resolve(node);
  if (Array.isArray(value)) return n.items ? value.map((v) => to10(v, n.items!)) : value;
  if (!value || typeof value !== 'object' || !n.properties) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value as Json)) {
    const prop = n.properties[k];
    if (!prop) continue;
    out[k] = k === 'type' && typeof v === 'string' ? v.replace('/1.1/', '/1.0/') : to10(v, prop);
  }
  return out;
}

export const shape10 = (obj: Json, kind: string): Json => to10(obj, schema10(kind)) as Json;

function typeOk(value: unknown, type: string | undefined): boolean {
  if (type === undefined) return true;
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return value !== null && typeof value === 'object' && !Array.isArray(value);
  if (type === 'integer') return Number.isInteger(value);
  return typeof value === type;
}

/**
 * Checks an object against the 1.0 schema: required properties, types, the type pattern, no
 * property the schema does not know, embedded objects by their own definition.
 */
export function check10(value: unknown, node: Node, path = '$'): string[] {
  const n = resolve(node);
  if (!typeOk(value, n.type)) return [`${path}: expected ${n.type}`];
  if (Array.isArray(value) && n.items)
    return value.flatMap((v, i) => (typeof v === 'string' ? [] : check10(v, n.items!, `${path}[${i}]`)));
  if (typeof value === 'string' && n.pattern && !new RegExp(n.pattern).test(value))
    return [`${path}: does not match ${n.pattern}`];
  if (!value || typeof value !== 'object' || Array.isArray(value) || !n.properties) return [];
  const o = value as Json;
  const errors: string[] = [];
  const kind = kindOfNode(n) ?? n.title ?? '?';
  for (const r of n.required ?? []) if (o[r] === undefined) errors.push(`${path}.${r}: required (${kind})`);
  for (const [k, v] of Object.entries(o)) {
    const prop = n.properties[k];
    if (!prop) errors.push(`${path}.${k}: not in the 1.0 ${kind} schema`);
    else if (!(typeof v === 'string' && resolve(prop).type === 'object'))
      errors.push(...check10(v, prop, `${path}.${k}`));
  }
  return errors;
}

const readExample = (name: string): Json =>
  JSON.parse(readFileSync(join(examples10Dir, `${name}-01.json`), 'utf8')) as Json;

/** The origin of the spec's example objects; the server rewrites it to its own. */
export const exampleOrigin = 'https://oparl.example.org';

/**
 * The official OParl 1.0 example objects (Body with an embedded LegislativeTerm and a Location
 * whose "id:" typo leaves it without id, Person with embedded Memberships, Organization, Meeting
 * with embedded AgendaItem and Files, Paper with embedded Consultation and Files), as one body.
 */
export function exampleBody10(): { body: Json; lists: Record<string, Json[]> } {
  const body = readExample('Body');
  return {
    body,
    lists: {
      organization: [readExample('Organization')],
      person: [readExample('Person')],
      meeting: [readExample('Meeting')],
      paper: [readExample('Paper')],
    },
  };
}
