import { z } from 'zod';
import type { AppContext, AppServer } from '../../../app/context.js';
import { BadRequestError, NotFoundError } from '../../../infra/http/errors.js';
import type { ObjectKind } from '../oparl/kinds.js';
import { kindOfSegment, oparlPrefix, segmentOf } from './paths.js';
import { type ListFilter, publicById, publicPage } from './rows.js';
import { Serializer } from './serialize.js';

const oparlObject = z.record(z.string(), z.unknown());
const listResponse = z.object({
  data: z.array(oparlObject),
  pagination: z.object({
    totalElements: z.number(),
    elementsPerPage: z.number(),
    currentPage: z.number(),
    totalPages: z.number(),
  }),
  links: z.record(z.string(), z.string()),
});
const listQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  created_since: z.string().max(40).optional(),
  created_until: z.string().max(40).optional(),
  modified_since: z.string().max(40).optional(),
  modified_until: z.string().max(40).optional(),
});
type ListQuery = z.infer<typeof listQuery>;
const segments = Object.values(segmentOf).filter((s) => s !== 'bodies') as [string, ...string[]];
const idParam = z.coerce.number().int().min(1).max(2_147_483_647);

function isoOrThrow(name: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const t = Date.parse(v);
  if (!Number.isFinite(t)) {
    throw new BadRequestError('INVALID_FILTER', `${name} is not a date-time`, `${name} ist kein Zeitpunkt`);
  }
  return new Date(t).toISOString();
}

export function registerOParlServer(app: AppServer, ctx: AppContext): void {
  const baseOf = (request: { protocol: string; host: string }) =>
    (ctx.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');

  async function listPage(base: string, path: string, kind: ObjectKind, q: ListQuery, bodyOparlId?: string) {
    const filter: ListFilter = {
      bodyOparlId,
      createdSince: isoOrThrow('created_since', q.created_since),
      createdUntil: isoOrThrow('created_until', q.created_until),
      modifiedSince: isoOrThrow('modified_since', q.modified_since),
      modifiedUntil: isoOrThrow('modified_until', q.modified_until),
    };
    const { total, rows } = await publicPage(ctx.db, kind, filter, q.page, q.limit);
    const data = await new Serializer(ctx.db, base).objects(kind, rows);
    const totalPages = Math.max(1, Math.ceil(total / q.limit));
    const link = (page: number) => {
      const u = new URL(`${base}${path}`);
      for (const k of ['created_since', 'created_until', 'modified_since', 'modified_until'] as const) {
        if (q[k]) u.searchParams.set(k, q[k]);
      }
      if (q.limit !== 100) u.searchParams.set('limit', String(q.limit));
      u.searchParams.set('page', String(page));
      return u.toString();
    };
    const links: Record<string, string> = { first: link(1), last: link(totalPages) };
    if (q.page > 1) links.prev = link(Math.min(q.page - 1, totalPages));
    if (q.page < totalPages) links.next = link(q.page + 1);
    return {
      data,
      pagination: { totalElements: total, elementsPerPage: q.limit, currentPage: q.page, totalPages },
      links,
    };
  }

  async function bodyRow(id: number) {
    const row = await publicById(ctx.db, 'Body', id);
    if (!row || row.deleted === 1) throw new NotFoundError('Body');
    return row;
  }

  const tags = ['oparl'];
  app.get(
    `${oparlPrefix}/system`,
    { schema: { tags, summary: 'OParl 1.1 System (public data only)', response: { 200: oparlObject } } },
    async (request) => {
      const base = baseOf(request);
      const stamps = await ctx.db
        .selectFrom('council_bodies')
        .select((eb) => [eb.fn.min('created_at').as('created'), eb.fn.max('updated_at').as('modified')])
        .executeTakeFirst();
      const now = new Date().toISOString();
      return {
        id: `${base}${oparlPrefix}/system`,
        type: 'https://schema.oparl.org/1.1/System',
        oparlVersion: 'https://schema.oparl.org/1.1/',
        body: `${base}${oparlPrefix}/bodies`,
        name: 'Regiolotse',
        website: base,
        product: 'https://schema.oparl.org/',
        created: stamps?.created ?? now,
        modified: stamps?.modified ?? now,
      };
    },
  );
  app.get(
    `${oparlPrefix}/bodies`,
    {
      schema: {
        tags,
        summary: 'OParl 1.1 list of bodies',
        querystring: listQuery,
        response: { 200: listResponse },
      },
    },
    async (request) => listPage(baseOf(request), `${oparlPrefix}/bodies`, 'Body', request.query),
  );
  app.get(
    `${oparlPrefix}/bodies/:id/:list`,
    {
      schema: {
        tags,
        summary: 'OParl 1.1 object list of one body',
        params: z.object({ id: idParam, list: z.enum(segments) }),
        querystring: listQuery,
        response: { 200: listResponse },
      },
    },
    async (request) => {
      const body = await bodyRow(request.params.id);
      const kind = kindOfSegment[request.params.list];
      const path = `${oparlPrefix}/bodies/${request.params.id}/${request.params.list}`;
      return listPage(baseOf(request), path, kind, request.query, body.oparl_id);
    },
  );
  app.get(
    `${oparlPrefix}/:kind/:id`,
    {
      schema: {
        tags,
        summary: 'One OParl 1.1 object (public only; deleted ones as stubs)',
        params: z.object({ kind: z.enum([...segments, 'bodies']), id: idParam }),
        response: { 200: oparlObject },
      },
    },
    async (request) => {
      const kind = kindOfSegment[request.params.kind];
      const row = await publicById(ctx.db, kind, request.params.id);
      if (!row) throw new NotFoundError(kind);
      const [obj] = await new Serializer(ctx.db, baseOf(request)).objects(kind, [row]);
      return obj;
    },
  );
}
