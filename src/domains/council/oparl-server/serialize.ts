import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import type { ObjectKind } from '../oparl/kinds.js';
import { refOf } from '../oparl/normalize.js';
import { bodyListProperty, oparlPrefix, segmentOf } from './paths.js';
import { publicWhereIn, type StoredRow } from './rows.js';

export type OParlOut = Record<string, unknown>;

const list = (v: unknown): string[] => (typeof v === 'string' && v ? (JSON.parse(v) as string[]) : []);
const s = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
/** Source data has websites like "www.example.de"; the schema wants URLs, so those are left out. */
const url = (v: unknown): string | undefined =>
  typeof v === 'string' && /^https?:\/\/\S+$/.test(v) ? v : undefined;
const n = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

interface Embedded {
  row: StoredRow;
  obj: OParlOut;
}
interface Embeds {
  files: Embedded[];
  consultations: Embedded[];
  agenda: Embedded[];
  terms: Embedded[];
  locations: Embedded[];
}

/** Which columns of a row reference which kind (by OParl id of the source). */
const references: Partial<Record<ObjectKind, [string, ObjectKind, 'one' | 'many'][]>> = {
  Membership: [
    ['person_oparl_id', 'Person', 'one'],
    ['organization_oparl_id', 'Organization', 'one'],
  ],
  Meeting: [
    ['organization_ids_json', 'Organization', 'many'],
    ['location_oparl_id', 'Location', 'one'],
  ],
  AgendaItem: [
    ['meeting_oparl_id', 'Meeting', 'one'],
    ['consultation_oparl_id', 'Consultation', 'one'],
  ],
  Paper: [['under_direction_of_json', 'Organization', 'many']],
  Consultation: [
    ['paper_oparl_id', 'Paper', 'one'],
    ['meeting_oparl_id', 'Meeting', 'one'],
    ['agenda_item_oparl_id', 'AgendaItem', 'one'],
    ['organization_ids_json', 'Organization', 'many'],
  ],
};

/**
 * Turns stored rows into OParl 1.1 objects with our own URLs. References resolve only to
 * objects the public may see; a reference to anything else (or to nothing we hold) is left out.
 */
