import { detectDecisionKind } from './decision-kind.js';
import { type Found, toPaper } from './paper.js';
import { referenceConfidence } from './reference.js';
import type { Consultation, ParsedPaper } from './schemas.js';
import { collapse, joinWrapped } from './text.js';

/**
 * Landeshauptstadt Hannover, "SIM" (Lotus Domino) Drucksache pages: "Drucksache Nr. 2710/2003:" or
 * "Antrag Nr. 0566/2013:" and the subject below, then "Informationen:" / "Inhalt der Drucksache:". The
 * printed Drucksache lists its committees as "In den Stadtentwicklungs- und Bauausschuss" … "In den
 * Verwaltungsausschuss" (the last one decides) and "An den Stadtbezirksrat … (zur Kenntnis)"; no dates.
 */

export const HANNOVER_HEAD =
  /^\s*(Drucksache|Antrag|Anfrage|Informationsdrucksache|Beschlussdrucksache|Änderungsantrag|Zusatzantrag)\s+Nr\.\s*(\d{1,4}\/\d{4}(?:\s*[A-Z]\d*)?(?:-\d+)?)\s*:/im;
const SECTION = /^\s*(Informationen|Inhalt der Drucksache|verwandte Drucksachen|Beratungsverlauf)\s*:/i;
const ADDRESSEE = /^\s*(In den|In die|An den|An die)\s+(.+?)\s*$/i;

function addressees(lines: string[]): Consultation[] {
  const list: { committee: string; note: boolean }[] = [];
  for (const line of lines) {
    const m = ADDRESSEE.exec(line);
    if (!m) {
      if (list.length && line.trim() && !/^\s*$/.test(line)) break;
      continue;
    }
    const note = /\(zur Kenntnis\)/i.test(m[2]!);
    list.push({ committee: collapse(m[2]!.replace(/\(zur Kenntnis\)/i, '')), note });
  }
  const deciding = list.map((r) => !r.note).lastIndexOf(true);
  return list.map((r, i) => ({
    committee: r.committee,
    date: null,
    role: r.note ? 'Kenntnisnahme' : i === deciding ? 'Entscheidung' : 'Vorberatung',
  }));
}

export function parseHannover(lines: string[], text: string): ParsedPaper {
  const found: Found = {};
  const head = HANNOVER_HEAD.exec(text);
  if (head) {
    const ref = head[2]!.replace(/\s+/g, ' ');
    found.reference = { value: ref, confidence: referenceConfidence(ref, true) };
    const headLine = text.slice(0, head.index).split('\n').length - 1;
    const body: string[] = [];
    for (const line of lines.slice(headLine + 1)) {
      if (SECTION.test(line)) break;
      body.push(line);
    }
    const title = joinWrapped(body);
    if (title) found.title = { value: title, confidence: title.length <= 300 ? 0.85 : 0.3 };
  }
  const printedAt = lines.findIndex((l) => ADDRESSEE.test(l));
  const rows = printedAt >= 0 ? addressees(lines.slice(printedAt)) : [];
  if (rows.length) found.consultations = { value: rows, confidence: 0.6 };
  const type = head?.[1]?.toLowerCase() ?? '';
  const printedType = /Beschlussdrucksache|Informationsdrucksache/i.exec(text)?.[0]?.toLowerCase() ?? '';
  const documentType =
    /beschluss/.test(printedType) || /antrag|beschluss/.test(type)
      ? 'Beschlussvorlage'
      : /information/.test(printedType || type)
        ? 'Informationsvorlage'
        : null;
  const draft = /^\s*Antrag,?\s*$([\s\S]{0,1200})/im.exec(text)?.[1] ?? null;
  const kind = detectDecisionKind({
    documentType,
    title: found.title?.value ?? null,
    draftResolution: draft ? collapse(draft) : null,
    statedRole: null,
  });
  if (kind.value) found.decisionKind = { value: kind.value, confidence: kind.confidence };
  return toPaper(lines, found);
}
