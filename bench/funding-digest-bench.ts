import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { sendFundingAlerts } from '../src/domains/funding/alerts/send-alerts.js';
import { makeCall, makeRound } from '../src/domains/funding/alerts/test-data.js';
import { nowIso } from '../src/infra/db/columns.js';
import { createMailer } from '../src/infra/mail/mailer.js';
import { openContext, sqliteUrl } from './lib/databases.js';
import type { BenchContext, BenchReport } from './lib/types.js';

const USERS = 1000;

/** Daily digests for 1,000 users (reminders, new matching calls), delivered to a loopback SMTP server. */
export async function run(ctx: BenchContext): Promise<BenchReport> {
  const app = await openContext(sqliteUrl(ctx.outDir, 'funding-digest'));
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const mailer = createMailer({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'radar@example.org' })!;
  try {
    const now = new Date('2026-11-25T05:30:00Z');
    const calls: number[] = [];
    for (let i = 0; i < 200; i++) {
      const id = await makeCall(app.db, {
        title: `Aufruf ${i} ${i % 2 ? 'Radverkehr' : 'Digitalisierung'}`,
        firstSeenAt: '2026-11-24T10:00:00Z',
      });
      await makeRound(app.db, id, '2026-12-09');
      calls.push(id);
    }
    const at = nowIso();
    const userRows = Array.from({ length: USERS }, (_, i) => ({
      email: `user${i}@example.org`,
      name: `Nutzer ${i}`,
      password_hash: 'x',
      role: 'partner' as const,
      organization_id: null,
      disabled: 0,
      failed_logins: 0,
      created_at: at,
      updated_at: at,
    }));
    const ids: number[] = [];
    for (let i = 0; i < userRows.length; i += 200) {
      const rows = await app.db
        .insertInto('users')
        .values(userRows.slice(i, i + 200))
        .returning('id')
        .execute();
      ids.push(...rows.map((r) => r.id));
    }
    for (let i = 0; i < ids.length; i += 200) {
      const part = ids.slice(i, i + 200);
      await app.db
        .insertInto('funding_alert_settings')
        .values(
          part.map((user_id) => ({
            user_id,
            lead_days: '[42,14,3]',
            digest: 'daily' as const,
            immediate: 0,
            updated_at: at,
          })),
        )
        .execute();
      await app.db
        .insertInto('funding_watches')
        .values(
          part.flatMap((user_id, k) =>
            [0, 1, 2].map((j) => ({
              user_id,
              organization_id: null,
              call_id: calls[(k * 3 + j) % calls.length],
              created_at: at,
            })),
          ),
        )
        .execute();
      await app.db
        .insertInto('funding_saved_searches')
        .values(
          part.map((user_id, k) => ({
            user_id,
            organization_id: null,
            name: 'Suche',
            filters: JSON.stringify({ q: k % 2 ? 'radverkehr' : 'digitalisierung' }),
            created_at: at,
          })),
        )
        .execute();
    }
    const t0 = performance.now();
    const result = await sendFundingAlerts(app, mailer, { mode: 'daily', now });
    const ms = performance.now() - t0;
    ctx.log(`${result.mails} mails, ${result.items} items, ${received} received in ${ms.toFixed(0)} ms`);
    if (result.mails !== USERS || received !== USERS)
      throw new Error(`expected ${USERS} mails, got ${result.mails}/${received}`);
    return {
      title: 'Funding digest: 1,000 users over loopback SMTP',
      metrics: [
        {
          name: 'daily digest run (compose, sent log, SMTP delivery)',
          value: ms,
          unit: 'ms',
          goal: '< 10000 ms',
          met: ms < 10_000,
        },
        { name: 'per user', value: ms / USERS, unit: 'ms' },
      ],
      notes: [
        `${result.items} items (3 reminders + ~100 new calls per user), SQLite, smtp-server on 127.0.0.1`,
      ],
    };
  } finally {
    mailer.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.database.close();
  }
}
