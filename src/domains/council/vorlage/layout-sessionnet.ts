import { detectDecisionKind } from './decision-kind.js';
import { type Found, toPaper } from './paper.js';
import { referenceConfidence, restoreReferenceCase } from './reference.js';
import type { ParsedPaper } from './schemas.js';
import { collapse, findGermanDate, joinWrapped } from './text.js';

/**
 * SessionNet (Somacos) Vorlage pages ("vo0050"): each label on a line of its own and its value on the
 * lines below ("Betreff" / subject lines / "Vorlage" / "WP 04-09 SV 20/007" / "Aktenzeichen" / "II/20" /
 * "Art" / "Beschlussvorlage"), then the proposal. In a flattened text the labels stand between the values.
 */

const LABELS = ['Betreff', 'Vorlage', 'Aktenzeichen', 'Art', 'Status', 'Federführend', 'Verfasser', 'Datum'];
const LABEL_LINE = new RegExp(`^\\s*(${LABELS.join('|')})\\s*:?\\s*$`, 'i');
export const SESSIONNET_HEAD =
  /^\s*Betreff\s*\n[\s\S]{1,600}?\n\s*Vorlage\s*\n[^\n]+\n(?:[\s\S]{0,200}?\n)?\s*Art\s*\n/i;
const FLAT_HEAD =
  /^\s*Betreff\s+(.+?)\s+Vorlage\s+(\S+(?:\s\S+){0,4}?)\s+(?:Aktenzeichen\s+(\S+)\s+)?Art\s+(\S+)/i;

function stacked(lines: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string | null = null;
  for (const line of lines) {
    const label = LABEL_LINE.exec(line);
    if (label) {
      const key = LABELS.find((l) => l.toLowerCase() === label[1]!.toLowerCase())!;
      if (out.has(key)) break;
      current = key;
      out.set(key, []);
      continue;
    }
    if (!current) continue;
    if (!line.trim()) {
      if (current === 'Art') break;
      continue;
    }
    out.get(current)!.push(line);
  }
  return out;
}

export function parseSessionNet(lines: string[], text: string): ParsedPaper {
  const found: Found = {};
  const values = stacked(lines.slice(0, 80));
  let title = values.get('Betreff') ? joinWrapped(values.get('Betreff')!) : null;
  let reference = values.get('Vorlage') ? collapse(values.get('Vorlage')!.join(' ')) : null;
  let type = values.get('Art') ? collapse(values.get('Art')!.join(' ')) : null;
  const flat = !values.has('Vorlage') ? FLAT_HEAD.exec(collapse(text)) : null;
  if (flat) {
    title = flat[1]!;
    reference = flat[2]!;
    type = flat[4]!;
  }
  if (title) found.title = { value: title, confidence: title.length <= 300 ? 0.85 : 0.3 };
  if (reference) {
    const ref = restoreReferenceCase(reference);
    found.reference = { value: ref, confidence: referenceConfidence(ref, true) };
  }
  const az = values.get('Aktenzeichen')?.[0]?.trim();
  if (az) found.fileReference = { value: az, confidence: 0.8 };
  const status = values.get('Status')?.join(' ');
  if (status && /öffentlich/i.test(status))
    found.isPublic = { value: !/nicht/i.test(status), confidence: 0.9 };
  const dept = values.get('Federführend')?.join(' ');
  if (dept) found.department = { value: collapse(dept), confidence: 0.85 };
  const date = values.get('Datum')?.join(' ');
  const iso = date ? findGermanDate(date)?.iso : undefined;
  if (iso) found.date = { value: iso, confidence: 0.85 };
  const draft = /Beschlussvorschlag\s*:?\s*([\s\S]{0,1500})/i.exec(text)?.[1] ?? null;
  const t = type?.toLowerCase() ?? '';
  const kind = detectDecisionKind({
    documentType: /beschluss/.test(t)
      ? 'Beschlussvorlage'
      : /mitteilung|information|bericht/.test(t)
        ? 'Informationsvorlage'
        : null,
    title,
    draftResolution: draft ? collapse(draft) : null,
    statedRole: null,
  });
  if (kind.value) found.decisionKind = { value: kind.value, confidence: kind.confidence };
  return toPaper(lines, found);
}
