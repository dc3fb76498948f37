import { z } from 'zod';
import type { AppContext, AppServer } from '../../../app/context.js';
import { regionMap } from './map-service.js';

const feature = z.object({
  ags: z.string(),
  name: z.string(),
  kind: z.enum(['city', 'town', 'district']),
  path: z.string(),
  label: z.object({ x: z.number(), y: z.number() }),
  bodyNames: z.array(z.string()),
});

/** Public: official boundaries and body names, nothing non-public. */
export function radarMapRoutes(app: AppServer, ctx: AppContext): void {
  app.get(
    '/api/radar/map',
    {
      schema: {
        tags: ['search'],
        summary: 'Map of the region (BKG VG250, simplified) as SVG paths, with the bodies of each area',
        response: {
          200: z.object({
            width: z.number(),
            height: z.number(),
            source: z.string(),
            attribution: z.string(),
            attributionUrl: z.string(),
            features: z.array(feature),
          }),
        },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return regionMap(ctx);
    },
  );
}
