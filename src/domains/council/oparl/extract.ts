import { embeddedProperty, isObjectKind, type ObjectKind, parseType } from './kinds.js';
import { looksNonPublic, type OParlObject } from './normalize.js';

export interface Extracted {
  kind: ObjectKind;
  obj: OParlObject;
  parentId: string | null;
  parentRole: string | null;
  /** Embedded in a nichtöffentlich paper or agenda item: never more public than its parent. */
  parentNonPublic?: boolean;
  /** Quirks seen while flattening (the object alone cannot tell them). */
  quirks?: string[];
}

export interface Rejected {
  objectId: string | null;
  raw: unknown;
  reason: string;
}

/** Back-references an embedded object may omit because its parent implies them. */
const backRef: Partial<Record<ObjectKind, Partial<Record<ObjectKind, string>>>> = {
  Consultation: { Paper: 'paper', Meeting: 'meeting' },
  AgendaItem: { Meeting: 'meeting' },
  Membership: { Person: 'person', Organization: 'organization' },
};

function validId(v: unknown): v is string {
  return typeof v === 'string' && /^https?:\/\/\S+$/.test(v);
}

/**
 * Checks one list entry and flattens it with every embedded object, so each lands in its own
 * table. What cannot be stored (no usable id, wrong type) is returned as rejected, never thrown.
 */
export function extractObjects(
  entry: unknown,
  expected: ObjectKind | null,
): { objects: Extracted[]; rejected: Rejected[] } {
  const objects: Extracted[] = [];
  const rejected: Rejected[] = [];
  const visit = (
    value: unknown,
    hint: ObjectKind | null,
    parent: Extracted | null,
    role: string | null,
    position: number | null,
  ) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      rejected.push({ objectId: null, raw: value, reason: 'not a JSON object' });
      return;
    }
    const obj = value as OParlObject;
    const id = obj.id;
    if (!validId(id)) {
      rejected.push({
        objectId: typeof id === 'string' ? id : null,
        raw: value,
        reason: 'missing or invalid id',
      });
      return;
    }
    const parsed = parseType(obj.type);
    let kind: ObjectKind | null = hint;
    if (parsed && isObjectKind(parsed.kind)) kind = parsed.kind;
    if (!kind || (parsed && !isObjectKind(parsed.kind))) {
      rejected.push({ objectId: id, raw: value, reason: `unknown type ${String(obj.type)}` });
      return;
    }
    if (parent) {
      const prop = backRef[kind]?.[parent.kind];
      if (prop && obj[prop] == null) obj[prop] = parent.obj.id;
      if (obj.body == null && parent.obj.body != null) obj.body = parent.obj.body;
      // Embedded in a Body (legislative terms, its location): it belongs to that body.
      if (obj.body == null && parent.kind === 'Body') obj.body = parent.obj.id;
    }
    const item: Extracted = {
      kind,
      obj,
      parentId: parent ? (parent.obj.id as string) : null,
      parentRole: role,
      parentNonPublic: parent ? parent.parentNonPublic === true || looksNonPublic(parent.obj) : false,
    };
    // OParl 1.0 has no AgendaItem.order (1.1 requires it): the agenda's order is the list's.
    if (kind === 'AgendaItem' && parent?.kind === 'Meeting' && obj.order == null && position !== null) {
      obj.order = position + 1;
      item.quirks = ['order_from_position'];
    }
    objects.push(item);
    for (const [prop, childKind] of Object.entries(embeddedProperty)) {
      const child = obj[prop];
      if (child == null || typeof child === 'string') continue;
      const children = Array.isArray(child) ? child : [child];
      for (const [i, c] of children.entries()) {
        if (typeof c === 'string') continue;
        visit(c, childKind, item, prop, Array.isArray(child) ? i : null);
      }
    }
  };
  visit(entry, expected, null, null, null);
  return { objects, rejected };
}
