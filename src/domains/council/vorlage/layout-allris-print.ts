import { detectDecisionKind } from './decision-kind.js';
import { type Found, normalizeRole, ROLE_WORDS, toPaper } from './paper.js';
import { REFERENCE_TOKEN, referenceConfidence, restoreReferenceCase } from './reference.js';
import type { Consultation, ParsedPaper } from './schemas.js';
import { collapse, findGermanDate } from './text.js';

/**
 * Vorlagen printed by ALLRIS as PDF, as their OParl File.text arrives: Leipzig ("Beschlussvorlage Nr.
 * VI-DS-03773", "Status:", a Beratungsfolge table split into columns — committees, then dates, then
 * roles —, "Eingereicht von", "Betreff") and Aachen ("Federführende Dienststelle:", the label row
 * "Vorlage-Nr: Status: AZ: Datum: Verfasser:" followed by its values, the title, "Beratungsfolge:").
 */

export const ALLRIS_PRINT =
  /(Vorlage-Nr\s*:\s*Status\s*:\s*AZ\s*:\s*Datum\s*:\s*Verfasser\s*:)|((Beschluss|Informations|Mitteilungs)vorlage\s+Nr\.\s*\S+[\s\S]{0,200}?Status\s*:[\s\S]{0,400}?Eingereicht von)/i;

const REF_AFTER_TYPE = new RegExp(
  String.raw`\b(Beschlussvorlage|Informationsvorlage|Mitteilungsvorlage|Vorlage|Antrag|Anfrage)\s+Nr\.?\s*(${REFERENCE_TOKEN.source})`,
  'iu',
);
const DATE = /\d{1,2}\.\d{1,2}\.\d{4}/;

function typeKind(text: string): string | null {
  const t = /\b(Beschlussvorlage|Informationsvorlage|Mitteilungsvorlage)\b/i.exec(text)?.[1]?.toLowerCase();
  if (t === 'beschlussvorlage') return 'Beschlussvorlage';
  if (t) return 'Informationsvorlage';
  return null;
}

/** Leipzig: committee lines, then the date lines, then the role lines; dates and roles belong to the last rows. */
function columnTable(lines: string[]): { rows: Consultation[]; sure: boolean } {
  const start = lines.findIndex((l) => /^\s*Beratungsfolge\s*:?\s*$/i.test(l));
  if (start < 0) return { rows: [], sure: false };
  const committees: string[] = [];
  const dates: string[] = [];
  const roles: string[] = [];
  for (const raw of lines.slice(start + 1)) {
    const line = raw.trim();
    if (!line || /^(Gremium|Termin|Zuständigkeit|Datum|Status)$/i.test(line)) continue;
    if (/^(Eingereicht von|Betreff|Beschlussvorschlag)/i.test(line)) break;
    if (new RegExp(`^(${DATE.source})$`).test(line)) dates.push(findGermanDate(line)!.iso);
    else if (new RegExp(`^(${ROLE_WORDS})$`, 'i').test(line)) roles.push(normalizeRole(line));
    else if (dates.length === 0 && roles.length === 0) committees.push(line);
    else break;
  }
  const offset = (n: number) => committees.length - n;
  const rows = committees.map((committee, i) => ({
    committee,
    date: i >= offset(dates.length) ? dates[i - offset(dates.length)]! : null,
    role: i >= offset(roles.length) ? roles[i - offset(roles.length)]! : null,
  }));
  return { rows, sure: dates.length === committees.length && roles.length === committees.length };
}

