import { formatDate } from '../../lib/format';
import type { Language } from '../../lib/i18n';
import type { DatePrecision } from './types';

const locales: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

/** A date as precise as the source: "Juli 2018" for a month, "2018" for a year. */
export function formatPreciseDate(
  value: string | null | undefined,
  precision: DatePrecision,
  lang: Language,
): string {
  if (!value) return '';
  if (precision === 'day') return formatDate(value, lang);
  const [year, month] = value.split('-').map(Number);
  if (precision === 'year' || !month) return String(year);
  return new Intl.DateTimeFormat(locales[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}

export function formatRange(
  from: { date: string | null; precision: DatePrecision },
  to: { date: string | null; precision: DatePrecision },
  lang: Language,
  t: (key: string, vars?: Record<string, string>) => string,
): string {
  const start = formatPreciseDate(from.date, from.precision, lang);
  const end = formatPreciseDate(to.date, to.precision, lang);
  if (start && end) return `${start} – ${end}`;
  if (start) return t('range.since', { date: start });
  if (end) return t('range.until', { date: end });
  return '';
}
