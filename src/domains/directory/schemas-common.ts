import { z } from 'zod';

/** Building blocks shared by the directory's schemas. */
export const bodyKinds = ['city', 'district', 'town'] as const;
export const datePrecisions = ['day', 'month', 'year'] as const;

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
// Only web links: a javascript: URL shown as a link would run in the reader's browser.
export const url = z.url({ protocol: /^https?$/ }).max(500);
export const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export const versionField = z.number().int().min(1);

export const organizationRef = z.object({
  id: z.number(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.string(),
});
