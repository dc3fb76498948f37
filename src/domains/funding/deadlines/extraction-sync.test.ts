import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { tempDir } from '../../../../test/fixtures/funding/support.js';
import { signIn } from '../../../../test/helpers/auth.js';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { systemActor } from '../../access/actor.js';
import { makeCall } from '../alerts/test-data.js';
import { runImport } from '../run-import.js';
import { addSource, reimportSources } from '../sources.js';
import { extractCallDeadlines } from './review-service.js';

const t = tempDir('extract-sync-');
afterAll(() => t.remove());
const actor = systemActor('test');
const header = 'aufruf_id;titel;status;foerdergeber_ebene;beschreibung';
// Own texts (the list template is for hand-kept lists); dates far ahead so "past rounds stay" does not apply.
const v1 = 'Projektskizzen sind bis zum 31. März 2031 einzureichen.';
const v2 = 'Projektskizzen sind bis zum 30. April 2031 einzureichen.';
function csv(name: string, rows: string[]): string {
  const p = join(t.dir, name);
  writeFileSync(p, [header, ...rows].join('\r\n'));
  return p;
}

describeEachDb('funding: deadline extraction after imports, flags, withdrawals', (env) => {
  const jobsOfType = () =>
    env()
      .ctx.db.selectFrom('jobs')
      .selectAll()
      .where('type', '=', 'funding.extract-deadlines')
      .orderBy('id')
      .execute();
  const roundsOf = (callId: number) =>
    env()
      .ctx.db.selectFrom('funding_rounds')
      .selectAll()
      .where('call_id', '=', callId)
      .orderBy('deadline_date')
      .execute();
  const historyOf = (recordType: 'call' | 'round', ids: number[]) =>
    env()
      .ctx.db.selectFrom('funding_changes')
      .selectAll()
      .where('record_type', '=', recordType)
      .where('record_id', 'in', ids)
      .orderBy('id')
      .execute();

  it('queues extraction for the calls an import changed, and withdraws rounds the new text no longer names', async () => {
    const { db, jobs } = env().ctx;
    const file = csv('aufrufe-a.csv', [`a-1;Aufruf A;offen;Land;${v1}`, 'a-2;Aufruf B;offen;Land;']);
    const first = await runImport(db, actor, file);
    expect(first.extractionJobId).not.toBeNull();
    const queued = (await jobsOfType()).find((j) => j.id === first.extractionJobId);
    const call = await db
      .selectFrom('funding_calls')
      .selectAll()
      .where('source_set', '=', 'template:aufrufe-a')
      .where('source_id', '=', 'a-1')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(queued?.payload ?? '{}').callIds).toContain(call.id);
    expect(queued?.status).toBe('queued');
    await jobs.runUntilIdle();
    expect((await jobs.get(first.extractionJobId!))?.status).toBe('done');
    let rounds = await roundsOf(call.id);
    expect(rounds.map((r) => [r.deadline_date, r.origin, r.withdrawn_at])).toEqual([
      ['2031-03-31', 'extracted', null],
    ]);

    // same file again: nothing changed, nothing queued
    expect((await runImport(db, actor, file)).extractionJobId).toBeNull();

    // the text changes: re-read at once, the old date is withdrawn with a history row, the new one added
    const changed = await runImport(
      db,
      actor,
      csv('aufrufe-a.csv', [`a-1;Aufruf A;offen;Land;${v2}`, 'a-2;Aufruf B;offen;Land;']),
    );
    expect(JSON.parse((await jobsOfType()).at(-1)?.payload ?? '{}')).toEqual({ callIds: [call.id] });
    expect(changed.extractionJobId).not.toBeNull();
    await jobs.runUntilIdle();
    rounds = await roundsOf(call.id);
    expect(rounds.map((r) => [r.deadline_date, r.withdrawn_at === null])).toEqual([
      ['2031-03-31', false],
      ['2031-04-30', true],
    ]);
    const history = await historyOf(
      'round',
      rounds.map((r) => r.id),
    );
    expect(history.map((h) => [h.record_id, h.kind])).toEqual([
      [rounds[0].id, 'first_seen'],
      [rounds[1].id, 'first_seen'],
      [rounds[0].id, 'withdrawn'],
    ]);
    expect(JSON.parse(history[2].changes).withdrawn_because.after).toMatch(/no longer in the call text/);
    expect(history[2].actor_label).toBe('system:funding.extract-deadlines');

    // back to the first text: the withdrawn round reappears, the other goes
    await runImport(
      db,
      actor,
      csv('aufrufe-a.csv', [`a-1;Aufruf A;offen;Land;${v1}`, 'a-2;Aufruf B;offen;Land;']),
    );
    await jobs.runUntilIdle();
    rounds = await roundsOf(call.id);
    expect(rounds.map((r) => [r.deadline_date, r.withdrawn_at === null])).toEqual([
      ['2031-03-31', true],
      ['2031-04-30', false],
    ]);
    expect((await historyOf('round', [rounds[0].id])).map((h) => h.kind)).toEqual([
      'first_seen',
      'withdrawn',
      'reappeared',
    ]);
  });

  it('queues extraction from the upload job and the scheduled re-import too', async () => {
    const { db, jobs } = env().ctx;
    const office = await signIn(env(), { role: 'office' });
    const boundary = '----regiolotse-test';
    const content = [header, `u-1;Hochgeladen;offen;Bund;${v1}`].join('\n');
    const res = await env().app.inject({
      method: 'POST',
      url: '/api/funding/import',
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="hoch.csv"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...office.headers },
    });
    expect(res.statusCode).toBe(202);
    const before = (await jobsOfType()).length;
    await jobs.runUntilIdle();
    const uploaded = await db
      .selectFrom('funding_calls')
      .select('id')
      .where('source_set', '=', 'template:hoch')
      .executeTakeFirstOrThrow();
    const after = await jobsOfType();
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)).toMatchObject({ status: 'done' });
    expect((await roundsOf(uploaded.id)).map((r) => r.deadline_date)).toEqual(['2031-03-31']);

    const source = csv('quelle.csv', [`q-1;Aus der Quelle;offen;Land;${v2}`]);
    await addSource(db, source, 'Quelle');
    const results = await reimportSources(db);
    expect(results.find((r) => r.status !== 'done')).toBeUndefined();
    const fromSource = await db
      .selectFrom('funding_calls')
      .select('id')
      .where('source_set', '=', 'template:quelle')
      .executeTakeFirstOrThrow();
    expect(JSON.parse((await jobsOfType()).at(-1)?.payload ?? '{}').callIds).toEqual([fromSource.id]);
    await jobs.runUntilIdle();
    expect((await roundsOf(fromSource.id)).map((r) => r.deadline_date)).toEqual(['2031-04-30']);
  });

  it('withdraws unconfirmed extracted rounds once the source gives rounds; keeps confirmed and manual ones', async () => {
    const { db } = env().ctx;
    const callId = await makeCall(db, {
      text: 'Anträge sind bis zum 15. Mai 2031 einzureichen. Projektskizzen sind bis zum 1. Juni 2031 einzureichen.',
    });
    await extractCallDeadlines(db, { today: '2026-12-01', callId });
    let rounds = await roundsOf(callId);
    expect(rounds.map((r) => r.deadline_date)).toEqual(['2031-05-15', '2031-06-01']);
    await db
      .updateTable('funding_rounds')
      .set({ review_status: 'confirmed' })
      .where('id', '=', rounds[1].id)
      .execute();
    const at = new Date().toISOString();
    await db
      .insertInto('funding_rounds')
      .values({
        call_id: callId,
        round_key: 'deadline-1',
        label: null,
        opens_at: null,
        deadline_date: '2031-05-20',
        deadline_time: '17:00',
        time_zone: 'Europe/Brussels',
        deadline_kind: 'submission',
        confidence: 1,
        origin: 'source',
        review_status: 'unreviewed',
        evidence: null,
        content_hash: 'x',
        first_seen_at: at,
        last_seen_at: at,
        withdrawn_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const counts = await extractCallDeadlines(db, { today: '2026-12-01', callId });
    expect(counts).toMatchObject({ rounds: 0, withdrawn: 1 });
    rounds = await roundsOf(callId);
    expect(rounds.map((r) => [r.deadline_date, r.origin, r.withdrawn_at === null])).toEqual([
      ['2031-05-15', 'extracted', false],
      ['2031-05-20', 'source', true],
      ['2031-06-01', 'extracted', true],
    ]);
    const h = await historyOf('round', [rounds[0].id]);
    expect(JSON.parse(h.at(-1)?.changes ?? '{}').withdrawn_because.after).toMatch(/source now gives rounds/);
  });

  it('takes review items for dates no longer named out of the queue, and brings them back', async () => {
    const { db } = env().ctx;
    const callId = await makeCall(db, {
      text: 'Eine Antragstellung ist voraussichtlich bis Ende Juni 2031 möglich.',
    });
    expect(await extractCallDeadlines(db, { today: '2026-12-01', callId })).toMatchObject({ queued: 1 });
    const item = () =>
      db
        .selectFrom('funding_deadline_reviews')
        .selectAll()
        .where('call_id', '=', callId)
        .executeTakeFirstOrThrow();
    await db
      .updateTable('funding_calls')
      .set({ text: 'Der Aufruf wird überarbeitet.' })
      .where('id', '=', callId)
      .execute();
    await extractCallDeadlines(db, { today: '2026-12-01', callId });
    expect(await item()).toMatchObject({
      status: 'rejected',
      decided_by: 'system:funding.extract-deadlines',
    });
    await db
      .updateTable('funding_calls')
      .set({ text: 'Eine Antragstellung ist voraussichtlich bis Ende Juni 2031 möglich.' })
      .where('id', '=', callId)
      .execute();
    expect(await extractCallDeadlines(db, { today: '2026-12-01', callId })).toMatchObject({ queued: 1 });
    expect(await item()).toMatchObject({ status: 'pending', decided_by: null });
  });

  it('writes closed and rolling to the call with history, unless a source field states the status', async () => {
    const { db } = env().ctx;
    // Förderdatenbank-like call: status is the importer's default, not a source field
    const closedId = await makeCall(db, {
      text: 'Eine Antragstellung ist nicht mehr möglich. Das Programm ist ausgelaufen.',
    });
    const rollingId = await makeCall(db, { text: 'Anträge können laufend gestellt werden.' });
    const counts = await extractCallDeadlines(db, { today: '2026-12-01', callIds: [closedId, rollingId] });
    expect(counts.flagChanges).toBe(2);
    const call = (id: number) =>
      db.selectFrom('funding_calls').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(await call(closedId)).toMatchObject({
      status: 'closed',
      extracted_closed: 1,
      status_before_extraction: 'open',
    });
    expect(await call(rollingId)).toMatchObject({ stage_model: 'rolling', extracted_rolling: 1 });
    const h = await historyOf('call', [closedId]);
    expect(h.map((r) => [r.kind, JSON.parse(r.changes)])).toEqual([
      ['changed', { status: { before: 'open', after: 'closed' } }],
    ]);
    // running again changes nothing and writes no history
    expect((await extractCallDeadlines(db, { today: '2026-12-01', callId: closedId })).flagChanges).toBe(0);
    expect(await historyOf('call', [closedId])).toHaveLength(1);

    // the text no longer says closed: the status goes back to what it was
    await db
      .updateTable('funding_calls')
      .set({ text: 'Anträge sind bis zum 30. Juni 2031 einzureichen.' })
      .where('id', '=', closedId)
      .execute();
    await extractCallDeadlines(db, { today: '2026-12-01', callId: closedId });
    expect(await call(closedId)).toMatchObject({ status: 'open', status_before_extraction: null });

    // a list with a status column: the text's "closed" is shown for review, not written
    const r = await runImport(
      db,
      actor,
      csv('liste-b.csv', ['b-1;Aufruf mit Status;offen;Land;Eine Antragstellung ist nicht mehr möglich.']),
    );
    await env().ctx.jobs.runUntilIdle();
    expect(r.extractionJobId).not.toBeNull();
    const listed = await db
      .selectFrom('funding_calls')
      .selectAll()
      .where('source_set', '=', 'template:liste-b')
      .executeTakeFirstOrThrow();
    expect(listed).toMatchObject({ status: 'open', extracted_closed: 1, status_before_extraction: null });

    // the review queue shows both and a person overrides: the decision is written and sticks
    const office = await signIn(env(), { role: 'office' });
    const queue = await env().app.inject({
      method: 'GET',
      url: '/api/funding/review/flags',
      headers: office.headers,
    });
    expect(queue.statusCode).toBe(200);
    const items = queue.json().items as Record<string, unknown>[];
    expect(items.find((i) => i.call_id === listed.id)).toMatchObject({
      extracted_closed: true,
      status: 'open',
      status_held_by_source: true,
      status_applied: false,
      closed_evidence: 'Eine Antragstellung ist nicht mehr möglich.',
    });
    expect(items.find((i) => i.call_id === rollingId)).toMatchObject({ stage_applied: true, rolling: true });
    const decide = (callId: number, body: Record<string, unknown>, headers = office.headers) =>
      env().app.inject({
        method: 'POST',
        url: `/api/funding/review/flags/${callId}`,
        headers,
        payload: body,
      });
    const stale = await decide(listed.id, { rolling: false, closed: true, version: listed.version - 1 });
    expect(stale.statusCode).toBe(409);
    const partner = await signIn(env(), { role: 'partner' });
    expect((await decide(listed.id, { rolling: false, closed: true }, partner.headers)).statusCode).toBe(403);
    const ok = await decide(listed.id, { rolling: false, closed: true, version: listed.version });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ review: 'confirmed', status: 'closed' });
    // "not rolling" on the rolling call: stage model back to the importer's value
    const notRolling = await decide(rollingId, { rolling: false, closed: false });
    expect(notRolling.json()).toMatchObject({ review: 'overridden', stageModel: 'single-stage' });
    await extractCallDeadlines(db, { today: '2026-12-01', callIds: [listed.id, rollingId] });
    expect(await call(listed.id)).toMatchObject({ status: 'closed', flags_review: 'confirmed' });
    expect(await call(rollingId)).toMatchObject({ stage_model: 'single-stage', flags_review: 'overridden' });
    const decidedHistory = await historyOf('call', [listed.id]);
    expect(decidedHistory.at(-1)).toMatchObject({ kind: 'changed', actor_label: office.user.email });
    expect(JSON.parse(decidedHistory.at(-1)?.changes ?? '{}')).toEqual({
      status: { before: 'open', after: 'closed' },
    });
    const pending = await env().app.inject({
      method: 'GET',
      url: '/api/funding/review/flags',
      headers: office.headers,
    });
    expect((pending.json().items as { call_id: number }[]).map((i) => i.call_id)).not.toContain(listed.id);
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'funding_call_flags')
      .where('entity_id', '=', String(listed.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['confirm']);
  });
});
