import { z } from 'zod';

export const sourceSchema = z.object({
  id: z.number(),
  systemUrl: z.string(),
  name: z.string().nullable(),
  oparlVersion: z.string().nullable(),
  lastSyncStartedAt: z.string().nullable(),
  lastSyncFinishedAt: z.string().nullable(),
  lastSyncStatus: z.string().nullable(),
  lastError: z.string().nullable(),
  errorCount: z.number(),
  counts: z.record(z.string(), z.number()),
  quarantined: z.number(),
});

export const quarantineEntrySchema = z.object({
  id: z.number(),
  sourceId: z.number(),
  listUrl: z.string().nullable(),
  objectId: z.string().nullable(),
  reason: z.string(),
  raw: z.string(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  count: z.number(),
  resolved: z.boolean(),
});

export const idParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
