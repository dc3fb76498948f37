import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import {
  copyFdbExport,
  FDB_CONTENT,
  sharedFunding,
  tempDir,
} from '../../../../test/fixtures/funding/support.js';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { systemActor } from '../../access/actor.js';
import { extractCallDeadlines } from '../deadlines/review-service.js';
import { MatchingEngine } from '../matching/engine.js';
import { runImport } from '../run-import.js';
import { brusselsDay, statusFromDates } from './eu-ft/dates.js';
import { htmlToPlain } from './fdb/gsb-document.js';

const actor = systemActor('test');
const euFile = sharedFunding('eu-ft-portal', 'grantsTenders_sample.json');
const einstiegsgeld = (root: string) =>
  join(root, ...FDB_CONTENT, 'Foerderprogramm', 'Bund', 'BMAS', 'einstiegsgeld.xml');

/**
 * Replaces a RichText property of a programme document with our own text (written for this test, not
 * Förderdatenbank text), in a temporary copy of the export.
 */
function setRichText(file: string, property: string, html: string): void {
  const xml = readFileSync(file, 'utf8');
  const escaped = `&lt;![CDATA[${html.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')}]]&gt;`;
  const re = new RegExp(`(<property name="${property}" type="RichText">\\s*<text>)[\\s\\S]*?(</text>)`);
  if (!re.test(xml)) throw new Error(`no ${property} in ${file}`);
  writeFileSync(file, xml.replace(re, `$1${escaped}$2`));
}

it('keeps inline markup out of FDB titles: no space after "(" or before ")"', () => {
  expect(htmlToPlain('Deutsch-französisches Programm 2025 (<span>Minitraité-Förderung</span>)')).toBe(
    'Deutsch-französisches Programm 2025 (Minitraité-Förderung)',
  );
  expect(htmlToPlain('<p>Erster Absatz</p><p>zweiter</p>')).toBe('Erster Absatz zweiter');
  expect(htmlToPlain('Zeile<br/>Zeile')).toBe('Zeile Zeile');
});

it('EU status follows the dates; date-only portal deadlines keep no invented time', () => {
  const now = new Date('2026-06-01T10:00:00Z');
  const past = { deadlineDate: '2026-03-24', deadlineTime: null, opensAt: '2025-01-01' };
  const ahead = { deadlineDate: '2026-09-22', deadlineTime: '17:00', opensAt: null };
  expect(statusFromDates('open', [past], now).status).toBe('closed');
  expect(statusFromDates('forthcoming', [past], now).status).toBe('closed');
  expect(statusFromDates('open', [past, ahead], now).status).toBe('open');
  expect(statusFromDates('forthcoming', [{ ...ahead, opensAt: '2026-05-01' }], now).status).toBe('open');
  expect(statusFromDates('forthcoming', [{ ...ahead, opensAt: '2026-07-01' }], now).status).toBe(
    'forthcoming',
  );
  // the same day: passed only after its hour in Brussels
  expect(
    statusFromDates('open', [{ deadlineDate: '2026-06-01', deadlineTime: '17:00', opensAt: null }], now)
      .status,
  ).toBe('open');
  expect(brusselsDay(new Date(1651536000000))).toEqual({ date: '2022-05-03', time: null });
  expect(brusselsDay(new Date(1727560740000))).toEqual({ date: '2024-09-28', time: '23:59' });
});

it('reasons name the words as written, not their cut comparison form', () => {
  const engine = new MatchingEngine(
    [
      {
        id: 1,
        title: 'Regionale Vermarktung',
        text: 'Vermarktung regionaler Produkte und Kundenbindung im ländlichen Raum',
        fields: [],
        applicants: [],
        regions: [],
        nextDeadline: null,
        closed: false,
      },
      ...Array.from({ length: 8 }, (_, i) => ({
        id: 10 + i,
        title: `Anderer Aufruf ${i}`,
        text: 'Wasserstoff Infrastruktur Netze',
        fields: [],
        applicants: [],
        regions: [],
        nextDeadline: null,
        closed: false,
      })),
    ],
    {},
    '2026-01-01',
  );
  const [m] = engine.matchTarget(
    {
      id: 1,
      title: 'Vermarktung von Produkten',
      text: 'Kundenbindung stärken',
      fields: [],
      applicantType: null,
      regionAgs: null,
    },
    { minScore: 0 },
  );
  expect(m.callId).toBe(1);
  const words = m.reasons.find((r) => r.startsWith('gemeinsame Begriffe'));
  expect(words).toContain('Vermarktung');
  expect(words).toContain('Kundenbindung');
  expect(words).not.toMatch(/vermarkt(,|$)|kundenbind(,|$)/);
});

