import { parseGeneric } from './layout-generic.js';
import { parseKarlsruhe } from './layout-karlsruhe.js';
import type { VorlageLayout, VorlageParseResult } from './schemas.js';
import { normalizeText } from './text.js';

export function detectLayout(text: string): VorlageLayout {
  if (
    /Beratungsfolge\s*(dieser\s*Vorlage|Sitzung am|Termin\s+Öffentlichkeitsstatus)|STADT KARLSRUHE|Stadt\s*Karlsruhe|Gedruckt auf 100 Prozent|Verantwortlich:\s*Dez/.test(
      text,
    )
  ) {
    return 'karlsruhe';
  }
  if (/Vorlagen?\s*Nr\.?\s*\d+\/\d+\/\d{4}/.test(text) && /Beratungsfolge\s+Termine/.test(text))
    return 'seed';
  return 'generic';
}

/** Turns the extracted text of one Vorlage into a structured paper with a confidence per field. */
export function parseVorlageText(raw: string): VorlageParseResult {
  const text = normalizeText(raw);
  const lines = text.split('\n');
  const layout = detectLayout(text);
  const paper = layout === 'karlsruhe' ? parseKarlsruhe(lines, text) : parseGeneric(lines);
  return { paper, layout };
}
