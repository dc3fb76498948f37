import type { Kysely } from 'kysely';
import type { DB } from '../../../src/app/schema.js';
import type { ObjectKind } from '../../../src/domains/council/oparl/kinds.js';
import { indexSyncedObjects } from '../../../src/domains/council/oparl/search-sync.js';
import { ensureSource } from '../../../src/domains/council/oparl/sources.js';
import { storePage } from '../../../src/domains/council/oparl/store-page.js';
import type { SignedIn } from '../../helpers/auth.js';
import type { TestEnv } from '../../helpers/context.js';

/** Every non-public record carries both words; every public one "Sonnenblume"; all share "Kreisverkehr". */
export const SECRET_WORDS = ['Geheimprojekt', 'Zebrastreifen'] as const;
export const PUBLIC_WORD = 'Sonnenblume';
export const SHARED_WORD = 'Kreisverkehr';

export interface Secret {
  kind: string;
  id: number;
  title: string;
  /** The id the OParl source gave it (council records only). */
  sourceOparlId?: string;
  /** Path segment under /oparl/v1.1/ where our server would serve it. */
  oparlSegment?: string;
}

const SYSTEM = 'https://ratsinfo.example.org/oparl/system';
const o = (path: string) => `https://ratsinfo.example.org/oparl/${path}`;
const T = (kind: string) => `https://schema.oparl.org/1.1/${kind}`;
/** Recent, so that the radar's default window (90 days) holds the papers. */
const recent = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);

type Inject = (method: 'POST' | 'PATCH', url: string, payload: object) => Promise<Record<string, unknown>>;

function poster(env: TestEnv, admin: SignedIn): Inject {
  return async (method, url, payload) => {
    const res = await env.app.inject({ method, url, payload, headers: admin.headers });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as Record<string, unknown>;
  };
}

async function councilPage(env: TestEnv, kind: ObjectKind, body: string | null, entries: unknown[]) {
  const { ctx } = env;
  const source = await ensureSource(ctx.db, SYSTEM);
  await storePage(
    ctx,
    {
      sourceId: source.id,
      bodyOparlId: body,
      listUrl: o(`list/${kind}`),
      kind,
      entries,
      fetchedAt: Date.now(),
    },
    null,
  );
}

const stamps = { created: '2026-01-05T09:00:00+01:00', modified: '2026-01-06T09:00:00+01:00' };

function meeting(agendaItems: object[]) {
  return {
    id: o('meeting/1'),
    type: T('Meeting'),
    name: 'Sitzung des Verkehrsausschusses',
    start: `${recent}T17:00:00+01:00`,
    end: `${recent}T19:00:00+01:00`,
    organization: [o('organization/1')],
    agendaItem: agendaItems,
    ...stamps,
  };
}

const publicAgendaItem = {
  id: o('agendaitem/1'),
  type: T('AgendaItem'),
  number: '1',
  order: 1,
  name: `${PUBLIC_WORD} ${SHARED_WORD} am Marktplatz`,
  consultation: o('consultation/1'),
  public: true,
  ...stamps,
};

function paper(n: number, body: string, name: string, extra: object = {}) {
  return {
    id: o(`paper/${n}`),
    type: T('Paper'),
    body,
    name,
    reference: `SF/2026/00${n}`,
    date: recent,
    paperType: 'Beschlussvorlage',
    ...stamps,
    ...extra,
  };
}

