import type { Generated } from 'kysely';

/**
 * What deadline extraction keeps on each call (columns of `funding_calls`, migration
 * 2026120170_funding_call_extraction_state). Imports never write these columns, so a re-import leaves them
 * alone; they travel with the call in dumps.
 */
export interface CallExtractionColumns {
  /** Hash of the text the extractor last read (call text + programme's deadline text); null = never read. */
  extraction_text_hash: string | null;
  extraction_at: string | null;
  /** The extractor's reading of the text: 1/0, null = never read. */
  extracted_rolling: number | null;
  extracted_closed: number | null;
  /** JSON {rolling?: string, closed?: string}: the sentences the flags were read from. */
  extraction_flag_evidence: string | null;
  /** 'unreviewed' | 'confirmed' | 'overridden': a person's decision on the rolling/closed reading. */
  flags_review: Generated<string>;
  /** A person's decision (null until decided); it wins over the extractor and over source fields. */
  flags_rolling: number | null;
  flags_closed: number | null;
  flags_decided_by: string | null;
  flags_decided_at: string | null;
  /** Status / stage model the call had before extraction changed it (null: extraction has not changed it). */
  status_before_extraction: string | null;
  stage_before_extraction: string | null;
}
