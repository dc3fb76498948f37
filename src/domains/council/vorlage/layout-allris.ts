import { detectDecisionKind } from './decision-kind.js';
import { currentOfPair, labelledValue, labelledValues } from './labelled-block.js';
import { type Found, normalizeRole, ROLE_WORDS, toPaper } from './paper.js';
import { referenceConfidence, restoreReferenceCase } from './reference.js';
import type { Consultation, ParsedPaper } from './schemas.js';
import { collapse, findGermanDate } from './text.js';

/**
 * ALLRIS (CC e-gov) Vorlage pages ("vo020"): a head line "Drucksache - 1536/V" / "Vorlage - 2015/0288-1",
 * then "Betreff:", "Status:", "Initiator:", "Drucksache-Art:" / "Vorlage-Art:", "Federführend:" and a
 * "Beratungsfolge:" that prints each committee with its role on one line and every session below it
 * as a date line plus a session line ("33. öffentliche Sitzung … vertagt"). The newer front end (Kiel)
 * prints "Antrag der Verwaltung - 0298/2018" and collapses the Beratungsfolge.
 */

export const ALLRIS_HEAD =
  /^\s*(Drucksache|Vorlage|Antrag(?: der Verwaltung)?|Anfrage|Mitteilung|Beschlussvorlage|Informationsvorlage|Mitteilungsvorlage)\s+-\s+(\S[^\n]{0,40}?)\s*$/im;

const LABELS = [
  'Betreff',
  'Status',
  'Aktenzeichen',
  'Initiator',
  'Verfasser',
  'Drucksache-Art',
  'Vorlage-Art',
  'Bezüglich',
  'Federführend',
  'Bearbeiter/-in',
  'Beratungsfolge',
  'Anlagen',
];
/** A flattened page: "drucksache - 1536/v betreff: …" on one line. */
const FLAT_HEAD =
  /^\s*(?:[^\n]{0,80}?\s)?(Drucksache|Vorlage|Antrag(?: der Verwaltung)?|Anfrage|Mitteilung)\s+-\s+(\S{2,30})\s/i;
/** Where the head ends: the first section of the page body. */
const BODY =
  /^\s*(Sachverhalt|Beschlussvorschlag|Anlagen\s*:|Antrag der Verwaltung\s*$|Begründung|Finanzielle Auswirkungen)/im;
const ROLE_LINE = new RegExp(`^\\s*(.+?)\\s+(${ROLE_WORDS})\\s*$`, 'i');
const DATE_LINE = /^\s*(\d{1,2}\.\d{1,2}\.\d{4})\s*$/;
const DATE_LINE_ANY = /^\s*\d{1,2}\.\d{1,2}\.\d{4}\s*$/m;

function kindOfType(type: string | null): string | null {
  if (!type) return null;
  const t = type.toLowerCase();
  if (/kenntnis|mitteilung|information|bericht/.test(t)) return 'Informationsvorlage';
  if (/beschluss|antrag|vorlage/.test(t)) return 'Beschlussvorlage';
  return null;
}

/** The Beratungsfolge, line by line: "<Gremium> <Rolle>" then one date line + one session line per session. */
function consultationsFromLines(lines: string[]): Consultation[] {
  const rows: Consultation[] = [];
  let current: { committee: string; role: string; sessions: number } | null = null;
  for (const line of lines) {
    if (!line.trim()) continue;
    const role = ROLE_LINE.exec(line);
    const date = DATE_LINE.exec(line);
    if (date && current) {
      rows.push({ committee: current.committee, date: findGermanDate(date[1]!)!.iso, role: current.role });
      current.sessions++;
      continue;
    }
    if (role && !/sitzung|tagung/i.test(role[1]!)) {
      if (current && current.sessions === 0)
        rows.push({ committee: current.committee, date: null, role: current.role });
      current = { committee: collapse(role[1]!), role: normalizeRole(role[2]!), sessions: 0 };
    }
  }
  if (current && current.sessions === 0)
    rows.push({ committee: current.committee, date: null, role: current.role });
  return rows;
}

