import type { ObjectKind } from './kinds.js';
import {
  firstRef,
  looksCancelled,
  looksNonPublic,
  type OParlObject,
  refList,
  refOf,
  str,
  toDate,
  toUtc,
} from './normalize.js';

export type KindColumns = Record<string, string | number | null>;

const bool = (v: unknown): number | null => (typeof v === 'boolean' ? (v ? 1 : 0) : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const json = (v: string[]): string | null => (v.length ? JSON.stringify(v) : null);

/** The columns of each table beyond the common ones, read from a normalized OParl object. */
export function kindColumns(
  kind: ObjectKind,
  o: OParlObject,
  parentId: string | null,
  parentRole: string | null,
): KindColumns {
  switch (kind) {
    case 'Body':
      return {
        short_name: str(o.shortName),
        ags: str(o.ags),
        website: str(o.website),
        system_oparl_id: refOf(o.system),
      };
    case 'Organization':
      return {
        short_name: str(o.shortName),
        organization_type: str(o.organizationType),
        classification: str(o.classification),
        start_date: toDate(o.startDate),
        end_date: toDate(o.endDate),
      };
    case 'Person':
      return { family_name: str(o.familyName), given_name: str(o.givenName) };
    case 'Membership':
      return {
        person_oparl_id: refOf(o.person),
        organization_oparl_id: refOf(o.organization),
        role: str(o.role),
        voting_right: bool(o.votingRight),
        start_date: toDate(o.startDate),
        end_date: toDate(o.endDate),
      };
    case 'Meeting':
      return {
        start_at: toUtc(o.start),
        end_at: toUtc(o.end),
        cancelled: looksCancelled(o) ? 1 : 0,
        meeting_state: str(o.meetingState),
        location_oparl_id: refOf(o.location),
        organization_ids_json: json(refList(o.organization)),
      };
    case 'AgendaItem':
      return {
        meeting_oparl_id: refOf(o.meeting),
        number: str(o.number),
        item_order: num(o.order),
        consultation_oparl_id: refOf(o.consultation),
        result: str(o.result),
        resolution_text: str(o.resolutionText),
      };
    case 'Paper':
      return {
        reference: str(o.reference),
        paper_date: toDate(o.date),
        paper_type: str(o.paperType),
        main_file_oparl_id: refOf(o.mainFile),
        under_direction_of_json: json(refList(o.underDirectionOf)),
      };
    case 'Consultation':
      return {
        paper_oparl_id: refOf(o.paper),
        meeting_oparl_id: refOf(o.meeting),
        agenda_item_oparl_id: refOf(o.agendaItem),
        organization_ids_json: json(refList(o.organization)),
        role: str(o.role),
        authoritative: bool(o.authoritative),
      };
    case 'File':
      return {
        parent_oparl_id: parentId ?? firstRef(o.paper) ?? firstRef(o.meeting) ?? firstRef(o.agendaItem),
        parent_role: parentRole,
        file_name: str(o.fileName),
        mime_type: str(o.mimeType),
        size: num(o.size),
        sha256: str(o.sha512) ? null : str(o.sha1) ? null : null,
        access_url: str(o.accessUrl),
        download_url: str(o.downloadUrl),
        file_date: toDate(o.date),
      };
    case 'Location': {
      const coords = (o.geojson as { geometry?: { type?: string; coordinates?: unknown } } | undefined)
        ?.geometry;
      const c = coords?.type === 'Point' && Array.isArray(coords.coordinates) ? coords.coordinates : [];
      return {
        description: str(o.description),
        street_address: str(o.streetAddress),
        postal_code: str(o.postalCode),
        locality: str(o.locality),
        lat: num(c[1]),
        lon: num(c[0]),
      };
    }
    case 'LegislativeTerm':
      return { start_date: toDate(o.startDate), end_date: toDate(o.endDate) };
  }
}

/** Papers, files and agenda items marked nichtöffentlich are stored as non-public. */
export function isPublicObject(kind: ObjectKind, o: OParlObject): boolean {
  if (kind !== 'Paper' && kind !== 'File' && kind !== 'AgendaItem') return true;
  return !looksNonPublic(o);
}

export function displayName(kind: ObjectKind, o: OParlObject): string | null {
  if (kind === 'Person')
    return str(o.name) ?? ([str(o.givenName), str(o.familyName)].filter(Boolean).join(' ') || null);
  return str(o.name) ?? str(o.description);
}