/** The public world: two council bodies with papers, a meeting; directory; funding; one field of action. */
export async function plantPublic(env: TestEnv, admin: SignedIn) {
  const post = poster(env, admin);
  await post('POST', '/api/fields-of-action', {
    name: 'Mobilität',
    rules: { terms: [SHARED_WORD], phrases: [], exclusions: [] },
    sortOrder: 0,
  });
  const orgA = (await post('POST', '/api/organizations', { name: 'Stadtwerke Ahorn', kind: 'partner' }))
    .id as number;
  const orgB = (await post('POST', '/api/organizations', { name: 'Kreisverwaltung Buche', kind: 'partner' }))
    .id as number;
  const publicOrg = (
    await post('POST', '/api/organizations', {
      name: `${PUBLIC_WORD} ${SHARED_WORD} Initiative`,
      kind: 'network',
      parentId: orgA,
      ownerOrganizationId: orgA,
      description: `Offene Initiative zum ${SHARED_WORD}.`,
    })
  ).id as number;
  const person = (
    await post('POST', '/api/people', {
      name: `Sonja ${PUBLIC_WORD}`,
      note: `Ansprechpartnerin ${SHARED_WORD}`,
      ownerOrganizationId: orgA,
    })
  ).id as number;
  await post('POST', '/api/memberships', { personId: person, organizationId: publicOrg, role: 'Sprecherin' });
  await post('POST', `/api/organizations/${orgA}/events`, {
    date: recent,
    kind: 'meeting',
    title: `${PUBLIC_WORD} ${SHARED_WORD} Fest`,
  });
  const programme = (
    await post('POST', '/api/funding/programmes', {
      title: `${PUBLIC_WORD} ${SHARED_WORD} Förderprogramm`,
      giverLevel: 'Land',
      summary: `Förderung für ${SHARED_WORD} und Radwege.`,
    })
  ).id as number;
  const call = (
    await post('POST', '/api/funding/calls', {
      programmeId: programme,
      title: `${PUBLIC_WORD} ${SHARED_WORD} Aufruf`,
      text: `Aufruf zum ${SHARED_WORD}.`,
      status: 'open',
      giverLevel: 'Land',
    })
  ).id as number;
  await post('POST', `/api/funding/calls/${call}/rounds`, { deadlineDate: '2027-03-31', label: 'Stichtag' });

  const body1 = o('body/1');
  const body2 = o('body/2');
  await councilPage(env, 'Body', null, [
    { id: body1, type: T('Body'), name: 'Stadt Sonnenfeld', system: SYSTEM, ...stamps },
    { id: body2, type: T('Body'), name: 'Gemeinde Kleeberg', system: SYSTEM, ...stamps },
  ]);
  await councilPage(env, 'Organization', body1, [
    { id: o('organization/1'), type: T('Organization'), body: body1, name: 'Verkehrsausschuss', ...stamps },
  ]);
  await councilPage(env, 'Meeting', body1, [meeting([publicAgendaItem])]);
  await councilPage(env, 'Paper', body1, [
    paper(1, body1, `${PUBLIC_WORD} ${SHARED_WORD} am Marktplatz`, {
      mainFile: {
        id: o('file/1'),
        type: T('File'),
        name: `${PUBLIC_WORD} ${SHARED_WORD} Lageplan`,
        fileName: 'lageplan.pdf',
        mimeType: 'application/pdf',
        accessUrl: 'https://ratsinfo.example.org/files/lageplan.pdf',
      },
      consultation: [
        {
          id: o('consultation/1'),
          type: T('Consultation'),
          meeting: o('meeting/1'),
          agendaItem: o('agendaitem/1'),
          organization: [o('organization/1')],
          role: 'Entscheidung',
        },
      ],
    }),
  ]);
  await councilPage(env, 'Paper', body2, [paper(2, body2, `${PUBLIC_WORD} ${SHARED_WORD} in der Ortsmitte`)]);
  return { orgA, orgB, publicOrg, person, programme, call };
}

const secretTitle = (what: string) => `${SECRET_WORDS.join(' ')} ${SHARED_WORD} ${what}`;

