import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from './helpers/browser.js';
import { freshPage, navPaths, openPage } from './helpers/pages.js';
import { type RunningServer, startServer } from './helpers/server.js';
import { addUser, signInViaForm, type TestUser } from './helpers/users.js';

const vorlage = join(process.cwd(), '..', 'shared', 'vorlagen', 'karlsruhe_file-149946_paper-33762.txt');

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let office: TestUser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  office = await addUser(server, 'office', 'Ulla Upload');
  ({ context, page } = await freshPage(browser));
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('council: uploading a single Vorlage', () => {
  it('is not offered to anonymous visitors', async () => {
    await openPage(page, server.url);
    expect(await navPaths(page)).not.toContain('/council/papers/upload');
  });

  it('lets the office upload a text Vorlage and shows the parsed fields with confidences', async () => {
    await signInViaForm(page, server.url, office);
    expect(await navPaths(page)).toContain('/council/papers/upload');
    await openPage(page, `${server.url}/council/papers/upload`);
    await page.getByRole('heading', { level: 1, name: 'Vorlage hochladen' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.locator('input[type="file"]').setInputFiles(vorlage);
    await page.getByRole('button', { name: 'Hochladen und einlesen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Erkannte Felder' }).waitFor({ timeout: 30_000 });
    const fields = page.getByRole('table').first();
    expect(await fields.getByRole('row', { name: /Vorlagen-Nr\./ }).innerText()).toMatch(
      /2014\/0327\s+\d+ %/,
    );
    // Karlsruhe forms print no Bearbeiter: the page says so instead of leaving a blank.
    expect(await fields.getByRole('row', { name: /Bearbeiter/ }).innerText()).toContain('unbekannt');
    await page.getByRole('heading', { level: 2, name: 'Beratungsfolge' }).waitFor();
    for (const committee of ['Ausschuss für Wirtschaftsförderung', 'Hauptausschuss', 'Gemeinderat']) {
      await page.getByRole('cell', { name: committee, exact: true }).waitFor();
    }
    expect(await axeViolations(page)).toEqual([]);
  });

  it('links to the stored paper page', async () => {
    await page.getByRole('link', { name: /Vorlage öffnen: 2014\/0327/ }).click();
    await page.waitForURL(/\/council\/papers\/\d+$/);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.getByText('2014/0327').first().waitFor();
    await page.getByRole('heading', { level: 2, name: 'Beratungsfolge' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
