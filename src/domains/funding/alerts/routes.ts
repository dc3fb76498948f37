import { z } from 'zod';
import type { AppContext, AppServer } from '../../../app/context.js';
import { BadRequestError } from '../../../infra/http/errors.js';
import { callFilters } from '../schemas.js';
import { listCallActivity } from './activity.js';
import { loadAlertData } from './alert-data.js';
import { composeForUser } from './compose.js';
import { listPointers, pointOutCall } from './pointers.js';
import { renderAlertMail } from './render-mail.js';
import { publicBaseUrl } from './send-alerts.js';
import {
  asUser,
  deleteSavedSearch,
  ensureSettings,
  listSavedSearches,
  listWatches,
  presentSettings,
  saveSearch,
  unsubscribeUser,
  unwatch,
  updateSettings,
  watchCall,
} from './subscriptions.js';
import { unsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token.js';

const id = z.coerce.number().int().positive();
const settings = z.object({
  leadDays: z.array(z.number().int()),
  digest: z.enum(['daily', 'weekly', 'off']),
  immediate: z.boolean(),
  subscribed: z.boolean(),
});

export function alertRoutes(app: AppServer, ctx: AppContext): void {
  app.get(
    '/api/funding/alerts/settings',
    { schema: { tags: ['funding'], response: { 200: settings } } },
    async (request) => presentSettings(await ensureSettings(ctx.db, asUser(request.actor).id)),
  );
  app.put(
    '/api/funding/alerts/settings',
    {
      schema: {
        tags: ['funding'],
        body: z.object({
          leadDays: z.array(z.number().int().min(0).max(365)).max(10).optional(),
          digest: z.enum(['daily', 'weekly', 'off']).optional(),
          immediate: z.boolean().optional(),
          subscribed: z.boolean().optional(),
        }),
        response: { 200: settings },
      },
    },
    async (request) => updateSettings(ctx.db, request.actor, request.body),
  );

  app.get('/api/funding/watches', { schema: { tags: ['funding'] } }, async (request) => ({
    items: await listWatches(ctx.db, request.actor),
  }));
  app.post(
    '/api/funding/watches',
    {
      schema: {
        tags: ['funding'],
        body: z.object({ callId: z.number().int().positive(), forOrganization: z.boolean().optional() }),
        response: { 200: z.object({ id: z.number() }) },
      },
    },
    async (request) => watchCall(ctx.db, request.actor, request.body.callId, request.body.forOrganization),
  );
  app.delete(
    '/api/funding/watches/:id',
    { schema: { tags: ['funding'], params: z.object({ id }) } },
    async (request, reply) => {
      await unwatch(ctx.db, request.actor, request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/funding/saved-searches',
    {
      schema: {
        tags: ['funding'],
        summary: 'Own saved searches and those of the own organisation (filters as the call list takes them)',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.number(),
                name: z.string(),
                filters: callFilters,
                forOrganization: z.boolean(),
                canDelete: z.boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await listSavedSearches(ctx.db, request.actor) }),
  );
  app.post(
    '/api/funding/saved-searches',
    {
      schema: {
        tags: ['funding'],
        body: z.object({
          name: z.string().min(1).max(200),
          filters: callFilters,
          forOrganization: z.boolean().optional(),
        }),
        response: { 200: z.object({ id: z.number() }) },
      },
    },
    async (request) => saveSearch(ctx.db, request.actor, request.body),
  );
  app.delete(
    '/api/funding/saved-searches/:id',
    { schema: { tags: ['funding'], params: z.object({ id }) } },
    async (request, reply) => {
      await deleteSavedSearch(ctx.db, request.actor, request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/funding/digest/preview',
    {
      schema: {
        tags: ['funding'],
        summary: 'Vorschau der nächsten Benachrichtigung / preview of the next alert mail',
        response: {
          200: z.object({ subject: z.string(), text: z.string(), html: z.string(), items: z.number() }),
        },
      },
    },
    async (request) => {
      const user = asUser(request.actor);
      await ensureSettings(ctx.db, user.id);
      const now = new Date();
      const today = now.toISOString().slice(0, 10);
      const since = new Date(now.getTime() - 8 * 86_400_000).toISOString();
      const data = await loadAlertData(ctx.db, { since, today, userIds: [user.id] });
      const alertUser = data.users[0];
      const items = alertUser
        ? composeForUser(data, alertUser, {
            today,
            since: alertUser.lastDigestAt && alertUser.lastDigestAt > since ? alertUser.lastDigestAt : since,
            include: { newCalls: true, reminders: true, changes: true },
          })
        : [];
      const mail = renderAlertMail(items, {
        name: user.name,
        to: user.email,
        baseUrl: publicBaseUrl(ctx),
        unsubscribeToken: unsubscribeToken(ctx.secret, user.id),
        subject: 'Förderradar: Vorschau',
      });
      return { subject: mail.subject, text: mail.text, html: mail.html, items: items.length };
    },
  );

  app.post(
    '/api/funding/pointers',
    {
      schema: {
        tags: ['funding'],
        body: z.object({
          callId: z.number().int().positive(),
          organizationIds: z.array(z.number().int().positive()).min(1).max(100),
          note: z.string().max(4000).nullish(),
        }),
        response: { 201: z.object({ ids: z.array(z.number()) }) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await pointOutCall(ctx.db, request.actor, request.body, request.id)),
  );
  app.get(
    '/api/funding/pointers',
    { schema: { tags: ['funding'], querystring: z.object({ organization: id.optional() }) } },
    async (request) => ({ items: await listPointers(ctx.db, request.actor, request.query.organization) }),
  );

  app.get(
    '/api/funding/calls/:id/activity',
    {
      schema: {
        tags: ['funding'],
        summary: 'Aktivitäten zu einem Aufruf / activity log of a call (office: all; partners: their own)',
        params: z.object({ id }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.number(),
                at: z.string(),
                kind: z.string(),
                organizationId: z.number().nullable(),
                organizationName: z.string().nullable(),
                actorLabel: z.string(),
                summary: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await listCallActivity(ctx.db, request.actor, request.params.id) }),
  );

  const tokenQuery = z.object({ token: z.string().max(200), confirm: z.literal('1').optional() });
  // RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" form-encoded.
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
  }
  const page = (title: string, body: string) =>
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${title}</title></head><body style="font-family:sans-serif"><main><h1>${title}</h1>${body}</main></body></html>`;
  app.get(
    '/api/unsubscribe',
    { schema: { tags: ['funding'], querystring: tokenQuery } },
    async (request, reply) => {
      const userId = verifyUnsubscribeToken(ctx.secret, request.query.token);
      reply.type('text/html; charset=utf-8');
      if (userId === null)
        return reply.code(400).send(page('Link ungültig', '<p>Dieser Abmeldelink ist ungültig.</p>'));
      if (request.query.confirm === '1') {
        await unsubscribeUser(ctx.db, userId);
        return page('Abgemeldet', '<p>Sie erhalten keine Benachrichtigungen aus dem Förderradar mehr.</p>');
      }
      // The link in the mail only asks: mail scanners follow links and must not unsubscribe anyone.
      const confirm = `/api/unsubscribe?token=${encodeURIComponent(request.query.token)}&amp;confirm=1`;
      return page(
        'Förderradar-Benachrichtigungen abbestellen',
        `<p><a href="${confirm}">Jetzt abbestellen</a></p>`,
      );
    },
  );
  app.post(
    '/api/unsubscribe',
    { schema: { tags: ['funding'], querystring: tokenQuery } },
    async (request, reply) => {
      const userId = verifyUnsubscribeToken(ctx.secret, request.query.token);
      if (userId === null)
        throw new BadRequestError('BAD_TOKEN', 'Invalid unsubscribe link', 'Ungültiger Abmeldelink');
      await unsubscribeUser(ctx.db, userId);
      reply.type('text/html; charset=utf-8');
      return page('Abgemeldet', '<p>Sie erhalten keine Benachrichtigungen aus dem Förderradar mehr.</p>');
    },
  );
}
