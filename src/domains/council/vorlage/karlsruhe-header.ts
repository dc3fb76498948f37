import { collapse, findGermanDate, joinWrapped, NUMERIC_DATE } from './text.js';

/**
 * The head of a Karlsruhe form, above the Beratungsfolge: labels ("Vorlage Nr.:", "Verantwortlich:"),
 * their values (often printed as a stacked column below all labels), the document type and the title.
 */

const SLASH_REFERENCE = /(?<![\d/])(\d{4}\/\d{3,5}(?:\/\d{1,2})?|\d{1,3}\/\d{4})(?![\d/])/;
const DEPARTMENT_VALUE =
  /^\s*(Dez\.?\s*\d+|Dezernat\s+\d+|OB|Oberbürgermeister|OV\s+\S+|Ortsverwaltung\s+\S+|Stadtamt\s+\S+)\s*$/;
const LABEL =
  /^\s*(?:(?:Gremium|Termin|Vorlage\s*Nr\.?|TOP|Verantwortlich|Dienststelle|Anfrage|Antrag|Anlage|Thema)\s*:|(?:Vorlage\s*Nr\.?|verantwortlich|Thema)(?:\s|$))/i;
const NUMBERS_ONLY = /^[\d./\s]+$/;
/** A value cut by the form's narrow column ("Ortsverwaltung" / "Wettersbach"). */
const CONTINUED = /(OV|Ortsverwaltung|Stadtamt|Eigenbetrieb|Team|für|und|der|des|-)\s*$/;
const FURNITURE =
  /^\s*(BESCHLUSSVORLAGE|Beschlussvorlage|INFORMATIONSVORLAGE|Informationsvorlage|Stellungnahme zu[rm]? (Anfrage|Antrag)|Bauantrag|STADT\s*KARLSRUHE|Stadt\s*Karlsruhe|Der\s*Oberbürgermeis-?(ter)?|ter|Ortsverwaltung \S+|Stadtamt \S+|OV \S+|Anlage|Gedruckt auf.*|Recyclingpapier|Ortsverwaltung|Öffentlich\s+Nichtöffentlich|nicht\s*öffentlich|öffentlich|(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\s+\d{4}|\d+\.\s*(Plenar)?[Ss]itzung.*|TOP\s*[\d.]+|Dez\.?\s*\d*|Dezernat\s+\d+)\s*$/;
const OFFICE_VALUE = /^\s*(\S+|.*(amt|büro|verwaltung|betrieb|referat|stelle))\s*$/i;

export interface KarlsruheHeader {
  reference: string | null;
  referenceConfidence: number;
  department: string | null;
  isPublic: boolean | null;
  title: string | null;
  /** The meeting the head names ("Gremium:", "Termin:"); old forms leave the table empty. */
  meeting: { committee: string; date: string } | null;
}

function valueAfter(header: string[], label: RegExp): string | null {
  const at = header.findIndex((l) => label.test(l));
  if (at < 0) return null;
  const inline = header[at]!.replace(label, '').trim();
  if (inline) return inline;
  const next = header.slice(at + 1).find((l) => l.trim());
  return next && !LABEL.test(next) ? next.trim() : null;
}

function findMeeting(header: string[]): { committee: string; date: string } | null {
  const gremium = valueAfter(header, /^\s*Gremium\s*:/);
  if (!gremium || findGermanDate(gremium)) return null;
  const committee = collapse(gremium.replace(/^\d+\.\s*(Plenar)?[Ss]itzung\s*(des\s+)?/, ''));
  const termin = valueAfter(header, /^\s*Termin\s*:/);
  let date = termin ? findGermanDate(termin)?.iso : undefined;
  if (!date) {
    // Old forms print the year with two digits ("22.07.09").
    const stacked = header.find((l) => /^\s*\d{1,2}\.\d{1,2}\.(\d{4}|\d{2})\s*$/.test(l));
    date = stacked ? findGermanDate(stacked)?.iso : undefined;
  }
  return committee && date ? { committee, date } : null;
}

function findReference(header: string[]): { value: string | null; confidence: number } {
  const labelAt = header.findIndex((l) => /Vorlage\s*Nr/i.test(l));
  const from = Math.max(0, labelAt);
  for (let i = from; i < header.length; i++) {
    const m = SLASH_REFERENCE.exec(header[i]!.replace(new RegExp(NUMERIC_DATE.source, 'g'), ' '));
    if (m) return { value: m[1]!, confidence: 0.95 };
  }
  if (labelAt < 0) return { value: null, confidence: 0 };
  const inline = /Vorlage\s*Nr\.?:?\s*(\d{1,5})\s*$/i.exec(header[labelAt]!);
  if (inline) return { value: inline[1]!, confidence: 0.7 };
  // Stacked columns print the values below all labels: after the meeting date (Termin) comes the
  // number ("86", "405/HA"); an empty Vorlage Nr. leaves the TOP ("2c", "TOP 3") there, never taken.
  const values = header.slice(labelAt + 1).filter((l) => l.trim() && !LABEL.test(l));
  const isDate = (l: string) => {
    const d = findGermanDate(l);
    return d !== null && l.trim().length <= d.length + 2;
  };
  const rest = values.filter((l) => !isDate(l)).map((l) => l.trim());
  const numeric = /^\d{1,5}(\/[A-Za-z]{1,8})?$/;
  // A TOP can be "2 h" (item h of point 2).
  const leading = rest.findIndex((l) => !numeric.test(l) && !/^\d{1,3}\s?[a-z]?$/.test(l));
  const run = rest.slice(0, leading < 0 ? rest.length : leading);
  // With a "TOP:" label a single number could be either value: leave it.
  const hasTopLabel = header.slice(labelAt).some((l) => /^\s*TOP\s*:/.test(l));
  if (hasTopLabel && run.length < 2) return { value: null, confidence: 0 };
  const candidate = run[0];
  if (candidate && numeric.test(candidate)) return { value: candidate, confidence: 0.6 };
  return { value: null, confidence: 0 };
}

function findDepartment(header: string[]): string | null {
  const labelAt = header.findIndex((l) => /Vorlage\s*Nr/i.test(l));
  let dezernat: string | null = null;
  let office: string | null = null;
  for (let i = 0; i < header.length; i++) {
    const line = header[i]!;
    const joined = /Dez\.?\s*$/.test(line) ? `${line} ${header[i + 1] ?? ''}` : line;
    const inline =
      /Verantwortlich:\s*(Dez\.?\s*\d+|OV\s+\S+)/i.exec(joined) ??
      // Ortsverwaltung forms: "Verantwortlich Bauamt" (no colon, the office itself).
      /^\s*Verantwortlich\s+(\p{Lu}[\p{L}.-]*(?:amt|büro|verwaltung|betrieb|referat|stelle))\s*$/iu.exec(
        joined,
      );
    // Before the "Vorlage Nr." label the same words name the issuing office, not the Dezernat.
    const stacked = i > labelAt ? DEPARTMENT_VALUE.exec(joined) : null;
    const found = inline ?? stacked;
    if (found) dezernat = collapse(found[1]!);
    const d = /^\s*Dienststelle:\s*(.*)$/.exec(line);
    if (d) {
      const next = header[i + 1] ?? '';
      const inlineValue = d[1]!.trim();
      if (inlineValue)
        office = CONTINUED.test(inlineValue) ? collapse(`${inlineValue} ${next}`) : inlineValue;
      else office = OFFICE_VALUE.test(next) && next.trim() ? next.trim() : null;
    }
  }
  if (dezernat && office && office !== dezernat) return `${dezernat} / ${office}`;
  return dezernat ?? office;
}

/** Longer than this, a run of prose is running text (minutes, an attachment), not a Betreff. */
const MAX_TITLE = 400;
/** Excerpts from the minutes (Niederschrift) name the item: "Punkt 12 der Tagesordnung: Südumfahrung Hagsfeld". */
const AGENDA_ITEM = /^\s*Punkt\s+\d+[a-z]?(?:\.\d+)*\s+der\s+Tagesordnung\s*:\s*(.*)$/i;
const AGENDA_ITEM_END = /^\s*(?:Vorlage\s*:|dazu\s*:|Beschluss\s*:|$)/i;

function agendaItemTitle(header: string[]): string | null {
  const at = header.findIndex((l) => AGENDA_ITEM.test(l));
  if (at < 0) return null;
  const parts = [AGENDA_ITEM.exec(header[at]!)![1]!];
  for (let i = at + 1; i < header.length && i <= at + 4 && !AGENDA_ITEM_END.test(header[i]!); i++)
    parts.push(header[i]!);
  const title = joinWrapped(parts);
  return title && title.length <= MAX_TITLE ? title : null;
}

/** Title = the last run of prose lines in the head; forms put it after or before the label block. */
function findTitle(header: string[]): string | null {
  const agendaItem = agendaItemTitle(header);
  if (agendaItem) return agendaItem;
  const kinds = header.map((line, i) => {
    if (!line.trim()) return 'blank';
    if (NUMBERS_ONLY.test(line)) return 'number';
    if (LABEL.test(line) || FURNITURE.test(line)) return 'label';
    const prev = header
      .slice(0, i)
      .reverse()
      .find((l) => l.trim());
    if (prev && /^\s*Dienststelle:\s*$/.test(prev) && OFFICE_VALUE.test(line)) return 'label';
    if (
      prev &&
      (LABEL.test(prev) || FURNITURE.test(prev)) &&
      CONTINUED.test(prev) &&
      line.trim().split(/\s+/).length <= 3
    ) {
      return 'label';
    }
    return 'text';
  });
  const runs: string[][] = [];
  let run: string[] = [];
  kinds.forEach((k, i) => {
    // A number inside the title ("DHH / 2024/2025") belongs to it; elsewhere it is a stacked value.
    if (k === 'text' || (k === 'number' && run.length)) run.push(header[i]!);
    else if (k === 'label' && run.length) {
      runs.push(run);
      run = [];
    }
  });
  if (run.length) runs.push(run);
  const last = runs.at(-1);
  const title = last ? joinWrapped(last) : null;
  return title && title.length <= MAX_TITLE ? title : null;
}

export function parseKarlsruheHeader(header: string[]): KarlsruheHeader {
  const reference = findReference(header);
  const publicLine = header.find((l) => /^\s*(nicht\s*öffentlich|nichtöffentlich|öffentlich)\s*$/i.test(l));
  return {
    reference: reference.value,
    referenceConfidence: reference.confidence,
    department: findDepartment(header),
    isPublic: publicLine ? !/nicht/i.test(publicLine) : null,
    title: findTitle(header),
    meeting: findMeeting(header),
  };
}
