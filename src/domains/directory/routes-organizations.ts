import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { readGeneration } from '../../infra/db/generations.js';
import { ResponseCache } from '../../infra/http/response-cache.js';
import { visibilityClass } from '../access/policy.js';
import { createAddress, updateAddress } from './addresses-service.js';
import { toCsv } from './csv.js';
import { createEvent, updateEvent } from './events-service.js';
import { getOrganizationDetail } from './organization-detail.js';
import { createOrganization, listOrganizations, updateOrganization } from './organizations-service.js';
import { createRelation, endRelation, updateRelation } from './relations-service.js';
import { depsOf, sendCsv } from './route-support.js';
import {
  addressCreate,
  addressParams,
  addressPatch,
  addressSchema,
  eventCreate,
  eventParams,
  eventPatch,
  eventSchema,
  idParam,
  listOf,
  organizationCreate,
  organizationDetailSchema,
  organizationListQuery,
  organizationPatch,
  organizationSchema,
  relationCreate,
  relationEnd,
  relationPatch,
  relationSchema,
} from './schemas.js';

const tags = ['directory'];
const csvColumns = [
  'id',
  'name',
  'shortName',
  'kind',
  'parentId',
  'bodyId',
  'website',
  'isPublic',
  'source',
] as const;

const organizationList = listOf(organizationSchema);

export function organizationRoutes(app: AppServer, ctx: AppContext): void {
  const listCache = new ResponseCache();
  app.get(
    '/api/organizations',
    {
      schema: {
        tags,
        summary: 'Organisations (partners, departments, committees, networks, …); ?format=csv exports',
        querystring: organizationListQuery,
        response: { 200: z.union([organizationList, z.string()]) },
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      if (format !== 'csv') {
        // Read the generation before the rows: a write in between only makes the entry stale sooner.
        const generation = await readGeneration(ctx.db as unknown as Kysely<unknown>, 'organizations');
        const key = `${visibilityClass(request.actor)}|${JSON.stringify(filter)}`;
        let body = listCache.get(key, generation);
        if (body === undefined) {
          body = JSON.stringify(
            organizationList.parse(await listOrganizations(depsOf(request, ctx), filter)),
          );
          listCache.set(key, generation, body);
        }
        return reply.type('application/json; charset=utf-8').send(body);
      }
      // The export is the whole filtered list, page by page, never more than the actor may see.
      const rows: unknown[][] = [];
      for (let offset = 0; ; offset += 500) {
        const page = await listOrganizations(depsOf(request, ctx), { ...filter, limit: 500, offset });
        rows.push(...page.items.map((o) => csvColumns.map((c) => o[c])));
        if (page.items.length < 500) break;
      }
      return sendCsv(reply, 'organisationen.csv', toCsv([...csvColumns], rows));
    },
  );

  app.get(
    '/api/organizations/:id',
    {
      schema: {
        tags,
        summary: 'One organisation with parent, children, memberships, addresses and timeline',
        params: idParam,
        response: { 200: organizationDetailSchema },
      },
    },
    async (request) => getOrganizationDetail(depsOf(request, ctx), request.params.id),
  );

  app.post(
    '/api/organizations',
    { schema: { tags, body: organizationCreate, response: { 201: organizationSchema } } },
    async (request, reply) =>
      reply.code(201).send(await createOrganization(depsOf(request, ctx), request.body)),
  );

  app.patch(
    '/api/organizations/:id',
    { schema: { tags, params: idParam, body: organizationPatch, response: { 200: organizationSchema } } },
    async (request) => updateOrganization(depsOf(request, ctx), request.params.id, request.body),
  );

  app.post(
    '/api/organizations/:id/events',
    {
      schema: {
        tags,
        summary: 'Add a timeline entry',
        params: idParam,
        body: eventCreate,
        response: { 201: eventSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createEvent(depsOf(request, ctx), request.params.id, request.body)),
  );

  app.patch(
    '/api/organizations/:id/events/:eventId',
    { schema: { tags, params: eventParams, body: eventPatch, response: { 200: eventSchema } } },
    async (request) =>
      updateEvent(depsOf(request, ctx), request.params.id, request.params.eventId, request.body),
  );

  app.post(
    '/api/organizations/:id/relations',
    {
      schema: {
        tags,
        summary: 'Add a dated relation to another organisation (member of, partner of, placed in; office)',
        params: idParam,
        body: relationCreate,
        response: { 201: relationSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createRelation(depsOf(request, ctx), request.params.id, request.body)),
  );

  app.patch(
    '/api/organization-relations/:id',
    {
      schema: {
        tags,
        summary: 'Change a relation (office; optimistic version)',
        params: idParam,
        body: relationPatch,
        response: { 200: relationSchema },
      },
    },
    async (request) => updateRelation(depsOf(request, ctx), request.params.id, request.body),
  );

  app.post(
    '/api/organization-relations/:id/end',
    {
      schema: {
        tags,
        summary: 'End a relation at a date (office; optimistic version)',
        params: idParam,
        body: relationEnd,
        response: { 200: relationSchema },
      },
    },
    async (request) =>
      endRelation(depsOf(request, ctx), request.params.id, request.body.endDate, request.body.version),
  );

  app.post(
    '/api/organizations/:id/addresses',
    {
      schema: {
        tags,
        summary: 'Add an address (with its validity period)',
        params: idParam,
        body: addressCreate,
        response: { 201: addressSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createAddress(depsOf(request, ctx), request.params.id, request.body)),
  );

  app.patch(
    '/api/organizations/:id/addresses/:addressId',
    { schema: { tags, params: addressParams, body: addressPatch, response: { 200: addressSchema } } },
    async (request) =>
      updateAddress(depsOf(request, ctx), request.params.id, request.params.addressId, request.body),
  );
}