describeEachDb('funding: source fields read for what they are', (env) => {
  it('reads legal basis and legal requirements from their own FDB sections', async () => {
    const { db } = env().ctx;
    await runImport(db, actor, sharedFunding('fdb-xml-export'));
    const p = await db
      .selectFrom('funding_programmes')
      .selectAll()
      .where('source_id', '=', 'bund-ba-eingliederungszuschuss-bund')
      .executeTakeFirstOrThrow();
    expect(p.legal_basis).toContain('Sozialgesetzbuch, Drittes Buch');
    expect(p.legal_basis).not.toContain('Antragsberechtigt');
    expect(p.requirements).toContain('Antragsberechtigt sind Arbeitgeberinnen und Arbeitgeber');
    const res = await env().app.inject({ method: 'GET', url: `/api/funding/programmes/${p.id}` });
    expect(res.json()).toMatchObject({
      legalBasis: p.legal_basis,
      requirements: p.requirements,
    });
  });

  it('reads FDB deadlines from the programme body and decides rolling from the texts, not by assumption', async () => {
    const { db } = env().ctx;
    const copy = copyFdbExport();
    try {
      setRichText(
        einstiegsgeld(copy.dir),
        'gsb:bodyText',
        '<h2>Verfahren</h2><p>Anträge bis zum 20.04.2026 und 15.09.2026 an die Bewilligungsstelle.</p>',
      );
      await runImport(db, actor, copy.dir);
      const call = await db
        .selectFrom('funding_calls')
        .selectAll()
        .where('source_id', '=', 'bund-bmas-einstiegsgeld')
        .executeTakeFirstOrThrow();
      // no Fristen text is no reason to call it "laufend"
      expect(call.stage_model).not.toBe('rolling');
      await extractCallDeadlines(db, { today: '2026-01-10', callIds: [call.id] });
      const rounds = await db
        .selectFrom('funding_rounds')
        .select(['deadline_date', 'origin'])
        .where('call_id', '=', call.id)
        .where('withdrawn_at', 'is', null)
        .orderBy('deadline_date')
        .execute();
      expect(rounds.map((r) => r.deadline_date)).toEqual(['2026-04-20', '2026-09-15']);
      const after = await db
        .selectFrom('funding_calls')
        .select(['stage_model', 'extracted_rolling'])
        .where('id', '=', call.id)
        .executeTakeFirstOrThrow();
      expect(after).toMatchObject({ extracted_rolling: 0 });
      expect(after.stage_model).not.toBe('rolling');

      // a body that says applications run continuously makes it rolling
      setRichText(
        einstiegsgeld(copy.dir),
        'gsb:bodyText',
        '<p>Anträge können jederzeit gestellt werden.</p>',
      );
      await runImport(db, actor, copy.dir);
      await extractCallDeadlines(db, { today: '2026-01-10', callIds: [call.id] });
      expect(
        (
          await db
            .selectFrom('funding_calls')
            .select('stage_model')
            .where('id', '=', call.id)
            .executeTakeFirstOrThrow()
        ).stage_model,
      ).toBe('rolling');
    } finally {
      copy.remove();
    }
  });

  it('finds calls by their programme text and keywords, only where the programme may be seen', async () => {
    const { db } = env().ctx;
    await runImport(db, actor, sharedFunding('fdb-xml-export'));
    const search = async (q: string) =>
      (
        await env().app.inject({ method: 'GET', url: `/api/funding/calls?q=${encodeURIComponent(q)}` })
      ).json() as { items: { title: string }[] };
    // "Sozialgesetz" is a keyword of Einstiegsgeld; "Lohnkostenzuschuss" is in a programme summary
    expect((await search('Sozialgesetz')).items.map((i) => i.title)).toEqual(['Einstiegsgeld']);
    expect((await search('lohnkostenzuschuss')).items).toHaveLength(1);
    // an upper-case umlaut at the start of a word is found from either spelling (SQLite folds ASCII only)
    expect((await search('älteren')).items.length).toBe((await search('Älteren')).items.length);
    await db
      .updateTable('funding_programmes')
      .set({ is_public: 0 })
      .where('source_id', '=', 'bund-bmas-einstiegsgeld')
      .execute();
    expect((await search('Sozialgesetz')).items).toHaveLength(0);
    await db
      .updateTable('funding_programmes')
      .set({ is_public: 1 })
      .where('source_id', '=', 'bund-bmas-einstiegsgeld')
      .execute();
  });

  it('EU import: status from the dates with a note, the real hour kept, the portal page not its .json', async () => {
    const { db } = env().ctx;
    const r = await runImport(db, actor, euFile);
    expect(r.counts.rejected).toBe(0);
    const eche = await db
      .selectFrom('funding_calls')
      .selectAll()
      .where('source_id', '=', 'ERASMUS-EDU-2022-ECHE-CERT-FP')
      .executeTakeFirstOrThrow();
    // the portal says "Open", but the last cut-off (24 March 2026) has passed
    expect(eche.status).toBe('closed');
    expect(eche.import_notes).toMatch(/every deadline has passed/);
    const rounds = await db
      .selectFrom('funding_rounds')
      .select(['deadline_date', 'deadline_time'])
      .where('call_id', '=', eche.id)
      .orderBy('deadline_date')
      .execute();
    expect(rounds[0]).toEqual({ deadline_date: '2022-05-03', deadline_time: null });
    const intpa = await db
      .selectFrom('funding_calls')
      .select('id')
      .where('source_id', '=', 'INTPA/2023/EA-RP/0177-PIN')
      .executeTakeFirstOrThrow();
    expect(
      await db
        .selectFrom('funding_rounds')
        .select(['deadline_date', 'deadline_time'])
        .where('call_id', '=', intpa.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ deadline_date: '2024-09-28', deadline_time: '23:59' });

    const t = tempDir('eu-search-');
    try {
      const path = join(t.dir, 'search.json');
      writeFileSync(
        path,
        JSON.stringify({
          results: [
            {
              metadata: {
                identifier: ['TEST-2027-TOPIC-01'],
                title: ['Test topic'],
                status: ['31094502'],
                type: ['1'],
                deadlineDate: ['2027-09-24T17:00:00.000+0200'],
                url: [
                  'https://ec.europa.eu/info/funding-tenders/opportunities/data/topicDetails/test-2027-topic-01.json',
                ],
              },
            },
          ],
        }),
      );
      await runImport(db, actor, path);
      const topic = await db
        .selectFrom('funding_calls')
        .selectAll()
        .where('source_id', '=', 'TEST-2027-TOPIC-01')
        .executeTakeFirstOrThrow();
      expect(topic.status).toBe('open');
      expect(topic.source_url).toBe(
        'https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/test-2027-topic-01',
      );
      expect(topic.links).not.toContain('.json');
      const round = await db
        .selectFrom('funding_rounds')
        .select(['deadline_date', 'deadline_time', 'time_zone'])
        .where('call_id', '=', topic.id)
        .executeTakeFirstOrThrow();
      expect(round).toEqual({
        deadline_date: '2027-09-24',
        deadline_time: '17:00',
        time_zone: 'Europe/Brussels',
      });
      // the day after the deadline the status follows the dates without a new import
      await extractCallDeadlines(db, { today: '2027-09-25', callIds: [topic.id] });
      const closed = await db
        .selectFrom('funding_calls')
        .select('status')
        .where('id', '=', topic.id)
        .executeTakeFirstOrThrow();
      expect(closed.status).toBe('closed');
      const change = await db
        .selectFrom('funding_changes')
        .select('changes')
        .where('record_type', '=', 'call')
        .where('record_id', '=', topic.id)
        .where('kind', '=', 'changed')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(change.changes)).toEqual({ status: { before: 'open', after: 'closed' } });
    } finally {
      t.remove();
    }
  });
});
