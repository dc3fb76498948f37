import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { assertAdmin } from '../domains/access/policy.js';
import { NotFoundError } from '../infra/http/errors.js';
import { jobMigrations } from '../infra/jobs/migrations.js';
import type { DomainModule } from './context.js';
import type { DB } from './schema.js';

const settingsMigration = {
  '2026112500_infra_settings': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('app_settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
  },
};

/** The signing secret: APP_SECRET if set, else one generated once and kept in the database. */
export async function loadOrCreateSecret(db: Kysely<DB>, fromEnv?: string) {
  if (fromEnv) return fromEnv;
  const row = await db
    .selectFrom('app_settings')
    .select('value')
    .where('key', '=', 'app_secret')
    .executeTakeFirst();
  if (row) return row.value;
  const value = randomBytes(32).toString('hex');
  await db
    .insertInto('app_settings')
    .values({ key: 'app_secret', value })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const stored = await db
    .selectFrom('app_settings')
    .select('value')
    .where('key', '=', 'app_secret')
    .executeTakeFirstOrThrow();
  return stored.value;
}

const jobSchema = z.object({
  id: z.number(),
  type: z.string(),
  status: z.string(),
  progress_done: z.number(),
  progress_total: z.number().nullable(),
  progress_message: z.string().nullable(),
  error: z.string().nullable(),
});

/** Infrastructure tables (job queue, schedules, settings) and the job status API. */
export const opsModule: DomainModule = {
  name: 'ops',
  migrations: { ...jobMigrations, ...settingsMigration },
  routes(app, ctx) {
    app.get(
      '/api/jobs',
      { schema: { tags: ['ops'], response: { 200: z.object({ items: z.array(jobSchema) }) } } },
      async (request) => {
        assertAdmin(request.actor);
        return { items: await ctx.jobs.list() };
      },
    );
    app.get(
      '/api/jobs/:id',
      {
        schema: {
          tags: ['ops'],
          params: z.object({ id: z.coerce.number().int() }),
          response: { 200: jobSchema },
        },
      },
      async (request) => {
        const job = await ctx.jobs.get(request.params.id);
        if (!job || request.actor.kind === 'anonymous') throw new NotFoundError('Job');
        return job;
      },
    );
  },
};
