import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { atomFeed } from './atom.js';
import { toCsv } from './csv.js';
import { feedTitle } from './feed-title.js';
import { feedQuery, searchQuery, searchResponse, suggestQuery, suggestResponse } from './schemas.js';
import { searchDocuments } from './search-service.js';
import { suggestTitles } from './suggest-service.js';

const tags = ['search'];
const CSV_MAX = 5_000;

function baseUrl(ctx: AppContext, request: FastifyRequest): string {
  return (ctx.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');
}

export function searchRoutes(app: AppServer, ctx: AppContext): void {
  app.get(
    '/api/search',
    {
      schema: {
        tags,
        summary: 'German full-text search with facets; ?format=csv exports the hits',
        description:
          'Query language: words (stemmed, compounds found: "Radweg" finds "Radwegekonzept"), "phrases", -exclusion, OR, prefix*, (groups).',
        querystring: searchQuery,
        response: { 200: z.union([searchResponse, z.string()]) },
      },
    },
    async (request, reply) => {
      const { format, ...params } = request.query;
      if (format !== 'csv') return searchDocuments(ctx, request.actor, params);
      const rows: unknown[][] = [];
      for (let offset = 0; offset < CSV_MAX; offset += 100) {
        const page = await searchDocuments(
          ctx,
          request.actor,
          { ...params, limit: 100, offset },
          { facets: false },
        );
        rows.push(
          ...page.hits.map((h) => [h.type, h.id, h.title, h.date, h.body, h.committee, h.paperType, h.url]),
        );
        if (page.hits.length < 100) break;
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="suche.csv"')
        .send(toCsv(['type', 'id', 'title', 'date', 'body', 'committee', 'paperType', 'url'], rows));
    },
  );

  app.get(
    '/api/search/suggest',
    {
      schema: {
        tags,
        summary: 'Title suggestions for a half-typed query (only documents the caller may see)',
        querystring: suggestQuery,
        response: { 200: suggestResponse },
      },
    },
    async (request) => ({ suggestions: await suggestTitles(ctx, request.actor, request.query.q) }),
  );

  app.get(
    '/feeds/search.atom',
    {
      schema: {
        tags,
        summary:
          'Atom 1.0 feed of the newest hits of a search with all its filters (public documents for anonymous readers)',
        querystring: feedQuery,
      },
    },
    async (request, reply) => {
      const result = await searchDocuments(
        ctx,
        request.actor,
        { ...request.query, sort: 'date', limit: 50, offset: 0 },
        { facets: false },
      );
      const base = baseUrl(ctx, request);
      const xml = atomFeed({
        baseUrl: base,
        selfUrl: `${base}${request.url}`,
        query: await feedTitle(ctx, request.query),
        hits: result.hits,
        now: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      });
      return reply.type('application/atom+xml; charset=utf-8').send(xml);
    },
  );
}
