import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DB } from '../src/app/schema.js';
import { indexDocuments } from '../src/domains/search/indexer.js';
import { openDatabase } from '../src/infra/db/connect.js';
import { axeViolations, launchBrowser } from './helpers/browser.js';
import { freshPage, openPage } from './helpers/pages.js';
import { type RunningServer, startServer } from './helpers/server.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ seed: false });
  browser = await launchBrowser();
  const database = openDatabase<DB>(server.databaseUrl);
  // Inside the page's default window (the last 90 days).
  const date = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
  const doc = (sourceId: number, title: string, bodyName: string, isPublic = true) => ({
    type: 'paper',
    sourceId,
    title,
    text: title,
    date,
    isPublic,
    ownerOrganizationId: null,
    bodyId: null,
    bodyName,
    committee: null,
    paperType: 'Vorlage',
    url: null,
  });
  await indexDocuments(database, [
    doc(1, 'Radschnellweg entlang der Düssel', 'Ratingen'),
    doc(2, 'Radschnellweg Anbindung Innenstadt', 'Mettmann'),
    doc(3, 'Wasserstoffbusse im Kreisgebiet', 'Mettmann'),
    doc(4, 'Wasserstoffbusse für den Stadtverkehr', 'Hilden'),
    doc(5, 'Wasserstoffbusse Betriebshof', 'Haan', false),
  ]);
  await database.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('draws the region with areas shaded by their radar topics, each a labelled link, with attribution and no axe violations', async () => {
  const { context, page } = await freshPage(browser);
  await openPage(page, `${server.url}/radar`);
  const map = page.getByRole('group', { name: /Karte der Kommunen der Region/ });
  await map.waitFor();
  // Twelve areas: eleven municipalities and the district's outline.
  expect(await map.getByRole('link').count()).toBe(12);
  const mettmann = map.getByRole('link', { name: 'Mettmann: 2 Themen' });
  expect(await mettmann.locator('path').getAttribute('fill')).toBe('#1864ab');
  expect(
    await map.getByRole('link', { name: 'Ratingen: 1 Themen' }).locator('path').getAttribute('fill'),
  ).not.toBe('#f1f3f5');
  // Haan's only paper is nichtöffentlich: anonymous readers see no topic there.
  expect(await map.getByRole('link', { name: 'Haan: 0 Themen' }).locator('path').getAttribute('fill')).toBe(
    '#f1f3f5',
  );
  await map.getByRole('link', { name: 'Kreis Mettmann: 0 Themen' }).waitFor();
  const attribution = page.getByRole('link', { name: '© GeoBasis-DE / BKG 2017 (Daten verändert)' });
  expect(await attribution.getAttribute('href')).toBe('https://www.bkg.bund.de');
  expect(await page.getByText('BKG VG250, Stand 01.01.2016').count()).toBe(1);

  // The table alternative holds the same numbers.
  const table = page.getByRole('table', { name: 'Radarthemen je Kommune im Zeitraum' });
  const row = table.getByRole('row', { name: /^Mettmann/ });
  expect(await row.getByRole('cell').allInnerTexts()).toEqual(['2', '2', 'Radschnellweg, Wasserstoffbusse']);
  expect(await axeViolations(page)).toEqual([]);

  // Keyboard: the area is reachable and leads to its row.
  await mettmann.focus();
  expect(await mettmann.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Enter');
  await page.waitForURL(/#radar-area-05158024$/);
  expect(await row.getAttribute('id')).toBe('radar-area-05158024');
  await context.close();
});

it('serves the map geometry to anonymous clients', async () => {
  const res = await fetch(`${server.url}/api/radar/map`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { features: { ags: string }[]; attribution: string };
  expect(body.features.map((f) => f.ags)).toContain('05111000');
  expect(body.attribution).toContain('GeoBasis-DE');
});
