import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { BadRequestError } from '../../infra/http/errors.js';
import { getBodyDetail } from './body-detail.js';
import { listBodies } from './body-list.js';
import { getMeetingDetail } from './meeting-detail.js';
import { meetingsFeed } from './meetings-feed.js';
import { getOrganizationDetail } from './organization-detail.js';
import { getPaperDetail } from './paper-detail.js';
import {
  bodyDetailSchema,
  idParams,
  meetingDetailSchema,
  organizationDetailSchema,
  paperDetailSchema,
} from './schemas.js';

const tags = ['council'];
const optionalId = z.coerce.number().int().min(1).max(2_147_483_647).optional();

export function registerReadRoutes(app: AppServer, ctx: AppContext): void {
  app.get(
    '/api/papers/:id',
    {
      schema: {
        tags,
        summary: 'A council paper (Vorlage) with its consultations as a timeline, files and source link',
        params: idParams,
        response: { 200: paperDetailSchema },
      },
    },
    async (request) => getPaperDetail(ctx, request.actor, request.params.id),
  );
  app.get(
    '/api/meetings/:id',
    {
      schema: {
        tags,
        summary: 'A meeting (Sitzung) with its agenda',
        params: idParams,
        response: { 200: meetingDetailSchema },
      },
    },
    async (request) => getMeetingDetail(ctx, request.actor, request.params.id),
  );
  app.get(
    '/api/council/bodies',
    {
      schema: {
        tags,
        summary: 'Bodies whose council documents are imported, with visible paper counts',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.number(),
                name: z.string().nullable(),
                shortName: z.string().nullable(),
                ags: z.string().nullable(),
                papers: z.number(),
                lastSync: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await listBodies(ctx, request.actor) }),
  );
  app.get(
    '/api/council/bodies/:id',
    {
      schema: {
        tags,
        summary: 'A body (Gebietskörperschaft) with its committees and counts',
        params: idParams,
        response: { 200: bodyDetailSchema },
      },
    },
    async (request) => getBodyDetail(ctx, request.actor, request.params.id),
  );
  app.get(
    '/api/council/organizations/:id',
    {
      schema: {
        tags,
        summary: 'A committee (Gremium) with its meetings and members',
        params: idParams,
        response: { 200: organizationDetailSchema },
      },
    },
    async (request) => getOrganizationDetail(ctx, request.actor, request.params.id),
  );
  app.get(
    '/feeds/meetings.ics',
    {
      schema: {
        tags,
        summary: 'Public meetings of a body or committee as iCalendar',
        querystring: z.object({ body: optionalId, organization: optionalId }),
      },
    },
    async (request, reply) => {
      const { body, organization } = request.query;
      if (body === undefined && organization === undefined) {
        throw new BadRequestError(
          'MISSING_FILTER',
          'Give body or organization',
          'body oder organization angeben',
        );
      }
      const base = (ctx.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');
      const text = await meetingsFeed(ctx, { body, organization }, base);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'public, max-age=900')
        .send(text);
    },
  );
}
