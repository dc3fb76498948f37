import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { toCsv } from './csv.js';
import { createMembership, endMembership, updateMembership } from './memberships-service.js';
import { createPerson, getPersonDetail, listPeople, updatePerson } from './people-service.js';
import { depsOf, sendCsv } from './route-support.js';
import {
  idParam,
  listOf,
  listQuery,
  membershipCreate,
  membershipEnd,
  membershipPatch,
  membershipSchema,
  personCreate,
  personDetailSchema,
  personPatch,
  personSchema,
} from './schemas.js';

const tags = ['directory'];

export function peopleRoutes(app: AppServer, ctx: AppContext): void {
  app.get(
    '/api/people',
    {
      schema: {
        tags,
        summary: 'People; ?format=csv exports',
        querystring: listQuery,
        response: { 200: z.union([listOf(personSchema), z.string()]) },
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      if (format !== 'csv') return listPeople(depsOf(request, ctx), filter);
      const rows: unknown[][] = [];
      for (let offset = 0; ; offset += 500) {
        const page = await listPeople(depsOf(request, ctx), { ...filter, limit: 500, offset });
        rows.push(...page.items.map((p) => [p.id, p.name, p.email, p.phone, p.isPublic, p.source]));
        if (page.items.length < 500) break;
      }
      return sendCsv(
        reply,
        'personen.csv',
        toCsv(['id', 'name', 'email', 'phone', 'isPublic', 'source'], rows),
      );
    },
  );

  app.get(
    '/api/people/:id',
    { schema: { tags, params: idParam, response: { 200: personDetailSchema } } },
    async (request) => getPersonDetail(depsOf(request, ctx), request.params.id),
  );

  app.post(
    '/api/people',
    { schema: { tags, body: personCreate, response: { 201: personSchema } } },
    async (request, reply) => reply.code(201).send(await createPerson(depsOf(request, ctx), request.body)),
  );

  app.patch(
    '/api/people/:id',
    { schema: { tags, params: idParam, body: personPatch, response: { 200: personSchema } } },
    async (request) => updatePerson(depsOf(request, ctx), request.params.id, request.body),
  );

  app.post(
    '/api/memberships',
    { schema: { tags, body: membershipCreate, response: { 201: membershipSchema } } },
    async (request, reply) =>
      reply.code(201).send(await createMembership(depsOf(request, ctx), request.body)),
  );

  app.patch(
    '/api/memberships/:id',
    { schema: { tags, params: idParam, body: membershipPatch, response: { 200: membershipSchema } } },
    async (request) => updateMembership(depsOf(request, ctx), request.params.id, request.body),
  );

  app.post(
    '/api/memberships/:id/end',
    {
      schema: {
        tags,
        summary: 'End a membership (role, secondment) at a date',
        params: idParam,
        body: membershipEnd,
        response: { 200: membershipSchema },
      },
    },
    async (request) =>
      endMembership(depsOf(request, ctx), request.params.id, request.body.endDate, request.body.version),
  );
}