/** The non-public records, each owned by organisation A, planted through each domain's write path. */
export async function plantSecrets(
  env: TestEnv,
  admin: SignedIn,
  pub: Awaited<ReturnType<typeof plantPublic>>,
): Promise<Secret[]> {
  const post = poster(env, admin);
  const { orgA } = pub;
  const secrets: Secret[] = [];
  const directory = async (kind: string, url: string, payload: object, title: string) => {
    const id = (await post('POST', url, payload)).id as number;
    secrets.push({ kind, id, title });
    return id;
  };
  const org = secretTitle('Arbeitsgruppe');
  const orgId = await directory(
    'organization',
    '/api/organizations',
    {
      name: org,
      kind: 'committee',
      isPublic: false,
      parentId: orgA,
      ownerOrganizationId: orgA,
      description: 'Vertraulich',
    },
    org,
  );
  const person = secretTitle('Kontaktperson');
  await directory(
    'person',
    '/api/people',
    { name: person, isPublic: false, ownerOrganizationId: orgA },
    person,
  );
  // A public person's membership in the non-public organisation: her page must not reveal it.
  await post('POST', '/api/memberships', { personId: pub.person, organizationId: orgId, role: 'Mitglied' });
  const event = secretTitle('Klausur');
  await directory(
    'event',
    `/api/organizations/${orgA}/events`,
    { date: '2026-02-02', kind: 'meeting', title: event, isPublic: false },
    event,
  );

  const programme = secretTitle('Förderprogramm');
  await directory(
    'programme',
    '/api/funding/programmes',
    { title: programme, giverLevel: 'Land', summary: SHARED_WORD, isPublic: false },
    programme,
  );
  const call = secretTitle('Aufruf');
  const callId = await directory(
    'call',
    '/api/funding/calls',
    {
      programmeId: pub.programme,
      title: call,
      text: SHARED_WORD,
      status: 'open',
      giverLevel: 'Land',
      isPublic: false,
    },
    call,
  );
  await post('POST', `/api/funding/calls/${callId}/rounds`, {
    deadlineDate: '2027-02-28',
    label: 'Geheimprojekt-Frist',
  });

  const body1 = o('body/1');
  await councilPage(env, 'Meeting', body1, [
    meeting([
      publicAgendaItem,
      {
        id: o('agendaitem/9'),
        type: T('AgendaItem'),
        number: '9',
        order: 9,
        name: secretTitle('Beratung'),
        consultation: o('consultation/9'),
        public: false,
        ...stamps,
      },
      {
        id: o('agendaitem/10'),
        type: T('AgendaItem'),
        number: '10',
        order: 10,
        name: secretTitle('Anhörung'),
        consultation: o('consultation/10'),
        public: false,
        ...stamps,
      },
    ]),
  ]);
  // A public paper discussed in a closed session: the consultation must stay as hidden as its item.
  await councilPage(env, 'Paper', o('body/2'), [
    paper(2, o('body/2'), `${PUBLIC_WORD} ${SHARED_WORD} in der Ortsmitte`, {
      consultation: [
        {
          id: o('consultation/10'),
          type: T('Consultation'),
          meeting: o('meeting/1'),
          agendaItem: o('agendaitem/10'),
          organization: [o('organization/1')],
          role: 'Anhörung Geheimprojekt',
        },
      ],
    }),
  ]);
  await councilPage(env, 'Paper', body1, [
    paper(9, body1, `${secretTitle('Vorlage')} (nichtöffentlich)`, {
      mainFile: {
        id: o('file/9'),
        type: T('File'),
        name: secretTitle('Anlage'),
        fileName: 'geheimprojekt-zebrastreifen.pdf',
        mimeType: 'application/pdf',
        accessUrl: 'https://ratsinfo.example.org/files/geheimprojekt-zebrastreifen.pdf',
      },
      consultation: [
        {
          id: o('consultation/9'),
          type: T('Consultation'),
          meeting: o('meeting/1'),
          agendaItem: o('agendaitem/9'),
          organization: [o('organization/1')],
          role: 'Vorberatung Geheimprojekt',
        },
      ],
    }),
  ]);
  const db = env.ctx.db;
  for (const [kind, table, segment, oparl] of [
    ['paper', 'council_papers', 'papers', 'paper/9'],
    ['file', 'council_files', 'files', 'file/9'],
    ['agendaItem', 'council_agenda_items', 'agendaItems', 'agendaitem/9'],
    ['consultation', 'council_consultations', 'consultations', 'consultation/9'],
    ['agendaItem', 'council_agenda_items', 'agendaItems', 'agendaitem/10'],
    ['consultation', 'council_consultations', 'consultations', 'consultation/10'],
  ] as const) {
    const row = await db
      .selectFrom(table)
      .select(['id', 'name'])
      .where('oparl_id', '=', o(oparl))
      .executeTakeFirstOrThrow();
    secrets.push({ kind, id: row.id, title: row.name ?? '', sourceOparlId: o(oparl), oparlSegment: segment });
  }
  await assignOwner(db, orgA, secrets);
  await plantPlannerSecrets(env, post, orgA, secrets);
  return secrets;
}

