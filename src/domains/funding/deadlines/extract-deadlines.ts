import { type DateMention, findDateMentions } from '../../../infra/text/german-dates.js';
import { isoDate, isValidDay, lastDayOfMonth } from '../../../infra/text/months.js';
import { classifyMentions, type Judgement } from './classify.js';
import {
  closedContext,
  closedCue,
  explicitlyRecurring,
  pastTense,
  recurring,
  reopenCue,
  rollingCue,
  rollingPhrase,
  rollingVerb,
} from './cues.js';
import { toUtcInstant } from './due-at.js';
import { normalizeText, splitSentences } from './normalize.js';
import type { DeadlineExtraction, ExtractedDeadline, ExtractOptions, OtherDate } from './types.js';

const rollingContext =
  /antr[aä]g|beantrag|einreich|eingereicht|bewerb|skizze|apply|application|submi|proposal/i;

function clip(sentence: string): string {
  return sentence.length > 240 ? `${sentence.slice(0, 239)}…` : sentence;
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

function snippet(sentence: string, m: DateMention): string {
  const from = Math.max(0, m.start - 70);
  const to = Math.min(sentence.length, m.end + 40);
  return `${from > 0 ? '…' : ''}${sentence.slice(from, to).trim()}${to < sentence.length ? '…' : ''}`;
}

/** Next date on or after `today` with this month/day (the 29th of February waits for a leap year). */
function nextOccurrence(month: number, day: number, today: string, skip = 0): string {
  let year = Number(today.slice(0, 4));
  let found = 0;
  for (let guard = 0; guard < 12; guard++, year++) {
    const d = Math.min(day, lastDayOfMonth(year, month));
    const iso = isoDate(year, month, d);
    if (iso >= today && isValidDay(year, month, day)) {
      if (found === skip) return iso;
      found++;
    }
  }
  return isoDate(year, month, day);
}

function isRolling(sentence: string): boolean {
  if (rollingPhrase.test(sentence)) return true;
  const cue = rollingCue.exec(sentence);
  if (!cue) return false;
  const around = sentence.slice(Math.max(0, cue.index - 120), cue.index + cue[0].length + 80);
  // the verb may come before the cue ("can be submitted at any time") or after it ("jederzeit möglich")
  const clause = sentence
    .slice(Math.max(0, cue.index - 60), cue.index + cue[0].length + 90)
    .split(/[;:]|\b(?:aber|jedoch|künftig|nun|jetzt|ab sofort|now|however)\b/i);
  const own = clause.find((c) => c.includes(cue[0])) ?? '';
  // "Bisher konnte … jederzeit", "applications could be submitted at any time": no longer so
  if (pastTense.test(own)) return false;
  return rollingContext.test(around) && rollingVerb.test(own);
}

/**
 * Reads submission deadlines out of German (and EU-portal English) prose. Pure: same text and
 * reference day give the same answer. Dates that are starts, validity periods or document stamps
 * are returned separately so a reviewer sees what was set aside and why.
 */
export function extractDeadlines(input: string, options: ExtractOptions = {}): DeadlineExtraction {
  const today = options.today ?? todayUtc();
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(today) ||
    !isValidDay(+today.slice(0, 4), +today.slice(5, 7), +today.slice(8, 10))
  )
    throw new RangeError(`reference day must be a calendar day YYYY-MM-DD, got "${today}"`);
  const occurrences = Math.max(1, options.occurrences ?? 1);
  const text = normalizeText(input);
  const sentences = splitSentences(text);
  const deadlines: ExtractedDeadline[] = [];
  const otherDates: OtherDate[] = [];
  let rolling = false;
  let rollingEvidence: string | null = null;
  let closedAt = -1;
  let closedDates: string[] = [];
  let reopenedAt = -1;

  sentences.forEach((s, si) => {
    const sentence = s.text;
    if (isRolling(sentence)) {
      rolling = true;
      rollingEvidence ??= clip(sentence);
    }
    const mentions = findDateMentions(sentence);
    const judgements = classifyMentions(sentence, mentions);
    const isClosure = closedCue.test(sentence) && closedContext.test(sentence);
    if (reopenCue.test(sentence)) reopenedAt = si;
    const sentenceDates: string[] = [];

    mentions.forEach((m, mi) => {
      const j: Judgement = judgements[mi];
      const reasons = [...j.reasons];
      let confidence = j.confidence;
      let dates: string[];
      let isRecurring = false;
      if (m.year !== null) {
        dates = [isoDate(m.year, m.month, Math.min(m.day, lastDayOfMonth(m.year, m.month)))];
      } else {
        const sibling = mentions.find(
          (o, oi) => oi !== mi && o.year !== null && Math.abs(o.start - m.end) < 30,
        );
        if (sibling && !explicitlyRecurring.test(sentence)) {
          dates = [isoDate(sibling.year!, m.month, Math.min(m.day, lastDayOfMonth(sibling.year!, m.month)))];
        } else if (recurring.test(sentence)) {
          isRecurring = true;
          dates = Array.from({ length: occurrences }, (_, k) => nextOccurrence(m.month, m.day, today, k));
          reasons.push('wiederkehrender Stichtag: nächster Termin');
        } else {
          dates = [nextOccurrence(m.month, m.day, today)];
          confidence *= 0.75;
          reasons.push('Jahr fehlt: nächstes Vorkommen angenommen');
        }
      }
      if (m.approximate) {
        confidence *= m.approximate === 'end-of-month' ? 0.8 : 0.6;
        reasons.push(m.approximate === 'end-of-month' ? 'nur Monat genannt: Monatsende' : 'ungefähres Datum');
      }
      sentenceDates.push(...dates);
      if (j.role !== 'deadline' || confidence < 0.3) {
        for (const date of dates) otherDates.push({ date, role: j.role, evidence: snippet(sentence, m) });
        return;
      }
      let timeZone = m.timeZone;
      if (m.time && !timeZone) {
        timeZone = 'Europe/Berlin';
        reasons.push('Zeitzone angenommen: Europe/Berlin');
      }
      for (const date of dates) {
        deadlines.push({
          date,
          confidence: Math.round(confidence * 100) / 100,
          time: m.time,
          timeZone: m.time ? timeZone : null,
          dueAt: m.time && timeZone ? toUtcInstant(date, m.time, timeZone) : null,
          recurring: isRecurring,
          approximate: m.approximate !== null,
          evidence: snippet(sentence, m),
          reasons,
        });
      }
    });
    if (isClosure) {
      closedAt = si;
      closedDates = sentenceDates;
    }
  });

  const merged = mergeSameDay(deadlines);
  const latestClosure = closedDates.length ? closedDates.reduce((a, b) => (a > b ? a : b)) : null;
  const reopened =
    reopenedAt > closedAt ||
    (latestClosure !== null && merged.some((d) => d.date > latestClosure && !d.recurring));
  const closed = closedAt >= 0 && !reopened;
  return {
    deadlines: merged,
    rolling: rolling && !closed,
    closed,
    otherDates,
    rollingEvidence: rolling && !closed ? rollingEvidence : null,
    closedEvidence: closed ? clip(sentences[closedAt].text) : null,
  };
}

/** The same day named twice keeps the most confident reading (and its time, if any). */
function mergeSameDay(list: ExtractedDeadline[]): ExtractedDeadline[] {
  const byDate = new Map<string, ExtractedDeadline>();
  for (const d of list) {
    const seen = byDate.get(d.date);
    if (
      !seen ||
      d.confidence > seen.confidence ||
      (d.confidence === seen.confidence && d.time && !seen.time)
    ) {
      byDate.set(
        d.date,
        seen && !d.time && seen.time
          ? { ...d, time: seen.time, timeZone: seen.timeZone, dueAt: seen.dueAt }
          : d,
      );
    }
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}
