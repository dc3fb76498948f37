import { isReferenceLike, REFERENCE_TOKEN, referenceConfidence, restoreReferenceCase } from './reference.js';
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
  /\b(?:Fachbereich|Dezernat|Dienststelle|Federführendes Amt|Federführung|Organisationseinheit|Amt)\s*:\s*/i;
export const HANDLER_LABEL =
  /\b(?:Bearbeiter(?:\/in|in|\(in\))?|Sachbearbeiter(?:\/in|in)?|Ansprechpartner(?:\/in|in)?)\s*:\s*/;
export const FILE_REFERENCE_LABEL = /(?:\bAz\.|\bAktenzeichen)\s*:?\s*/;
const REFERENCE_LABEL =
  /\b(?:Vorlagen?|Drucksachen?|Beschlussvorlagen?|Informationsvorlagen?|Mitteilungsvorlagen?|Sitzungsvorlagen?)[-\s]*(?:Nr\.?|Nummer)\s*:?\s*/i;
const REFERENCE_VALUE = new RegExp(`^(${REFERENCE_TOKEN.source}|\\d{2,6})(?![\\p{L}\\d])`, 'iu');

/** The labelled paper number, with how sure the reading is; a bare year ("2015" of "2015/EUV/034") never counts. */
export function findReference(lines: string[]): { value: string; confidence: number } | null {
  for (let i = 0; i < lines.length; i++) {
    const m = REFERENCE_LABEL.exec(lines[i]!);
    if (!m) continue;
    const after = `${lines[i]!.slice(m.index + m[0].length)} ${lines[i + 1] ?? ''}`.trim();
    const v = REFERENCE_VALUE.exec(after);
    if (!v || !isReferenceLike(v[1]!)) continue;
    const value = restoreReferenceCase(v[1]!.trim());
    return { value, confidence: referenceConfidence(value, true) };
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
