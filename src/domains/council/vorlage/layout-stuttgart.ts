import { detectDecisionKind } from './decision-kind.js';
import { type Found, normalizeRole, toPaper } from './paper.js';
import { referenceConfidence } from './reference.js';
import type { Consultation, ParsedPaper } from './schemas.js';
import { collapse, findGermanDate, joinWrapped, toIsoDate } from './text.js';

/**
 * Landeshauptstadt Stuttgart, KSD (Lotus Domino): "Landeshauptstadt Stuttgart" / issuing Referat /
 * "Gz:" / "GRDrs 192/2017" / "Stuttgart," and the date in US order ("04/25/2017"), the title, the form
 * type ("Beschlußvorlage", "Mitteilungsvorlage"), then the table "Vorlage an / zur / Sitzungsart /
 * Sitzungstermin" printed column by column (committees, roles, public status, dates) — or all four
 * cells of a single row glued together ("VerwaltungsausschussBeschlussfassungöffentlich07.11.2018").
 */

export const STUTTGART = /\bGRDrs\.?\s*\d{1,4}\/\d{4}/i;
const FORM = /^\s*(Beschlu(?:ss|ß)vorlage|Mitteilungsvorlage|Informationsvorlage)\s*$/im;
const ROLE =
  /^(Vorberatung|Beschlu(?:ss|ß)fassung|Einbringung|Beratung|Kenntnisnahme|Anhörung|Entscheidung)$/i;
const STATUS = /^(nicht\s*öffentlich|nichtöffentlich|öffentlich)$/i;
const GLUED =
  /^(.+?)(Vorberatung|Beschlu(?:ss|ß)fassung|Einbringung|Beratung|Kenntnisnahme|Anhörung)(nicht\s*öffentlich|nichtöffentlich|öffentlich)(\d{1,2}\.\d{1,2}\.\d{4})$/i;

function usDate(s: string): string | null {
  const m = /(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(s);
  return m ? toIsoDate(+m[2]!, +m[1]!, +m[3]!) : null;
}

function table(lines: string[], from: number, to: number): Consultation[] {
  const committees: string[] = [];
  const roles: string[] = [];
  const statuses: boolean[] = [];
  const dates: string[] = [];
  const glued: Consultation[] = [];
  for (const raw of lines.slice(from, to)) {
    const line = raw.trim();
    if (!line || /^(Vorlage an|zur|Sitzungsart|Sitzungstermin|Sitzungsart\s*Sitzungstermin)$/i.test(line))
      continue;
    const g = GLUED.exec(line);
    if (g) {
      glued.push({
        committee: collapse(
          g[1]!.replace(/^(?:vorlage an\s*)?(?:zur\s*)?(?:sitzungsart\s*)?(?:sitzungstermin\s*)?/i, ''),
        ),
        date: findGermanDate(g[4]!)!.iso,
        role: normalizeRole(g[2]!),
        isPublic: !/nicht/i.test(g[3]!),
      });
      continue;
    }
    if (ROLE.test(line)) roles.push(normalizeRole(line));
    else if (STATUS.test(line)) statuses.push(!/nicht/i.test(line));
    else if (/^\d{1,2}\.\d{1,2}\.\d{4}$/.test(line)) dates.push(findGermanDate(line)!.iso);
    else if (roles.length === 0) committees.push(line);
  }
  if (glued.length) return glued;
  return committees.map((committee, i) => ({
    committee,
    date: dates.length === committees.length ? dates[i]! : null,
    role: roles.length === committees.length ? roles[i]! : null,
    ...(statuses.length === committees.length ? { isPublic: statuses[i]! } : {}),
  }));
}

export function parseStuttgart(lines: string[], text: string): ParsedPaper {
  const found: Found = {};
  const ref = /\bGRDrs\.?\s*(\d{1,4}\/\d{4})/i.exec(text);
  if (ref) found.reference = { value: ref[1]!, confidence: referenceConfidence(ref[1]!, true) };
  const cityAt = lines.findIndex((l) => /^\s*Landeshauptstadt Stuttgart\s*$/i.test(l));
  const unit = cityAt >= 0 ? lines[cityAt + 1]?.trim() : undefined;
  if (unit && !/^(Gz|GRDrs|Stuttgart)/i.test(unit) && unit.length <= 80)
    found.department = { value: unit, confidence: 0.8 };
  const dateAt = lines.findIndex((l) => /^\s*Stuttgart,\s*(\d{1,2}\/\d{1,2}\/\d{4})?\s*$/i.test(l));
  if (dateAt >= 0) {
    const iso = usDate(`${lines[dateAt]} ${lines[dateAt + 1] ?? ''}`);
    if (iso) found.date = { value: iso, confidence: 0.85 };
  }
  const formAt = lines.findIndex((l) => FORM.test(l));
  if (dateAt >= 0 && formAt > dateAt) {
    const start = /\d{4}\s*$/.test(lines[dateAt]!) ? dateAt + 1 : dateAt + 2;
    const title = joinWrapped(lines.slice(start, formAt));
    if (title) found.title = { value: title, confidence: title.length <= 300 ? 0.85 : 0.3 };
  }
  const draftAt = lines.findIndex((l) => /^\s*Beschlu(ss|ß)antrag\s*:?\s*$/i.test(l));
  if (formAt >= 0) {
    const rows = table(lines, formAt + 1, draftAt > formAt ? draftAt : Math.min(lines.length, formAt + 40));
    if (rows.length) {
      const complete = rows.every((r) => r.date !== null && r.role !== null);
      found.consultations = { value: rows, confidence: complete ? 0.85 : 0.5 };
      const pub = rows.filter((r) => r.isPublic !== undefined).map((r) => r.isPublic);
      if (pub.length) found.isPublic = { value: pub.includes(true), confidence: 0.85 };
    }
  }
  const form = formAt >= 0 ? FORM.exec(lines[formAt]!)![1]! : null;
  const draft =
    draftAt >= 0
      ? collapse(
          lines
            .slice(draftAt + 1, draftAt + 30)
            .join(' ')
            .split(/Begründung\s*:/)[0]!,
        )
      : null;
  const kind = detectDecisionKind({
    documentType: form ? (/^beschlu/i.test(form) ? 'Beschlussvorlage' : 'Informationsvorlage') : null,
    title: found.title?.value ?? null,
    draftResolution: draft,
    statedRole: null,
  });
  if (kind.value) found.decisionKind = { value: kind.value, confidence: kind.confidence };
  if (draft) found.draftResolution = { value: draft, confidence: 0.7 };
  return toPaper(lines, found);
}
