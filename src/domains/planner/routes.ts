import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import type { Actor } from '../access/actor.js';
import { getPlannerBody, listPlannerBodies } from './bodies-read.js';
import { calendarCsv, getCalendar } from './calendar-read.js';
import { checkPlan } from './check-plan.js';
import { listExamples } from './examples-read.js';
import { createMeeting, deleteMeeting, updateMeeting } from './meetings-service.js';
import {
  bodyDetail,
  bodyListResponse,
  calendarQuery,
  calendarResponse,
  checkBody,
  checkResponse,
  examplesResponse,
  idParam,
  manualMeeting,
  meetingCreateBody,
  meetingUpdateBody,
  sequenceCreateBody,
  sequenceSchema,
  sequenceUpdateBody,
  settingsBody,
  settingsSchema,
  versionQuery,
} from './schemas.js';
import { createSequence, deleteSequence, saveSettings, updateSequence } from './settings-service.js';

const tags = ['planner'];

/** HTTP only: each handler validates (schemas) and calls one service function. */
export function registerPlannerRoutes(app: AppServer, ctx: AppContext): void {
  const deps = (request: { actor: Actor; id: string }) => ({
    db: ctx.db,
    dialect: ctx.dialect,
    actor: request.actor,
    requestId: request.id,
  });

  app.post(
    '/api/planner/check',
    {
      schema: {
        tags,
        summary:
          'Ad-hoc question: per body the latest and earliest consultation plan before a deadline, feasibility, latest filing date, slack and warnings',
        body: checkBody,
        response: { 200: checkResponse },
      },
    },
    async (request) => checkPlan(deps(request), request.body),
  );

  app.get(
    '/api/planner/bodies',
    {
      schema: {
        tags,
        summary: 'Bodies with their planner settings (lead days, warning threshold) and counts',
        response: { 200: bodyListResponse },
      },
    },
    async (request) => listPlannerBodies(deps(request)),
  );

  app.get(
    '/api/planner/bodies/:id',
    {
      schema: {
        tags,
        summary: 'A body: its committees, settings and usual consultation sequences',
        params: idParam,
        response: { 200: bodyDetail },
      },
    },
    async (request) => getPlannerBody(deps(request), request.params.id),
  );

  app.put(
    '/api/planner/bodies/:id/settings',
    {
      schema: {
        tags,
        summary:
          "Set a body's default lead days and warning threshold (office; version after the first save)",
        params: idParam,
        body: settingsBody,
        response: { 200: settingsSchema },
      },
    },
    async (request) => saveSettings(deps(request), request.params.id, request.body),
  );

  app.post(
    '/api/planner/bodies/:id/sequences',
    {
      schema: {
        tags,
        summary: 'Add a usual consultation sequence (named, ordered committees of the body; office)',
        params: idParam,
        body: sequenceCreateBody,
        response: { 201: sequenceSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createSequence(deps(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/planner/sequences/:id',
    {
      schema: {
        tags,
        summary: 'Rename or reorder a consultation sequence (office; optimistic version)',
        params: idParam,
        body: sequenceUpdateBody,
        response: { 200: sequenceSchema },
      },
    },
    async (request) => updateSequence(deps(request), request.params.id, request.body),
  );

  app.delete(
    '/api/planner/sequences/:id',
    {
      schema: {
        tags,
        summary: 'Remove a consultation sequence (office)',
        params: idParam,
        querystring: versionQuery,
      },
    },
    async (request, reply) => {
      await deleteSequence(deps(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/planner/calendar',
    {
      schema: {
        tags,
        summary:
          "A body's meeting calendar as the planner counts it: imported and hand-entered meetings, marked; ?format=csv exports it",
        querystring: calendarQuery,
        response: { 200: z.union([calendarResponse, z.string()]) },
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const calendar = await getCalendar(deps(request), query);
      if (format !== 'csv') return calendar;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="sitzungskalender.csv"')
        .send(calendarCsv(calendar));
    },
  );

  app.post(
    '/api/planner/meetings',
    {
      schema: {
        tags,
        summary: 'Enter a meeting by hand (a date not yet in the council system; office)',
        body: meetingCreateBody,
        response: { 201: manualMeeting },
      },
    },
    async (request, reply) => reply.code(201).send(await createMeeting(deps(request), request.body)),
  );

  app.patch(
    '/api/planner/meetings/:id',
    {
      schema: {
        tags,
        summary: 'Change or cancel a hand-entered meeting (office; optimistic version)',
        params: idParam,
        body: meetingUpdateBody,
        response: { 200: manualMeeting },
      },
    },
    async (request) => updateMeeting(deps(request), request.params.id, request.body),
  );

  app.delete(
    '/api/planner/meetings/:id',
    {
      schema: {
        tags,
        summary: 'Remove a hand-entered meeting (office)',
        params: idParam,
        querystring: versionQuery,
      },
    },
    async (request, reply) => {
      await deleteMeeting(deps(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/planner/examples',
    {
      schema: {
        tags,
        summary:
          'Worked example questions of the demo data (feasible, tight, impossible), with their as-of day',
        response: { 200: examplesResponse },
      },
    },
    async (request) => listExamples(deps(request)),
  );
}
