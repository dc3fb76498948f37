import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { sharedFunding, tempDir } from '../../../../test/fixtures/funding/support.js';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { addSource } from '../sources.js';
import { seedFundingDemo } from './seed-demo.js';

describeEachDb('funding demo data and scheduled re-import', (env) => {
  it('seeds FDB programmes and the Regio.NRW call once; a second run changes nothing', async () => {
    const { ctx } = env();
    const messages: string[] = [];
    await seedFundingDemo(ctx, (m) => messages.push(m));
    const count = async (t: 'funding_changes' | 'funding_calls' | 'funding_rounds') =>
      Number(
        (await ctx.db.selectFrom(t).select(ctx.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      );
    const before = {
      changes: await count('funding_changes'),
      calls: await count('funding_calls'),
      rounds: await count('funding_rounds'),
    };
    expect(before.calls).toBe(3);
    await seedFundingDemo(ctx, (m) => messages.push(m));
    expect({
      changes: await count('funding_changes'),
      calls: await count('funding_calls'),
      rounds: await count('funding_rounds'),
    }).toEqual(before);
    const sources = await ctx.db
      .selectFrom('funding_calls')
      .select('source')
      .distinct()
      .orderBy('source')
      .execute();
    // EU F&T and EFRE.NRW samples are test data only: never demo data.
    expect(sources.map((s) => s.source)).toEqual(['demo', 'fdb']);
    expect(await ctx.db.selectFrom('funding_funded_projects').selectAll().execute()).toEqual([]);
    const regio = await ctx.db
      .selectFrom('funding_calls')
      .selectAll()
      .where('source_id', '=', 'regio-nrw-transformation')
      .executeTakeFirstOrThrow();
    expect(regio).toMatchObject({ stage_model: 'two-stage', status: 'closed', budget_eur: 60_000_000 });
    const rounds = await ctx.db
      .selectFrom('funding_rounds')
      .select(['deadline_date', 'deadline_kind'])
      .where('call_id', '=', regio.id)
      .orderBy('deadline_date')
      .execute();
    expect(rounds).toEqual([
      { deadline_date: '2023-01-31', deadline_kind: 'submission' },
      { deadline_date: '2025-01-31', deadline_kind: 'outline' },
    ]);
  });

  it('re-imports configured sources in the funding.reimport job', async () => {
    const { ctx } = env();
    const id = await addSource(
      ctx.db,
      sharedFunding('eu-ft-portal', 'grantsTenders_sample.json'),
      'EU F&T sample',
    );
    const t = tempDir('src-');
    const gone = join(t.dir, 'gone.json');
    writeFileSync(gone, '{"results":[]}');
    await addSource(ctx.db, gone, 'removed later');
    t.remove();
    await expect(addSource(ctx.db, '/nonexistent/funding.json')).rejects.toThrow(/ENOENT/);
    const jobId = await ctx.jobs.enqueue('funding.reimport', {});
    await ctx.jobs.runUntilIdle();
    expect((await ctx.jobs.get(jobId))?.status).toBe('done');
    const rows = await ctx.db.selectFrom('funding_sources').selectAll().orderBy('id').execute();
    expect(rows[0]).toMatchObject({ id, last_status: 'done' });
    expect(JSON.parse(rows[0].last_counts ?? '{}')).toMatchObject({ new: 6 });
    expect(rows[1].last_status).toMatch(/^failed: /);
  });
});
