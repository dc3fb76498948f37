import { expect, it } from 'vitest';
import { signIn } from '../../../../test/helpers/auth.js';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { makeCall } from '../alerts/test-data.js';
import { extractCallDeadlines } from './review-service.js';

describeEachDb('funding deadline review queue', (env) => {
  it('stores confident deadlines as extracted rounds and queues uncertain ones for review', async () => {
    const { db } = env().ctx;
    const callId = await makeCall(db, {
      text: 'Projektskizzen sind bis zum 31. März 2027 einzureichen. Eine Antragstellung ist voraussichtlich bis Ende Juni 2027 möglich.',
    });
    const counts = await extractCallDeadlines(db, { today: '2026-11-25', callId });
    expect(counts).toMatchObject({ calls: 1, rounds: 1, queued: 1, withdrawn: 0 });
    const rounds = await db.selectFrom('funding_rounds').selectAll().where('call_id', '=', callId).execute();
    expect(rounds.map((r) => [r.deadline_date, r.origin])).toEqual([['2027-03-31', 'extracted']]);
    // running again adds nothing
    expect(await extractCallDeadlines(db, { today: '2026-11-25', callId })).toEqual({
      calls: 1,
      rounds: 0,
      queued: 0,
      withdrawn: 0,
      reappeared: 0,
      flagChanges: 0,
      classified: 0,
    });

    const anon = await env().app.inject({ method: 'GET', url: '/api/funding/review' });
    expect(anon.statusCode).toBe(401);
    const office = await signIn(env(), { role: 'office' });
    const list = await env().app.inject({
      method: 'GET',
      url: '/api/funding/review',
      headers: office.headers,
    });
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((i: { call_id: number }) => i.call_id === callId);
    expect(item).toMatchObject({ deadline_date: '2027-06-30', status: 'pending' });
    expect(item.confidence).toBeLessThan(0.75);

    const corrected = await env().app.inject({
      method: 'POST',
      url: `/api/funding/review/${item.id}`,
      headers: office.headers,
      payload: { action: 'correct', date: '2027-06-15', time: '12:00' },
    });
    expect(corrected.statusCode).toBe(200);
    const manual = await db
      .selectFrom('funding_rounds')
      .selectAll()
      .where('call_id', '=', callId)
      .where('origin', '=', 'manual')
      .executeTakeFirstOrThrow();
    expect([manual.deadline_date, manual.deadline_time, manual.review_status]).toEqual([
      '2027-06-15',
      '12:00',
      'confirmed',
    ]);
    const audit = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'funding_deadline_review')
      .where('entity_id', '=', String(item.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['correct']);
    const again = await env().app.inject({
      method: 'POST',
      url: `/api/funding/review/${item.id}`,
      headers: office.headers,
      payload: { action: 'confirm' },
    });
    expect(again.statusCode).toBe(400);
    const partner = await signIn(env(), { role: 'partner' });
    const denied = await env().app.inject({
      method: 'POST',
      url: `/api/funding/review/${item.id}`,
      headers: partner.headers,
      payload: { action: 'reject' },
    });
    expect(denied.statusCode).toBe(403);
  });
});
