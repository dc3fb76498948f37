import type { DateMention } from '../../../infra/text/german-dates.js';
import {
  callContext,
  closesBefore,
  deadlineNoun,
  eventBefore,
  eventAfter as eventNounAfter,
  negatedBefore,
  otherFrist,
  period,
  postponement,
  referenceBefore,
  removedAfter,
  startAfter,
  startBefore,
  submission,
  submissionWindow,
  untilBefore,
  validity,
} from './cues.js';
import type { DateRole } from './types.js';

export interface Judgement {
  role: DateRole;
  confidence: number;
  reasons: string[];
}

const eventAfter = /^\s*(?:statt|stattgefunden|tagt|getagt|informiert|beraten|beschlossen)\b/i;
const completedAfter =
  /^\s*(?:abgeschlossen\w*|erledigt\w*|bewilligt\w*|umgesetzt\w*|fertiggestellt\w*|gekauft|erfüllt|zugelassen)\b/i;
const separatorsOnly =
  /^[\s,;/&]*(?:und|sowie|oder|bzw\.?|and|or)?[\s,;/&]*(?:der|den|dem|die|am|zum|the|on)?[\s,;/&]*$/i;
const rangeLink = /^\s*(?:bis(?:\s+(?:zum|einschließlich))?|to|until|[-–]|und)\s*$/i;
/** Only a range, never an enumeration ("und"): "01.09.-02.11.2021", "vom 01.09. bis 02.11.2021". */
const strictRangeLink = /^\s*(?:bis(?:\s+(?:zum|einschließlich))?|to|until|[-–—])\s*$/i;
const afterPostponed = /(?:\bauf|\bto|\bbis(?:\s+zum)?|\bnew|\bneu\w*)\s+(?:den|dem|the)?\s*$/i;

function hasDeadlineNoun(text: string): RegExpExecArray | null {
  const re = new RegExp(deadlineNoun.source, 'gi');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (otherFrist.test(text.slice(Math.max(0, m.index - 20), m.index + m[0].length + 24))) continue;
    // "keine Deadline", "kein Stichtag": the noun names no date
    if (negatedBefore.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    return m;
  }
  return null;
}

/**
 * What one date in a sentence is: a deadline (with a confidence), or a start, validity, period,
 * reference, superseded or removed date. Looks at the words right before and after the date first,
 * then at the sentence, because German prose puts the decisive word next to the date ("Antragsfrist
 * am …", "tritt am … in Kraft", "ab dem …").
 */
