import { z } from 'zod';
import type { AppContext, AppServer } from '../../../app/context.js';
import { publicBaseUrl } from '../alerts/send-alerts.js';
import { asUser } from '../alerts/subscriptions.js';
import { feedToken, verifyFeedToken } from '../alerts/unsubscribe-token.js';
import { renderCallsAtom } from './atom.js';
import { type FeedScope, feedActor, selectFeedRounds } from './feed-selection.js';
import { renderDeadlinesIcs } from './ics.js';

const idParam = z
  .string()
  .regex(/^\d{1,12}$/)
  .transform(Number)
  .optional();

export function feedRoutes(app: AppServer, ctx: AppContext): void {
  app.get(
    '/feeds/funding/deadlines.ics',
    {
      schema: {
        tags: ['funding'],
        summary: 'Fristen als iCalendar / deadlines as iCalendar',
        querystring: z.object({ org: idParam, user: idParam, token: z.string().max(100).optional() }),
      },
    },
    async (request, reply) => {
      const q = request.query;
      const scope: FeedScope =
        q.user !== undefined
          ? { kind: 'user', userId: q.user }
          : q.org !== undefined
            ? { kind: 'org', organizationId: q.org }
            : { kind: 'public' };
      const scopeKey =
        scope.kind === 'user'
          ? `user:${scope.userId}`
          : scope.kind === 'org'
            ? `org:${scope.organizationId}`
            : '';
      // Without a valid token the same URL still answers, but with public calls only.
      const trusted = scope.kind !== 'public' && verifyFeedToken(ctx.secret, scopeKey, q.token);
      const actor = await feedActor(ctx.db, scope, trusted);
      const today = new Date().toISOString().slice(0, 10);
      const rounds = await selectFeedRounds(ctx.db, scope, actor, today);
      const body = await renderDeadlinesIcs(ctx.db, rounds, {
        name: 'Förderradar: Fristen',
        baseUrl: publicBaseUrl(ctx),
      });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(body);
    },
  );

  app.get(
    '/feeds/funding/calls.atom',
    { schema: { tags: ['funding'], summary: 'Neue Aufrufe als Atom-Feed' } },
    async (_request, reply) =>
      reply
        .type('application/atom+xml; charset=utf-8')
        .send(await renderCallsAtom(ctx.db, publicBaseUrl(ctx))),
  );

  app.get(
    '/api/funding/feeds',
    {
      schema: {
        tags: ['funding'],
        summary: 'Private Kalender-Adressen / private calendar URLs',
        response: {
          200: z.object({ user: z.string(), organization: z.string().nullable(), atom: z.string() }),
        },
      },
    },
    async (request) => {
      const user = asUser(request.actor);
      const base = publicBaseUrl(ctx);
      const org = user.organizationId;
      return {
        user: `${base}/feeds/funding/deadlines.ics?user=${user.id}&token=${feedToken(ctx.secret, `user:${user.id}`)}`,
        organization:
          org != null
            ? `${base}/feeds/funding/deadlines.ics?org=${org}&token=${feedToken(ctx.secret, `org:${org}`)}`
            : null,
        atom: `${base}/feeds/funding/calls.atom`,
      };
    },
  );
}
