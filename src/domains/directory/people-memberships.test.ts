import { beforeAll, expect, it } from 'vitest';
import { type SignedIn, signIn } from '../../../test/helpers/auth.js';
import { describeEachDb } from '../../../test/helpers/context.js';

describeEachDb('directory: people, memberships, timeline entries, fields of action', (env) => {
  let office: SignedIn;
  let reader: SignedIn;
  let chamber: number;
  let office_: number;

  const req = (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    who: SignedIn | null = office,
    payload?: object,
  ) => env().app.inject({ method, url, payload, headers: who?.headers });
  const auditOf = (type: string, id: number) =>
    env()
      .ctx.db.selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', type)
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    office = await signIn(env(), { role: 'office' });
    reader = await signIn(env(), { role: 'reader' });
    chamber = (
      await req('POST', '/api/organizations', office, { name: 'Kammer Beispiel', kind: 'chamber' })
    ).json().id;
    office_ = (
      await req('POST', '/api/organizations', office, { name: 'Geschäftsstelle Beispiel', kind: 'office' })
    ).json().id;
  });

  it('creates and updates people, found by name in any German spelling', async () => {
    const p = await req('POST', '/api/people', office, {
      name: 'Jürgen Weißmüller',
      email: 'jw@example.org',
    });
    expect(p.statusCode).toBe(201);
    const id = p.json().id;
    for (const q of ['weissmueller', 'Weißmüller', 'juergen', 'jurgen weiss']) {
      const res = await req('GET', `/api/people?q=${encodeURIComponent(q)}`);
      expect(res.json().items.map((x: { id: number }) => x.id)).toContain(id);
    }
    const upd = await req('PATCH', `/api/people/${id}`, office, { phone: '+49 211 0', version: 1 });
    expect(upd.json()).toMatchObject({ phone: '+49 211 0', email: 'jw@example.org', version: 2 });
    expect((await req('PATCH', `/api/people/${id}`, office, { phone: 'x', version: 1 })).statusCode).toBe(
      409,
    );
    expect((await req('PATCH', `/api/people/${id}`, reader, { phone: 'x', version: 2 })).statusCode).toBe(
      403,
    );
    expect((await req('POST', '/api/people', office, { name: 'X', email: 'kein-mail' })).statusCode).toBe(
      400,
    );
    expect((await req('GET', '/api/people/424242')).statusCode).toBe(404);
    expect((await auditOf('person', id)).map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('records a secondment and ends a membership with a version check', async () => {
    const person = (await req('POST', '/api/people', office, { name: 'Referentin (Beispiel)' })).json();
    const created = await req('POST', '/api/memberships', office, {
      personId: person.id,
      organizationId: office_,
      role: 'Referentin',
      startDate: '2018-07-01',
      secondedFromOrganizationId: chamber,
    });
    expect(created.statusCode).toBe(201);
    const m = created.json();
    expect(m).toMatchObject({ secondedFromOrganizationId: chamber, startPrecision: 'day', version: 1 });

    const detail = (await req('GET', `/api/people/${person.id}`)).json();
    expect(detail.memberships[0]).toMatchObject({
      role: 'Referentin',
      organization: { id: office_, name: 'Geschäftsstelle Beispiel' },
      secondedFrom: { id: chamber, name: 'Kammer Beispiel' },
    });

    expect(
      (await req('POST', `/api/memberships/${m.id}/end`, office, { endDate: '2017-01-01', version: 1 }))
        .statusCode,
    ).toBe(400);
    expect(
      (await req('POST', `/api/memberships/${m.id}/end`, reader, { endDate: '2020-12-31', version: 1 }))
        .statusCode,
    ).toBe(403);
    const ended = await req('POST', `/api/memberships/${m.id}/end`, office, {
      endDate: '2020-12-31',
      version: 1,
    });
    expect(ended.json()).toMatchObject({ endDate: '2020-12-31', version: 2 });
    expect(
      (await req('POST', `/api/memberships/${m.id}/end`, office, { endDate: '2021-01-31', version: 1 }))
        .statusCode,
    ).toBe(409);
    const patched = await req('PATCH', `/api/memberships/${m.id}`, office, {
      role: 'Senior-Referentin',
      version: 2,
    });
    expect(patched.json()).toMatchObject({ role: 'Senior-Referentin', endDate: '2020-12-31', version: 3 });

    const timeline = (await req('GET', `/api/organizations/${office_}`)).json().timeline;
    expect(timeline.map((t: { kind: string; date: string }) => [t.kind, t.date])).toEqual([
      ['membership_start', '2018-07-01'],
      ['membership_end', '2020-12-31'],
    ]);
    const audit = await auditOf('membership', m.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'end', 'update']);
    expect(JSON.parse(audit[1].before_json ?? '{}').endDate).toBeNull();
    expect(JSON.parse(audit[1].after_json ?? '{}').endDate).toBe('2020-12-31');

    const bad = await req('POST', '/api/memberships', office, {
      personId: 999999,
      organizationId: office_,
      role: 'x',
    });
    expect(bad.json().code).toBe('UNKNOWN_REFERENCE');
    expect(
      (await req('PATCH', '/api/memberships/999999', office, { role: 'x', version: 1 })).statusCode,
    ).toBe(404);
    expect(
      (
        await req('POST', '/api/memberships', office, {
          personId: person.id,
          organizationId: office_,
          role: 'x',
          startDate: '1.7.2018',
        })
      ).statusCode,
    ).toBe(400);
  });

  it('adds and edits timeline entries, merged by date with the memberships', async () => {
    const ev = await req('POST', `/api/organizations/${office_}/events`, office, {
      date: '2019-03-01',
      datePrecision: 'month',
      kind: 'moved',
      title: 'Umzug',
      relatedOrganizationId: chamber,
    });
    expect(ev.statusCode).toBe(201);
    expect(ev.json().relatedOrganization).toMatchObject({ id: chamber, name: 'Kammer Beispiel' });
    const id = ev.json().id;
    const upd = await req('PATCH', `/api/organizations/${office_}/events/${id}`, office, {
      title: 'Umzug in neue Räume',
      version: 1,
    });
    expect(upd.json()).toMatchObject({ title: 'Umzug in neue Räume', datePrecision: 'month', version: 2 });
    expect(
      (await req('PATCH', `/api/organizations/${chamber}/events/${id}`, office, { title: 'x', version: 2 }))
        .statusCode,
    ).toBe(404);
    expect(
      (await req('POST', `/api/organizations/${office_}/events`, reader, { kind: 'x', title: 'y' }))
        .statusCode,
    ).toBe(403);
    const timeline = (await req('GET', `/api/organizations/${office_}`)).json().timeline;
    expect(timeline.map((t: { date: string }) => t.date)).toEqual(['2018-07-01', '2019-03-01', '2020-12-31']);
    // The related organisation sees the entry in its own timeline too.
    const related = (await req('GET', `/api/organizations/${chamber}`)).json().timeline;
    expect(related.map((t: { title: string }) => t.title)).toEqual([
      'Geschäftsstelle Beispiel: Umzug in neue Räume',
    ]);
    expect((await auditOf('organization_event', id)).map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('lets the office edit fields of action and their term rules; nobody else', async () => {
    const root = await req('POST', '/api/fields-of-action', office, { name: 'Klimaanpassung' });
    expect(root.statusCode).toBe(201);
    expect(root.json().rules).toEqual({ terms: [], phrases: [], exclusions: [] });
    const child = (
      await req('POST', '/api/fields-of-action', office, {
        name: 'Hitzeschutz',
        parentId: root.json().id,
        rules: { terms: ['Hitze'], phrases: ['Hitzeaktionsplan'], exclusions: [] },
      })
    ).json();
    const rules = { terms: ['Hitze', 'Hitzewelle'], phrases: [], exclusions: ['Heizung'] };
    const upd = await req('PATCH', `/api/fields-of-action/${child.id}`, office, { rules, version: 1 });
    expect(upd.json()).toMatchObject({ rules, version: 2, name: 'Hitzeschutz' });
    const cycle = await req('PATCH', `/api/fields-of-action/${root.json().id}`, office, {
      parentId: child.id,
      version: 1,
    });
    expect(cycle.json().code).toBe('PARENT_CYCLE');
    expect(
      (await req('PATCH', `/api/fields-of-action/${child.id}`, reader, { name: 'x', version: 2 })).statusCode,
    ).toBe(403);
    expect(
      (await req('POST', '/api/fields-of-action', office, { name: 'x', rules: { terms: 'Hitze' } }))
        .statusCode,
    ).toBe(400);
    const tree = (await req('GET', '/api/fields-of-action', null)).json().items;
    const node = tree.find((n: { name: string }) => n.name === 'Klimaanpassung');
    expect(node.children.map((c: { rules: { exclusions: string[] } }) => c.rules.exclusions)).toEqual([
      ['Heizung'],
    ]);
    const audit = await auditOf('field_of_action', child.id);
    expect(JSON.parse(audit[1].before_json ?? '{}').rules.terms).toEqual(['Hitze']);
  });
});
