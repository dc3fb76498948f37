import type { CallInput, FundedProjectInput, ProgrammeInput } from '../model.js';
import { type Columns, json } from './hash.js';

// Values arrive checked (sync/check-record.ts: limits, NUL, lone surrogates, http(s) links).

export function programmeColumns(p: ProgrammeInput): Columns {
  return {
    title: p.title,
    giver_level: p.giverLevel,
    giver_name: p.giverName,
    funding_types: json(p.fundingTypes),
    funding_areas: json(p.fundingAreas),
    regions: json(p.regions),
    eligible_applicants: json(p.eligibleApplicants),
    legal_basis: p.legalBasis,
    requirements: p.requirements ?? null,
    procedure_text: p.procedureText ?? null,
    contacts: json(p.contacts),
    keywords: p.keywords,
    summary: p.summary,
    body: p.body,
    deadline_text: p.deadlineText,
    licence: p.licence,
    attribution: p.attribution,
    text_is_verbatim: p.textIsVerbatim ? 1 : 0,
    import_notes: p.importNotes,
    is_public: 1,
  };
}

export function callColumns(c: CallInput, programmeId: number | null): Columns {
  return {
    programme_id: programmeId,
    call_kind: c.callKind,
    identifier: c.identifier,
    title: c.title,
    text: c.text,
    status: c.status,
    stage_model: c.stageModel,
    giver_level: c.giverLevel,
    giver_name: c.giverName,
    budget_eur: c.budgetEur,
    funding_rate_percent: c.fundingRatePercent,
    min_grant_eur: c.minGrantEur,
    max_grant_eur: c.maxGrantEur,
    eligible_applicants: json(c.eligibleApplicants),
    regions: json(c.regions),
    fields_of_action: json(c.fieldsOfAction),
    links: json(c.links),
    licence: c.licence,
    attribution: c.attribution,
    text_is_verbatim: c.textIsVerbatim ? 1 : 0,
    import_notes: c.importNotes,
    is_public: 1,
  };
}

export function fundedProjectColumns(p: FundedProjectInput): Columns {
  return {
    beneficiary: p.beneficiary,
    project_name: p.projectName,
    summary: p.summary,
    start_date: p.startDate,
    end_date: p.endDate,
    total_eligible_eur: p.totalEligibleEur,
    ags: p.ags,
    municipality_name: p.municipalityName,
    country: p.country,
    intervention_code: p.interventionCode,
    intervention_label: p.interventionLabel,
    programme_cci: p.programmeCci,
    funding_period: p.fundingPeriod,
  };
}
