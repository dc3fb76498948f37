import { ALLRIS_HEAD, parseAllris } from './layout-allris.js';
import { ALLRIS_PRINT, parseAllrisPrint } from './layout-allris-print.js';
import { parseGeneric } from './layout-generic.js';
import { HANNOVER_HEAD, parseHannover } from './layout-hannover.js';
import { parseKarlsruhe } from './layout-karlsruhe.js';
import { parseSessionNet, SESSIONNET_HEAD } from './layout-sessionnet.js';
import { parseStuttgart, STUTTGART } from './layout-stuttgart.js';
import type { ParsedPaper, VorlageLayout, VorlageParseResult } from './schemas.js';
import { normalizeText, unflatten } from './text.js';

export function detectLayout(text: string): VorlageLayout {
  if (
    /Beratungsfolge\s*(dieser\s*Vorlage|Sitzung am|Termin\s+Öffentlichkeitsstatus)|STADT KARLSRUHE|Stadt\s*Karlsruhe|Gedruckt auf 100 Prozent|Verantwortlich:\s*Dez/i.test(
      text,
    )
  ) {
    return 'karlsruhe';
  }
  if (STUTTGART.test(text) && /Vorlage an|Sitzungstermin/i.test(text)) return 'stuttgart';
  if (HANNOVER_HEAD.test(text.slice(0, 400))) return 'hannover';
  if (ALLRIS_PRINT.test(text)) return 'allris-print';
  if (
    (ALLRIS_HEAD.test(text.slice(0, 600)) ||
      /^\s*(?:[^\n]{0,80}?\s)?(drucksache|vorlage|antrag der verwaltung)\s+-\s+\S{2,30}\s+(betreff|reduzieren)/i.test(
        text.slice(0, 400),
      )) &&
    /Betreff\s*:|Beratungsfolge|ALLRIS/i.test(text)
  )
    return 'allris';
  if (SESSIONNET_HEAD.test(text)) return 'sessionnet';
  if (/Vorlagen?\s*Nr\.?\s*\d+\/\d+\/\d{4}/i.test(text) && /Beratungsfolge\s+Termine/i.test(text))
    return 'seed';
  return 'generic';
}

const PARSERS: Record<VorlageLayout, (lines: string[], text: string) => ParsedPaper> = {
  karlsruhe: parseKarlsruhe,
  stuttgart: parseStuttgart,
  hannover: parseHannover,
  'allris-print': parseAllrisPrint,
  allris: parseAllris,
  sessionnet: parseSessionNet,
  seed: (lines) => parseGeneric(lines),
  generic: (lines) => parseGeneric(lines),
};

const FLAT_CONFIDENCE = 0.75;

/** Turns the extracted text of one Vorlage into a structured paper with a confidence per field. */
export function parseVorlageText(raw: string): VorlageParseResult {
  // OParl File.text of some systems (more! rubin) comes as one line: give the labels their lines back.
  const normalized = normalizeText(raw);
  const text = unflatten(normalized);
  const lines = text.split('\n');
  const layout = detectLayout(text);
  const paper = PARSERS[layout](lines, text);
  if (text !== normalized) {
    // Table cells and label columns are lost in a flattened text: no reading of it is more than likely.
    for (const field of Object.keys(paper.confidence) as (keyof typeof paper.confidence)[])
      paper.confidence[field] = Math.min(paper.confidence[field], FLAT_CONFIDENCE);
  }
  return { paper, layout };
}
