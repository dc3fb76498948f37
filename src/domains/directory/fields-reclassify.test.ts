import { expect, it } from 'vitest';
import { signIn } from '../../../test/helpers/auth.js';
import { describeEachDb } from '../../../test/helpers/context.js';
import { indexDocuments } from '../search/indexer.js';

describeEachDb('editing a field of action re-classifies the index', (env) => {
  it('queues the reclassify job on create and on rule changes, and the job applies the new rules', async () => {
    const { app, ctx } = env();
    const office = await signIn(env(), { role: 'office' });
    await indexDocuments(ctx, [
      {
        type: 'paper',
        sourceId: 4711,
        title: 'Radschnellweg zwischen Düsseldorf und Mettmann',
        text: 'Der Ausschuss berät die Machbarkeitsstudie zum Radschnellweg.',
        date: '2026-10-01',
        isPublic: true,
        ownerOrganizationId: null,
        bodyId: null,
        bodyName: 'Kreis Mettmann',
        committee: null,
        paperType: 'Beschlussvorlage',
        url: null,
      },
    ]);
    const fieldsOf = async () =>
      (await app.inject({ method: 'GET', url: '/api/classifications?type=paper&id=4711' }))
        .json()
        .items.map((i: { name: string }) => i.name) as string[];
    const created = await app.inject({
      method: 'POST',
      url: '/api/fields-of-action',
      headers: office.headers,
      payload: { name: 'Radverkehr', rules: { terms: ['Fahrradstraße'], phrases: [], exclusions: [] } },
    });
    expect(created.statusCode).toBe(201);
    await ctx.jobs.runUntilIdle();
    expect(await fieldsOf()).not.toContain('Radverkehr');
    const changed = await app.inject({
      method: 'PATCH',
      url: `/api/fields-of-action/${created.json().id}`,
      headers: office.headers,
      payload: {
        version: created.json().version,
        rules: { terms: ['Radschnellweg'], phrases: [], exclusions: [] },
      },
    });
    expect(changed.statusCode).toBe(200);
    // The answer names the queued job, so the editor can follow it.
    const job = await app.inject({
      method: 'GET',
      url: `/api/jobs/${changed.json().reclassifyJobId}`,
      headers: office.headers,
    });
    expect(job.json()).toMatchObject({ type: 'search.reclassify', status: 'queued' });
    const queued = await ctx.db
      .selectFrom('jobs')
      .select('status')
      .where('type', '=', 'search.reclassify')
      .where('status', '=', 'queued')
      .execute();
    expect(queued.length).toBeGreaterThan(0);
    await ctx.jobs.runUntilIdle();
    expect(await fieldsOf()).toContain('Radverkehr');
  });
});
