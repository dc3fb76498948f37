import type { CallInput, FundedProjectInput, ProgrammeInput } from '../model.js';
import { type Columns, json } from './hash.js';

// PostgreSQL text cannot hold NUL; nothing else is changed, so verbatim texts stay verbatim.
export const noNul = (s: string | null): string | null => (s === null ? null : s.replaceAll('\u0000', ''));

export function programmeColumns(p: ProgrammeInput): Columns {
  return {
    title: noNul(p.title),
    giver_level: p.giverLevel,
    giver_name: noNul(p.giverName),
    funding_types: json(p.fundingTypes),
    funding_areas: json(p.fundingAreas),
    regions: json(p.regions),
    eligible_applicants: json(p.eligibleApplicants),
    legal_basis: noNul(p.legalBasis),
    contacts: json(p.contacts),
    keywords: noNul(p.keywords),
    summary: noNul(p.summary),
    body: noNul(p.body),
    deadline_text: noNul(p.deadlineText),
    licence: p.licence,
    attribution: noNul(p.attribution),
    text_is_verbatim: p.textIsVerbatim ? 1 : 0,
    import_notes: noNul(p.importNotes),
    is_public: 1,
  };
}

export function callColumns(c: CallInput, programmeId: number | null): Columns {
  return {
    programme_id: programmeId,
    call_kind: c.callKind,
    identifier: noNul(c.identifier),
    title: noNul(c.title),
    text: noNul(c.text),
    status: c.status,
    stage_model: c.stageModel,
    giver_level: c.giverLevel,
    giver_name: noNul(c.giverName),
    budget_eur: c.budgetEur,
    funding_rate_percent: c.fundingRatePercent,
    min_grant_eur: c.minGrantEur,
    max_grant_eur: c.maxGrantEur,
    eligible_applicants: json(c.eligibleApplicants),
    regions: json(c.regions),
    fields_of_action: json(c.fieldsOfAction),
    links: json(c.links),
    licence: c.licence,
    attribution: noNul(c.attribution),
    text_is_verbatim: c.textIsVerbatim ? 1 : 0,
    import_notes: noNul(c.importNotes),
    is_public: 1,
  };
}

export function fundedProjectColumns(p: FundedProjectInput): Columns {
  return {
    beneficiary: noNul(p.beneficiary),
    project_name: noNul(p.projectName),
    summary: noNul(p.summary),
    start_date: p.startDate,
    end_date: p.endDate,
    total_eligible_eur: p.totalEligibleEur,
    ags: p.ags,
    municipality_name: p.municipalityName,
    country: p.country,
    intervention_code: p.interventionCode,
    intervention_label: noNul(p.interventionLabel),
    programme_cci: p.programmeCci,
    funding_period: p.fundingPeriod,
  };
}
