import { readFileSync, rmSync, writeFileSync } from 'node:fs';
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
const einstiegsgeld = (root: string) =>
  join(root, ...FDB_CONTENT, 'Foerderprogramm', 'Bund', 'BMAS', 'einstiegsgeld.xml');
const ezb = (root: string) =>
  join(root, ...FDB_CONTENT, 'Foerderprogramm', 'Bund', 'BA', 'eingliederungszuschuss-bund.xml');

async function zipFolder(dir: string, target: string): Promise<void> {
  const zip = new JSZip();
  const { readdirSync, statSync } = await import('node:fs');
  const add = (abs: string, rel: string) => {
    for (const name of readdirSync(abs)) {
      const p = join(abs, name);
      if (statSync(p).isDirectory()) add(p, `${rel}${name}/`);
      else zip.file(`${rel}${name}`, readFileSync(p));
    }
  };
  add(dir, 'export/');
  writeFileSync(target, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

describeEachDb('funding: Förderdatenbank XML import', (env) => {
  it('imports both real programmes with resolved contacts, verbatim text and attribution', async () => {
    const { db } = env().ctx;
    const r = await runImport(db, actor, sharedFunding('fdb-xml-export'));
    expect(r.counts).toMatchObject({ new: 2, changed: 0, rejected: 0, withdrawn: 0 });
    const p = await db
      .selectFrom('funding_programmes')
      .selectAll()
      .where('source_id', '=', 'bund-bmas-einstiegsgeld')
      .executeTakeFirstOrThrow();
    expect(p.title).toBe('Einstiegsgeld');
    expect(p.attribution).toBe(
      'Einstiegsgeld von Bundesministerium für Wirtschaft und Energie, lizensiert unter CC BY-ND 4.0, Quelle: https://www.foerderdatenbank.de/FDB/Content/DE/Foerderprogramm/Bund/BMAS/einstiegsgeld.html',
    );
    expect(p.text_is_verbatim).toBe(1);
    expect(p.giver_level).toBe('Bund');
    expect(JSON.parse(p.funding_types)).toEqual(['Zuschuss']);
    // The body is the source's HTML character for character (entities such as &#xa0; kept).
    const xml = readFileSync(einstiegsgeld(sharedFunding('fdb-xml-export')), 'utf8');
    const escaped =
      /name="gsb:bodyText" type="RichText">\s*<text>&lt;!\[CDATA\[([\s\S]*?)\]\]&gt;<\/text>/.exec(
        xml,
      )?.[1] ?? '';
    const expected = escaped
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&amp;', '&');
    expect(p.body).toBe(expected);
    expect(p.body).toContain('5.000&#xa0;möglich');
    const contacts = JSON.parse(p.contacts) as { name: string; phone?: string; address?: string }[];
    expect(contacts.find((c) => c.name === 'Bundesagentur für Arbeit (BA)')).toMatchObject({
      phone: '+49 800 455-5500',
      address: 'Regensburger Straße 104, 90478 Nürnberg',
    });
    const call = await db
      .selectFrom('funding_calls')
      .selectAll()
      .where('programme_id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(call.links).map((l: { url: string }) => l.url)).toContain('https://www.bmas.de');
    // rolling or dated is read from the programme's texts by the deadline extraction, not assumed
    expect(call.stage_model).toBe('unknown');
  });

  it('changes nothing on a re-import of the same export', async () => {
    const { db } = env().ctx;
    const before = await db
      .selectFrom('funding_changes')
      .select(db.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await db
      .selectFrom('funding_programmes')
      .select(['id', 'content_hash', 'version', 'updated_at'])
      .orderBy('id')
      .execute();
    const r = await runImport(db, actor, sharedFunding('fdb-xml-export'));
    expect(r.counts).toMatchObject({ new: 0, changed: 0, unchanged: 2, withdrawn: 0 });
    const after = await db
      .selectFrom('funding_changes')
      .select(db.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(
      await db
        .selectFrom('funding_programmes')
        .select(['id', 'content_hash', 'version', 'updated_at'])
        .orderBy('id')
        .execute(),
    ).toEqual(rows);
  });

  it('records a changed field, a withdrawn and a reappeared programme from an altered copy', async () => {
    const { db } = env().ctx;
    const copy = copyFdbExport();
    try {
      const file = einstiegsgeld(copy.dir);
      writeFileSync(file, readFileSync(file, 'utf8').replace('höchstens 24 Monate', 'höchstens 36 Monate'));
      const ezbXml = readFileSync(ezb(copy.dir), 'utf8');
      rmSync(ezb(copy.dir));
      const r = await runImport(db, actor, copy.dir);
      expect(r.counts).toMatchObject({ changed: 1, withdrawn: 1, new: 0 });
      const p = await db
        .selectFrom('funding_programmes')
        .selectAll()
        .where('source_id', '=', 'bund-bmas-einstiegsgeld')
        .executeTakeFirstOrThrow();
      const change = await db
        .selectFrom('funding_changes')
        .selectAll()
        .where('record_type', '=', 'programme')
        .where('record_id', '=', p.id)
        .where('kind', '=', 'changed')
        .executeTakeFirstOrThrow();
      const fields = JSON.parse(change.changes);
      expect(Object.keys(fields)).toEqual(['body']);
      expect(fields.body.before).toContain('24 Monate');
      expect(fields.body.after).toContain('36 Monate');
      const gone = await db
        .selectFrom('funding_programmes')
        .selectAll()
        .where('source_id', '=', 'bund-ba-eingliederungszuschuss-bund')
        .executeTakeFirstOrThrow();
      expect(gone.withdrawn_at).not.toBeNull();
      writeFileSync(ezb(copy.dir), ezbXml);
      const back = await runImport(db, actor, copy.dir);
      expect(back.counts).toMatchObject({ reappeared: 1, unchanged: 1 });
      const kinds = await db
        .selectFrom('funding_changes')
        .select('kind')
        .where('record_type', '=', 'programme')
        .where('record_id', '=', gone.id)
        .orderBy('id')
        .execute();
      expect(kinds.map((k) => k.kind)).toEqual(['first_seen', 'withdrawn', 'reappeared']);
    } finally {
      copy.remove();
    }
  });

  it('reads the same export from a zip', async () => {
    const { db } = env().ctx;
    const t = tempDir('fdbzip-');
    try {
      const zipPath = join(t.dir, 'export.zip');
      await zipFolder(sharedFunding('fdb-xml-export'), zipPath);
      const r = await runImport(db, actor, zipPath);
      expect(r.importer).toBe('fdb-xml-zip');
      // The previous test changed Einstiegsgeld; the original export brings the original text back.
      expect(r.counts.new + r.counts.changed + r.counts.unchanged + r.counts.reappeared).toBe(2);
      expect(r.counts.rejected).toBe(0);
      const n = await db
        .selectFrom('funding_programmes')
        .select(db.fn.countAll<number>().as('n'))
        .where('source_set', '=', 'fdb')
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(2);
    } finally {
      t.remove();
    }
  });
});