/** Aachen: "Beratungsfolge: TOP:__ Datum Gremium PLA Entscheidung Kompetenz" — header words around "<Gremium> <Rolle>" pairs. */
function inlineTable(flat: string): Consultation[] {
  const m = /Beratungsfolge\s*:?(.*?)(Beschlussvorschlag|Sachverhalt|Begründung|$)/is.exec(flat);
  if (!m) return [];
  const body = m[1]!
    .replace(/\bTOP\s*:?\s*_*/gi, ' ')
    .replace(/\b(Datum|Gremium|Kompetenz|Zuständigkeit)\b/gi, ' ');
  const rows: Consultation[] = [];
  const re = new RegExp(`(?:(${DATE.source})\\s+)?(\\S[^]*?)\\s+(${ROLE_WORDS})\\b`, 'giu');
  for (const r of body.matchAll(re)) {
    rows.push({
      committee: collapse(r[2]!),
      date: r[1] ? findGermanDate(r[1])!.iso : null,
      role: normalizeRole(r[3]!),
    });
  }
  return rows;
}

export function parseAllrisPrint(lines: string[], text: string): ParsedPaper {
  const flat = collapse(text);
  const found: Found = {};
  const labelRow = /Vorlage-Nr\s*:\s*Status\s*:\s*AZ\s*:\s*Datum\s*:\s*Verfasser\s*:\s*/i.exec(flat);
  if (labelRow) {
    // The values follow the label row in its order: number, status, (file number), date, author.
    const after = flat.slice(labelRow.index + labelRow[0].length);
    const values = new RegExp(
      String.raw`^(${REFERENCE_TOKEN.source})\s+(nicht\s*öffentlich|nichtöffentlich|öffentlich)\s+(?:\S+\s+)??(\d{1,2}\.\d{1,2}\.\d{4})\s+((?:[A-ZÄÖÜ]{1,5}\s?)?\d+(?:/\d+)*(?:\s*//\s*Dez\.\s*[IVX\d]+)?)\s+(.*?)\s*Beratungsfolge`,
      'iu',
    ).exec(after);
    if (values) {
      const ref = restoreReferenceCase(values[1]!);
      found.reference = { value: ref, confidence: referenceConfidence(ref, true) };
      found.isPublic = { value: !/nicht/i.test(values[2]!), confidence: 0.9 };
      found.date = { value: findGermanDate(values[3]!)?.iso ?? null, confidence: 0.85 };
      found.title = { value: values[5]!, confidence: values[5]!.length <= 300 ? 0.8 : 0.3 };
    }
    const dept = /Federführende Dienststelle\s*:\s*(.*?)\s*(Beteiligte Dienststelle|Vorlage-Nr)/i.exec(flat);
    if (dept?.[1]) found.department = { value: dept[1], confidence: 0.85 };
    const rows = inlineTable(flat);
    if (rows.length) found.consultations = { value: rows, confidence: 0.7 };
  } else {
    const ref = REF_AFTER_TYPE.exec(flat);
    if (ref) {
      const value = restoreReferenceCase(ref[2]!);
      found.reference = { value, confidence: referenceConfidence(value, true) };
    }
    const status = /Status\s*:\s*(nicht\s*öffentlich|nichtöffentlich|öffentlich)/i.exec(flat);
    if (status) found.isPublic = { value: !/nicht/i.test(status[1]!), confidence: 0.9 };
    const dept = /Eingereicht von\s*:?\s*(.*?)\s+Betreff\b/is.exec(flat);
    if (dept?.[1] && dept[1].length <= 120) found.department = { value: dept[1], confidence: 0.85 };
    const title = /\bBetreff\s*:?\s*(.*?)\s*(Beschlussvorschlag|Sachverhalt|Begründung)\s*:/is.exec(flat);
    if (title?.[1]) found.title = { value: title[1], confidence: title[1].length <= 300 ? 0.85 : 0.3 };
    const table = columnTable(lines);
    if (table.rows.length) found.consultations = { value: table.rows, confidence: table.sure ? 0.8 : 0.5 };
  }
  const draft = /Beschlussvorschlag\s*:\s*(.{0,1500})/is.exec(flat)?.[1] ?? null;
  const kind = detectDecisionKind({
    documentType: typeKind(flat),
    title: found.title?.value ?? null,
    draftResolution: draft,
    statedRole: found.consultations?.value.at(-1)?.role ?? null,
  });
  if (kind.value) found.decisionKind = { value: kind.value, confidence: kind.confidence };
  return toPaper(lines, found);
}
