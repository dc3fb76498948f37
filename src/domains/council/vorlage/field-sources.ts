import { z } from 'zod';
import type { ParsedPaper } from './schemas.js';
import { comparable } from './text.js';

/**
 * Where a paper field's value comes from: the council system's OParl record, the Vorlage text the
 * parser read, or both (OParl's value, confirmed by the text). OParl stays authoritative for number,
 * name, date and Beratungsfolge; the text fills what OParl does not carry.
 */
export const fieldSourceSchema = z.enum(['oparl', 'text', 'oparl+text']);
export type FieldSource = z.infer<typeof fieldSourceSchema>;

export const sourcedFields = [
  'reference',
  'title',
  'date',
  'paperType',
  'isPublic',
  'decisionKind',
  'department',
  'handler',
  'fileReference',
  'impacts',
  'draftResolution',
  'statementOfFacts',
  'consultations',
] as const;
export type SourcedField = (typeof sourcedFields)[number];

export const fieldSourcesSchema = z.object(
  Object.fromEntries(sourcedFields.map((f) => [f, fieldSourceSchema.nullable()])) as {
    [K in SourcedField]: z.ZodNullable<typeof fieldSourceSchema>;
  },
);
export type FieldSources = z.infer<typeof fieldSourcesSchema>;

export const fieldConflictSchema = z.object({
  field: z.enum(sourcedFields),
  oparl: z.string(),
  text: z.string(),
});
export type FieldConflict = z.infer<typeof fieldConflictSchema>;

/** What an OParl paper record says (null where it says nothing). */
export interface OparlPaperFacts {
  reference: string | null;
  name: string | null;
  date: string | null;
  paperType: string | null;
}

const none = (): FieldSources =>
  Object.fromEntries(sourcedFields.map((f) => [f, null])) as unknown as FieldSources;

const parsedOnly: Exclude<SourcedField, 'reference' | 'title' | 'date' | 'paperType'>[] = [
  'isPublic',
  'decisionKind',
  'department',
  'handler',
  'fileReference',
  'impacts',
  'draftResolution',
  'statementOfFacts',
  'consultations',
];

function hasValue(paper: ParsedPaper, field: (typeof parsedOnly)[number]): boolean {
  if (field === 'consultations') return paper.consultations.length > 0;
  if (field === 'impacts') return Object.values(paper.impacts).some((v) => v !== 'unknown');
  return paper[field] !== null;
}

/** Same value in both sources? Titles compare letters and digits only (OParl often shortens the Betreff). */
function agrees(field: 'reference' | 'title' | 'date', oparl: string, text: string): boolean {
  if (field === 'title') {
    const a = comparable(oparl);
    const b = comparable(text);
    return a === b || (a.length >= 12 && b.startsWith(a));
  }
  return oparl.replace(/\s+/g, '').toLowerCase() === text.replace(/\s+/g, '').toLowerCase();
}

/**
 * The Vorlage text combined with the OParl record of the same paper: which source each field comes
 * from, and where the two disagree (the OParl value is kept, the text's value is reported beside it).
 */
export function combineWithOparl(
  parsed: ParsedPaper,
  oparl: OparlPaperFacts | null,
): { sources: FieldSources; conflicts: FieldConflict[] } {
  const sources = none();
  const conflicts: FieldConflict[] = [];
  const pairs: ['reference' | 'title' | 'date', string | null, string | null][] = [
    ['reference', oparl?.reference ?? null, parsed.reference],
    ['title', oparl?.name ?? null, parsed.title],
    ['date', oparl?.date ?? null, parsed.date],
  ];
  for (const [field, o, t] of pairs) {
    if (o && t) {
      if (agrees(field, o, t)) sources[field] = 'oparl+text';
      else {
        sources[field] = 'oparl';
        conflicts.push({ field, oparl: o, text: t });
      }
    } else if (o) sources[field] = 'oparl';
    else if (t) sources[field] = 'text';
  }
  if (oparl?.paperType) sources.paperType = 'oparl';
  for (const field of parsedOnly) if (hasValue(parsed, field)) sources[field] = 'text';
  return { sources, conflicts };
}

/** The stored paper row as far as its sources go: an uploaded paper is all text, a synced one OParl plus parsed columns. */
export interface StoredPaperFacts {
  fromOparl: boolean;
  reference: string | null;
  name: string | null;
  date: string | null;
  paperType: string | null;
  hasConsultations: boolean;
  parsed: {
    decisionKind: string | null;
    department: string | null;
    handler: string | null;
    fileReference: string | null;
    impacts: unknown;
    draftResolution: string | null;
    statementOfFacts: string | null;
  };
}

export function storedFieldSources(p: StoredPaperFacts): FieldSources {
  const sources = none();
  const own: FieldSource = p.fromOparl ? 'oparl' : 'text';
  if (p.reference) sources.reference = own;
  if (p.name) sources.title = own;
  if (p.date) sources.date = own;
  if (p.paperType) sources.paperType = own;
  sources.isPublic = own;
  if (p.hasConsultations) sources.consultations = own;
  for (const [field, value] of Object.entries(p.parsed) as [keyof StoredPaperFacts['parsed'], unknown][])
    if (value !== null && value !== undefined) sources[field] = 'text';
  return sources;
}
