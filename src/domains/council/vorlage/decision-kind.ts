/** What the council is asked to do, from the strongest evidence the text offers. */

export interface KindEvidence {
  /** Document heading such as "BESCHLUSSVORLAGE" or "Informationsvorlage". */
  documentType: string | null;
  title: string | null;
  draftResolution: string | null;
  /** Role of the deciding consultation when the table states it ("Art der Entscheidung"). */
  statedRole: string | null;
}

const STATED: Record<string, string> = {
  kenntnisnahme: 'Kenntnisnahme',
  entscheidung: 'Beschluss',
  beschluss: 'Beschluss',
  beschlussfassung: 'Beschluss',
  empfehlung: 'Empfehlung',
  anhörung: 'Anhörung',
  wahl: 'Wahl',
};

function isElection(title: string | null, resolution: string | null): boolean {
  if (title && /(^|:\s*)(Wahl|Wahlen|Neuwahl|Nachwahl)\b/.test(title)) return true;
  return resolution !== null && /\b(wählt|wählen)\b/.test(resolution) && !/beschließt/.test(resolution);
}

export function detectDecisionKind(e: KindEvidence): { value: string | null; confidence: number } {
  const type = e.documentType?.toLowerCase() ?? '';
  if (/informationsvorlage|mitteilungsvorlage|kenntnisnahme|stellungnahme zur anfrage/.test(type)) {
    return { value: 'Kenntnisnahme', confidence: 0.9 };
  }
  if (/beschlussvorlage/.test(type)) {
    if (isElection(e.title, e.draftResolution)) return { value: 'Wahl', confidence: 0.85 };
    return { value: 'Beschluss', confidence: 0.9 };
  }
  const stated = e.statedRole ? STATED[e.statedRole.toLowerCase()] : undefined;
  if (stated) return { value: stated, confidence: 0.75 };
  const r = e.draftResolution ?? '';
  if (/zur\s+kenntnis|kenntnisnahme/i.test(r)) return { value: 'Kenntnisnahme', confidence: 0.6 };
  if (isElection(e.title, r)) return { value: 'Wahl', confidence: 0.6 };
  if (/\bbeschließt\b|\bstimmt\b.*\bzu\b|\bgenehmigt\b/i.test(r))
    return { value: 'Beschluss', confidence: 0.6 };
  if (/\bempfiehlt\b/i.test(r)) return { value: 'Empfehlung', confidence: 0.5 };
  return { value: null, confidence: 0 };
}
