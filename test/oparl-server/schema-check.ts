import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The official OParl 1.1 schemas (custom dialect: "schema" for embedded objects, format "url"). */
const schemaDir = join(process.cwd(), '..', 'shared', 'oparl', 'spec-1.1', 'schema');

interface Prop {
  type?: string;
  format?: string;
  pattern?: string;
  schema?: string;
  items?: Prop;
}
interface Schema {
  title: string;
  required?: string[];
  properties: Record<string, Prop>;
}

const schemas = new Map<string, Schema>(
  readdirSync(schemaDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(schemaDir, f), 'utf8')) as Schema]),
);

const formats: Record<string, RegExp> = {
  url: /^https?:\/\/[^\s/]+(\/\S*)?$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
};

function typeOk(value: unknown, type: string | undefined): boolean {
  switch (type) {
    case undefined:
      return true;
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    default:
      return false;
  }
}

function checkValue(value: unknown, prop: Prop, path: string, errors: string[]): void {
  if (!typeOk(value, prop.type)) {
    errors.push(`${path}: expected ${prop.type}, got ${JSON.stringify(value)?.slice(0, 60)}`);
    return;
  }
  if (typeof value === 'string') {
    if (prop.format && formats[prop.format] && !formats[prop.format].test(value)) {
      errors.push(`${path}: not a ${prop.format}: ${value}`);
    }
    if (prop.pattern && !new RegExp(prop.pattern).test(value))
      errors.push(`${path}: does not match ${prop.pattern}`);
  }
  if (prop.type === 'object' && prop.schema) {
    errors.push(...checkOParlObject(value, prop.schema.replace(/\.json$/, ''), path));
  }
  if (Array.isArray(value) && prop.items) {
    value.forEach((v, i) => {
      checkValue(v, prop.items!, `${path}[${i}]`, errors);
    });
  }
}

/**
 * Checks an object against the official schema of its type: required properties (plus created
 * and modified, which the 1.1 spec text makes mandatory), types, formats, patterns, embedded
 * objects, and no properties the schema does not know.
 */
export function checkOParlObject(obj: unknown, typeName?: string, path = '$'): string[] {
  const errors: string[] = [];
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return [`${path}: not an object`];
  const o = obj as Record<string, unknown>;
  const name =
    typeName ??
    String(o.type ?? '')
      .split('/')
      .pop() ??
    '';
  const schema = schemas.get(name);
  if (!schema) return [`${path}: no schema for ${name}`];
  const required =
    o.deleted === true
      ? ['id', 'type', 'created', 'modified']
      : [...(schema.required ?? []), 'created', 'modified'];
  for (const r of new Set(required)) if (o[r] === undefined) errors.push(`${path}.${r}: required (${name})`);
  for (const [k, v] of Object.entries(o)) {
    const prop = schema.properties[k];
    if (!prop) {
      errors.push(`${path}.${k}: not in the ${name} schema`);
      continue;
    }
    checkValue(v, prop, `${path}.${k}`, errors);
  }
  return errors;
}