export class Serializer {
  private readonly urls = new Map<string, string>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly base: string,
  ) {}

  url(kind: ObjectKind, id: number): string {
    return `${this.base}${oparlPrefix}/${segmentOf[kind]}/${id}`;
  }

  private async resolve(kind: ObjectKind, oparlIds: string[]): Promise<void> {
    const missing = oparlIds.filter((o) => !this.urls.has(`${kind} ${o}`));
    if (missing.length === 0) return;
    for (const r of await publicWhereIn(this.db, kind, 'oparl_id', missing)) {
      this.urls.set(`${kind} ${r.oparl_id}`, this.url(kind, r.id));
    }
  }

  private ref(kind: ObjectKind, oparlId: unknown): string | undefined {
    return typeof oparlId === 'string' ? this.urls.get(`${kind} ${oparlId}`) : undefined;
  }

  private refs(kind: ObjectKind, json: unknown): string[] | undefined {
    const out = list(json)
      .map((o) => this.ref(kind, o))
      .filter((u): u is string => u !== undefined);
    return out.length ? out : undefined;
  }

  private async prepare(kind: ObjectKind, rows: StoredRow[]): Promise<void> {
    const bodies = rows.map((r) => r.body_oparl_id).filter((b): b is string => typeof b === 'string');
    await this.resolve('Body', bodies);
    const byKind = new Map<ObjectKind, string[]>();
    for (const [col, target, card] of references[kind] ?? []) {
      const ids = rows.flatMap((r) =>
        card === 'many' ? list(r[col]) : typeof r[col] === 'string' ? [r[col] as string] : [],
      );
      byKind.set(target, [...(byKind.get(target) ?? []), ...ids]);
    }
    for (const [target, ids] of byKind) await this.resolve(target, ids);
  }

  private common(kind: ObjectKind, r: StoredRow): OParlOut {
    return {
      id: this.url(kind, r.id),
      type: `https://schema.oparl.org/1.1/${kind}`,
      created: r.oparl_created ?? r.created_at,
      modified: r.oparl_modified ?? r.updated_at,
    };
  }

  private bodyRef(r: StoredRow): string | undefined {
    return this.ref('Body', r.body_oparl_id);
  }

  /** Serializes rows of one kind, with their embedded objects (public ones only). */
  async objects(kind: ObjectKind, rows: StoredRow[]): Promise<OParlOut[]> {
    await this.prepare(kind, rows);
    const live = rows.filter((r) => r.deleted === 0);
    const ids = live.map((r) => r.oparl_id);
    const e = await this.embeds(kind, live, ids);
    return rows.map((r) => {
      const o = this.common(kind, r);
      if (r.deleted === 1) return { ...o, deleted: true };
      return { ...o, ...this.properties(kind, r, e) };
    });
  }

  private async embeds(kind: ObjectKind, live: StoredRow[], ids: string[]): Promise<Embeds> {
    const load = async (k: ObjectKind, column: string, values: string[]) => {
      const rows = values.length ? await publicWhereIn(this.db, k, column, values) : [];
      const objs = rows.length ? await this.objects(k, rows) : [];
      return rows.map((row, i) => ({ row, obj: objs[i] }));
    };
    const locationIds =
      kind === 'Body'
        ? live.map((r) => refOf((JSON.parse(r.raw_json as string) as Record<string, unknown>).location) ?? '')
        : kind === 'Meeting'
          ? live.map((r) => (r.location_oparl_id as string | null) ?? '')
          : [];
    return {
      files:
        kind === 'Paper' || kind === 'Meeting' || kind === 'AgendaItem'
          ? await load('File', 'parent_oparl_id', ids)
          : [],
      consultations: kind === 'Paper' ? await load('Consultation', 'paper_oparl_id', ids) : [],
      agenda: kind === 'Meeting' ? await load('AgendaItem', 'meeting_oparl_id', ids) : [],
      terms: kind === 'Body' ? await load('LegislativeTerm', 'body_oparl_id', ids) : [],
      locations: await load('Location', 'oparl_id', locationIds.filter(Boolean)),
    };
  }

  private properties(kind: ObjectKind, r: StoredRow, e: Embeds): OParlOut {
    const pick = (list: Embedded[], test: (row: StoredRow) => boolean) =>
      list.filter((x) => test(x.row)).map((x) => x.obj);
    const filesOf = (row: StoredRow, role: string) =>
      pick(e.files, (f) => f.parent_oparl_id === row.oparl_id && f.parent_role === role);
    const locationOf = (oparlId: string | null) =>
      oparlId ? pick(e.locations, (l) => l.oparl_id === oparlId)[0] : undefined;
    const name = s(r.name);
    switch (kind) {
      case 'Body': {
        const lists = Object.fromEntries(
          Object.entries(bodyListProperty).map(([k, prop]) => [
            prop,
            `${this.url('Body', r.id)}/${segmentOf[k as ObjectKind]}`,
          ]),
        );
        return {
          system: `${this.base}${oparlPrefix}/system`,
          name: name ?? r.oparl_id,
          shortName: s(r.short_name),
          ags: s(r.ags),
          website: url(r.website),
          ...lists,
          legislativeTerm: pick(e.terms, (t) => t.body_oparl_id === r.oparl_id),
          location: locationOf(refOf((JSON.parse(r.raw_json as string) as Record<string, unknown>).location)),
        };
      }
      case 'Organization':
        return {
          body: this.bodyRef(r),
          name,
          shortName: s(r.short_name),
          organizationType: s(r.organization_type),
          classification: s(r.classification),
          startDate: s(r.start_date),
          endDate: s(r.end_date),
        };
      case 'Person':
        return { body: this.bodyRef(r), name, familyName: s(r.family_name), givenName: s(r.given_name) };
      case 'Membership':
        return {
          person: this.ref('Person', r.person_oparl_id),
          organization: this.ref('Organization', r.organization_oparl_id),
          role: s(r.role),
          votingRight: r.voting_right == null ? undefined : r.voting_right === 1,
          startDate: s(r.start_date),
          endDate: s(r.end_date),
        };
      case 'Meeting': {
        const items = pick(e.agenda, (a) => a.meeting_oparl_id === r.oparl_id);
        const [invitation] = filesOf(r, 'invitation');
        const [resultsProtocol] = filesOf(r, 'resultsProtocol');
        const [verbatimProtocol] = filesOf(r, 'verbatimProtocol');
        const aux = filesOf(r, 'auxiliaryFile');
        return {
          name,
          start: s(r.start_at),
          end: s(r.end_at),
          cancelled: r.cancelled === 1,
          meetingState: s(r.meeting_state),
          organization: this.refs('Organization', r.organization_ids_json),
          location: locationOf(r.location_oparl_id as string | null),
          invitation,
          resultsProtocol,
          verbatimProtocol,
          auxiliaryFile: aux.length ? aux : undefined,
          agendaItem: items.length ? items : undefined,
        };
      }
      case 'AgendaItem': {
        const [resolutionFile] = filesOf(r, 'resolutionFile');
        const aux = filesOf(r, 'auxiliaryFile');
        return {
          meeting: this.ref('Meeting', r.meeting_oparl_id),
          number: s(r.number),
          order: n(r.item_order) ?? 0,
          name,
          public: true,
          consultation: this.ref('Consultation', r.consultation_oparl_id),
          result: s(r.result),
          resolutionText: s(r.resolution_text),
          resolutionFile,
          auxiliaryFile: aux.length ? aux : undefined,
        };
      }
      case 'Paper': {
        const [mainFile] = filesOf(r, 'mainFile');
        const aux = filesOf(r, 'auxiliaryFile');
        const cons = pick(e.consultations, (c) => c.paper_oparl_id === r.oparl_id);
        return {
          body: this.bodyRef(r),
          name,
          reference: s(r.reference),
          date: s(r.paper_date),
          paperType: s(r.paper_type),
          underDirectionOf: this.refs('Organization', r.under_direction_of_json),
          mainFile,
          auxiliaryFile: aux.length ? aux : undefined,
          consultation: cons.length ? cons : undefined,
        };
      }
      case 'Consultation':
        return {
          paper: this.ref('Paper', r.paper_oparl_id),
          meeting: this.ref('Meeting', r.meeting_oparl_id),
          agendaItem: this.ref('AgendaItem', r.agenda_item_oparl_id),
          organization: this.refs('Organization', r.organization_ids_json),
          role: s(r.role),
          authoritative: r.authoritative == null ? undefined : r.authoritative === 1,
        };
      case 'File':
        return {
          name,
          fileName: s(r.file_name),
          mimeType: s(r.mime_type),
          size: n(r.size),
          date: s(r.file_date),
          accessUrl: url(r.access_url) ?? this.url('File', r.id),
          downloadUrl: url(r.download_url),
        };
      case 'Location': {
        const geo =
          typeof r.lat === 'number' && typeof r.lon === 'number'
            ? { type: 'Feature', geometry: { type: 'Point', coordinates: [r.lon, r.lat] }, properties: {} }
            : undefined;
        return {
          description: s(r.description),
          streetAddress: s(r.street_address),
          postalCode: s(r.postal_code),
          locality: s(r.locality),
          geojson: geo,
        };
      }
      case 'LegislativeTerm':
        return { body: this.bodyRef(r), name, startDate: s(r.start_date), endDate: s(r.end_date) };
    }
  }
}
