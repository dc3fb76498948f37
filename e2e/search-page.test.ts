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
  // Index straight into the server's database, the way a source domain's service would.
  const database = openDatabase<DB>(server.databaseUrl);
  const base = {
    date: '2025-05-05',
    ownerOrganizationId: null,
    bodyId: null,
    committee: 'Bauausschuss',
    paperType: 'Vorlage',
    url: null,
  };
  await indexDocuments(database, [
    {
      ...base,
      type: 'paper',
      sourceId: 1,
      title: 'Radwegekonzept Ratingen',
      text: 'Neue Radwege <b>für</b> alle.',
      isPublic: true,
      bodyName: 'Ratingen',
    },
    {
      ...base,
      type: 'paper',
      sourceId: 2,
      title: 'Radweg Hilden',
      text: 'Sanierung des Radwegs.',
      isPublic: true,
      bodyName: 'Hilden',
    },
    {
      ...base,
      type: 'paper',
      sourceId: 3,
      title: 'Radweg intern',
      text: 'Vertraulich.',
      isPublic: false,
      bodyName: 'Geheimstadt',
    },
  ]);
  await database.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('searches, highlights the original wording, filters by a facet and has no axe violations', async () => {
  const { context, page } = await freshPage(browser);
  await openPage(page, `${server.url}/search`);
  await page.getByLabel('Suchbegriffe').fill('Radweg');
  await page.getByRole('button', { name: 'Suchen' }).click();
  await page.getByText('2 Treffer').waitFor();
  expect(await page.locator('mark', { hasText: 'Radwege' }).count()).toBe(1);
  expect(await page.getByText('<b>für</b>', { exact: false }).count()).toBeGreaterThan(0);
  expect(await page.getByText('Radweg intern').count()).toBe(0);
  expect(await page.getByRole('button', { name: /Geheimstadt/ }).count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: /Hilden/ }).click();
  await page.getByText('1 Treffer').waitFor();
  expect(page.url()).toContain('body=Hilden');
  await context.close();
});

it('answers malformed queries with a readable German message', async () => {
  const { context, page } = await freshPage(browser);
  await openPage(page, `${server.url}/search?q=${encodeURIComponent('"Radweg')}`);
  await page.getByText('Anführungszeichen nicht geschlossen').waitFor({ timeout: 20_000 });
  await context.close();
});
