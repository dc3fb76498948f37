import { parseImpacts } from './impacts.js';
import type { Consultation, ParsedPaper } from './schemas.js';

/**
 * What a layout parser found, each field with its confidence; `toPaper` fills the rest with null and
 * confidence 0 so that a layout only states what its form prints.
 */
export type Found = {
  [K in keyof Omit<ParsedPaper, 'confidence' | 'impacts' | 'consultations'>]?: {
    value: ParsedPaper[K];
    confidence: number;
  } | null;
} & { consultations?: { value: Consultation[]; confidence: number } };

export function toPaper(lines: string[], found: Found): ParsedPaper {
  const { impacts, confidence: impactsConfidence } = parseImpacts(lines);
  const v = <T>(f: { value: T; confidence: number } | null | undefined): T | null =>
    f && f.value !== null && f.value !== undefined ? f.value : null;
  const c = (f: { value: unknown; confidence: number } | null | undefined) =>
    f && f.value !== null && f.value !== undefined ? f.confidence : 0;
  return {
    reference: v(found.reference),
    isPublic: v(found.isPublic),
    decisionKind: v(found.decisionKind),
    department: v(found.department),
    handler: v(found.handler),
    date: v(found.date),
    fileReference: v(found.fileReference),
    title: v(found.title),
    consultations: found.consultations?.value ?? [],
    impacts,
    draftResolution: v(found.draftResolution),
    statementOfFacts: v(found.statementOfFacts),
    confidence: {
      reference: c(found.reference),
      isPublic: c(found.isPublic),
      decisionKind: c(found.decisionKind),
      department: c(found.department),
      handler: c(found.handler),
      date: c(found.date),
      fileReference: c(found.fileReference),
      title: c(found.title),
      consultations: found.consultations?.value.length ? found.consultations.confidence : 0,
      impacts: impactsConfidence,
      draftResolution: c(found.draftResolution),
      statementOfFacts: c(found.statementOfFacts),
    },
  };
}

/** "Beschlussfassung"/"Beschluss" as printed in a Beratungsfolge is the deciding session. */
export function normalizeRole(printed: string): string {
  const r = printed.trim().toLowerCase();
  if (/^beschlu(ss|ß)(fassung)?$|^entscheidung$|^beschließend$/.test(r)) return 'Entscheidung';
  if (/^vorberatung$|^vorberatend$/.test(r)) return 'Vorberatung';
  if (/^kenntnisnahme$|^zur kenntnis(nahme)?$/.test(r)) return 'Kenntnisnahme';
  if (r === 'anhörung') return 'Anhörung';
  if (r === 'empfehlung') return 'Empfehlung';
  if (r === 'einbringung') return 'Einbringung';
  if (r === 'beratung') return 'Beratung';
  return printed.trim();
}

export const ROLE_WORDS =
  'Vorberatung|Entscheidung|Empfehlung|Kenntnisnahme|Anhörung|Beschlussfassung|Beschlußfassung|Einbringung|Beratung';
