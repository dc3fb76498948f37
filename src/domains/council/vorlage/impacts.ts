import type { Impacts, ImpactValue } from './schemas.js';

const LABELS: Record<keyof Impacts, RegExp> = {
  financial: /finanzielle\s+auswirkung/i,
  personnel: /personelle\s+auswirkung/i,
  organisational: /organisatorische\s+auswirkung/i,
  keyFigures: /auswirkung(?:en)?\s+auf\s+(?:die\s+)?kennzahlen/i,
};

const TOKEN = /noch nicht zu übersehen|\bja\b|\bnein\b|☒|☐|■|□|\[x\]|\[ \]|(?<![\w.])[xX](?![\w.])/gi;
const CHECKED = /^(☒|■|\[x\]|x)$/i;
const BOX = /^(☒|☐|■|□|\[x\]|\[ \]|x)$/i;

interface ImpactReading {
  value: ImpactValue;
  confidence: number;
}

function labelValue(token: string): ImpactValue | 'later' | null {
  const t = token.toLowerCase();
  if (t === 'ja') return 'yes';
  if (t === 'nein') return 'no';
  if (t.startsWith('noch')) return 'later';
  return null;
}

/**
 * Reads one "ja / nein" checkbox group. Word processors print either "☐ nein ☒ ja" (box before its
 * label) or "Ja ☐ Nein ☒" (box after it); the first token tells which. A lone "x" (Karlsruhe 2016
 * forms) is always a box before its label. Without a ticked box the state is lost: 'unknown'.
 */
export function readCheckboxGroup(segment: string): ImpactReading {
  const tokens = segment.match(TOKEN) ?? [];
  if (!tokens.some((t) => labelValue(t) !== null)) return { value: 'unknown', confidence: 0 };
  const boxes = tokens.filter((t) => BOX.test(t));
  const checked = boxes.filter((t) => CHECKED.test(t));
  if (checked.length !== 1) return { value: 'unknown', confidence: 0.2 };
  const glyphBoxes = boxes.some((t) => /[☒☐■□]|\[/.test(t));
  const boxFirst = !glyphBoxes || BOX.test(tokens[0]!);
  const at = tokens.findIndex((t) => CHECKED.test(t));
  const neighbour = boxFirst ? tokens[at + 1] : tokens[at - 1];
  const value = neighbour ? labelValue(neighbour) : null;
  if (value === null) return { value: 'unknown', confidence: 0.2 };
  if (value === 'later') return { value: 'unknown', confidence: 0.9 };
  return { value, confidence: glyphBoxes ? 0.9 : 0.75 };
}

/** The lines from a label to its ja/nein row (forms put column headings in between). */
function segmentAfter(lines: string[], start: number): string {
  for (let i = start; i < Math.min(lines.length, start + 12); i++) {
    const line = lines[i]!;
    const labelAt = line.search(/auswirkung/i);
    const text = i === start && labelAt >= 0 ? line.slice(labelAt) : line;
    if (/\b(ja|nein)\b/i.test(text)) {
      const both = /\bja\b/i.test(text) && /\bnein\b/i.test(text);
      return both ? text : `${text} ${lines[i + 1] ?? ''}`;
    }
  }
  return '';
}

export function parseImpacts(lines: string[]): { impacts: Impacts; confidence: number } {
  const impacts: Impacts = {
    financial: 'unknown',
    personnel: 'unknown',
    organisational: 'unknown',
    keyFigures: 'unknown',
  };
  const confidences: number[] = [];
  for (const key of Object.keys(LABELS) as (keyof Impacts)[]) {
    // Narrow form columns wrap "Finanzielle / Auswirkungen" over two lines.
    const index = lines.findIndex((l, i) => {
      const m = LABELS[key].exec(`${l} ${lines[i + 1] ?? ''}`);
      return m !== null && m.index < l.trimEnd().length;
    });
    if (index < 0) {
      confidences.push(0);
      continue;
    }
    const reading = readCheckboxGroup(segmentAfter(lines, index));
    impacts[key] = reading.value;
    confidences.push(reading.confidence);
  }
  return { impacts, confidence: Math.min(...confidences) };
}
