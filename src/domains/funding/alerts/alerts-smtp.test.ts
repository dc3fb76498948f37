import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signIn } from '../../../../test/helpers/auth.js';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { createMailer, type Mailer } from '../../../infra/mail/mailer.js';
import { insertChange } from '../repository.js';
import { sendFundingAlerts } from './send-alerts.js';
import { makeCall, makeOrganization, makeRound } from './test-data.js';
import { parseMail } from './test-mail.js';

interface Received {
  to: string[];
  raw: string;
}

describeEachDb('funding alerts by mail over real SMTP', (env) => {
  const inbox: Received[] = [];
  let server: SMTPServer;
  let mailer: Mailer;
  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          inbox.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as AddressInfo).port;
    mailer = createMailer({
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      MAIL_FROM: 'Förderradar <radar@example.org>',
    })!;
  });
  afterAll(async () => {
    mailer?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('delivers reminders and new matching calls once, in German, with a working one-click unsubscribe', async () => {
    const { db } = env().ctx;
    const now = new Date('2026-11-25T05:30:00Z');
    const user = await signIn(env(), { role: 'partner' });
    const watchedCall = await makeCall(db, {
      title: 'Regio.NRW Transformation',
      firstSeenAt: '2026-10-01T00:00:00Z',
    });
    await makeRound(db, watchedCall, '2026-12-09', '12:00');
    await insertChange(db, {
      record_type: 'call',
      record_id: watchedCall,
      at: '2026-11-24T08:00:00.000Z',
      kind: 'changed',
      changes: JSON.stringify({ budget_eur: { before: 1_000_000, after: 2_000_000 } }),
      import_run_id: null,
      actor_label: 'import',
    });
    await makeCall(db, {
      title: 'Radverkehr in Kommunen',
      text: 'Förderung für Radverkehr',
      firstSeenAt: '2026-11-24T10:00:00Z',
    });
    await makeCall(db, {
      title: 'Geheimer Radverkehr',
      isPublic: false,
      owner: 999_999,
      firstSeenAt: '2026-11-24T10:00:00Z',
    });
    const h = { headers: user.headers };
    expect(
      (
        await env().app.inject({
          method: 'POST',
          url: '/api/funding/watches',
          ...h,
          payload: { callId: watchedCall },
        })
      ).statusCode,
    ).toBe(200);
    const saved = await env().app.inject({
      method: 'POST',
      url: '/api/funding/saved-searches',
      ...h,
      payload: { name: 'Radverkehr', filters: { q: 'radverkehr' } },
    });
    expect(saved.statusCode).toBe(200);
    const put = await env().app.inject({
      method: 'PUT',
      url: '/api/funding/alerts/settings',
      ...h,
      payload: { leadDays: [42, 14, 3], digest: 'daily' },
    });
    expect(put.json()).toMatchObject({ leadDays: [42, 14, 3], digest: 'daily', subscribed: true });

    const before = inbox.length;
    const first = await sendFundingAlerts(env().ctx, mailer, { mode: 'daily', now, userIds: [user.user.id] });
    expect(first).toMatchObject({ mails: 1, items: 3, failed: 0 });
    expect(inbox.length).toBe(before + 1);
    const mail = parseMail(inbox[inbox.length - 1].raw);
    expect(inbox[inbox.length - 1].to).toEqual([user.user.email]);
    expect(mail.headers.get('subject')).toBe('Förderradar: 1 Frist und Neuigkeiten');
    expect(mail.text).toContain('Frist am 09.12.2026, 12:00 Uhr: noch 14 Tage');
    expect(mail.text).toContain('Radverkehr in Kommunen');
    expect(mail.text).toContain('Geändert am 24.11.2026: Budget: 1.000.000 € → 2.000.000 €');
    expect(mail.text).not.toContain('budget_eur');
    expect(mail.text).toContain(
      'Sie erhalten diese Nachricht, weil Sie diesen Aufruf im Förderradar beobachten und Sie Suchen im Förderradar gespeichert haben.',
    );
    expect(mail.text).not.toContain('Geheimer');
    expect(mail.html).toContain('<h2>Fristen</h2>');
    expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const link = /<(https?:\/\/[^>]+)>/.exec(mail.headers.get('list-unsubscribe') ?? '')?.[1];
    expect(link).toBeDefined();

    // the same run again sends nothing: the sent log remembers every item
    const again = await sendFundingAlerts(env().ctx, mailer, { mode: 'daily', now, userIds: [user.user.id] });
    expect(again.mails).toBe(0);
    expect(inbox.length).toBe(before + 1);

    const url = new URL(link!);
    const page = await env().app.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('abbestellen');
    const forged = await env().app.inject({
      method: 'POST',
      url: '/api/unsubscribe?token=1.AAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    });
    expect(forged.statusCode).toBe(400);
    const oneClick = await env().app.inject({
      method: 'POST',
      url: `${url.pathname}${url.search}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    const settings = await env().app.inject({ method: 'GET', url: '/api/funding/alerts/settings', ...h });
    expect(settings.json().subscribed).toBe(false);
    const later = await sendFundingAlerts(env().ctx, mailer, {
      mode: 'daily',
      now: new Date('2026-12-07T05:30:00Z'),
      userIds: [user.user.id],
    });
    expect(later.users).toBe(0);
  });

  /** A user with a saved search for `word` and the given digest settings, through the API. */
  async function subscriber(word: string, settings: object) {
    const user = await signIn(env(), { role: 'partner' });
    const saved = await env().app.inject({
      method: 'POST',
      url: '/api/funding/saved-searches',
      headers: user.headers,
      payload: { name: word, filters: { q: word } },
    });
    expect(saved.statusCode).toBe(200);
    const put = await env().app.inject({
      method: 'PUT',
      url: '/api/funding/alerts/settings',
      headers: user.headers,
      payload: settings,
    });
    expect(put.statusCode).toBe(200);
    return user;
  }
  const lastMailTo = (email: string) => {
    const got = inbox.filter((m) => m.to.includes(email));
    return got.length ? parseMail(got[got.length - 1].raw) : null;
  };
  const mailsTo = (email: string) => inbox.filter((m) => m.to.includes(email)).length;

  it('sends the weekly digest once a week, with the calls that came in between', async () => {
    const { db } = env().ctx;
    const user = await subscriber('Moorschutz', { digest: 'weekly', immediate: false });
    const t0 = Date.parse('2027-03-01T05:30:00Z');
    const at = (days: number) => new Date(t0 + days * 86_400_000);
    const run = (days: number) =>
      sendFundingAlerts(env().ctx, mailer, { mode: 'daily', now: at(days), userIds: [user.user.id] });
    await makeCall(db, { title: 'Moorschutz im Rheinland', firstSeenAt: at(-1).toISOString() });

    expect(await run(0)).toMatchObject({ mails: 1, items: 1 });
    const first = lastMailTo(user.user.email)!;
    expect(first.headers.get('subject')).toBe('Förderradar: Ihre Übersicht');
    expect(first.text).toContain('Moorschutz im Rheinland');
    expect(first.text).toContain('Neuer Aufruf passend zu Ihrer Suche „Moorschutz“');

    await makeCall(db, { title: 'Moorschutz an der Wupper', firstSeenAt: at(1).toISOString() });
    // two days later the weekly digest is not due: the new call waits
    expect(await run(2)).toMatchObject({ mails: 0 });
    expect(mailsTo(user.user.email)).toBe(1);

    expect(await run(7)).toMatchObject({ mails: 1, items: 1 });
    const second = lastMailTo(user.user.email)!;
    expect(second.text).toContain('Moorschutz an der Wupper');
    expect(second.text).not.toContain('Moorschutz im Rheinland');
    expect(mailsTo(user.user.email)).toBe(2);
  });

  it('reports new matching calls immediately to those who asked, once each, and not in the daily run', async () => {
    const { db } = env().ctx;
    const eager = await subscriber('Streuobstwiese', { digest: 'off', immediate: true });
    const patient = await subscriber('Streuobstwiese', { digest: 'weekly', immediate: false });
    const t0 = Date.parse('2027-05-03T08:00:00Z');
    const at = (hours: number) => new Date(t0 + hours * 3_600_000);
    const users = [eager.user.id, patient.user.id];
    await makeCall(db, { title: 'Streuobstwiesen erhalten', firstSeenAt: at(-1).toISOString() });

    expect(
      await sendFundingAlerts(env().ctx, mailer, { mode: 'immediate', now: at(0), userIds: users }),
    ).toMatchObject({
      mails: 1,
      items: 1,
    });
    const mail = lastMailTo(eager.user.email)!;
    expect(mail.headers.get('subject')).toBe('Förderradar: 1 neuer Aufruf');
    expect(mail.text).toContain('Streuobstwiesen erhalten');
    expect(mail.html).toContain('Streuobstwiesen erhalten');
    expect(mailsTo(patient.user.email)).toBe(0);

    expect(
      (await sendFundingAlerts(env().ctx, mailer, { mode: 'immediate', now: at(1), userIds: users })).mails,
    ).toBe(0);
    await makeCall(db, { title: 'Streuobstwiesen pflanzen', firstSeenAt: at(2).toISOString() });
    expect(
      await sendFundingAlerts(env().ctx, mailer, { mode: 'immediate', now: at(3), userIds: users }),
    ).toMatchObject({
      mails: 1,
      items: 1,
    });
    const next = lastMailTo(eager.user.email)!;
    expect(next.text).toContain('Streuobstwiesen pflanzen');
    expect(next.text).not.toContain('Streuobstwiesen erhalten');

    // the daily run: the eager user has the digest off; the patient one gets both calls in the weekly digest
    await sendFundingAlerts(env().ctx, mailer, { mode: 'daily', now: at(4), userIds: users });
    expect(mailsTo(eager.user.email)).toBe(2);
    const digest = lastMailTo(patient.user.email)!;
    expect(digest.text).toContain('Streuobstwiesen erhalten');
    expect(digest.text).toContain('Streuobstwiesen pflanzen');
  });

  it('a saved search takes the call list’s filters (status, giver, deadline window) and finds what the list finds', async () => {
    const { db } = env().ctx;
    const user = await signIn(env(), { role: 'partner' });
    const t0 = Date.parse('2027-07-05T08:00:00Z');
    const seen = new Date(t0 - 3_600_000).toISOString();
    const make = async (title: string, seed: Parameters<typeof makeCall>[1], deadline?: string) => {
      const id = await makeCall(db, { title, firstSeenAt: seen, ...seed });
      if (deadline) await makeRound(db, id, deadline);
      return id;
    };
    await make('Fensterprobe passt', { status: 'open', giverLevel: 'EU' }, '2027-09-15');
    await make('Fensterprobe zu spät', { status: 'open', giverLevel: 'EU' }, '2028-01-15');
    await make('Fensterprobe geschlossen', { status: 'closed', giverLevel: 'EU' }, '2027-09-15');
    await make('Fensterprobe Land', { status: 'open', giverLevel: 'Land' }, '2027-09-15');
    await make('Fensterprobe ohne Frist', { status: 'open', giverLevel: 'EU' });
    const filters = {
      q: 'fensterprobe',
      status: 'open',
      giverLevel: 'EU',
      deadlineFrom: '2027-08-01',
      deadlineTo: '2027-12-31',
    };
    const saved = await env().app.inject({
      method: 'POST',
      url: '/api/funding/saved-searches',
      headers: user.headers,
      payload: { name: 'EU-Fenster', filters },
    });
    expect(saved.statusCode).toBe(200);
    await env().app.inject({
      method: 'PUT',
      url: '/api/funding/alerts/settings',
      headers: user.headers,
      payload: { digest: 'off', immediate: true },
    });
    const listed = await env().app.inject({
      method: 'GET',
      url: `/api/funding/calls?${new URLSearchParams(filters)}`,
      headers: user.headers,
    });
    const listTitles = listed.json().items.map((c: { title: string }) => c.title);
    expect(listTitles).toEqual(['Fensterprobe passt']);
    const run = await sendFundingAlerts(env().ctx, mailer, {
      mode: 'immediate',
      now: new Date(t0),
      userIds: [user.user.id],
    });
    expect(run).toMatchObject({ mails: 1, items: 1 });
    const mail = lastMailTo(user.user.email)!;
    const mailed = ['passt', 'zu spät', 'geschlossen', 'Land', 'ohne Frist'].filter((w) =>
      mail.text.includes(`Fensterprobe ${w}`),
    );
    expect(mailed.map((w) => `Fensterprobe ${w}`)).toEqual(listTitles);
  });

  it('an organisation’s saved search and watch reach every member by their own settings and rights, once', async () => {
    const { db } = env().ctx;
    const org = await makeOrganization(db);
    const saver = await signIn(env(), { role: 'partner', organizationId: org });
    const colleague = await signIn(env(), { role: 'reader', organizationId: org }); // never opened the radar
    const quiet = await signIn(env(), { role: 'partner', organizationId: org });
    const outsider = await signIn(env(), { role: 'partner' });
    const t0 = Date.parse('2027-08-02T05:30:00Z');
    const watched = await makeCall(db, {
      title: 'Gemeinsam beobachtet',
      firstSeenAt: '2027-06-01T00:00:00Z',
    });
    await makeRound(db, watched, '2027-08-16');
    await makeCall(db, { title: 'Hecken für alle', firstSeenAt: new Date(t0 - 86_400_000).toISOString() });
    await makeCall(db, {
      title: 'Hecken intern',
      isPublic: false,
      owner: org,
      firstSeenAt: new Date(t0 - 86_400_000).toISOString(),
    });
    await makeCall(db, {
      title: 'Hecken fremd',
      isPublic: false,
      owner: 999_998,
      firstSeenAt: new Date(t0 - 86_400_000).toISOString(),
    });
    const h = (u: typeof saver) => ({ headers: u.headers });
    const search = await env().app.inject({
      method: 'POST',
      url: '/api/funding/saved-searches',
      ...h(saver),
      payload: { name: 'Hecken', filters: { q: 'hecken' }, forOrganization: true },
    });
    expect(search.statusCode).toBe(200);
    const watch = await env().app.inject({
      method: 'POST',
      url: '/api/funding/watches',
      ...h(saver),
      payload: { callId: watched, forOrganization: true },
    });
    expect(watch.statusCode).toBe(200);
    expect(
      (
        await env().app.inject({
          method: 'POST',
          url: '/api/funding/watches',
          ...h(colleague),
          payload: { callId: watched, forOrganization: true },
        })
      ).statusCode,
    ).toBe(403);
    // the quiet member has turned the digest off: reminders of the watch still come, new calls do not
    await env().app.inject({
      method: 'PUT',
      url: '/api/funding/alerts/settings',
      ...h(quiet),
      payload: { digest: 'off', leadDays: [14] },
    });
    const users = [saver.user.id, colleague.user.id, quiet.user.id, outsider.user.id];
    const run = await sendFundingAlerts(env().ctx, mailer, {
      mode: 'daily',
      now: new Date(t0),
      userIds: users,
    });
    expect(run.mails).toBe(3);
    for (const member of [saver, colleague]) {
      const mail = lastMailTo(member.user.email)!;
      expect(mail.text).toContain('Hecken für alle');
      expect(mail.text).toContain('Hecken intern');
      expect(mail.text).not.toContain('Hecken fremd');
      expect(mail.text).toContain('Neuer Aufruf passend zur Suche „Hecken“ Ihrer Organisation');
      expect(mail.text).toContain('Frist am 16.08.2027: noch 14 Tage');
    }
    const quietMail = lastMailTo(quiet.user.email)!;
    expect(quietMail.text).toContain('Frist am 16.08.2027: noch 14 Tage');
    expect(quietMail.text).not.toContain('Hecken für alle');
    expect(mailsTo(outsider.user.email)).toBe(0);
    // the colleague got default settings and can see and change them
    const settings = await env().app.inject({
      method: 'GET',
      url: '/api/funding/alerts/settings',
      ...h(colleague),
    });
    expect(settings.json()).toMatchObject({ digest: 'weekly', leadDays: [42, 14, 3], subscribed: true });
    const watches = await env().app.inject({ method: 'GET', url: '/api/funding/watches', ...h(colleague) });
    expect(watches.json().items).toEqual([
      expect.objectContaining({ callId: watched, organizationId: org, canRemove: false }),
    ]);
    const again = await sendFundingAlerts(env().ctx, mailer, {
      mode: 'daily',
      now: new Date(t0 + 3_600_000),
      userIds: users,
    });
    expect(again.mails).toBe(0);
  });

  it('mails a new call that fits the organisation’s matching profile at once to members who chose immediate', async () => {
    const { db } = env().ctx;
    const org = await makeOrganization(db, `Profilprobe ${Date.now()}`);
    await db
      .insertInto('funding_org_profiles')
      .values({
        organization_id: org,
        applicant_type: null,
        region_ags: null,
        fields_of_action: JSON.stringify(['moorschutz-test']),
        keywords: '[]',
        updated_at: new Date().toISOString(),
      })
      .execute();
    const eager = await signIn(env(), { role: 'partner', organizationId: org });
    const patient = await signIn(env(), { role: 'partner', organizationId: org });
    const other = await signIn(env(), { role: 'partner' });
    for (const [u, settings] of [
      [eager, { digest: 'off', immediate: true }],
      [patient, { digest: 'weekly', immediate: false }],
      [other, { digest: 'off', immediate: true }],
    ] as const) {
      const put = await env().app.inject({
        method: 'PUT',
        url: '/api/funding/alerts/settings',
        headers: u.headers,
        payload: settings,
      });
      expect(put.statusCode).toBe(200);
    }
    // the eager member also has a saved search that finds the same call: still one item
    await env().app.inject({
      method: 'POST',
      url: '/api/funding/saved-searches',
      headers: eager.headers,
      payload: { name: 'Moore', filters: { q: 'moorlandschaft' } },
    });
    const t0 = Date.parse('2027-09-06T08:00:00Z');
    const users = [eager.user.id, patient.user.id, other.user.id];
    await makeCall(db, {
      title: 'Moorlandschaften wiedervernässen',
      fields: ['moorschutz-test'],
      firstSeenAt: new Date(t0 - 600_000).toISOString(),
    });
    await makeCall(db, {
      title: 'Breitband im Gewerbegebiet',
      fields: ['digital-test'],
      firstSeenAt: new Date(t0 - 600_000).toISOString(),
    });
    const run = await sendFundingAlerts(env().ctx, mailer, {
      mode: 'immediate',
      now: new Date(t0),
      userIds: users,
    });
    expect(run).toMatchObject({ mails: 1, items: 1 });
    const mail = lastMailTo(eager.user.email)!;
    expect(mail.headers.get('subject')).toBe('Förderradar: 1 neuer Aufruf');
    expect(mail.text).toContain('Moorlandschaften wiedervernässen');
    expect(mail.text).not.toContain('Breitband');
    expect(mailsTo(patient.user.email)).toBe(0);
    expect(mailsTo(other.user.email)).toBe(0);
    // nothing twice: not in the next immediate run, and not again when the digest brings new calls
    expect(
      (
        await sendFundingAlerts(env().ctx, mailer, {
          mode: 'immediate',
          now: new Date(t0 + 900_000),
          userIds: users,
        })
      ).mails,
    ).toBe(0);
    await env().app.inject({
      method: 'PUT',
      url: '/api/funding/alerts/settings',
      headers: eager.headers,
      payload: { digest: 'daily' },
    });
    await sendFundingAlerts(env().ctx, mailer, {
      mode: 'daily',
      now: new Date(t0 + 3_600_000),
      userIds: users,
    });
    expect(mailsTo(eager.user.email)).toBe(1);
  });
});
