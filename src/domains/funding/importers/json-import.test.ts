import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { sharedFunding, tempDir } from '../../../../test/fixtures/funding/support.js';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { systemActor } from '../../access/actor.js';
import { runImport } from '../run-import.js';

const actor = systemActor('test');
const euFile = sharedFunding('eu-ft-portal', 'grantsTenders_sample.json');
const efreFile = sharedFunding('efre-nrw', 'ERDF_NRW_2014-2020.json');

describeEachDb('funding: EU Funding & Tenders JSON', (env) => {
  it('imports the 6 real records with rounds in Brussels time and mapped codes', async () => {
    const { db } = env().ctx;
    const r = await runImport(db, actor, euFile);
    expect(r.importer).toBe('eu-ft-grants-tenders');
    expect(r.counts).toMatchObject({ new: 6, rejected: 0 });
    const calls = await db
      .selectFrom('funding_calls')
      .selectAll()
      .where('source_set', '=', 'eu-ft')
      .orderBy('identifier')
      .execute();
    expect(calls.map((c) => c.call_kind).sort()).toEqual([
      'grant',
      'grant',
      'tender',
      'tender',
      'tender',
      'tender',
    ]);
    const eche = calls.find((c) => c.identifier === 'ERASMUS-EDU-2022-ECHE-CERT-FP');
    // the portal still says "Open", but every cut-off (the last on 24 March 2026) has passed
    expect(eche).toMatchObject({ status: 'closed', stage_model: 'multiple-cut-offs', giver_level: 'EU' });
    const rounds = await db
      .selectFrom('funding_rounds')
      .selectAll()
      .where('call_id', '=', eche?.id ?? 0)
      .orderBy('deadline_date')
      .execute();
    expect(rounds).toHaveLength(5);
    // 1651536000000 = 2022-05-03T00:00Z: the bulk file's way of writing a day without an hour
    expect(rounds[0]).toMatchObject({
      deadline_date: '2022-05-03',
      deadline_time: null,
      time_zone: 'Europe/Brussels',
      origin: 'source',
      opens_at: '2022-02-23',
    });
    const programme = await db
      .selectFrom('funding_programmes')
      .selectAll()
      .where('id', '=', eche?.programme_id ?? 0)
      .executeTakeFirstOrThrow();
    expect(programme.title).toBe('Erasmus+ (ERASMUS+)');
    const tender = calls.find((c) => c.identifier === 'INTPA/2023/EA-RP/0177-PIN');
    expect(tender?.giver_name).toBe('DEVCO');
    expect(JSON.parse(tender?.regions ?? '[]')).toEqual(['BE10']);
  });

  it('re-import is a no-op; a moved deadline in a copy is one round change', async () => {
    const { db } = env().ctx;
    const count = async () =>
      Number(
        (
          await db
            .selectFrom('funding_changes')
            .select(db.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const again = await runImport(db, actor, euFile);
    expect(again.counts).toMatchObject({ new: 0, changed: 0, unchanged: 6 });
    expect(await count()).toBe(before);
    const t = tempDir('eu-');
    try {
      const data = JSON.parse(readFileSync(euFile, 'utf8'));
      data.fundingData.GrantTenderObj[4].deadlineDatesLong = [1727560740000 + 86_400_000];
      data.fundingData.GrantTenderObj.splice(5, 1);
      data.fundingData.GrantTenderObj.push({
        identifier: 'BROKEN',
        title: 'x',
        deadlineDatesLong: ['tomorrow'],
      });
      const copy = join(t.dir, 'grantsTenders.json');
      writeFileSync(copy, JSON.stringify(data));
      const r = await runImport(db, actor, copy);
      expect(r.counts).toMatchObject({ changed: 1, unchanged: 4, withdrawn: 1, rejected: 1 });
      const change = await db
        .selectFrom('funding_changes')
        .selectAll()
        .where('record_type', '=', 'round')
        .where('kind', '=', 'changed')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(change.changes).deadline_date).toEqual({ before: '2024-09-28', after: '2024-09-29' });
      const q = await db
        .selectFrom('funding_quarantine')
        .selectAll()
        .where('record_key', '=', 'BROKEN')
        .executeTakeFirstOrThrow();
      expect(q.reason).toMatch(/not an epoch-ms timestamp/);
    } finally {
      t.remove();
    }
  });

  it('reads the search-API result shape as a partial feed (nothing withdrawn)', async () => {
    const { db } = env().ctx;
    const t = tempDir('eus-');
    try {
      const file = join(t.dir, 'search.json');
      writeFileSync(
        file,
        JSON.stringify({
          totalResults: 2,
          results: [
            {
              metadata: {
                identifier: ['HORIZON-CL5-2027-D3-01'],
                title: ['Clean energy topic'],
                status: ['31094501'],
                type: ['1'],
                frameworkProgramme: ['43108390'],
                deadlineDate: ['2027-02-17T00:00:00.000+0000'],
                deadlineModel: ['single-stage'],
              },
            },
            {
              metadata: {
                identifier: ['X-1'],
                title: ['Unknown codes'],
                status: ['99'],
                type: ['5'],
                frameworkProgramme: ['123'],
              },
            },
            { metadata: { title: ['no id'] } },
          ],
        }),
      );
      const r = await runImport(db, actor, file);
      expect(r.importer).toBe('eu-ft-search-api');
      expect(r.counts).toMatchObject({ new: 2, rejected: 1, withdrawn: 0 });
      const c = await db
        .selectFrom('funding_calls')
        .selectAll()
        .where('identifier', '=', 'HORIZON-CL5-2027-D3-01')
        .executeTakeFirstOrThrow();
      expect(c).toMatchObject({ status: 'forthcoming', stage_model: 'single-stage' });
      const odd = await db
        .selectFrom('funding_calls')
        .selectAll()
        .where('identifier', '=', 'X-1')
        .executeTakeFirstOrThrow();
      expect(odd.import_notes).toMatch(
        /unknown status code "99".*unknown type code "5".*unknown programme code "123"/,
      );
    } finally {
      t.remove();
    }
  });
});

describeEachDb('funding: EFRE.NRW funded projects', (env) => {
  it('imports all 160 rows with AGS resolved, idempotently', async () => {
    const { db } = env().ctx;
    const r = await runImport(db, actor, efreFile);
    expect(r.importer).toBe('efre-nrw-json');
    expect(r.counts.new + r.counts.rejected).toBe(160);
    expect(r.counts.rejected).toBe(0);
    const dus = await db
      .selectFrom('funding_funded_projects')
      .selectAll()
      .where('ags', '=', '05111000')
      .execute();
    expect(dus).toHaveLength(14);
    expect(dus.every((d) => d.municipality_name === 'Düsseldorf')).toBe(true);
    const first = await db
      .selectFrom('funding_funded_projects')
      .selectAll()
      .where('beneficiary', '=', 'agentur mark GmbH')
      .executeTakeFirstOrThrow();
    expect(first).toMatchObject({
      total_eligible_eur: 833851.95,
      start_date: '2015-11-01',
      end_date: '2018-10-31',
      municipality_name: 'Hagen',
    });
    const again = await runImport(db, actor, efreFile);
    expect(again.counts).toMatchObject({ new: 0, changed: 0, unchanged: 160 });
  });
});
