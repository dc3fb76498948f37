import { z } from 'zod';

const optionalText = z.string().max(300).optional();

export const searchQuery = z.object({
  q: z.string().max(2000).default(''),
  type: optionalText,
  body: optionalText,
  committee: optionalText,
  paperType: optionalText,
  year: z.coerce.number().int().min(1800).max(2200).optional(),
  field: z.coerce.number().int().min(1).optional(),
  sort: z.enum(['relevance', 'date']).default('relevance'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
  format: z.enum(['json', 'csv']).default('json'),
});

const facetValue = z.object({ value: z.string(), count: z.number(), label: z.string().optional() });

export const searchResponse = z.object({
  total: z.number(),
  totalApproximate: z
    .boolean()
    .describe('true when the result set is so large (over 50,000) that the total is estimated from a sample'),
  facetsApproximate: z
    .boolean()
    .describe(
      'true when the result set is so large (over 3,000) that the facet counts are estimated from a sample',
    ),
  hits: z.array(
    z.object({
      type: z.string(),
      id: z.number(),
      title: z.string(),
      date: z.string().nullable(),
      snippet: z.string().describe('HTML: escaped original text with <mark> around found words'),
      url: z.string().nullable(),
      body: z.string().nullable(),
      committee: z.string().nullable(),
      paperType: z.string().nullable(),
      isPublic: z.boolean(),
    }),
  ),
  facets: z.object({
    type: z.array(facetValue),
    body: z.array(facetValue),
    committee: z.array(facetValue),
    paperType: z.array(facetValue),
    year: z.array(facetValue),
    field: z.array(facetValue),
  }),
});

export const suggestQuery = z.object({ q: z.string().max(2000).default('') });
export const suggestResponse = z.object({ suggestions: z.array(z.string()) });

/** Every filter of the search (the feed is always the newest first, so no sort or paging). */
export const feedQuery = searchQuery.pick({
  q: true,
  type: true,
  body: true,
  committee: true,
  paperType: true,
  year: true,
  field: true,
});
