import type { z } from 'zod';
import type { AddressRow, EventRow, MembershipRow } from './presenters.js';
import type { relationDetailSchema, TimelineItem } from './schemas.js';

type RelationDetail = z.infer<typeof relationDetailSchema>;

type MembershipWithNames = MembershipRow & { person_name: string; org_name: string };

const precisionRank = { year: 0, month: 1, day: 2 } as const;

/** How a relation's start and end read on the timeline, from this organisation's side. */
const relationTitles: Record<
  RelationDetail['kind'],
  Record<RelationDetail['direction'], [string, string]>
> = {
  member: {
    outgoing: ['Mitglied von {other}', 'Ende der Mitgliedschaft in {other}'],
    incoming: ['Neues Mitglied: {other}', 'Mitgliedschaft beendet: {other}'],
  },
  partner: {
    outgoing: ['Partner von {other}', 'Ende der Partnerschaft mit {other}'],
    incoming: ['Partner: {other}', 'Partnerschaft beendet: {other}'],
  },
  placed_in: {
    outgoing: ['Angesiedelt in {other}', 'Nicht mehr angesiedelt in {other}'],
    incoming: ['Hier angesiedelt: {other}', 'Nicht mehr hier angesiedelt: {other}'],
  },
};

/**
 * The start and end of the organisation's relations (both directions). A relation's start is left
 * out when an event between the same two organisations on the same date already tells it (the
 * seed narrates joining regionen.NRW as an event with the relation's date).
 */
function relationItems(
  organizationId: number,
  relations: RelationDetail[],
  events: EventRow[],
): TimelineItem[] {
  const told = new Set(
    events.flatMap((e) => {
      const other = e.organization_id === organizationId ? e.related_organization_id : e.organization_id;
      return other == null ? [] : [`${other}|${e.date}`];
    }),
  );
  const items: TimelineItem[] = [];
  for (const r of relations) {
    const [start, end] = relationTitles[r.kind][r.direction];
    const title = (t: string) => t.replace('{other}', r.other.name);
    const description = [r.role, r.note].filter(Boolean).join(' – ') || null;
    if (r.startDate && !told.has(`${r.other.id}|${r.startDate}`)) {
      items.push({
        date: r.startDate,
        precision: r.startPrecision,
        kind: 'relation_start',
        title: title(start),
        description,
        source: r.source,
        ref: { type: 'relation', id: r.id },
      });
    }
    if (r.endDate) {
      items.push({
        date: r.endDate,
        precision: r.endPrecision,
        kind: 'relation_end',
        title: title(end),
        description: null,
        source: r.source,
        ref: { type: 'relation', id: r.id },
      });
    }
  }
  return items;
}

/**
 * One dated history of an organisation from four sources: its events, the start and end of
 * memberships (and of secondments), of its relations to other organisations, and address changes.
 * Undated items close the list.
 */
export function buildTimeline(
  organizationId: number,
  events: EventRow[],
  memberships: MembershipWithNames[],
  addresses: AddressRow[],
  orgNames: Map<number, string>,
  relations: RelationDetail[] = [],
): TimelineItem[] {
  const items: TimelineItem[] = relationItems(organizationId, relations, events);
  for (const e of events) {
    const foreign = e.organization_id !== organizationId;
    items.push({
      date: e.date,
      precision: e.date_precision,
      kind: e.kind,
      title:
        foreign && orgNames.has(e.organization_id)
          ? `${orgNames.get(e.organization_id)}: ${e.title}`
          : e.title,
      description: e.description,
      source: e.source,
      ref: { type: 'event', id: e.id },
    });
  }
  for (const m of memberships) {
    const who = `${m.role} – ${m.person_name}`;
    const secondedFrom = m.seconded_from_organization_id
      ? orgNames.get(m.seconded_from_organization_id)
      : undefined;
    if (m.start_date) {
      items.push({
        date: m.start_date,
        precision: m.start_precision,
        kind: 'membership_start',
        title: `Beginn: ${who}`,
        description: secondedFrom && !m.seconded_since ? `abgeordnet von ${secondedFrom}` : m.note,
        source: m.source,
        ref: { type: 'membership', id: m.id },
      });
    }
    if (m.seconded_since && secondedFrom) {
      items.push({
        date: m.seconded_since,
        precision: 'day',
        kind: 'secondment_start',
        title: `Abordnung: ${who}`,
        description: `abgeordnet von ${secondedFrom}`,
        source: m.source,
        ref: { type: 'membership', id: m.id },
      });
    }
    if (m.end_date) {
      items.push({
        date: m.end_date,
        precision: m.end_precision,
        kind: 'membership_end',
        title: `Ende: ${who}`,
        description: null,
        source: m.source,
        ref: { type: 'membership', id: m.id },
      });
    }
  }
  for (const a of addresses) {
    if (!a.valid_from) continue;
    const where = [a.street, [a.postal_code, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
    items.push({
      date: a.valid_from,
      precision: a.valid_from_precision,
      kind: 'address',
      title: `Adresse: ${where || a.label || '–'}`,
      description: a.label,
      source: a.source,
      ref: { type: 'address', id: a.id },
    });
  }
  return items.sort(compareItems);
}

function compareItems(a: TimelineItem, b: TimelineItem): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  const p = precisionRank[a.precision] - precisionRank[b.precision];
  if (p !== 0) return p;
  if (a.ref.type !== b.ref.type) return a.ref.type < b.ref.type ? -1 : 1;
  return a.ref.id - b.ref.id;
}
