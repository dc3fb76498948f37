import { afterAll, beforeAll, expect, it } from 'vitest';
import { signIn } from '../../../../test/helpers/auth.js';
import { describeEachDb } from '../../../../test/helpers/context.js';
import type { Mailer } from '../../../infra/mail/mailer.js';
import { insertChange } from '../repository.js';
import { describeCallChanges } from './change-lines.js';
import { IMMEDIATE_ALERTS_JOB } from './job-names.js';
import { sendFundingAlerts } from './send-alerts.js';
import { makeCall, makeOrganization, makeRound } from './test-data.js';
import { parseMail, startTestSmtp } from './test-mail.js';

it('writes one change line per call with German labels and old → new values', () => {
  const rounds = new Map([
    [1, { date: '2027-03-15', time: null, label: null }],
    [2, { date: '2027-09-15', time: '12:00', label: null }],
    [3, { date: '2027-06-01', time: null, label: 'Skizze' }],
  ]);
  const line = describeCallChanges(
    [
      {
        id: 10,
        recordType: 'call',
        recordId: 5,
        kind: 'changed',
        changes: JSON.stringify({
          status: { before: 'open', after: 'closed' },
          stage_model: { before: 'unknown', after: 'rolling' },
        }),
      },
      {
        id: 11,
        recordType: 'round',
        recordId: 1,
        kind: 'changed',
        changes: JSON.stringify({ deadline_date: { before: '2027-03-01', after: '2027-03-15' } }),
      },
      { id: 12, recordType: 'round', recordId: 2, kind: 'first_seen', changes: '{}' },
      { id: 13, recordType: 'round', recordId: 3, kind: 'withdrawn', changes: '{}' },
      {
        id: 14,
        recordType: 'call',
        recordId: 5,
        kind: 'changed',
        changes: JSON.stringify({
          fields_of_action: { before: '[]', after: '["field:fachkraefte"]' },
          text: { before: 'a', after: 'b' },
          import_notes: { before: null, after: 'x' },
        }),
      },
    ],
    rounds,
    { 'field:fachkraefte': 'Fachkräfte' },
  );
  expect(line).toBe(
    'Status: offen → geschlossen; Verfahren: unbekannt → laufend; Frist: 01.03.2027 → 15.03.2027; ' +
      'neue Frist 15.09.2027, 12:00 Uhr; Frist Skizze 01.06.2027 entfällt; Handlungsfelder: – → Fachkräfte; ' +
      'Beschreibung geändert',
  );
  expect(line).not.toMatch(/deadline_date|stage_model|fields_of_action|import_notes/);
});

