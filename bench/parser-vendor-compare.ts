// Field-by-field scoring of parsed papers against the vendor labels, with the confidence the parser
// gave each answer (for calibration: accuracy per confidence bucket).
import type { ParsedPaper } from '../src/domains/council/vorlage/schemas.js';
import { comparable } from '../src/domains/council/vorlage/text.js';
import type { VendorExpected } from './parser-vendor-fixtures.js';

export const VENDOR_FIELDS = [
  'reference',
  'title',
  'date',
  'isPublic',
  'department',
  'decisionKind',
  'consultations',
] as const;
export type VendorField = (typeof VENDOR_FIELDS)[number];

export interface FieldResult {
  field: VendorField;
  correct: boolean;
  /** The parser's confidence; answers that are null with confidence 0 count as "no claim". */
  confidence: number;
  claimed: boolean;
  detail: string;
}

const text = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
/** Committee names without a trailing note such as "(Aufstellungsbeschluss)". */
const committeeKey = (s: string) => comparable(s.replace(/\s*\([^)]*\)\s*$/, ''));

function sameConsultations(
  got: ParsedPaper['consultations'],
  want: VendorExpected['consultations'],
): boolean {
  if (got.length !== want.length) return false;
  return want.every((w, i) => {
    const g = got[i]!;
    return committeeKey(g.committee) === committeeKey(w.committee) && g.date === w.date && g.role === w.role;
  });
}

export function scoreVendorCase(got: ParsedPaper, want: VendorExpected): FieldResult[] {
  const c = got.confidence;
  const out: FieldResult[] = [];
  const add = (field: VendorField, correct: boolean, claimed: boolean, confidence: number, detail: string) =>
    out.push({ field, correct, claimed, confidence, detail });
  add(
    'reference',
    text(got.reference) === text(want.reference),
    got.reference !== null,
    c.reference,
    `${JSON.stringify(got.reference)} ≠ ${JSON.stringify(want.reference)}`,
  );
  add(
    'title',
    want.title === null ? got.title === null : comparable(got.title ?? '') === comparable(want.title),
    got.title !== null,
    c.title,
    `«${got.title}» ≠ «${want.title}»`,
  );
  add('date', got.date === want.date, got.date !== null, c.date, `${got.date} ≠ ${want.date}`);
  add(
    'isPublic',
    got.isPublic === want.isPublic,
    got.isPublic !== null,
    c.isPublic,
    `${got.isPublic} ≠ ${want.isPublic}`,
  );
  add(
    'department',
    want.department === null
      ? got.department === null
      : comparable(got.department ?? '') === comparable(want.department),
    got.department !== null,
    c.department,
    `${JSON.stringify(got.department)} ≠ ${JSON.stringify(want.department)}`,
  );
  add(
    'decisionKind',
    got.decisionKind === want.decisionKind,
    got.decisionKind !== null,
    c.decisionKind,
    `${got.decisionKind} ≠ ${want.decisionKind}`,
  );
  add(
    'consultations',
    sameConsultations(got.consultations, want.consultations),
    got.consultations.length > 0,
    c.consultations,
    `${JSON.stringify(got.consultations.map((r) => [r.committee, r.date, r.role]))} ≠ ${JSON.stringify(want.consultations.map((r) => [r.committee, r.date, r.role]))}`,
  );
  return out;
}

export const CONFIDENCE_BUCKETS = [
  [0, 0.3],
  [0.3, 0.6],
  [0.6, 0.8],
  [0.8, 0.9],
  [0.9, 1.01],
] as const;

export interface BucketTally {
  label: string;
  claims: number;
  correct: number;
  /** Mean confidence of the claims in the bucket. */
  meanConfidence: number;
}

/** Accuracy of the answers the parser gave (non-null values) per confidence bucket. */
export function calibration(results: FieldResult[]): BucketTally[] {
  return CONFIDENCE_BUCKETS.map(([lo, hi]) => {
    const inBucket = results.filter((r) => r.claimed && r.confidence >= lo && r.confidence < hi);
    const sum = inBucket.reduce((s, r) => s + r.confidence, 0);
    return {
      label: `${lo.toFixed(1)}–${Math.min(hi, 1).toFixed(1)}`,
      claims: inBucket.length,
      correct: inBucket.filter((r) => r.correct).length,
      meanConfidence: inBucket.length ? sum / inBucket.length : 0,
    };
  });
}
