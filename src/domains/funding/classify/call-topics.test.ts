import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { tempDir } from '../../../../test/fixtures/funding/support.js';
import { signIn } from '../../../../test/helpers/auth.js';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { nowIso } from '../../../infra/db/columns.js';
import { systemActor } from '../../access/actor.js';
import { fields as seedFields } from '../../directory/seed/fields-data.js';
import { indexDocuments } from '../../search/indexer.js';
import { extractCallDeadlines } from '../deadlines/review-service.js';
import { runImport } from '../run-import.js';

const actor = systemActor('test');

/** Calls are classified into fields of action like papers; calls ↔ papers both ways; the radar's calls per topic. */
describeEachDb('funding: calls in fields of action and next to council papers', (env) => {
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    const { db } = env().ctx;
    const at = nowIso();
    for (const [i, f] of seedFields.entries())
      await db
        .insertInto('fields_of_action')
        .values({
          key: f.key,
          parent_id: null,
          name: f.name,
          description: null,
          rules_json: JSON.stringify(f.rules),
          sort_order: i,
          source: 'seed',
          created_at: at,
          updated_at: at,
        })
        .execute();
    const t = tempDir('calls-');
    try {
      const path = join(t.dir, 'aufrufe.csv');
      writeFileSync(
        path,
        [
          'aufruf_id;titel;beschreibung;status;foerdergeber_ebene',
          'FK-1;Weiterbildung im Handwerk;Gefördert werden Weiterbildung und Qualifizierung von Fachkräften in Handwerksbetrieben, Meisterkurse und Ausbildungsverbünde.;offen;Land',
          'H2-1;Wasserstoff-Infrastruktur;Gefördert werden Elektrolyseure, Wasserstofftankstellen und die Infrastruktur für Wasserstoffbusse.;offen;Bund',
          'BR-1;Kommunaler Brückenbau;Gefördert werden die Sanierung von Brücken, Brückensanierung an Rheinbrücken und Ersatzneubauten.;offen;Land',
        ].join('\n'),
      );
      await runImport(db, actor, path);
    } finally {
      t.remove();
    }
    for (const c of await db.selectFrom('funding_calls').select(['id', 'source_id']).execute())
      ids[c.source_id] = c.id;
    await extractCallDeadlines(db, { today: '2026-12-08' });
    const paper = (
      sourceId: number,
      title: string,
      text: string,
      body: string,
      date: string,
      isPublic = true,
    ) => ({
      type: 'paper',
      sourceId,
      title,
      text,
      date,
      isPublic,
      ownerOrganizationId: null,
      bodyId: null,
      bodyName: body,
      committee: null,
      paperType: 'Beschlussvorlage',
      url: null,
    });
    await indexDocuments(env().ctx, [
      paper(
        770_001,
        'Fachkräftesicherung im Kreis Mettmann',
        'Qualifizierung und Weiterbildung in Handwerksbetrieben; Meisterkurse für Fachkräfte.',
        'Kreis Mettmann',
        '2026-05-01',
      ),
      paper(
        770_002,
        'Weiterbildung für Fachkräfte in Ratingen',
        'Die Stadt unterstützt Handwerksbetriebe bei der Qualifizierung und Weiterbildung.',
        'Ratingen',
        '2026-03-01',
      ),
      paper(
        770_003,
        'Qualifizierung im Handwerk: Meisterkurse',
        'Ratingen fördert Meisterkurse und Weiterbildung im Handwerk.',
        'Ratingen',
        '2026-09-01',
      ),
      paper(
        770_004,
        'Ausbildungsmesse 2026',
        'Die Ausbildungsmesse findet in der Stadthalle statt. Ausbildung.',
        'Haan',
        '2026-04-01',
      ),
      paper(
        770_005,
        'Nichtöffentlich: Weiterbildung Handwerk',
        'Qualifizierung und Weiterbildung in Handwerksbetrieben, Meisterkurse.',
        'Hilden',
        '2026-06-01',
        false,
      ),
      paper(
        770_006,
        'Sanierung der Rheinbrücke',
        'Brückensanierung und Verkehrsinfrastruktur: die Sanierung von Brücken im Stadtgebiet.',
        'Düsseldorf',
        '2026-02-01',
      ),
    ]);
  });

  it('classifies calls into fields of action with the matched words as reasons', async () => {
    const res = await env().app.inject({ method: 'GET', url: `/api/funding/calls/${ids['FK-1']}` });
    expect(res.statusCode).toBe(200);
    const call = res.json();
    expect(call.fieldsOfAction).toContain('field:fachkraefte');
    const reading = call.fieldReadings.find((r: { key: string }) => r.key === 'field:fachkraefte');
    expect(reading.matchedTerms).toEqual(expect.arrayContaining(['Weiterbildung', 'Qualifizierung']));
    expect(call.fieldNames['field:fachkraefte']).toBe('Fachkräfte');
    const list = await env().app.inject({
      method: 'GET',
      url: '/api/funding/calls?fieldOfAction=field:fachkraefte',
    });
    expect(list.json().items.map((i: { id: number }) => i.id)).toContain(ids['FK-1']);
  });

  it('lets the office correct a call’s fields and hand it back to the classifier', async () => {
    const office = await signIn(env(), { role: 'office' });
    const reader = await signIn(env(), { role: 'reader' });
    const url = `/api/funding/calls/${ids['FK-1']}/fields`;
    expect(
      (await env().app.inject({ method: 'PUT', url, headers: reader.headers, payload: { fields: [] } }))
        .statusCode,
    ).toBe(403);
    expect((await env().app.inject({ method: 'PUT', url, payload: { fields: [] } })).statusCode).toBe(401);
    const bad = await env().app.inject({
      method: 'PUT',
      url,
      headers: office.headers,
      payload: { fields: ['nope'] },
    });
    expect(bad.statusCode).toBe(400);
    const set = await env().app.inject({
      method: 'PUT',
      url,
      headers: office.headers,
      payload: { fields: ['field:digitalisierung'] },
    });
    expect(set.json()).toEqual({ effective: ['field:digitalisierung'] });
    // the daily classification does not undo the office's choice
    await extractCallDeadlines(env().ctx.db, { today: '2026-12-08', callIds: [ids['FK-1']] });
    const after = await env().app.inject({ method: 'GET', url: `/api/funding/calls/${ids['FK-1']}` });
    expect(after.json()).toMatchObject({
      fieldsOfAction: ['field:digitalisierung'],
      fieldsDecidedBy: expect.any(String),
    });
    const audit = await env()
      .ctx.db.selectFrom('audit_log')
      .select('entity_type')
      .where('entity_type', '=', 'funding_call_fields')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
    const back = await env().app.inject({
      method: 'PUT',
      url,
      headers: office.headers,
      payload: { fields: null },
    });
    expect(back.json().effective).toContain('field:fachkraefte');
  });

  it('shows on a call the papers of the region that deal with it: by body, newest first, with reasons', async () => {
    const res = await env().app.inject({ method: 'GET', url: `/api/funding/calls/${ids['FK-1']}/papers` });
    expect(res.statusCode).toBe(200);
    const answer = res.json() as {
      bodies: { body: string; papers: { id: number; date: string; score: number; reasons: string[] }[] }[];
    };
    const all = answer.bodies.flatMap((b) => b.papers);
    const ids770 = all.map((p) => p.id);
    expect(ids770).toEqual(expect.arrayContaining([770_001, 770_002, 770_003]));
    // not the non-public paper for an anonymous visitor
    expect(ids770).not.toContain(770_005);
    const ratingen = answer.bodies.find((b) => b.body === 'Ratingen');
    expect(ratingen?.papers.map((p) => p.id)).toEqual([770_003, 770_002]);
    const shared = all.find((p) => p.id === 770_001);
    expect(shared?.reasons.join(' ')).toMatch(
      /gemeinsame Begriffe: .*(Weiterbildung|Qualifizierung|Meisterkurse)/,
    );
    // a paper that shares only the field ranks below every paper with shared content
    const fieldOnly = all.find((p) => p.id === 770_004);
    if (fieldOnly)
      for (const p of all.filter((x) => x.id !== 770_004)) expect(p.score).toBeGreaterThan(fieldOnly.score);
    const office = await signIn(env(), { role: 'office' });
    const seen = await env().app.inject({
      method: 'GET',
      url: `/api/funding/calls/${ids['FK-1']}/papers`,
      headers: office.headers,
    });
    expect(
      seen.json().bodies.flatMap((b: { papers: { id: number }[] }) => b.papers.map((p) => p.id)),
    ).toContain(770_005);
  });

  it('ranks a call that shares content above one that only shares a broad classifier field (paper → calls)', async () => {
    const reader = await signIn(env(), { role: 'reader' });
    const res = await env().app.inject({
      method: 'GET',
      url: '/api/funding/matches?paper=770006',
      headers: reader.headers,
    });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { callId: number; score: number; reasons: string[] }[];
    const bridge = items.findIndex((i) => i.callId === ids['BR-1']);
    const hydrogen = items.findIndex((i) => i.callId === ids['H2-1']);
    expect(bridge).toBe(0);
    if (hydrogen >= 0) expect(items[hydrogen].score).toBeLessThan(items[bridge].score);
  });

  it('gives the radar the open calls per topic', async () => {
    const field = await env()
      .ctx.db.selectFrom('fields_of_action')
      .select('id')
      .where('key', '=', 'field:fachkraefte')
      .executeTakeFirstOrThrow();
    const res = await env().app.inject({
      method: 'GET',
      url: `/api/funding/radar-calls?field=${field.id}&term=Wasserstoff`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().fields[String(field.id)].map((c: { id: number }) => c.id)).toContain(ids['FK-1']);
    expect(res.json().terms.Wasserstoff.map((c: { id: number }) => c.id)).toEqual([ids['H2-1']]);
  });
});
