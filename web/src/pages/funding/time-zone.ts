import type { Language } from '../../lib/i18n';

/** The zones funding deadlines are given in, with the name of their city in each language. */
const zones: Record<string, { de: string; en: string }> = {
  'Europe/Berlin': { de: 'Berlin', en: 'Berlin' },
  'Europe/Brussels': { de: 'Brüssel', en: 'Brussels' },
  'Europe/Luxembourg': { de: 'Luxemburg', en: 'Luxembourg' },
  'Europe/Paris': { de: 'Paris', en: 'Paris' },
  'Europe/London': { de: 'London', en: 'London' },
  UTC: { de: 'UTC', en: 'UTC' },
};

/** The zone most deadlines here are in: it goes without saying. */
export const HOME_ZONE = 'Europe/Berlin';

export function zoneLabel(zone: string, lang: Language): string {
  return zones[zone]?.[lang] ?? zone;
}

/** Options for a zone select; a stored zone outside the list stays choosable. */
export function zoneOptions(lang: Language, current?: string): Array<{ value: string; label: string }> {
  const ids = Object.keys(zones);
  if (current && !ids.includes(current)) ids.push(current);
  return ids.map((value) => ({ value, label: zoneLabel(value, lang) }));
}

/** ", 17:00 (Brüssel)": a deadline's time, with its zone when that is not the home zone. */
export function timeSuffix(
  time: string | null | undefined,
  zone: string | undefined,
  lang: Language,
): string {
  if (!time) return '';
  return zone && zone !== HOME_ZONE ? `, ${time} (${zoneLabel(zone, lang)})` : `, ${time}`;
}