export function classifyMentions(sentence: string, mentions: DateMention[]): Judgement[] {
  const out: Judgement[] = [];
  const sentenceSubmits = submission.test(sentence) || callContext.test(sentence);
  const sentenceValidity = validity.test(sentence);
  const sentencePostponed = postponement.test(sentence);

  mentions.forEach((m, i) => {
    const prevEnd = i > 0 ? mentions[i - 1].end : 0;
    const near = sentence.slice(Math.max(prevEnd, m.start - 80), m.start);
    const nextStart = i + 1 < mentions.length ? mentions[i + 1].start : sentence.length;
    const after = sentence.slice(m.end, Math.min(nextStart, m.end + 45));
    const before = sentence.slice(0, m.start);

    if (i > 0 && separatorsOnly.test(sentence.slice(prevEnd, m.start))) {
      const prev = out[i - 1];
      out.push({ ...prev, reasons: [...prev.reasons] });
      return;
    }
    if (removedAfter.test(after)) {
      out.push({ role: 'removed', confidence: 0, reasons: ['Datum wurde gestrichen'] });
      return;
    }
    if (sentencePostponed && /(?:\bfrom|\bvon|\bvom)\s*$/i.test(near) && i + 1 < mentions.length) {
      out.push({ role: 'superseded', confidence: 0, reasons: ['durch ein späteres Datum ersetzt'] });
      return;
    }
    if (i > 0 && out[i - 1].role === 'superseded' && afterPostponed.test(sentence.slice(prevEnd, m.start))) {
      if (hasDeadlineNoun(sentence) || sentenceSubmits) {
        out.push({ role: 'deadline', confidence: 0.9, reasons: ['neuer Termin nach einer Verschiebung'] });
        return;
      }
    }
    if (eventBefore.test(near) || eventNounAfter.test(after)) {
      out.push({ role: 'reference', confidence: 0, reasons: ['Termin einer Veranstaltung, keine Frist'] });
      return;
    }
    const nextLink = i + 1 < mentions.length ? sentence.slice(m.end, mentions[i + 1].start) : null;
    const windowed = submissionWindow.test(before) || submissionWindow.test(after);
    if (
      nextLink !== null &&
      strictRangeLink.test(nextLink) &&
      !hasDeadlineNoun(near) &&
      !period.test(near) &&
      !validity.test(near)
    ) {
      out.push({ role: 'start', confidence: 0, reasons: ['Beginn eines Zeitraums'] });
      return;
    }
    if (
      i > 0 &&
      windowed &&
      strictRangeLink.test(sentence.slice(prevEnd, m.start)) &&
      out[i - 1].role === 'start'
    ) {
      out.push({ role: 'deadline', confidence: 0.9, reasons: ['Ende des Einreichungszeitraums'] });
      return;
    }
    if (closesBefore.test(near) && !otherFrist.test(near)) {
      out.push({ role: 'deadline', confidence: 0.9, reasons: ['„schließt/endet am“'] });
      return;
    }

    const nounNear = hasDeadlineNoun(near);
    // A noun after the date belongs to it only within the same clause and when no other date
    // follows closely ("am 24. November bis zum Ende der Antragsfrist am 15. Dezember").
    const clauseAfter = after.replace(/^\s*[:–—-]\s*/, ' ').split(/[,;:(]/)[0];
    const nounAfter =
      nextStart - m.end > 60 || i + 1 === mentions.length ? hasDeadlineNoun(clauseAfter) : null;
    const until = untilBefore.test(near);

    if (!nounNear && (validity.test(near) || /^\s*(?:in[\s-]*kraft|außer kraft)/i.test(after))) {
      out.push({ role: 'validity', confidence: 0, reasons: ['Inkrafttreten/Geltung, keine Frist'] });
      return;
    }
    if (!nounNear && period.test(near)) {
      out.push({ role: 'period', confidence: 0, reasons: ['Laufzeit/Zeitraum, keine Frist'] });
      return;
    }
    if (!nounNear && otherFrist.test(near)) {
      out.push({ role: 'period', confidence: 0, reasons: ['andere Frist (z. B. Zuschlagsfrist)'] });
      return;
    }
    if (!until && !nounNear && (startBefore.test(near) || startAfter.test(after))) {
      out.push({ role: 'start', confidence: 0, reasons: ['Beginn („ab“, „von“, „seit“)'] });
      return;
    }
    if (!nounNear && eventAfter.test(after)) {
      out.push({ role: 'reference', confidence: 0, reasons: ['Termin eines Ereignisses („fand … statt“)'] });
      return;
    }
    if (completedAfter.test(after)) {
      out.push({ role: 'end', confidence: 0, reasons: ['Abschluss/Erledigung, keine Frist'] });
      return;
    }
    if (!until && !nounNear && referenceBefore.test(near)) {
      out.push({ role: 'reference', confidence: 0, reasons: ['Stand/Datum eines Dokuments'] });
      return;
    }

    if (nounNear) {
      out.push({ role: 'deadline', confidence: 0.9, reasons: [`Fristbegriff „${nounNear[0]}“`] });
      return;
    }
    if (nounAfter) {
      out.push({ role: 'deadline', confidence: 0.85, reasons: [`Fristbegriff „${nounAfter[0]}“`] });
      return;
    }
    const prev = i > 0 ? out[i - 1] : null;
    if (prev && prev.role === 'start' && rangeLink.test(sentence.slice(prevEnd, m.start))) {
      if (sentenceSubmits && !period.test(before) && !sentenceValidity) {
        out.push({ role: 'deadline', confidence: 0.8, reasons: ['Ende eines Einreichungszeitraums'] });
      } else out.push({ role: 'period', confidence: 0, reasons: ['Ende eines Zeitraums'] });
      return;
    }
    if (until && submission.test(sentence) && !sentenceValidity && !period.test(before)) {
      out.push({ role: 'deadline', confidence: 0.85, reasons: ['„bis/spätestens“ mit Einreichung'] });
      return;
    }
    const farNoun = hasDeadlineNoun(before.split(/[,;]/).pop() ?? '');
    if (farNoun && !sentenceValidity) {
      out.push({ role: 'deadline', confidence: 0.7, reasons: [`Fristbegriff „${farNoun[0]}“ im Satz`] });
      return;
    }
    if (until && sentenceSubmits && !sentenceValidity) {
      out.push({ role: 'deadline', confidence: 0.55, reasons: ['„bis“ im Zusammenhang eines Aufrufs'] });
      return;
    }
    if (until) {
      out.push({ role: 'end', confidence: 0.3, reasons: ['„bis“ ohne Bezug zu einer Einreichung'] });
      return;
    }
    if (submission.test(sentence) && !sentenceValidity) {
      out.push({ role: 'other', confidence: 0.3, reasons: ['Datum im Zusammenhang einer Einreichung'] });
      return;
    }
    out.push({ role: 'other', confidence: 0, reasons: [] });
  });
  return out;
}
