import { collapse, findGermanDate } from './text.js';

/** "Label: value" fields of generic forms, where several labels often share one line. */

const NEXT_LABEL =
  /\t|\s{3,}|\b(Bearbeiter(?:\/in|in)?|Sachbearbeiter(?:\/in|in)?|Datum|Az\.|Aktenzeichen|Telefon|Tel\.|Fachbereich|Dezernat|Amt|Dienststelle)\s*:/;

export function labelValue(lines: string[], label: RegExp): { value: string; line: number } | null {
  for (let i = 0; i < lines.length; i++) {
    const m = label.exec(lines[i]!);
    if (!m) continue;
    const rest = lines[i]!.slice(m.index + m[0].length);
    const cut = NEXT_LABEL.exec(rest);
    const value = collapse(cut ? rest.slice(0, cut.index) : rest).replace(/[,;]$/, '');
    if (value) return { value, line: i };
  }
  return null;
}

export const DEPARTMENT_LABEL =
  /\b(?:Fachbereich|Dezernat|Dienststelle|Federführendes Amt|Federführung|Organisationseinheit|Amt)\s*:\s*/;
export const HANDLER_LABEL =
  /\b(?:Bearbeiter(?:\/in|in|\(in\))?|Sachbearbeiter(?:\/in|in)?|Ansprechpartner(?:\/in|in)?)\s*:\s*/;
export const FILE_REFERENCE_LABEL = /(?:\bAz\.|\bAktenzeichen)\s*:?\s*/;
const REFERENCE_LABEL =
  /\b(?:Vorlagen?|Drucksachen?|Beschlussvorlagen?|Informationsvorlagen?)[-\s]*(?:Nr\.?|Nummer)\s*:?\s*/i;
const REFERENCE_VALUE = /^([A-Za-z]{0,4}[-\s/]?\d+(?:[/.-]\d+)+|\d{2,})\b/;

export function findReference(lines: string[]): string | null {
  for (let i = 0; i < lines.length; i++) {
    const m = REFERENCE_LABEL.exec(lines[i]!);
    if (!m) continue;
    const after = `${lines[i]!.slice(m.index + m[0].length)} ${lines[i + 1] ?? ''}`.trim();
    const v = REFERENCE_VALUE.exec(after);
    if (v) return v[1]!.trim();
  }
  return null;
}

export function findLabelledDate(lines: string[]): string | null {
  for (const line of lines) {
    const m = /\bDatum\s*:?\s*/.exec(line);
    if (!m) continue;
    const found = findGermanDate(line.slice(m.index + m[0].length, m.index + m[0].length + 24));
    if (found) return found.iso;
  }
  return null;
}
