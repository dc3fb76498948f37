import { type Kysely, sql } from 'kysely';
import type { AppContext } from '../../../app/context.js';
import type { DB } from '../../../app/schema.js';
import { nowIso } from '../../../infra/db/columns.js';
import type { Mailer } from '../../../infra/mail/mailer.js';
import { type AlertUser, loadAlertData } from './alert-data.js';
import { composeForUser, type DigestItem, logKeys } from './compose.js';
import { renderAlertMail } from './render-mail.js';
import { unsubscribeToken } from './unsubscribe-token.js';

export type AlertMode = 'daily' | 'immediate';
export { IMMEDIATE_ALERTS_JOB } from './job-names.js';

const CONCURRENCY = 32;
const BATCH = 100;

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
 * immediate notice. Every item is claimed in the sent log before its mail goes out (and released
 * if sending fails), so a
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
  await ensureOrganizationMembersSettings(ctx.db, nowIso());
  const data = await loadAlertData(ctx.db, {
    since: horizon,
    today,
    userIds: opts.userIds,
    profileMatches: opts.mode === 'immediate',
  });
  const result: AlertRunResult = { users: data.users.length, mails: 0, items: 0, failed: 0 };
  const baseUrl = publicBaseUrl(ctx);
  const at = now.toISOString();
  const work: { user: AlertUser; items: DigestItem[]; stamp: 'digest' | 'immediate' | null }[] = [];
  for (const user of data.users) {
    const digestDue = opts.mode === 'daily' && isDigestDue(user, now);
    const immediate = opts.mode === 'immediate' && user.immediate;
    const since =
      (opts.mode === 'immediate' ? (user.lastImmediateAt ?? user.lastDigestAt) : user.lastDigestAt) ??
      horizon;
    // The office's pointers go out at once to everyone who takes mail at all (immediate notices or a
    // digest); a digest picks up any the immediate run could not send.
    const takesPointers = opts.mode === 'immediate' ? user.immediate || user.digest !== 'off' : digestDue;
    const items = composeForUser(data, user, {
      today,
      since: since > horizon ? since : horizon,
      include: {
        newCalls: digestDue || immediate,
        profileMatches: immediate,
        reminders: opts.mode === 'daily',
        changes: opts.mode === 'daily',
        pointers: takesPointers,
      },
    });
    const stamp = digestDue ? 'digest' : immediate ? 'immediate' : null;
    work.push({ user, items, stamp });
  }
  // Items are claimed in the sent log batch by batch (one transaction each, so a thousand users
  // are a few dozen commits); then the batch's mails travel at once over pooled connections.
  for (let b = 0; b < work.length; b += BATCH) {
    const batch = work.slice(b, b + BATCH);
    const claimed = await ctx.db.transaction().execute(async (trx) => {
      const ok = new Set<number>();
      for (const w of batch) {
        if (w.items.length) {
          const res = await trx
            .insertInto('funding_alert_log')
            .values(
              w.items.flatMap((i) =>
                logKeys(i).map((key) => ({ user_id: w.user.id, kind: i.kind, ref_key: key, sent_at: at })),
              ),
            )
            .onConflict((oc) => oc.columns(['user_id', 'kind', 'ref_key']).doNothing())
            .executeTakeFirst();
          if (Number(res.numInsertedOrUpdatedRows ?? 0) > 0) ok.add(w.user.id);
        }
        if (w.stamp) {
          await trx
            .updateTable('funding_alert_settings')
            .set(w.stamp === 'digest' ? { last_digest_at: at } : { last_immediate_at: at })
            .where('user_id', '=', w.user.id)
            .execute();
        }
      }
      return ok;
    });
    const toSend = batch.filter((w) => claimed.has(w.user.id));
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < toSend.length; i = next++) {
        const { user, items } = toSend[i];
        if (await deliver(ctx, mailer, user, items, baseUrl, opts.mode, at)) {
          result.mails++;
          result.items += items.length;
        } else result.failed++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, toSend.length) }, worker));
    if (opts.progress) await opts.progress(Math.min(b + BATCH, work.length), work.length);
  }
  return result;
}

/**
 * Everyone of an organisation gets the alerts of its saved searches and watches, also members who
 * never opened the watchlist: they get the default settings (weekly digest, reminders 42/14/3
 * days before), which they can change or unsubscribe from with the link in every mail.
 */
async function ensureOrganizationMembersSettings(db: Kysely<DB>, at: string): Promise<void> {
  const recent = new Date(Date.parse(at) - 8 * 86_400_000).toISOString();
  const subscribed = db
    .selectFrom('funding_saved_searches')
    .select('organization_id as id')
    .where('scope', '=', 'organization')
    .union(db.selectFrom('funding_watches').select('organization_id as id').where('user_id', 'is', null))
    // an organisation the office pointed to a call: its members hear of it by the default settings
    .union(
      db.selectFrom('funding_pointers').select('organization_id as id').where('created_at', '>', recent),
    );
  await db
    .insertInto('funding_alert_settings')
    .columns(['user_id', 'lead_days', 'digest', 'immediate', 'updated_at'])
    .expression(
      db
        .selectFrom('users as u')
        .select((eb) => [
          'u.id',
          eb.val('[42,14,3]').as('lead_days'),
          eb.val('weekly').as('digest'),
          sql<number>`0`.as('immediate'),
          eb.val(at).as('updated_at'),
        ])
        .where('u.disabled', '=', 0)
        .where('u.organization_id', 'in', subscribed)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb.selectFrom('funding_alert_settings as s').select('s.id').whereRef('s.user_id', '=', 'u.id'),
            ),
          ),
        ),
    )
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
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
  const pointers = items.filter((i) => i.kind === 'pointer').length;
  const fresh = items.filter((i) => i.kind === 'new').length;
  const subject =
    mode === 'immediate'
      ? pointers && !fresh
        ? `Förderradar: Hinweis der Geschäftsstelle auf ${pointers === 1 ? 'einen Aufruf' : `${pointers} Aufrufe`}`
        : `Förderradar: ${fresh} neue${fresh === 1 ? 'r' : ''} Aufruf${fresh === 1 ? '' : 'e'}${pointers ? ' und Hinweise der Geschäftsstelle' : ''}`
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
  try {
    await mailer.send(mail);
    return true;
  } catch (err) {
    ctx.logger.child({ category: 'funding' }).error({ err, userId: user.id }, 'alert mail failed');
    await ctx.db
      .deleteFrom('funding_alert_log')
      .where('user_id', '=', user.id)
      .where('sent_at', '=', at)
      .where('ref_key', 'in', items.flatMap(logKeys))
      .execute();
    return false;
  }
}
