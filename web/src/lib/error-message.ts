import { ApiError } from './api';
import type { Language } from './i18n';

/** The API's own message in the current language; a 409 becomes the "changed meanwhile" hint. */
export function errorMessage(error: unknown, lang: Language, t: (key: string) => string): string {
  if (error instanceof ApiError) {
    if (error.status === 409) return t('error.conflict');
    if (error.status === 429 && !error.messageDe) return t('error.tooMany');
    return lang === 'de' ? error.messageDe : error.message;
  }
  return t('error.network');
}

/**
 * Field errors the API reports in `details` (validation issues: {path, message}). The API words
 * them in English only, so German users get a German hint at the field instead.
 */
export function fieldErrors(
  error: unknown,
  lang: Language,
  t: (key: string) => string,
): Record<string, string> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const out: Record<string, string> = {};
  for (const issue of error.details as Array<{ path?: unknown; message?: unknown }>) {
    const raw = Array.isArray(issue.path) ? issue.path.join('.') : String(issue.path ?? '');
    const path = raw.replace(/^\//, '').replaceAll('/', '.');
    if (path && typeof issue.message === 'string' && !out[path])
      out[path] = lang === 'en' ? issue.message : t('error.invalidField');
  }
  return out;
}
