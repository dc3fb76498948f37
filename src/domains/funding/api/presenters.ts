import type { z } from 'zod';
import type { CallRow, ChangeRow, ProgrammeRow, RoundRow } from '../repository.js';
import type { callListItem, changeSchema, Programme, roundSchema } from '../schemas.js';

const arr = (s: string): string[] => {
  try {
    const v: unknown = JSON.parse(s);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};
function objs<T>(s: string): T[] {
  try {
    const v: unknown = JSON.parse(s);
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

/** The "could not be read in the latest import" flag of an imported record. */
export function presentUnreadable(r: {
  unreadable_at: string | null;
  unreadable_reason: string | null;
  unreadable_run_id: number | null;
}): Programme['unreadable'] {
  return r.unreadable_at
    ? { at: r.unreadable_at, reason: r.unreadable_reason ?? '', importRunId: r.unreadable_run_id }
    : null;
}

export function presentProgramme(p: ProgrammeRow): Programme {
  return {
    id: p.id,
    title: p.title,
    giverLevel: p.giver_level,
    giverName: p.giver_name,
    fundingTypes: arr(p.funding_types),
    fundingAreas: arr(p.funding_areas),
    regions: arr(p.regions),
    eligibleApplicants: arr(p.eligible_applicants),
    legalBasis: p.legal_basis,
    requirements: p.requirements,
    procedureText: p.procedure_text,
    contacts: objs(p.contacts),
    keywords: p.keywords,
    summary: p.summary,
    body: p.body,
    deadlineText: p.deadline_text,
    source: p.source,
    sourceId: p.source_id,
    sourceUrl: p.source_url,
    licence: p.licence,
    attribution: p.attribution,
    textIsVerbatim: p.text_is_verbatim === 1,
    importNotes: p.import_notes,
    isPublic: p.is_public === 1,
    firstSeenAt: p.first_seen_at,
    lastSeenAt: p.last_seen_at,
    withdrawnAt: p.withdrawn_at,
    unreadable: presentUnreadable(p),
    version: p.version,
  };
}

export type CallListRow = Pick<
  CallRow,
  | 'id'
  | 'programme_id'
  | 'call_kind'
  | 'identifier'
  | 'title'
  | 'status'
  | 'stage_model'
  | 'giver_level'
  | 'giver_name'
  | 'eligible_applicants'
  | 'regions'
  | 'fields_of_action'
  | 'source'
  | 'source_url'
  | 'attribution'
  | 'withdrawn_at'
  | 'is_public'
> & { programme_title: string | null; next_deadline: string | null };

export function presentCallListItem(c: CallListRow): z.infer<typeof callListItem> {
  return {
    id: c.id,
    programmeId: c.programme_id,
    programmeTitle: c.programme_title,
    callKind: c.call_kind,
    identifier: c.identifier,
    title: c.title,
    status: c.status,
    stageModel: c.stage_model,
    giverLevel: c.giver_level,
    giverName: c.giver_name,
    nextDeadline: c.next_deadline,
    eligibleApplicants: arr(c.eligible_applicants),
    regions: arr(c.regions),
    fieldsOfAction: arr(c.fields_of_action),
    source: c.source,
    sourceUrl: c.source_url,
    attribution: c.attribution,
    withdrawnAt: c.withdrawn_at,
    isPublic: c.is_public === 1,
  };
}

export function presentRound(r: RoundRow): z.infer<typeof roundSchema> {
  return {
    id: r.id,
    callId: r.call_id,
    label: r.label,
    opensAt: r.opens_at,
    deadlineDate: r.deadline_date,
    deadlineTime: r.deadline_time,
    timeZone: r.time_zone,
    deadlineKind: r.deadline_kind,
    confidence: Number(r.confidence),
    origin: r.origin,
    reviewStatus: r.review_status,
    evidence: r.evidence,
    withdrawnAt: r.withdrawn_at,
    version: r.version,
  };
}

export function presentChange(c: ChangeRow): z.infer<typeof changeSchema> {
  let changes: Record<string, { before: unknown; after: unknown }> = {};
  try {
    changes = JSON.parse(c.changes);
  } catch {
    changes = {};
  }
  return {
    id: c.id,
    recordType: c.record_type,
    recordId: c.record_id,
    at: c.at,
    kind: c.kind,
    changes,
    actorLabel: c.actor_label,
  };
}
