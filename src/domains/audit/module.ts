import { z } from 'zod';
import type { DomainModule } from '../../app/context.js';
import { defineJob } from '../../infra/jobs/runner.js';
import { assertAdmin } from '../access/policy.js';
import { auditMigrations } from './migrations.js';
import { listAudit, pruneAudit } from './repository.js';

const entrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actorUserId: z.number().nullable(),
  actorLabel: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
});

export const auditModule: DomainModule = {
  name: 'audit',
  migrations: auditMigrations,
  dumpTables: ['audit_log'],
  routes(app, ctx) {
    app.get(
      '/api/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'Audit log (admins only)',
          querystring: z.object({
            entityType: z.string().max(100).optional(),
            entityId: z.string().max(100).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
            beforeId: z.coerce.number().int().optional(),
          }),
          response: { 200: z.object({ items: z.array(entrySchema) }) },
        },
      },
      async (request) => {
        assertAdmin(request.actor);
        return { items: await listAudit(ctx.db, request.query) };
      },
    );
  },
  jobs: (ctx) => [
    defineJob({
      type: 'audit.retention',
      payload: z.object({ days: z.number().int().min(30).default(730) }),
      schedule: { dailyAtUtc: '02:30' },
      handler: async ({ days }) => ({ deleted: await pruneAudit(ctx.db, days) }),
    }),
  ],
};
