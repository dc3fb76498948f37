import type { AppContext } from '../../../app/context.js';
import type { Mailer } from '../../../infra/mail/mailer.js';
import { type AlertUser, loadAlertData } from './alert-data.js';
import { composeForUser, type DigestItem } from './compose.js';
import { renderAlertMail } from './render-mail.js';
import { unsubscribeToken } from './unsubscribe-token.js';

export type AlertMode = 'daily' | 'immediate';

export interface AlertRunResult {
  users: number;
  mails: number;
  items: number;
  failed: number;
}

export function publicBaseUrl(ctx: AppContext): string {
  return (ctx.config.PUBLIC_URL ?? `http://localhost:${ctx.config.PORT}`).replace(/\/$/, '');
}

function isDigestDue(user: AlertUser, now: Date): boolean {
  if (user.digest === 'off') return false;
  if (!user.lastDigestAt) return true;
  const hours = (now.getTime() - Date.parse(user.lastDigestAt)) / 3_600_000;
  return user.digest === 'daily' ? hours >= 20 : hours >= 24 * 6.5;
}

/**
 * One alert run. 'daily': reminders and changes for everyone, plus new matching calls for users
 * whose daily/weekly digest is due. 'immediate': new matching calls for users who asked for
 * immediate notice. Every item is written to the sent log in the same step as its mail, so a
 * reminder is never sent twice, even when the job is re-run.
 */
export async function sendFundingAlerts(
  ctx: AppContext,
  mailer: Mailer,
  opts: {
    mode: AlertMode;
    now?: Date;
    userIds?: number[];
    progress?: (done: number, total: number) => Promise<void>;
  },
): Promise<AlertRunResult> {
  const now = opts.now ?? new Date();
  const today = now.toISOString().slice(0, 10);
  const horizon = new Date(now.getTime() - 8 * 86_400_000).toISOString();
  const data = await loadAlertData(ctx.db, { since: horizon, today, userIds: opts.userIds });
  const result: AlertRunResult = { users: data.users.length, mails: 0, items: 0, failed: 0 };
  const baseUrl = publicBaseUrl(ctx);
  const at = now.toISOString();
  let done = 0;
  for (const user of data.users) {
    const digestDue = opts.mode === 'daily' && isDigestDue(user, now);
    const immediate = opts.mode === 'immediate' && user.immediate;
    const since =
      (opts.mode === 'immediate' ? (user.lastImmediateAt ?? user.lastDigestAt) : user.lastDigestAt) ??
      horizon;
    const items = composeForUser(data, user, {
      today,
      since: since > horizon ? since : horizon,
      include: {
        newCalls: digestDue || immediate,
        reminders: opts.mode === 'daily',
        changes: opts.mode === 'daily',
      },
    });
    if (items.length) {
      const sent = await deliver(ctx, mailer, user, items, baseUrl, opts.mode, at);
      if (sent) {
        result.mails++;
        result.items += items.length;
      } else result.failed++;
    }
    if (digestDue || immediate) {
      await ctx.db
        .updateTable('funding_alert_settings')
        .set(digestDue ? { last_digest_at: at } : { last_immediate_at: at })
        .where('user_id', '=', user.id)
        .execute();
    }
    if (opts.progress && ++done % 100 === 0) await opts.progress(done, data.users.length);
  }
  return result;
}

async function deliver(
  ctx: AppContext,
  mailer: Mailer,
  user: AlertUser,
  items: DigestItem[],
  baseUrl: string,
  mode: AlertMode,
  at: string,
): Promise<boolean> {
  const reminders = items.filter((i) => i.kind === 'reminder').length;
  const subject =
    mode === 'immediate'
      ? `Förderradar: ${items.length} neue${items.length === 1 ? 'r' : ''} Aufruf${items.length === 1 ? '' : 'e'}`
      : reminders
        ? `Förderradar: ${reminders} Frist${reminders === 1 ? '' : 'en'} und Neuigkeiten`
        : 'Förderradar: Ihre Übersicht';
  const mail = renderAlertMail(items, {
    name: user.name,
    to: user.email,
    baseUrl,
    unsubscribeToken: unsubscribeToken(ctx.secret, user.id),
    subject,
  });
  // Claim the items first: if two runners race, the unique key lets only one of them send.
  const claimed = await ctx.db
    .insertInto('funding_alert_log')
    .values(items.map((i) => ({ user_id: user.id, kind: i.kind, ref_key: i.key, sent_at: at })))
    .onConflict((oc) => oc.columns(['user_id', 'kind', 'ref_key']).doNothing())
    .executeTakeFirst();
  if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return true;
  try {
    await mailer.send(mail);
    return true;
  } catch (err) {
    ctx.logger.child({ category: 'funding' }).error({ err, userId: user.id }, 'alert mail failed');
    await ctx.db
      .deleteFrom('funding_alert_log')
      .where('user_id', '=', user.id)
      .where('sent_at', '=', at)
      .where(
        'ref_key',
        'in',
        items.map((i) => i.key),
      )
      .execute();
    return false;
  }
}
