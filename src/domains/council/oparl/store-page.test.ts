import { expect, it } from 'vitest';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { getCursor } from './cursors.js';
import { ensureSource } from './sources.js';
import { type PageInput, storePage } from './store-page.js';

const base = 'https://ris.example.org/oparl';
const body = `${base}/body/1`;
const file = (n: number, extra: Record<string, unknown> = {}) => ({
  id: `${base}/file/${n}`,
  type: 'https://schema.oparl.org/1.1/File',
  name: `Anlage ${n}`,
  accessUrl: `${base}/file/${n}.pdf`,
  ...extra,
});
const paper = (n: number, extra: Record<string, unknown> = {}) => ({
  id: `${base}/paper/${n}`,
  type: 'https://schema.oparl.org/1.1/Paper',
  body,
  name: `Vorlage ${n}`,
  reference: `V/${n}`,
  date: '2025-03-04',
  modified: '2025-03-05T10:00:00+01:00',
  ...extra,
});

describeEachDb('storing one OParl list page (batched statements)', (env) => {
  const pageOf = async (entries: unknown[]): Promise<PageInput> => {
    const { id } = await ensureSource(env().ctx.db, `${base}/system`);
    return {
      sourceId: id,
      bodyOparlId: body,
      listUrl: `${base}/papers`,
      kind: 'Paper',
      entries,
      fetchedAt: Date.now(),
    };
  };
  const rows = (table: 'council_papers' | 'council_files') =>
    env().ctx.db.selectFrom(table).selectAll().orderBy('oparl_id').execute();

  it('stores an object embedded twice once, as if upserted in page order, and a re-store adds nothing', async () => {
    const { ctx } = env();
    // File 1 is the main file of paper 1 and an attachment of paper 2; file 2 hangs at paper 2 twice.
    const entries = [
      paper(1, { mainFile: file(1) }),
      paper(2, {
        auxiliaryFile: [file(1, { name: 'Anlage 1 (neu)' }), file(2), file(2, { name: 'Anlage 2b' })],
      }),
    ];
    const first = await storePage(ctx, await pageOf(structuredClone(entries)), null);
    expect(first.quarantined).toBe(0);
    expect(first.stored).toHaveLength(6);
    const files = await rows('council_files');
    expect(files.map((f) => [f.oparl_id, f.name, f.parent_oparl_id, f.parent_role])).toEqual([
      [`${base}/file/1`, 'Anlage 1 (neu)', `${base}/paper/2`, 'auxiliaryFile'],
      [`${base}/file/2`, 'Anlage 2b', `${base}/paper/2`, 'auxiliaryFile'],
    ]);
    // Every occurrence answers the row it landed in.
    const ids = new Map(files.map((f) => [f.oparl_id, f.id]));
    for (const s of first.stored.filter((s) => s.kind === 'File')) expect(s.id).toBe(ids.get(s.oparlId));

    const again = await storePage(ctx, await pageOf(structuredClone(entries)), null);
    expect(again.stored.map((s) => s.id).sort()).toEqual(first.stored.map((s) => s.id).sort());
    expect(await rows('council_files')).toHaveLength(2);
    expect(await rows('council_papers')).toHaveLength(2);
    const docs = await ctx.db.selectFrom('search_documents').select(['doc_type', 'source_id']).execute();
    expect(docs).toHaveLength(4);
  });

  it('keeps the parent of a file listed on its own, and a deleted stub keeps the row', async () => {
    const { ctx } = env();
    await storePage(ctx, await pageOf([paper(3, { mainFile: file(3) })]), null);
    const filePage = { ...(await pageOf([file(3, { name: 'Anlage 3 (Liste)' })])), kind: 'File' as const };
    await storePage(ctx, filePage, null);
    const [f] = (await rows('council_files')).filter((r) => r.oparl_id === `${base}/file/3`);
    expect([f.name, f.parent_oparl_id, f.parent_role]).toEqual([
      'Anlage 3 (Liste)',
      `${base}/paper/3`,
      'mainFile',
    ]);

    const before = (await rows('council_papers')).find((r) => r.oparl_id === `${base}/paper/3`);
    const stub = {
      id: `${base}/paper/3`,
      type: 'https://schema.oparl.org/1.1/Paper',
      deleted: true,
      modified: '2025-04-01T00:00:00Z',
    };
    const res = await storePage(ctx, await pageOf([stub, paper(4)]), null);
    expect(res.stored.map((s) => [s.oparlId, s.deleted])).toEqual([
      [`${base}/paper/3`, true],
      [`${base}/paper/4`, false],
    ]);
    const after = (await rows('council_papers')).find((r) => r.oparl_id === `${base}/paper/3`);
    expect(after?.id).toBe(before?.id);
    expect(after?.deleted).toBe(1);
    expect(after?.name).toBe('Vorlage 3');
    expect(after?.oparl_modified).toBe('2025-04-01T00:00:00.000Z');
    const docs = await ctx.db
      .selectFrom('search_documents')
      .select('source_id')
      .where('doc_type', '=', 'paper')
      .execute();
    expect(docs.map((d) => d.source_id)).not.toContain(before?.id);
  });

  it('quarantines only the entry that cannot be stored and still moves the cursor', async () => {
    const { ctx } = env();
    // PostgreSQL refuses NUL in text (a real fault of real data); on SQLite the entry refuses to
    // serialise while it is being stored (the page attempt and its own attempt), not afterwards.
    let calls = 0;
    const bad =
      ctx.dialect === 'postgres'
        ? paper(6, { name: 'Vorlage\u00006' })
        : paper(6, {
            extra: {
              toJSON() {
                calls++;
                if (calls <= 2) throw new Error('cannot serialise');
                return 'x';
              },
            },
          });
    const page = await pageOf([paper(5), bad, paper(7)]);
    const key = { sourceId: page.sourceId, bodyOparlId: body, listKind: 'paper' };
    const start = {
      listUrl: page.listUrl,
      startUrl: page.listUrl,
      since: null,
      startedAt: '2025-01-01T00:00:00.000Z',
    };
    const res = await storePage(ctx, page, {
      ...key,
      nextUrl: `${page.listUrl}?page=2`,
      status: 'running',
      pagesDelta: 1,
      start,
    });
    expect(res.stored.map((s) => s.oparlId)).toEqual([`${base}/paper/5`, `${base}/paper/7`]);
    expect(res.quarantined).toBe(1);
    const q = await ctx.db.selectFrom('council_quarantine').select(['object_id', 'reason']).execute();
    expect(q).toEqual([
      { object_id: `${base}/paper/6`, reason: expect.stringMatching(/^could not be stored: /) },
    ]);
    const cursor = await getCursor(ctx.db, key);
    expect([cursor?.status, cursor?.next_url, cursor?.pages, cursor?.run_started_at]).toEqual([
      'running',
      `${page.listUrl}?page=2`,
      1,
      start.startedAt,
    ]);
  });
});
