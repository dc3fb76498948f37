import type { CallStatus, StageModel } from '../../tables.js';

/**
 * Code tables of the EU Funding & Tenders portal, built from the sample file and the portal's
 * public search API documentation. Anything not listed is kept raw and named in import_notes.
 */
export const statusCodes: Record<string, CallStatus> = {
  '31094501': 'forthcoming',
  '31094502': 'open',
  '31094503': 'closed',
  Forthcoming: 'forthcoming',
  Open: 'open',
  Closed: 'closed',
};

/** type of a GrantTenderObj / search result */
export const typeCodes: Record<string, { kind: 'grant' | 'tender' | 'cascade'; label: string }> = {
  '0': { kind: 'tender', label: 'Call for tenders' },
  '1': { kind: 'grant', label: 'Call for proposals (topic)' },
  '2': { kind: 'grant', label: 'Call for proposals' },
  '8': { kind: 'cascade', label: 'Cascade funding (calls by funded projects)' },
};

/** Framework programmes by portal id and by abbreviation. */
export const programmeCodes: Record<string, { abbreviation: string; name: string }> = {
  '43108390': { abbreviation: 'HORIZON', name: 'Horizon Europe (HORIZON)' },
  '43353764': { abbreviation: 'ERASMUS2027', name: 'Erasmus+ (ERASMUS+)' },
  '43254037': { abbreviation: 'ESC2027', name: 'European Solidarity Corps (ESC)' },
  HORIZON: { abbreviation: 'HORIZON', name: 'Horizon Europe (HORIZON)' },
  ERASMUS2027: { abbreviation: 'ERASMUS2027', name: 'Erasmus+ (ERASMUS+)' },
  ESC2027: { abbreviation: 'ESC2027', name: 'European Solidarity Corps (ESC)' },
  DIGITAL: { abbreviation: 'DIGITAL', name: 'Digital Europe Programme (DIGITAL)' },
  LIFE: { abbreviation: 'LIFE', name: 'Programme for Environment and Climate Action (LIFE)' },
  CEF: { abbreviation: 'CEF', name: 'Connecting Europe Facility (CEF)' },
  CERV: { abbreviation: 'CERV', name: 'Citizens, Equality, Rights and Values Programme (CERV)' },
  CREA: { abbreviation: 'CREA', name: 'Creative Europe Programme (CREA)' },
  SMP: { abbreviation: 'SMP', name: 'Single Market Programme (SMP)' },
  EU4H: { abbreviation: 'EU4H', name: 'EU4Health Programme (EU4H)' },
  I3: { abbreviation: 'I3', name: 'Interregional Innovation Investments Instrument (I3)' },
};

const stageModels: Record<string, StageModel> = {
  'single-stage': 'single-stage',
  'two-stage': 'two-stage',
  'multiple cut-off': 'multiple-cut-offs',
  'multiple-cut-off': 'multiple-cut-offs',
  'multiple cut-offs': 'multiple-cut-offs',
  continuous: 'rolling',
};

export function stageModelOf(raw: string | null, deadlineCount: number, notes: string[]): StageModel {
  if (raw) {
    const m = stageModels[raw.toLowerCase()];
    if (m) return m;
    notes.push(`unknown deadline model "${raw}" kept raw`);
  }
  if (deadlineCount > 1) return 'multiple-cut-offs';
  if (deadlineCount === 1) return 'single-stage';
  return 'unknown';
}

export const EU_LICENCE =
  '© European Union; reuse per Commission Decision 2011/833/EU (licence of this feed not verified)';
export const EU_ATTRIBUTION = 'Quelle: EU Funding & Tenders Portal, © Europäische Union';
export const topicUrl = (identifier: string) =>
  `https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/${encodeURIComponent(identifier.toLowerCase())}`;