/**
 * The planner's non-public records: a committee kept non-public (imported committees have no write
 * path that restricts them, so the row is changed here and re-indexed), a hand-entered meeting of
 * it, a non-public hand-entered meeting of the public committee, and a sequence naming both.
 * The meetings lie ahead, where the planner's calendar (from today on) shows them.
 */
async function plantPlannerSecrets(env: TestEnv, post: Inject, orgA: number, secrets: Secret[]) {
  const { ctx } = env;
  const body1 = o('body/1');
  const committee = secretTitle('Ausschuss');
  await councilPage(env, 'Organization', body1, [
    { id: o('organization/9'), type: T('Organization'), body: body1, name: committee, ...stamps },
  ]);
  const row = await ctx.db
    .selectFrom('council_organizations')
    .select('id')
    .where('oparl_id', '=', o('organization/9'))
    .executeTakeFirstOrThrow();
  await ctx.db
    .updateTable('council_organizations')
    .set({ is_public: 0, owner_organization_id: orgA })
    .where('id', '=', row.id)
    .execute();
  await indexSyncedObjects(ctx, [
    { kind: 'Organization', id: row.id, oparlId: o('organization/9'), deleted: false, quirks: [] },
  ]);
  secrets.push({
    kind: 'committee',
    id: row.id,
    title: committee,
    sourceOparlId: o('organization/9'),
    oparlSegment: 'organizations',
  });
  const publicCommittee = await ctx.db
    .selectFrom('council_organizations')
    .select('id')
    .where('oparl_id', '=', o('organization/1'))
    .executeTakeFirstOrThrow();
  const body = await ctx.db
    .selectFrom('council_bodies')
    .select('id')
    .where('oparl_id', '=', body1)
    .executeTakeFirstOrThrow();
  const ahead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const meetings: [number, string, object][] = [
    [row.id, secretTitle('Sondersitzung'), {}],
    [publicCommittee.id, secretTitle('Klausurtermin'), { isPublic: false, ownerOrganizationId: orgA }],
  ];
  for (const [i, [committeeId, note, extra]] of meetings.entries()) {
    const m = await post('POST', '/api/planner/meetings', {
      committeeId,
      date: ahead(30 + i),
      note,
      ...extra,
    });
    secrets.push({ kind: 'plannerMeeting', id: m.id as number, title: note });
  }
  const sequence = secretTitle('Beratungsfolge');
  const s = await post('POST', `/api/planner/bodies/${body.id}/sequences`, {
    name: sequence,
    committeeIds: [row.id, publicCommittee.id],
  });
  secrets.push({ kind: 'plannerSequence', id: s.id as number, title: sequence });
}

/**
 * Imported council rows and hand-kept funding rows have no write path that sets an owner yet; the
 * matrix needs them owned by organisation A, so the column is set here.
 */
async function assignOwner(db: Kysely<DB>, orgA: number, secrets: Secret[]) {
  const ids = (kind: string) => secrets.filter((s) => s.kind === kind).map((s) => s.id);
  for (const [kind, table] of [
    ['paper', 'council_papers'],
    ['file', 'council_files'],
    ['agendaItem', 'council_agenda_items'],
    ['consultation', 'council_consultations'],
    ['programme', 'funding_programmes'],
    ['call', 'funding_calls'],
  ] as const) {
    await db.updateTable(table).set({ owner_organization_id: orgA }).where('id', 'in', ids(kind)).execute();
  }
}
