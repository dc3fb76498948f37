import { z } from 'zod';
import type { AppContext } from '../../../app/context.js';
import { defineJob, type JobDefinition } from '../../../infra/jobs/runner.js';
import { createMailer } from '../../../infra/mail/mailer.js';
import { MAX_QUEUED_CALL_IDS } from '../deadlines/queue.js';
import { extractCallDeadlines } from '../deadlines/review-service.js';
import { IMMEDIATE_ALERTS_JOB } from './job-names.js';
import { type AlertMode, sendFundingAlerts } from './send-alerts.js';

async function runAlerts(
  ctx: AppContext,
  mode: AlertMode,
  progress: (d: number, t: number) => Promise<void>,
) {
  const mailer = createMailer(ctx.config);
  if (!mailer) {
    ctx.logger.child({ category: 'funding' }).warn('SMTP_URL not set: funding alerts not sent');
    return { skipped: 'SMTP_URL not set' };
  }
  try {
    return await sendFundingAlerts(ctx, mailer, { mode, progress });
  } finally {
    mailer.close();
  }
}

/** Radar jobs: deadline extraction after imports, daily reminders/digests, immediate notices. */
export function radarJobs(ctx: AppContext): JobDefinition[] {
  return [
    defineJob({
      type: 'funding.extract-deadlines',
      // callIds: queued after an import for the calls it added or changed (deadlines/queue.ts)
      payload: z.object({
        callId: z.number().int().optional(),
        callIds: z.array(z.number().int()).max(MAX_QUEUED_CALL_IDS).optional(),
      }),
      schedule: { dailyAtUtc: '04:10' },
      handler: async ({ callId, callIds }) => extractCallDeadlines(ctx.db, { callId, callIds }),
    }),
    defineJob({
      type: 'funding.alerts.daily',
      payload: z.object({}),
      schedule: { dailyAtUtc: '05:30' },
      maxAttempts: 2,
      handler: async (_p, progress) => runAlerts(ctx, 'daily', (d, t) => progress(d, t, 'Empfänger')),
    }),
    defineJob({
      type: IMMEDIATE_ALERTS_JOB,
      payload: z.object({}),
      schedule: { everyMinutes: 15 },
      maxAttempts: 1,
      handler: async (_p, progress) => runAlerts(ctx, 'immediate', (d, t) => progress(d, t, 'Empfänger')),
    }),
  ];
}
