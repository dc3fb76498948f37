import { z } from 'zod';
import type { AppContext, AppServer } from '../../../app/context.js';
import { BadRequestError } from '../../../infra/http/errors.js';
import { assertCanWrite } from '../../access/policy.js';
import { combineWithOparl, fieldConflictSchema, fieldSourcesSchema } from './field-sources.js';
import { importVorlage } from './import-vorlage.js';
import { paperFieldsOfAction } from './paper-store.js';
import { parsedPaperSchema, vorlageLayouts } from './schemas.js';

/** Vorlagen are a few pages; 20 MiB leaves room for scanned annexes and refuses anything bigger early. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const importResponse = z.object({
  id: z.number().int(),
  mode: z.enum(['created', 'updated', 'enriched']),
  source: z.enum(['pdf', 'text']),
  layout: z.enum(vorlageLayouts),
  pages: z.number().int().nullable(),
  paper: parsedPaperSchema,
  fieldsOfAction: z.array(
    z.object({ id: z.number().int(), name: z.string(), matchedTerms: z.array(z.string()) }),
  ),
  /** Which source each field of the stored paper comes from; where OParl and the text disagree. */
  fieldSources: fieldSourcesSchema,
  conflicts: z.array(fieldConflictSchema),
});

function fieldValue(value: unknown): string | undefined {
  if (!value || Array.isArray(value) || typeof value !== 'object') return undefined;
  const field = value as { type?: string; value?: unknown };
  return field.type === 'field' && typeof field.value === 'string' ? field.value : undefined;
}

export function registerVorlageRoutes(app: AppServer, ctx: AppContext): void {
  app.post(
    '/api/papers/import',
    {
      schema: {
        tags: ['council'],
        summary:
          'Upload one Vorlage (PDF or .txt, multipart field "file", optional field "body"): parsed, stored, classified, indexed (office, admin, partner)',
        consumes: ['multipart/form-data'],
        response: { 200: importResponse },
      },
    },
    async (request) => {
      assertCanWrite(request.actor);
      if (!request.isMultipart()) {
        throw new BadRequestError(
          'MULTIPART_REQUIRED',
          'Send the file as multipart/form-data',
          'Datei bitte als multipart/form-data senden',
        );
      }
      const part = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
      if (!part) throw new BadRequestError('FILE_MISSING', 'No file in the upload', 'Keine Datei im Upload');
      let content: Buffer;
      try {
        content = await part.toBuffer();
      } catch (err) {
        if (!part.file.truncated) throw err;
        throw new BadRequestError(
          'FILE_TOO_LARGE',
          `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB`,
          `Die Datei ist größer als ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB`,
        );
      }
      // Multipart fields are only known up to the file: clients send "body" before "file".
      const body = fieldValue(part.fields.body)?.trim() || undefined;
      if (body && body.length > 200) {
        throw new BadRequestError('BODY_NAME_TOO_LONG', 'The body name is too long', 'Der Name ist zu lang');
      }
      const { stored, read } = await importVorlage(ctx, request.actor, {
        bytes: new Uint8Array(content),
        bodyName: body,
      });
      const combined = combineWithOparl(read.paper, stored.oparl ?? null);
      return {
        fieldSources: combined.sources,
        conflicts: combined.conflicts,
        id: stored.id,
        mode: stored.mode,
        source: read.source,
        layout: read.layout,
        pages: read.pages,
        paper: read.paper,
        fieldsOfAction: await paperFieldsOfAction(ctx.db, stored.id),
      };
    },
  );
}
