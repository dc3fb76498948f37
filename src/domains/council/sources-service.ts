import type { Kysely } from 'kysely';
import type { AppContext } from '../../app/context.js';
import type { DB } from '../../app/schema.js';
import { nowIso } from '../../infra/db/columns.js';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../../infra/http/errors.js';
import type { Actor } from '../access/actor.js';
import { assertCanWrite, seesEverything } from '../access/policy.js';
import { recordAudit } from '../audit/record-audit.js';

export interface SourceView {
  id: number;
  systemUrl: string;
  name: string | null;
  oparlVersion: string | null;
  lastSyncStartedAt: string | null;
  lastSyncFinishedAt: string | null;
  lastSyncStatus: string | null;
  lastError: string | null;
  errorCount: number;
  counts: Record<string, number>;
  quarantined: number;
}

export async function listSources(db: Kysely<DB>): Promise<SourceView[]> {
  // 'local:…' sources hold uploaded Vorlagen (vorlage/paper-store.ts): nothing to sync, not listed.
  const rows = await db
    .selectFrom('council_sources')
    .selectAll()
    .where('system_url', 'not like', 'local:%')
    .orderBy('id')
    .execute();
  const q = await db
    .selectFrom('council_quarantine')
    .select(['source_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('resolved', '=', 0)
    .groupBy('source_id')
    .execute();
  const quarantined = new Map(q.map((r) => [r.source_id, Number(r.n)]));
  return rows.map((r) => ({
    id: r.id,
    systemUrl: r.system_url,
    name: r.name,
    oparlVersion: r.oparl_version,
    lastSyncStartedAt: r.last_sync_started_at,
    lastSyncFinishedAt: r.last_sync_finished_at,
    lastSyncStatus: r.last_sync_status,
    lastError: r.last_error,
    errorCount: r.error_count,
    counts: r.counts_json ? (JSON.parse(r.counts_json) as Record<string, number>) : {},
    quarantined: quarantined.get(r.id) ?? 0,
  }));
}

/** Only the office manages the sources: partners and readers see council data, not the importer. */
function assertOffice(actor: Actor): void {
  assertCanWrite(actor);
  if (!seesEverything(actor)) throw new ForbiddenError('Office staff only', 'Nur für die Geschäftsstelle');
}

export async function listSourcesFor(ctx: Pick<AppContext, 'db'>, actor: Actor): Promise<SourceView[]> {
  assertOffice(actor);
  return listSources(ctx.db);
}

export async function addSource(
  ctx: Pick<AppContext, 'db'>,
  actor: Actor,
  input: { systemUrl: string },
  requestId: string,
): Promise<SourceView> {
  assertOffice(actor);
  let url: URL;
  try {
    url = new URL(input.systemUrl);
  } catch {
    throw new BadRequestError('INVALID_URL', 'Not a valid URL', 'Keine gültige URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BadRequestError('INVALID_URL', 'Only http(s) URLs', 'Nur http(s)-URLs');
  }
  const systemUrl = url.toString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const exists = await trx
      .selectFrom('council_sources')
      .select('id')
      .where('system_url', '=', systemUrl)
      .executeTakeFirst();
    if (exists)
      throw new ConflictError('This source exists already', 'Diese Quelle gibt es schon', { id: exists.id });
    const at = nowIso();
    const row = await trx
      .insertInto('council_sources')
      .values({ system_url: systemUrl, error_count: 0, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      entityType: 'council_source',
      entityId: row.id,
      action: 'create',
      after: { systemUrl },
      requestId,
    });
    return row.id;
  });
  const view = (await listSources(ctx.db)).find((s) => s.id === id);
  if (!view) throw new NotFoundError('Source');
  return view;
}
