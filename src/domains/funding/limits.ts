import { z } from 'zod';

/**
 * Field limits of funding records, one set for imports (`sync/check-record.ts`) and the write API
 * (`schemas.ts`). Titles and names stay below a spreadsheet cell (32,767 characters) by far; long texts
 * (a guideline's body) are allowed up to FIELD_LIMITS.text, which is above every real programme text
 * seen (Förderdatenbank bodies stay below 60,000 characters).
 */
export const FIELD_LIMITS = {
  title: 1_000,
  identifier: 200,
  name: 1_000,
  url: 2_000,
  listEntry: 500,
  listLength: 200,
  contacts: 50,
  links: 100,
  keywords: 5_000,
  text: 200_000,
} as const;

/** Only web addresses are links: `javascript:`, `data:`, `file:` and the like never are. */
export function isHttpUrl(v: string): boolean {
  if (!/^https?:\/\//i.test(v.trim())) return false;
  try {
    const u = new URL(v.trim());
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

export const httpUrl = z
  .string()
  .max(FIELD_LIMITS.url)
  .refine(isHttpUrl, { message: 'must be an http(s) address / muss eine http(s)-Adresse sein' });

/** Lone UTF-16 surrogates (from "\ud800" escapes in JSON) cannot be stored as text. */
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
