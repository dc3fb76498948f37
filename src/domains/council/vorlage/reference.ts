/**
 * Paper numbers as councils print them, and how sure a reading can be. Shapes seen: "2014/0327",
 * "1536/V", "DS/1246/V", "VI-0415", "VI-DS-03773", "2015/EUV/034", "FB 61/0431/WP17", "0065/2024/KREIS",
 * "WP 04-09 SV 20/007", "178-1/2021", "2015/0288-1", "BV/2023/117", "2022/2461/1".
 */

/** One token of a number: digits, or a short group of capitals that sits between separators. */
const PART = String.raw`(?:\d{1,6}|[A-ZÄÖÜ]{1,6}\d{0,3})`;
/** Parts joined by "/", "-" (spaces allowed only between letter groups and digits: "FB 61/…", "WP 04-09 SV 20/007"). */
export const REFERENCE_TOKEN = new RegExp(
  String.raw`(?:[A-ZÄÖÜ]{1,5}\s)?(?:[A-ZÄÖÜ]{1,5}\s)?${PART}(?:\s?[/-]\s?${PART}){1,4}`,
  'u',
);

const YEAR = /^(19|20)\d{2}$/;

/** Does the value look like a paper number at all (never a bare year, a date or a page count)? */
export function isReferenceLike(value: string): boolean {
  const v = value.trim();
  if (!/\d/.test(v) || v.length > 32) return false;
  if (YEAR.test(v)) return false;
  if (/^\d{1,2}\.\d{1,2}\.\d{2,4}$/.test(v)) return false;
  if (/^\d+$/.test(v)) return v.length <= 6;
  return new RegExp(`^${REFERENCE_TOKEN.source}$`, 'iu').test(v);
}

/**
 * Confidence for a number read after an explicit label ("Vorlage Nr.", "Drucksache -", "GRDrs").
 * A number with a separator and a year-like part is what the label promises; a bare short number is
 * often a TOP or page number that landed in the label's place.
 */
export function referenceConfidence(value: string, labelled: boolean): number {
  if (!isReferenceLike(value)) {
    // A labelled value of another shape ("WP 04-09 SV 20/007"): probably right, never certain.
    const v = value.trim();
    const plausible =
      /\d/.test(v) && v.length <= 32 && !/^(19|20)\d{2}$/.test(v) && !/^\d{1,2}\.\d{1,2}\.\d{2,4}$/.test(v);
    return labelled && plausible && /[/-]/.test(v) ? 0.75 : 0;
  }
  const structured = /[/-]/.test(value);
  if (labelled && structured) return 0.9;
  if (labelled) return 0.7;
  return structured ? 0.6 : 0.3;
}

/** Lower-case text (more! rubin File.text) keeps the number in lower case: give the letters back. */
export function restoreReferenceCase(value: string): string {
  return /[a-zäöü]/.test(value) && !/[A-ZÄÖÜ]/.test(value) ? value.toUpperCase() : value;
}
