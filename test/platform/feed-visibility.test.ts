import { expect, it } from 'vitest';
import type { Actor } from '../../src/domains/access/actor.js';
import { selectFeedRounds } from '../../src/domains/funding/feeds/feed-selection.js';
import { signIn } from '../helpers/auth.js';
import { describeEachDb } from '../helpers/context.js';

describeEachDb('deadline feed visibility', (env) => {
  const at = '2026-12-01T08:00:00.000Z';
  async function call(title: string, isPublic: boolean, owner: number | null): Promise<number> {
    const row = await env()
      .ctx.db.insertInto('funding_calls')
      .values({
        source: 'template',
        source_set: 'feed-test',
        source_id: title,
        source_url: null,
        content_hash: title,
        first_seen_at: at,
        last_seen_at: at,
        withdrawn_at: null,
        created_at: at,
        updated_at: at,
        programme_id: null,
        call_kind: 'grant',
        identifier: null,
        title,
        text: null,
        status: 'open',
        stage_model: 'rolling',
        giver_level: 'Land',
        giver_name: null,
        budget_eur: null,
        funding_rate_percent: null,
        min_grant_eur: null,
        max_grant_eur: null,
        eligible_applicants: '[]',
        regions: '[]',
        fields_of_action: '[]',
        links: '[]',
        licence: null,
        attribution: null,
        text_is_verbatim: 0,
        import_notes: null,
        is_public: isPublic ? 1 : 0,
        owner_organization_id: owner,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  async function rounds(callId: number, dates: string[]): Promise<void> {
    const rows = dates.map((date, i) => ({
      call_id: callId,
      round_key: `r-${i}`,
      label: null,
      opens_at: null,
      deadline_date: date,
      deadline_time: null,
      time_zone: 'Europe/Berlin',
      deadline_kind: 'cut_off',
      confidence: 1,
      origin: 'source' as const,
      review_status: 'unreviewed' as const,
      evidence: null,
      content_hash: `h-${i}`,
      first_seen_at: at,
      last_seen_at: at,
      withdrawn_at: null,
      created_at: at,
      updated_at: at,
    }));
    for (let i = 0; i < rows.length; i += 500) {
      await env()
        .ctx.db.insertInto('funding_rounds')
        .values(rows.slice(i, i + 500))
        .execute();
    }
  }

  it('filters in SQL, so rounds a reader may not see do not crowd out the ones they may', async () => {
    const { ctx } = env();
    const admin = await signIn(env(), { role: 'admin' });
    const orgs: { id: number }[] = [];
    for (const name of ['Stadt A', 'Stadt B']) {
      const res = await env().app.inject({
        method: 'POST',
        url: '/api/organizations',
        headers: admin.headers,
        payload: { name, kind: 'partner', isPublic: true },
      });
      expect(res.statusCode, res.body).toBe(201);
      orgs.push(res.json());
    }
    const [a, b] = orgs.map((o) => o.id);
    // 5,000 early rounds of a call restricted to B, then one round each of a public call and of A's call.
    const hidden = await call('Nur für B', false, b);
    await rounds(
      hidden,
      Array.from({ length: 5000 }, (_, i) => `2027-01-${String((i % 28) + 1).padStart(2, '0')}`),
    );
    const open = await call('Öffentlich', true, null);
    await rounds(open, ['2027-06-30']);
    const ownA = await call('Nur für A', false, a);
    await rounds(ownA, ['2027-07-31']);
    const watched = [hidden, open, ownA];
    for (const callId of watched) {
      await ctx.db
        .insertInto('funding_watches')
        .values({ user_id: null, organization_id: a, call_id: callId, created_at: at })
        .execute();
    }

    const readerOfA: Actor = {
      kind: 'user',
      id: 0,
      name: 'feed',
      email: 'feed',
      role: 'reader',
      organizationId: a,
    };
    const feed = await selectFeedRounds(ctx.db, { kind: 'org', organizationId: a }, readerOfA, '2027-01-01');
    expect(feed.map((r) => r.title)).toEqual(['Öffentlich', 'Nur für A']);

    const publicFeed = await selectFeedRounds(
      ctx.db,
      { kind: 'public' },
      { kind: 'anonymous' },
      '2027-01-01',
    );
    expect(publicFeed.map((r) => r.title)).toContain('Öffentlich');
    expect(publicFeed.some((r) => r.title.startsWith('Nur für'))).toBe(false);

    const office: Actor = {
      kind: 'user',
      id: 0,
      name: 'o',
      email: 'o',
      role: 'office',
      organizationId: null,
    };
    const all = await selectFeedRounds(ctx.db, { kind: 'org', organizationId: a }, office, '2027-01-01');
    expect(all).toHaveLength(5000); // the bound still holds, over rows the reader may see
  });
});
