import type { Language } from './i18n';

const locales: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

/** 'YYYY-MM-DD' → localised date; other strings are shown as they are. */
export function formatDate(value: string | null | undefined, lang: Language): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locales[lang], {
    dateStyle: 'medium',
    timeZone: m ? 'UTC' : undefined,
  }).format(date);
}

export function formatDateTime(value: string | null | undefined, lang: Language): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** 'YYYY-MM-DD' as typed in a date field: 08.12.2026 (German), 08/12/2026 (English). */
export function formatDateInput(value: string | null | undefined, lang: Language): string {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!m) return '';
  return lang === 'de' ? `${m[3]}.${m[2]}.${m[1]}` : `${m[3]}/${m[2]}/${m[1]}`;
}

/**
 * What a person typed into a date field → 'YYYY-MM-DD', or null when it is no real day. Day first
 * in both languages (8.12.2026, 08.12.26, 8/12/2026); an ISO date is understood too.
 */
export function parseDateInput(text: string): string | null {
  const s = text.trim();
  let y: number;
  let mo: number;
  let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dayFirst = /^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})$/.exec(s);
  if (iso) [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dayFirst) {
    [d, mo, y] = [Number(dayFirst[1]), Number(dayFirst[2]), Number(dayFirst[3])];
    if (dayFirst[3].length === 2) y += 2000;
  } else return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}
