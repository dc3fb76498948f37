import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { expect, it } from 'vitest';
import {
  copyFdbExport,
  FDB_CONTENT,
  sharedFunding,
  tempDir,
} from '../../../../test/fixtures/funding/support.js';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { systemActor } from '../../access/actor.js';
import { runImport } from '../run-import.js';

const actor = systemActor('test');
const ezbPath = (root: string) =>
  join(root, ...FDB_CONTENT, 'Foerderprogramm', 'Bund', 'BA', 'eingliederungszuschuss-bund.xml');
const einstiegsgeldPath = (root: string) =>
  join(root, ...FDB_CONTENT, 'Foerderprogramm', 'Bund', 'BMAS', 'einstiegsgeld.xml');
const euFile = sharedFunding('eu-ft-portal', 'grantsTenders_sample.json');

/**
 * Withdraw only what a completely read source no longer contains: a record the source still lists
 * but this run could not read keeps its last good state and is flagged; a run that read nothing usable,
 * or rejected records it could not identify, withdraws nothing.
 */
describeEachDb('funding: nothing falsely withdrawn', (env) => {
  const withdrawnChanges = async () =>
    Number(
      (
        await env()
          .ctx.db.selectFrom('funding_changes')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('kind', '=', 'withdrawn')
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('keeps an FDB programme whose XML file is truncated in the export, flagged with the reason', async () => {
    const { db } = env().ctx;
    await runImport(db, actor, sharedFunding('fdb-xml-export'));
    const before = await db
      .selectFrom('funding_programmes')
      .selectAll()
      .where('source_id', '=', 'bund-ba-eingliederungszuschuss-bund')
      .executeTakeFirstOrThrow();
    const copy = copyFdbExport();
    try {
      const xml = readFileSync(ezbPath(copy.dir), 'utf8');
      writeFileSync(ezbPath(copy.dir), xml.slice(0, Math.floor(xml.length / 2)));
      const r = await runImport(db, actor, copy.dir);
      expect(r.counts).toMatchObject({ rejected: 1, unreadable: 1, withdrawn: 0, unchanged: 1 });
      const after = await db
        .selectFrom('funding_programmes')
        .selectAll()
        .where('id', '=', before.id)
        .executeTakeFirstOrThrow();
      expect(after.withdrawn_at).toBeNull();
      expect(after.body).toBe(before.body);
      expect(after.content_hash).toBe(before.content_hash);
      expect(after.unreadable_run_id).toBe(r.runId);
      expect(after.unreadable_reason).toMatch(/not well-formed|Unexpected|closing/i);
      const call = await db
        .selectFrom('funding_calls')
        .selectAll()
        .where('programme_id', '=', before.id)
        .executeTakeFirstOrThrow();
      expect(call.withdrawn_at).toBeNull();
      expect(call.unreadable_at).not.toBeNull();
      expect(await withdrawnChanges()).toBe(0);
      // the call page says so
      const res = await env().app.inject({ method: 'GET', url: `/api/funding/calls/${call.id}` });
      expect(res.statusCode).toBe(200);
      expect(res.json().unreadable).toMatchObject({ importRunId: r.runId });
      expect(res.json().programme.unreadable.reason).toBe(after.unreadable_reason);

      // read again: the flag goes, nothing else moves
      const again = await runImport(db, actor, sharedFunding('fdb-xml-export'));
      expect(again.counts).toMatchObject({ unchanged: 2, unreadable: 0, withdrawn: 0 });
      const cleared = await db
        .selectFrom('funding_programmes')
        .selectAll()
        .where('id', '=', before.id)
        .executeTakeFirstOrThrow();
      expect(cleared.unreadable_at).toBeNull();
      expect(cleared.unreadable_reason).toBeNull();
      expect(cleared.version).toBe(before.version);
    } finally {
      copy.remove();
    }
  });

  it('refuses a funding ZIP without any programme document and withdraws nothing', async () => {
    const { db } = env().ctx;
    const t = tempDir('fdbzip-');
    try {
      const zip = new JSZip();
      zip.file('README.txt', 'nothing here');
      zip.file('export/other/thing.xml', '<a/>');
      const path = join(t.dir, 'export.zip');
      writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
      await expect(runImport(db, actor, path)).rejects.toThrow(/keine Programm-Dokumente/);
      const live = await db
        .selectFrom('funding_programmes')
        .select('id')
        .where('source_set', '=', 'fdb')
        .where('withdrawn_at', 'is', null)
        .execute();
      expect(live).toHaveLength(2);
      expect(await withdrawnChanges()).toBe(0);
    } finally {
      t.remove();
    }
  });

  it('withdraws nothing when no programme of the export could be read', async () => {
    const { db } = env().ctx;
    const copy = copyFdbExport();
    try {
      for (const p of [ezbPath(copy.dir), einstiegsgeldPath(copy.dir)]) writeFileSync(p, '<document');
      const r = await runImport(db, actor, copy.dir);
      expect(r.counts).toMatchObject({ rejected: 2, unreadable: 2, withdrawn: 0 });
      expect(await withdrawnChanges()).toBe(0);
      const flagged = await db
        .selectFrom('funding_programmes')
        .select(['withdrawn_at', 'unreadable_at'])
        .where('source_set', '=', 'fdb')
        .execute();
      expect(flagged.every((p) => p.withdrawn_at === null && p.unreadable_at !== null)).toBe(true);
    } finally {
      copy.remove();
    }
  });

  it('keeps an EU record that is now rejected; an unidentifiable rejected record stops all withdrawals', async () => {
    const { db } = env().ctx;
    const first = await runImport(db, actor, euFile);
    expect(first.counts.new).toBe(6);
    const data = JSON.parse(readFileSync(euFile, 'utf8'));
    const records = data.fundingData.GrantTenderObj as Record<string, unknown>[];
    const brokenId = String(records[4].identifier);
    const t = tempDir('eu-');
    try {
      const copy = join(t.dir, 'grantsTenders.json');
      records[4].deadlineDatesLong = ['soon'];
      writeFileSync(copy, JSON.stringify(data));
      const r = await runImport(db, actor, copy);
      expect(r.counts).toMatchObject({ rejected: 1, unreadable: 1, withdrawn: 0, unchanged: 5 });
      const kept = await db
        .selectFrom('funding_calls')
        .selectAll()
        .where('source_set', '=', 'eu-ft')
        .where('source_id', '=', brokenId)
        .executeTakeFirstOrThrow();
      expect(kept.withdrawn_at).toBeNull();
      expect(kept.unreadable_reason).toMatch(/not an epoch-ms timestamp/);
      const rounds = await db
        .selectFrom('funding_rounds')
        .selectAll()
        .where('call_id', '=', kept.id)
        .execute();
      expect(rounds.length).toBeGreaterThan(0);
      expect(rounds.every((x) => x.withdrawn_at === null)).toBe(true);

      // one record gone from the file and another without an identifier: the file was not read
      // completely, so the missing one is not withdrawn either
      records.splice(5, 1);
      records.push({ title: 'no identifier' });
      writeFileSync(copy, JSON.stringify(data));
      const r2 = await runImport(db, actor, copy);
      expect(r2.counts.withdrawn).toBe(0);
      expect(r2.notes.join(' ')).toMatch(/nichts zurückgezogen/);
      expect(await withdrawnChanges()).toBe(0);

      // a completely read file that lacks a record withdraws it
      records.pop();
      writeFileSync(copy, JSON.stringify(data));
      const r3 = await runImport(db, actor, copy);
      expect(r3.counts.withdrawn).toBe(1);
    } finally {
      t.remove();
    }
  });

  it('keeps a hand-kept list row that is now rejected', async () => {
    const { db } = env().ctx;
    const t = tempDir('tpl-');
    try {
      const path = join(t.dir, 'liste.csv');
      const head = 'aufruf_id;titel;status;foerdergeber_ebene\n';
      writeFileSync(path, `${head}A-1;Erster Aufruf;offen;Land\nA-2;Zweiter Aufruf;offen;Bund\n`);
      expect((await runImport(db, actor, path)).counts.new).toBe(2);
      writeFileSync(path, `${head}A-1;Erster Aufruf;offen;Land\nA-2;Zweiter Aufruf;vielleicht;Bund\n`);
      const r = await runImport(db, actor, path);
      expect(r.counts).toMatchObject({ unchanged: 1, rejected: 1, unreadable: 1, withdrawn: 0 });
      const row = await db
        .selectFrom('funding_calls')
        .selectAll()
        .where('source_id', '=', 'A-2')
        .executeTakeFirstOrThrow();
      expect(row.withdrawn_at).toBeNull();
      expect(row.status).toBe('open');
      expect(row.unreadable_reason).toMatch(/vielleicht/);
    } finally {
      t.remove();
    }
  });
});