describeEachDb('funding alerts: pointers, grouped changes, honest footers', (env) => {
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let mailer: Mailer;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    mailer = smtp.mailer;
  });
  afterAll(async () => smtp.close());
  const mailsTo = (email: string) =>
    smtp.inbox.filter((m) => m.to.includes(email)).map((m) => parseMail(m.raw));

  it('mails a pointer to the partner organisation’s members at once, by their own settings, once', async () => {
    const { db } = env().ctx;
    const org = await makeOrganization(db, `Hinweisprobe ${Date.now()}`);
    const office = await signIn(env(), { role: 'office' });
    const fresh = await signIn(env(), { role: 'partner', organizationId: org }); // never set anything
    const quiet = await signIn(env(), { role: 'partner', organizationId: org });
    const outsider = await signIn(env(), { role: 'partner' });
    const off = await env().app.inject({
      method: 'PUT',
      url: '/api/funding/alerts/settings',
      headers: quiet.headers,
      payload: { digest: 'off', immediate: false },
    });
    expect(off.statusCode).toBe(200);
    const call = await makeCall(db, {
      title: 'Quartiersentwicklung NRW',
      firstSeenAt: '2026-01-01T00:00:00Z',
    });
    const jobsBefore = await db
      .selectFrom('jobs')
      .select('id')
      .where('type', '=', IMMEDIATE_ALERTS_JOB)
      .execute();
    const res = await env().app.inject({
      method: 'POST',
      url: '/api/funding/pointers',
      headers: office.headers,
      payload: { callId: call, organizationIds: [org], note: 'Bitte bis Ende Mai prüfen.' },
    });
    expect(res.statusCode).toBe(201);
    // the immediate alert job is queued by the pointer itself
    const jobsAfter = await db
      .selectFrom('jobs')
      .select('id')
      .where('type', '=', IMMEDIATE_ALERTS_JOB)
      .execute();
    expect(jobsAfter.length).toBe(jobsBefore.length + 1);
    const users = [fresh.user.id, quiet.user.id, outsider.user.id];
    const run = await sendFundingAlerts(env().ctx, mailer, { mode: 'immediate', userIds: users });
    expect(run.mails).toBe(1);
    const [mail] = mailsTo(fresh.user.email);
    expect(mail.headers.get('subject')).toBe('Förderradar: Hinweis der Geschäftsstelle auf einen Aufruf');
    expect(mail.text).toContain('Quartiersentwicklung NRW');
    expect(mail.text).toContain('Bitte bis Ende Mai prüfen.');
    expect(mail.text).toContain('Hinweise der Geschäftsstelle');
    expect(mail.text).toContain('weil die Geschäftsstelle Hinweisprobe');
    expect(mail.text).not.toContain('Aufrufe beobachten oder Suchen gespeichert');
    expect(mailsTo(quiet.user.email)).toHaveLength(0);
    expect(mailsTo(outsider.user.email)).toHaveLength(0);
    // not twice: neither in the next immediate run nor in the digest
    expect((await sendFundingAlerts(env().ctx, mailer, { mode: 'immediate', userIds: users })).mails).toBe(0);
    expect((await sendFundingAlerts(env().ctx, mailer, { mode: 'daily', userIds: users })).mails).toBe(0);
  });

  it('lists all changes of a watched call as one entry with labels and values', async () => {
    const { db } = env().ctx;
    const user = await signIn(env(), { role: 'partner' });
    const call = await makeCall(db, { title: 'Zukunft Innenstadt', firstSeenAt: '2026-10-01T00:00:00Z' });
    const round = await makeRound(db, call, '2026-12-20', null);
    const watch = await env().app.inject({
      method: 'POST',
      url: '/api/funding/watches',
      headers: user.headers,
      payload: { callId: call },
    });
    expect(watch.statusCode).toBe(200);
    await env().app.inject({
      method: 'PUT',
      url: '/api/funding/alerts/settings',
      headers: user.headers,
      payload: { digest: 'daily', leadDays: [] },
    });
    const change = (record_type: 'call' | 'round', record_id: number, changes: object, at: string) =>
      insertChange(db, {
        record_type,
        record_id,
        at,
        kind: 'changed',
        changes: JSON.stringify(changes),
        import_run_id: null,
        actor_label: 'import',
      });
    await change(
      'call',
      call,
      { funding_rate_percent: { before: 50, after: 80 } },
      '2026-11-23T08:00:00.000Z',
    );
    await change(
      'round',
      round,
      { deadline_date: { before: '2026-12-01', after: '2026-12-20' } },
      '2026-11-24T08:00:00.000Z',
    );
    await change(
      'call',
      call,
      { status: { before: 'forthcoming', after: 'open' } },
      '2026-11-24T09:00:00.000Z',
    );
    const run = await sendFundingAlerts(env().ctx, mailer, {
      mode: 'daily',
      now: new Date('2026-11-25T05:30:00Z'),
      userIds: [user.user.id],
    });
    expect(run).toMatchObject({ mails: 1, items: 1 });
    const [mail] = mailsTo(user.user.email);
    expect(mail.text.match(/\* Zukunft Innenstadt/g)).toHaveLength(1);
    expect(mail.text).toContain(
      'Geändert vom 23.11.2026 bis 24.11.2026: Förderquote: 50 % → 80 %; Frist: 01.12.2026 → 20.12.2026; Status: angekündigt → offen',
    );
    expect(mail.text).toContain('weil Sie diesen Aufruf im Förderradar beobachten.');
    // every change is in the sent log: nothing comes again
    expect(
      (
        await sendFundingAlerts(env().ctx, mailer, {
          mode: 'daily',
          now: new Date('2026-11-26T05:30:00Z'),
          userIds: [user.user.id],
        })
      ).mails,
    ).toBe(0);
  });

  it('says in the footer of a profile mail that the organisation’s matching profile found the call', async () => {
    const { db } = env().ctx;
    const org = await makeOrganization(db, `Profilfuss ${Date.now()}`);
    await db
      .insertInto('funding_org_profiles')
      .values({
        organization_id: org,
        applicant_type: null,
        region_ags: null,
        fields_of_action: JSON.stringify(['quartier-test']),
        keywords: '[]',
        updated_at: new Date().toISOString(),
      })
      .execute();
    const member = await signIn(env(), { role: 'partner', organizationId: org });
    await env().app.inject({
      method: 'PUT',
      url: '/api/funding/alerts/settings',
      headers: member.headers,
      payload: { digest: 'off', immediate: true },
    });
    const t0 = Date.parse('2027-10-06T08:00:00Z');
    await makeCall(db, {
      title: 'Quartiere gemeinsam entwickeln',
      fields: ['quartier-test'],
      firstSeenAt: new Date(t0 - 600_000).toISOString(),
    });
    await sendFundingAlerts(env().ctx, mailer, {
      mode: 'immediate',
      now: new Date(t0),
      userIds: [member.user.id],
    });
    const [mail] = mailsTo(member.user.email);
    expect(mail.text).toContain(
      `Sie erhalten diese Nachricht, weil Sie sofortige Hinweise auf neue Aufrufe eingestellt haben, die zum Förderprofil von Profilfuss`,
    );
    expect(mail.text).not.toContain('Aufrufe beobachten');
  });
});
