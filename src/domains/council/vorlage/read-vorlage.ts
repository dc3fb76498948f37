import { readFile } from 'node:fs/promises';
import type { PdfLimits } from '../../../infra/pdf/errors.js';
import { createPdfExtractor } from '../../../infra/pdf/extractor.js';
import { parseVorlageText } from './parse-vorlage.js';
import type { VorlageParseResult } from './schemas.js';

export interface ReadVorlageResult extends VorlageParseResult {
  source: 'pdf' | 'text';
  pages: number | null;
}

export function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024))
    .toString('latin1')
    .includes('%PDF-');
}

/** The bytes of a Vorlage, PDF (recognised by its header, not its name) or extracted text, parsed. */
export async function readVorlageBytes(
  bytes: Uint8Array,
  limits?: Partial<PdfLimits>,
): Promise<ReadVorlageResult> {
  if (!isPdf(bytes))
    return { ...parseVorlageText(Buffer.from(bytes).toString('utf8')), source: 'text', pages: null };
  const extractor = createPdfExtractor({ concurrency: 1, limits });
  try {
    const { pages } = await extractor.extract(bytes);
    return { ...parseVorlageText(pages.join('\n')), source: 'pdf', pages: pages.length };
  } finally {
    await extractor.close();
  }
}

/** A Vorlage file, PDF or extracted text, parsed into a paper. */
export async function readVorlageFile(path: string, limits?: Partial<PdfLimits>): Promise<ReadVorlageResult> {
  return readVorlageBytes(new Uint8Array(await readFile(path)), limits);
}
