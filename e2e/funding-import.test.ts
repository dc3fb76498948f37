import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from './helpers/browser.js';
import { freshPage, openPage } from './helpers/pages.js';
import { type RunningServer, runCli, startServer } from './helpers/server.js';
import { addUser, signInViaForm, type TestUser } from './helpers/users.js';

let server: RunningServer;
let browser: Browser;
let office: TestUser;
let dir: string;

const cli = (args: string[]) => runCli(args, { DATABASE_URL: server.databaseUrl, LOG_LEVEL: 'warn' });
const HANDKEPT = 'Nahversorgung im ländlichen Raum';
const CSV = [
  'aufruf_id;titel;status;foerdergeber_ebene;beschreibung',
  `nv-1;${HANDKEPT};offen;Land;Eine Antragstellung ist voraussichtlich bis Ende Juni 2027 möglich.`,
  'nv-2;;offen;Land;Zeile ohne Titel',
  '',
].join('\n');

async function csrf(page: Page): Promise<Record<string, string>> {
  const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as { csrfToken: string };
  return { 'x-csrf-token': me.csrfToken };
}

beforeAll(async () => {
  // Jobs on: the upload is imported by the server's own job runner, as in production.
  server = await startServer({ env: { JOBS: 'on' } });
  browser = await launchBrowser();
  office = await addUser(server, 'office', 'Ines Import');
  dir = await mkdtemp(join(tmpdir(), 'regiolotse-e2e-funding-'));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('funding data through the built CLI', () => {
  it('imports a hand-kept list (regiolotse funding import PATH): counts, the rejected row, and no duplicate on re-import', async () => {
    const path = join(dir, 'nahversorgung.csv');
    await writeFile(path, CSV);
    const first = await cli(['funding', 'import', path]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/new 1 · changed 0 · unchanged 0 · reappeared 0 · withdrawn 0 · rejected 1/);
    expect(first.stdout).toMatch(/Zeile\/row 3, Spalte\/column titel: /);
    const again = await cli(['funding', 'import', path]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/new 0 · changed 0 · unchanged 1 .* rejected 1/);
    const calls = await (
      await fetch(`${server.url}/api/funding/calls?q=${encodeURIComponent('Nahversorgung')}`)
    ).json();
    expect(calls.items.map((c: { title: string }) => c.title)).toEqual([HANDKEPT]);
  });

  it('reads the deadline from the text into the review queue, where the office confirms it in the browser', async () => {
    const extracted = await cli(['funding', 'deadlines:extract']);
    expect(extracted.code, extracted.stderr).toBe(0);
    expect(extracted.stdout).toMatch(/[1-9]\d* zur Prüfung/);

    const { context, page } = await freshPage(browser);
    await signInViaForm(page, server.url, office);
    await openPage(page, `${server.url}/funding/review`);
    const row = page.getByRole('main').getByRole('row', { name: new RegExp(HANDKEPT) });
    await row.getByText(/voraussichtlich bis Ende Juni 2027/).waitFor();
    expect(await row.getByRole('cell').first().textContent()).toContain('2027-06-30');
    expect(await axeViolations(page)).toEqual([]);
    await row.getByRole('button', { name: 'Bestätigen' }).click();
    await row.waitFor({ state: 'detached' });
    expect(await axeViolations(page)).toEqual([]);

    const list = await (await page.request.get(`${server.url}/api/funding/calls?q=Nahversorgung`)).json();
    const callId = list.items[0].id as number;
    const call = await (await page.request.get(`${server.url}/api/funding/calls/${callId}`)).json();
    expect(call.rounds.map((r: { deadlineDate: string }) => r.deadlineDate)).toContain('2027-06-30');

    // Pointed out to the Kreis Mettmann, the deadline lands in that organisation's calendar.
    const orgs = await (
      await page.request.get(`${server.url}/api/organizations?q=Kreis%20Mettmann&limit=5`)
    ).json();
    const district = orgs.items.find((o: { name: string }) => o.name === 'Kreis Mettmann');
    const pointed = await page.request.post(`${server.url}/api/funding/pointers`, {
      headers: await csrf(page),
      data: { callId, organizationIds: [district.id] },
    });
    expect(pointed.status()).toBe(201);
    await context.close();

    const ics = await cli(['funding', 'ics', '--org', 'Kreis Mettmann']);
    expect(ics.code, ics.stderr).toBe(0);
    const events = new ICAL.Component(ICAL.parse(ics.stdout))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    const event = events.find((e) => e.summary === `Frist: ${HANDKEPT}`);
    expect(event?.startDate.toString()).toMatch(/^2027-06-30/);
    // The short name, in other case, finds the same organisation; the event keeps its UID.
    const again = await cli(['funding', 'ics', '--org', 'kreis me']);
    expect(again.code, again.stderr).toBe(0);
    const uids = new ICAL.Component(ICAL.parse(again.stdout))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v).uid);
    expect(uids).toContain(event?.uid);
    const unknown = await cli(['funding', 'ics', '--org', 'Gibt es nicht']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/Organisation nicht gefunden/);
  });
});

