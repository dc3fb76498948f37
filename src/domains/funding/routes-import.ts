import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { BadRequestError, NotFoundError } from '../../infra/http/errors.js';
import { assertOffice } from './api/access.js';
import { acceptUpload, IMPORT_JOB } from './api/import-upload.js';
import { listQuarantine } from './api/quarantine.js';
import { templateCsv, templateXlsx } from './importers/template/build-template.js';
import { importAccepted, quarantineQuery, quarantineResponse } from './schemas.js';

const tags = ['funding'];

export function fundingImportRoutes(app: AppServer, ctx: AppContext): void {
  app.get(
    '/api/funding/template.csv',
    { schema: { tags, summary: 'Empty list template for calls kept by hand (CSV, ";" and UTF-8 BOM)' } },
    async (_request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="foerderaufrufe-vorlage.csv"')
        .send(templateCsv()),
  );

  app.get(
    '/api/funding/template.xlsx',
    { schema: { tags, summary: 'Empty list template for calls kept by hand (XLSX with a sheet of hints)' } },
    async (_request, reply) =>
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="foerderaufrufe-vorlage.xlsx"')
        .send(await templateXlsx()),
  );

  app.get(
    '/api/funding/quarantine',
    {
      schema: {
        tags,
        summary: 'Rejected import records with reasons (office, admin)',
        querystring: quarantineQuery,
        response: { 200: quarantineResponse },
      },
    },
    async (request) => listQuarantine(ctx.db, request.actor, request.query),
  );

  app.get(
    '/api/funding/import/:jobId',
    {
      schema: {
        tags,
        summary: 'State and result of an upload import: counts, notes, rejected rows (office, admin)',
        params: z.object({ jobId: z.coerce.number().int().positive().max(2_147_483_647) }),
      },
    },
    async (request) => {
      assertOffice(request.actor);
      const job = await ctx.jobs.get(request.params.jobId);
      if (!job || job.type !== IMPORT_JOB) throw new NotFoundError('Import');
      return {
        jobId: job.id,
        status: job.status,
        progressDone: job.progress_done,
        progressTotal: job.progress_total,
        progressMessage: job.progress_message,
        error: job.error,
        result: job.result ? (JSON.parse(job.result) as unknown) : null,
      };
    },
  );

  app.post(
    '/api/funding/import',
    {
      schema: {
        tags,
        summary:
          'Upload an FDB zip, EU F&T JSON, EFRE.NRW JSON or a CSV/XLSX list; answers with a job id (GET /api/jobs/:id for progress)',
        consumes: ['multipart/form-data'],
        response: { 202: importAccepted },
      },
    },
    async (request, reply) => {
      assertOffice(request.actor);
      if (!request.isMultipart()) {
        throw new BadRequestError(
          'MULTIPART_REQUIRED',
          'Send the file as multipart/form-data',
          'Datei bitte als multipart/form-data senden',
        );
      }
      const part = await request.file();
      if (!part) throw new BadRequestError('FILE_MISSING', 'No file in the upload', 'Keine Datei im Upload');
      const content = await part.toBuffer();
      const listField = part.fields.list;
      const list =
        listField &&
        !Array.isArray(listField) &&
        listField.type === 'field' &&
        typeof listField.value === 'string'
          ? listField.value
          : undefined;
      const sourceSet = list
        ? `template:${z
            .string()
            .max(80)
            .parse(list)
            .replace(/[^\w-]+/g, '-')}`
        : undefined;
      const accepted = await acceptUpload(
        ctx,
        request.actor,
        { fileName: part.filename, content },
        sourceSet,
      );
      return reply.code(202).send(accepted);
    },
  );
}