/** Flattened text: "<Gremium> <Rolle> <Datum> <Sitzung …> <Datum> …" — the committee is what precedes the role after the last session text. */
function consultationsFromFlat(block: string): Consultation[] {
  const rows: Consultation[] = [];
  const re = new RegExp(`(${ROLE_WORDS})`, 'gi');
  let last = 0;
  let prev: { committee: string; role: string } | null = null;
  const flush = (segment: string) => {
    if (!prev) return;
    const dates = [...segment.matchAll(/(\d{1,2}\.\d{1,2}\.\d{4})/g)].map((m) => findGermanDate(m[1]!)!.iso);
    if (dates.length === 0) rows.push({ ...prev, date: null });
    for (const d of dates) rows.push({ ...prev, date: d });
  };
  for (const m of block.matchAll(re)) {
    const segment = block.slice(last, m.index);
    flush(segment);
    // The committee name follows the last session text, which ends with its result or its own name.
    const afterSessions = segment.replace(
      /^.*\d{1,2}\.\d{1,2}\.\d{4}.*?(vertagt|beschlossen|genommen|\)|abgelehnt|erledigt|zurückgestellt)\s*/is,
      '',
    );
    const committee = collapse(afterSessions.replace(/^.*\d{1,2}\.\d{1,2}\.\d{4}\s*/s, ''));
    prev = committee ? { committee, role: normalizeRole(m[1]!) } : null;
    last = m.index + m[0].length;
  }
  flush(block.slice(last));
  return rows;
}

export function parseAllris(lines: string[], text: string): ParsedPaper {
  const headMatch = ALLRIS_HEAD.exec(text) ?? FLAT_HEAD.exec(text.slice(0, 400));
  const bodyAt = BODY.exec(text)?.index ?? text.length;
  const head = text.slice(0, Math.max(bodyAt, (headMatch?.index ?? 0) + 1));
  const values = labelledValues(head, LABELS);
  const found: Found = {};

  if (headMatch) {
    const ref = restoreReferenceCase(headMatch[2]!.trim());
    found.reference = { value: ref, confidence: referenceConfidence(ref, true) };
  }
  const betreff = labelledValue(values, 'Betreff');
  if (betreff) found.title = { value: betreff, confidence: betreff.length <= 300 ? 0.9 : 0.4 };
  const status = labelledValue(values, 'Status');
  if (status) {
    const m = /^(nicht\s*öffentlich|nichtöffentlich|öffentlich)/i.exec(status);
    if (m) found.isPublic = { value: !/nicht/i.test(m[1]!), confidence: 0.95 };
  }
  const federfuehrend = labelledValue(values, 'Federführend');
  if (federfuehrend) found.department = { value: federfuehrend, confidence: 0.9 };

  const rawType = labelledValue(values, 'Drucksache-Art') ?? labelledValue(values, 'Vorlage-Art');
  const type = rawType
    ? currentOfPair(rawType)
    : headMatch && !/^(drucksache|vorlage)$/i.test(headMatch[1]!)
      ? headMatch[1]!
      : null;

  const block = values.get('Beratungsfolge');
  let consultations: Consultation[] = [];
  if (block) {
    const blockLines = block.split('\n');
    const dateLines = blockLines.filter((l) => DATE_LINE.test(l)).length;
    consultations = dateLines > 0 ? consultationsFromLines(blockLines) : consultationsFromFlat(block);
  }
  if (consultations.length)
    found.consultations = {
      value: consultations,
      confidence: block && DATE_LINE_ANY.test(block) ? 0.9 : 0.6,
    };

  const draft = /^\s*Beschlussvorschlag\s*:\s*$/im.exec(text);
  const draftText = draft ? collapse(text.slice(draft.index + draft[0].length, draft.index + 1500)) : null;
  const statedRole = consultations.at(-1)?.role ?? null;
  const kind = detectDecisionKind({
    documentType: kindOfType(type),
    title: betreff,
    draftResolution: draftText,
    statedRole,
  });
  if (kind.value)
    found.decisionKind = {
      value: kind.value,
      confidence: type ? Math.min(kind.confidence, 0.85) : kind.confidence,
    };
  return toPaper(lines, found);
}
