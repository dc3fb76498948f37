import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { expect, it } from 'vitest';
import { copyFdbExport, FDB_CONTENT, tempDir } from '../../../../test/fixtures/funding/support.js';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { systemActor } from '../../access/actor.js';
import { runImport } from '../run-import.js';
import { parseGsbDocument } from './fdb/gsb-document.js';

const actor = systemActor('test');
const programmeDir = (root: string) => join(root, ...FDB_CONTENT, 'Foerderprogramm', 'Bund', 'BMAS');

const xxe = `<?xml version="1.0"?>
<!DOCTYPE document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<document name="xxe" path="/BMWI/FDB/Content/DE/Foerderprogramm/Bund/BMAS" type="gsb:ServiceOffer">
  <property name="gsb:title" type="RichText"><text>&xxe;</text></property>
</document>`;

const laughs = `<?xml version="1.0"?>
<!DOCTYPE document [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
]>
<document name="laughs" path="/BMWI/FDB/Content/DE/Foerderprogramm/Bund/BMAS" type="gsb:ServiceOffer">
  <property name="gsb:title" type="RichText"><text>&f;</text></property>
</document>`;

it('never expands entities, even when the DTD check is bypassed by the parser alone', () => {
  // The parser runs with entity processing off: a DTD entity stays a literal reference.
  const inner = laughs.replace(/<!DOCTYPE[\s\S]*?\]>/, '');
  const doc = parseGsbDocument(inner);
  expect(doc.props.get('gsb:title')?.html).toBe('&f;');
  expect(() => parseGsbDocument(xxe)).toThrow(/DOCTYPE/);
});

describeEachDb('funding: hostile XML', (env) => {
  it('quarantines XXE and billion-laughs documents and imports the rest', async () => {
    const { db } = env().ctx;
    const copy = copyFdbExport();
    try {
      writeFileSync(join(programmeDir(copy.dir), 'xxe.xml'), xxe);
      writeFileSync(join(programmeDir(copy.dir), 'laughs.xml'), laughs);
      writeFileSync(join(programmeDir(copy.dir), 'broken.xml'), '<document><property name="gsb:title"');
      const started = Date.now();
      const r = await runImport(db, actor, copy.dir);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(r.counts).toMatchObject({ new: 2, rejected: 3 });
      const q = await db.selectFrom('funding_quarantine').selectAll().orderBy('record_key').execute();
      expect(q.map((x) => x.record_key)).toEqual([
        '/BMWI/FDB/Content/DE/Foerderprogramm/Bund/BMAS/broken',
        '/BMWI/FDB/Content/DE/Foerderprogramm/Bund/BMAS/laughs',
        '/BMWI/FDB/Content/DE/Foerderprogramm/Bund/BMAS/xxe',
      ]);
      expect(q[1].reason).toMatch(/DOCTYPE/);
      expect(q[2].reason).toMatch(/DOCTYPE/);
      expect(q[0].reason).toMatch(/not well-formed|no <document>/);
      const passwd = readFileSync('/etc/passwd', 'utf8').split('\n')[0];
      const titles = await db.selectFrom('funding_programmes').select(['title', 'body']).execute();
      for (const t of titles) expect(`${t.title}${t.body}`).not.toContain(passwd);
      // Quarantined again on the next run: counted, not duplicated.
      await runImport(db, actor, copy.dir);
      const again = await db
        .selectFrom('funding_quarantine')
        .select(['record_key', 'count'])
        .orderBy('record_key')
        .execute();
      expect(again.map((x) => x.count)).toEqual([2, 2, 2]);
    } finally {
      copy.remove();
    }
  });

  it('strips control characters that XML forbids, keeps the record and says so', async () => {
    const { db } = env().ctx;
    const copy = copyFdbExport();
    try {
      const file = join(programmeDir(copy.dir), 'einstiegsgeld.xml');
      const xml = readFileSync(file, 'utf8').replace(
        'Einstiegsgeld dient',
        `Einstiegsgeld\u0001 dient\u000B\u001F`,
      );
      writeFileSync(file, xml);
      const r = await runImport(db, actor, copy.dir);
      expect(r.counts.rejected).toBe(0);
      expect(r.notes.join(' ')).toMatch(/removed 3 characters that XML 1.0 forbids/);
      const p = await db
        .selectFrom('funding_programmes')
        .selectAll()
        .where('source_id', '=', 'bund-bmas-einstiegsgeld')
        .executeTakeFirstOrThrow();
      expect(p.body).toContain('Einstiegsgeld dient');
      expect(p.import_notes).toMatch(/removed 3 characters/);
      const run = await db
        .selectFrom('funding_import_runs')
        .select('notes')
        .where('id', '=', r.runId)
        .executeTakeFirstOrThrow();
      expect(run.notes).toMatch(/removed 3 characters/);
    } finally {
      copy.remove();
    }
  });

  it('refuses an oversized zip entry without inflating it, and a zip with path tricks', async () => {
    const { db } = env().ctx;
    const t = tempDir('bomb-');
    try {
      const zip = new JSZip();
      const dir = 'BMWI/FDB/Content/DE/Foerderprogramm/Bund/X/';
      zip.file(`${dir}bomb.xml`, `<document>${' '.repeat(21 * 1024 * 1024)}</document>`);
      const path = join(t.dir, 'bomb.zip');
      writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
      const r = await runImport(db, actor, path, { full: false });
      expect(r.counts).toMatchObject({ rejected: 1, new: 0 });
      const q = await db
        .selectFrom('funding_quarantine')
        .selectAll()
        .where('record_key', 'like', '%/X/bomb')
        .executeTakeFirstOrThrow();
      expect(q.reason).toMatch(/larger than/);
      // A zip that names a path outside its root is refused as a whole.
      const evil = new JSZip();
      evil.file('BMWI/FDB/Content/DE/Foerderprogramm/../../../../../../etc/escape.xml', '<document/>');
      const evilPath = join(t.dir, 'evil.zip');
      writeFileSync(evilPath, await evil.generateAsync({ type: 'nodebuffer' }));
      await expect(runImport(db, actor, evilPath)).rejects.toThrow(/invalid relative path/);
    } finally {
      t.remove();
    }
  });
});
