import type { AppContext } from '../../../app/context.js';
import { BadRequestError } from '../../../infra/http/errors.js';
import { PdfError, type PdfErrorCode, type PdfLimits } from '../../../infra/pdf/errors.js';
import type { Actor } from '../../access/actor.js';
import { assertCanWrite } from '../../access/policy.js';
import { type ImportPaperResult, importParsedPaper } from './import-paper.js';
import { isPdf, type ReadVorlageResult, readVorlageBytes } from './read-vorlage.js';

export interface ImportVorlageInput {
  bytes: Uint8Array;
  bodyName?: string;
  pdfLimits?: Partial<PdfLimits>;
}

export interface ImportVorlageResult {
  stored: ImportPaperResult;
  read: ReadVorlageResult;
}

const PDF_MESSAGES: Partial<Record<PdfErrorCode, [string, string]>> = {
  'too-large': ['The PDF is too large', 'Die PDF-Datei ist zu groß'],
  encrypted: ['The PDF is encrypted', 'Die PDF-Datei ist verschlüsselt'],
  'too-many-pages': ['The PDF has too many pages', 'Die PDF-Datei hat zu viele Seiten'],
  timeout: ['Reading the PDF took too long', 'Das Lesen der PDF-Datei dauerte zu lange'],
};

function notAVorlage(why: string, warum: string): BadRequestError {
  return new BadRequestError(
    'NOT_A_VORLAGE',
    `This file cannot be read as a Vorlage: ${why}`,
    `Diese Datei lässt sich nicht als Vorlage lesen: ${warum}`,
  );
}

/** Binary content that is not a PDF: text files of Vorlagen carry no NUL bytes or invalid UTF-8. */
function assertText(bytes: Uint8Array): void {
  if (bytes.includes(0)) throw notAVorlage('binary content, neither PDF nor text', 'weder PDF noch Text');
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw notAVorlage('the text is not UTF-8', 'der Text ist nicht UTF-8-kodiert');
  }
}

async function read(bytes: Uint8Array, limits?: Partial<PdfLimits>): Promise<ReadVorlageResult> {
  try {
    return await readVorlageBytes(bytes, limits);
  } catch (err) {
    if (!(err instanceof PdfError)) throw err;
    const [en, de] = PDF_MESSAGES[err.code] ?? ['the PDF is damaged', 'die PDF-Datei ist beschädigt'];
    throw new BadRequestError(`PDF_${err.code.toUpperCase().replace(/-/g, '_')}`, en, de);
  }
}

/**
 * The one import path of a single Vorlage file (PDF or extracted text), used by the CLI, the upload
 * route and the demo data: read, parse, store with its Beratungsfolge, classify and index.
 * A file in which the parser finds neither number, title nor Beratungsfolge is refused rather than
 * stored as an empty paper.
 */
export async function importVorlage(
  ctx: Pick<AppContext, 'db' | 'dialect'>,
  actor: Actor,
  input: ImportVorlageInput,
): Promise<ImportVorlageResult> {
  assertCanWrite(actor);
  const { bytes } = input;
  if (bytes.byteLength === 0) throw notAVorlage('the file is empty', 'die Datei ist leer');
  if (!isPdf(bytes)) assertText(bytes);
  const parsed = await read(bytes, input.pdfLimits);
  const { paper } = parsed;
  if (!paper.reference && !paper.title && paper.consultations.length === 0) {
    throw notAVorlage(
      'no number, title or Beratungsfolge found',
      'weder Vorlagen-Nr. noch Betreff noch Beratungsfolge gefunden',
    );
  }
  const stored = await importParsedPaper(ctx, actor, {
    paper,
    fileBytes: bytes,
    bodyName: input.bodyName,
  });
  return { stored, read: parsed };
}
