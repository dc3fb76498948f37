import { z } from 'zod';

/** 'unknown' whenever the extracted text cannot tell which box was ticked. */
export const impactValueSchema = z.enum(['yes', 'no', 'unknown']);

export const consultationSchema = z.object({
  committee: z.string(),
  date: z.string().nullable(),
  role: z.string().nullable(),
  agendaItem: z.string().optional(),
  result: z.string().optional(),
  /** Only set when the ö/nö column could be read unambiguously. */
  isPublic: z.boolean().optional(),
});

export const impactsSchema = z.object({
  financial: impactValueSchema,
  personnel: impactValueSchema,
  organisational: impactValueSchema,
  keyFigures: impactValueSchema,
});

export const paperFieldNames = [
  'reference',
  'isPublic',
  'decisionKind',
  'department',
  'handler',
  'date',
  'fileReference',
  'title',
  'consultations',
  'impacts',
  'draftResolution',
  'statementOfFacts',
] as const;
export type PaperFieldName = (typeof paperFieldNames)[number];

const confidence = z.number().min(0).max(1);

export const parsedPaperSchema = z.object({
  reference: z.string().nullable(),
  isPublic: z.boolean().nullable(),
  decisionKind: z.string().nullable(),
  department: z.string().nullable(),
  handler: z.string().nullable(),
  date: z.string().nullable(),
  fileReference: z.string().nullable(),
  title: z.string().nullable(),
  consultations: z.array(consultationSchema),
  impacts: impactsSchema,
  draftResolution: z.string().nullable(),
  statementOfFacts: z.string().nullable(),
  confidence: z.object(
    Object.fromEntries(paperFieldNames.map((f) => [f, confidence])) as {
      [K in PaperFieldName]: typeof confidence;
    },
  ),
});

export type ImpactValue = z.infer<typeof impactValueSchema>;
export type Consultation = z.infer<typeof consultationSchema>;
export type Impacts = z.infer<typeof impactsSchema>;
export type ParsedPaper = z.infer<typeof parsedPaperSchema>;
export type FieldConfidence = ParsedPaper['confidence'];

export const vorlageLayouts = [
  'seed',
  'karlsruhe',
  'stuttgart',
  'hannover',
  'allris',
  'allris-print',
  'sessionnet',
  'generic',
] as const;
export type VorlageLayout = (typeof vorlageLayouts)[number];

export interface VorlageParseResult {
  paper: ParsedPaper;
  layout: VorlageLayout;
}
