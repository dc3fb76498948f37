import { beforeAll, expect, it } from 'vitest';
import { type SignedIn, signIn } from '../../../test/helpers/auth.js';
import { describeEachDb } from '../../../test/helpers/context.js';

describeEachDb('directory: who sees and changes what', (env) => {
  let office: SignedIn;
  let partnerA: SignedIn;
  let partnerB: SignedIn;
  let readerA: SignedIn;
  let orgA: number;
  let orgB: number;

  const req = (method: 'GET' | 'POST' | 'PATCH', url: string, who: SignedIn | null, payload?: object) =>
    env().app.inject({ method, url, payload, headers: who?.headers });

  beforeAll(async () => {
    office = await signIn(env(), { role: 'office' });
    orgA = (
      await req('POST', '/api/organizations', office, { name: 'Partner Alpha', kind: 'partner' })
    ).json().id;
    orgB = (await req('POST', '/api/organizations', office, { name: 'Partner Beta', kind: 'partner' })).json()
      .id;
    partnerA = await signIn(env(), { role: 'partner', organizationId: orgA });
    partnerB = await signIn(env(), { role: 'partner', organizationId: orgB });
    readerA = await signIn(env(), { role: 'reader', organizationId: orgA });
  });

  it('keeps a partner’s non-public organisation from other partners and the public', async () => {
    const created = await req('POST', '/api/organizations', partnerA, {
      name: 'Vertrauliche Arbeitsgruppe Ämter',
      kind: 'committee',
      isPublic: false,
    });
    expect(created.statusCode).toBe(201);
    const secret = created.json();
    expect(secret.ownerOrganizationId).toBe(orgA);

    for (const who of [partnerA, readerA, office]) {
      expect((await req('GET', `/api/organizations/${secret.id}`, who)).statusCode).toBe(200);
      const list = await req('GET', '/api/organizations?q=vertrauliche', who);
      expect(list.json().total).toBe(1);
    }
    for (const who of [partnerB, null]) {
      expect((await req('GET', `/api/organizations/${secret.id}`, who)).statusCode).toBe(404);
      const list = await req('GET', '/api/organizations?q=vertrauliche', who);
      expect(list.json()).toEqual({ total: 0, items: [] });
      const csv = await req('GET', '/api/organizations?format=csv&q=aemter', who);
      expect(csv.body).not.toContain('Vertrauliche');
    }
    const other = await req('PATCH', `/api/organizations/${secret.id}`, partnerB, { name: 'x', version: 1 });
    expect(other.statusCode).toBe(404);
    const own = await req('PATCH', `/api/organizations/${secret.id}`, partnerA, {
      description: 'intern',
      version: 1,
    });
    expect(own.statusCode).toBe(200);
  });

  it('does not let a partner file records under another organisation or edit public ones it does not own', async () => {
    const foreign = await req('POST', '/api/organizations', partnerA, {
      name: 'Untergeschoben',
      kind: 'other',
      ownerOrganizationId: orgB,
    });
    expect(foreign.statusCode).toBe(403);
    const publicOrg = (await req('GET', `/api/organizations/${orgB}`, partnerA)).json();
    const res = await req('PATCH', `/api/organizations/${orgB}`, partnerA, {
      name: 'Übernommen',
      version: publicOrg.version,
    });
    expect(res.statusCode).toBe(403);
    const asReader = await req('POST', '/api/people', readerA, { name: 'Lesende Person' });
    expect(asReader.statusCode).toBe(403);
  });

  it('hides a non-public person and their memberships, even on a public organisation', async () => {
    const person = (
      await req('POST', '/api/people', partnerA, { name: 'Jörg Beispiel-Geheim', isPublic: false })
    ).json();
    expect(person.ownerOrganizationId).toBe(orgA);
    const m = await req('POST', '/api/memberships', partnerA, {
      personId: person.id,
      organizationId: orgA,
      role: 'Ansprechpartner',
    });
    expect(m.statusCode).toBe(201);

    const seenByA = (await req('GET', `/api/organizations/${orgA}`, partnerA)).json();
    expect(seenByA.memberships.map((x: { person: { name: string } }) => x.person.name)).toContain(
      'Jörg Beispiel-Geheim',
    );
    for (const who of [partnerB, null]) {
      const detail = (await req('GET', `/api/organizations/${orgA}`, who)).json();
      expect(detail.memberships).toEqual([]);
      expect(detail.timeline).toEqual([]);
      expect((await req('GET', `/api/people/${person.id}`, who)).statusCode).toBe(404);
      expect((await req('GET', '/api/people?q=joerg', who)).json().total).toBe(0);
    }
    expect((await req('GET', '/api/people?q=jorg', office)).json().total).toBe(1);
  });

  it('shows anonymous visitors only public timeline entries', async () => {
    const internal = await req('POST', `/api/organizations/${orgA}/events`, office, {
      date: '2024-05-02',
      kind: 'workshop',
      title: 'Interner Workshop',
      isPublic: false,
    });
    expect(internal.statusCode).toBe(201);
    await req('POST', `/api/organizations/${orgA}/events`, office, {
      date: '2024-05-01',
      kind: 'founded',
      title: 'Gründung',
    });
    const anon = (await req('GET', `/api/organizations/${orgA}`, null)).json();
    expect(anon.timeline.map((t: { title: string }) => t.title)).toEqual(['Gründung']);
    const own = (await req('GET', `/api/organizations/${orgA}`, readerA)).json();
    expect(own.timeline.map((t: { title: string }) => t.title)).toEqual(['Gründung', 'Interner Workshop']);
  });
});
