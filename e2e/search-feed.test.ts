import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DB } from '../src/app/schema.js';
import { indexDocuments } from '../src/domains/search/indexer.js';
import { openDatabase } from '../src/infra/db/connect.js';
import { launchBrowser } from './helpers/browser.js';
import { freshPage, openPage } from './helpers/pages.js';
import { type RunningServer, startServer } from './helpers/server.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ seed: false });
  browser = await launchBrowser();
  const database = openDatabase<DB>(server.databaseUrl);
  const doc = (sourceId: number, title: string, date: string, bodyName: string) => ({
    type: 'paper',
    sourceId,
    title,
    text: title,
    date,
    isPublic: true,
    ownerOrganizationId: null,
    bodyId: null,
    bodyName,
    committee: 'Bauausschuss',
    paperType: 'Vorlage',
    url: null,
  });
  await indexDocuments(database, [
    doc(1, 'Radweg an der Anger', '2025-03-01', 'Ratingen'),
    doc(2, 'Radweg am Stadtpark', '2024-05-01', 'Ratingen'),
    doc(3, 'Radweg zur Schule', '2025-05-01', 'Hilden'),
  ]);
  await database.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('links the Atom feed of exactly the search on screen, filters included', async () => {
  const { context, page } = await freshPage(browser);
  await openPage(page, `${server.url}/search?q=Radweg&body=Ratingen&year=2025&sort=date&offset=0`);
  await page.getByText('1 Treffer').waitFor();
  const href = (await page.getByRole('link', { name: 'Atom-Feed' }).getAttribute('href')) ?? '';
  const url = new URL(href, server.url);
  expect(url.pathname).toBe('/feeds/search.atom');
  expect(Object.fromEntries(url.searchParams)).toEqual({ q: 'Radweg', body: 'Ratingen', year: '2025' });
  const xml = await (await page.request.get(url.toString())).text();
  expect([...xml.matchAll(/<entry>[\s\S]*?<title>([^<]*)<\/title>/g)].map((m) => m[1])).toEqual([
    'Radweg an der Anger',
  ]);
  await context.close();
});
