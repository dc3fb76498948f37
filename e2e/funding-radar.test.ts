import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from './helpers/browser.js';
import { freshPage, openPage } from './helpers/pages.js';
import { type RunningServer, runCli, startServer } from './helpers/server.js';
import { addUser, signInViaForm, type TestUser } from './helpers/users.js';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let office: TestUser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  office = await addUser(server, 'office', 'Frida Förderlotsin');
  ({ context, page } = await freshPage(browser));
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('funding radar', () => {
  it('reads deadlines from German text on stdin (regiolotse funding deadlines --json)', async () => {
    const res = await runCli(
      ['funding', 'deadlines', '--json', '--today', '2026-11-25'],
      { DATABASE_URL: server.databaseUrl, LOG_LEVEL: 'warn' },
      'Die Richtlinie tritt am 1. Januar 2026 in Kraft. Projektskizzen sind bis zum 31. Januar 2027, 12:00 Uhr MEZ einzureichen.',
    );
    expect(res.code, res.stderr).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.rolling).toBe(false);
    expect(out.closed).toBe(false);
    expect(out.deadlines).toEqual([
      expect.objectContaining({ date: '2027-01-31', time: '12:00', dueAt: '2027-01-31T11:00:00.000Z' }),
    ]);
    expect(out.deadlines[0].confidence).toBeGreaterThan(0.5);
  });

  it('lets the office watch a call and shows the watchlist, digest preview and calendar links', async () => {
    await signInViaForm(page, server.url, office);
    const me = await (await page.request.get(`${server.url}/api/auth/me`)).json();
    const calls = await (await page.request.get(`${server.url}/api/funding/calls?limit=1`)).json();
    expect(calls.items.length).toBeGreaterThan(0);
    const call = calls.items[0] as { id: number; title: string };
    const watched = await page.request.post(`${server.url}/api/funding/watches`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { callId: call.id },
    });
    expect(watched.status()).toBe(200);

    await openPage(page, `${server.url}/funding/watchlist`);
    await page.getByRole('heading', { level: 1, name: 'Merkliste & Benachrichtigungen' }).waitFor();
    await page.getByText(call.title).first().waitFor();
    await page.getByText(/deadlines\.ics\?user=/).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const ics = await page.request.get(`${server.url}/feeds/funding/deadlines.ics`);
    expect(ics.headers()['content-type']).toContain('text/calendar');
    expect(await ics.text()).toContain('BEGIN:VCALENDAR');

    await openPage(page, `${server.url}/funding/review`);
    await page.getByRole('heading', { level: 1, name: 'Fristen prüfen' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('saves, lists and deletes a search on the watchlist page', async () => {
    await openPage(page, `${server.url}/funding/watchlist`);
    const main = page.getByRole('main');
    await main.getByText('Sie haben noch keine Suche gespeichert.').waitFor();
    await main.getByRole('button', { name: 'Suche speichern' }).click();
    await main.getByText('Bitte geben Sie der Suche einen Namen.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await main.getByLabel(/^Name der Suche/).fill('Transformation NRW');
    await main.getByLabel('Suchbegriff').fill('Transformation');
    await main.getByLabel('Region').fill('Nordrhein-Westfalen');
    await main.getByRole('button', { name: 'Suche speichern' }).click();
    await main.getByText('Suche gespeichert. Neue passende Aufrufe kommen mit Ihrer Übersicht.').waitFor();
    await main.getByText('(Suchbegriff: Transformation · Region: Nordrhein-Westfalen)').waitFor();
    const saved = await (await page.request.get(`${server.url}/api/funding/saved-searches`)).json();
    expect(saved.items).toEqual([
      expect.objectContaining({
        name: 'Transformation NRW',
        filters: { q: 'Transformation', region: 'Nordrhein-Westfalen' },
      }),
    ]);
    expect(await axeViolations(page)).toEqual([]);

    await main.getByRole('button', { name: 'Suche „Transformation NRW“ löschen' }).click();
    await main.getByText('Sie haben noch keine Suche gespeichert.').waitFor();
    expect((await (await page.request.get(`${server.url}/api/funding/saved-searches`)).json()).items).toEqual(
      [],
    );
  });
});