describe('the import page', () => {
  it('offers the templates, imports an upload with progress and shows the result and the quarantine', async () => {
    const { context, page } = await freshPage(browser);
    await signInViaForm(page, server.url, office);
    await page.getByRole('navigation').getByRole('link', { name: 'Förderdaten importieren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Förderdaten importieren' }).waitFor();
    const main = page.getByRole('main');
    // The quarantine already holds the row the CLI import rejected.
    const quarantine = main.getByRole('region', { name: 'Quarantäne: abgelehnte Datensätze' });
    await quarantine.getByRole('cell', { name: 'row 3' }).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      main.getByRole('link', { name: 'Vorlage als CSV' }).click(),
    ]);
    const template = await readFile((await download.path()) ?? '', 'utf8');
    expect(template.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toMatch(/^aufruf_id;titel;/);
    expect(await main.getByRole('link', { name: 'Vorlage als Excel' }).getAttribute('href')).toBe(
      '/api/funding/template.xlsx',
    );

    await main.getByRole('button', { name: 'Hochladen und importieren' }).click();
    await main.getByText('Bitte wählen Sie eine Datei.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await main.locator('input[type="file"]').setInputFiles({
      name: 'dorfladen.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'aufruf_id;titel;status;foerdergeber_ebene;foerderquote_prozent\n' +
          'dl-1;Dorfladen-Förderung;offen;Land;80\n' +
          'dl-2;Dorfladen kaputt;offen;Land;viel\n',
      ),
    });
    await main.getByRole('button', { name: 'Hochladen und importieren' }).click();
    // The server's job runner ticks every 5 s; the page follows the job until it is done.
    await main.getByText('„dorfladen.csv“ importiert').waitFor({ timeout: 30_000 });
    const counts = main.getByRole('table', { name: 'Ergebnis des Imports' });
    expect(await counts.getByRole('row', { name: /^neu/ }).getByRole('cell').textContent()).toBe('1');
    expect(
      await counts
        .getByRole('row', { name: /^abgelehnt/ })
        .getByRole('cell')
        .textContent(),
    ).toBe('1');
    const rejected = main.getByRole('table', { name: 'Abgelehnte Zeilen' });
    expect(await rejected.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual([
      '3',
      'foerderquote_prozent',
      expect.stringMatching(/\S/),
    ]);
    await quarantine.getByRole('cell', { name: /dorfladen\.csv/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const calls = await (await page.request.get(`${server.url}/api/funding/calls?q=Dorfladen`)).json();
    expect(calls.items.map((c: { title: string }) => c.title)).toEqual(['Dorfladen-Förderung']);
    await context.close();
  }, 120_000);

  it('is for the office only', async () => {
    const reader = await addUser(server, 'reader', 'Rita Reader');
    const { context, page } = await freshPage(browser);
    await signInViaForm(page, server.url, reader);
    await openPage(page, `${server.url}/funding/import`);
    await page.getByText('Für diese Seite fehlt Ihnen die Berechtigung.').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
