import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from './helpers/browser.js';
import { freshPage, openPage, settled } from './helpers/pages.js';
import { type RunningServer, runCli, startServer } from './helpers/server.js';
import { signInViaForm, type TestUser } from './helpers/users.js';

let server: RunningServer;
let browser: Browser;
let office: TestUser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // The office's own staff: saving a search for the organisation needs one.
  office = {
    email: `office-${Date.now()}@example.org`,
    name: 'Olga Office',
    password: `pw-${Math.random().toString(36).slice(2)}-E2E`,
    role: 'office',
  };
  const res = await runCli(
    [
      'user',
      'add',
      '--email',
      office.email,
      '--name',
      office.name,
      '--role',
      'office',
      '--password',
      office.password,
      '--organization',
      'Regionalmanagement',
    ],
    { DATABASE_URL: server.databaseUrl, LOG_LEVEL: 'warn' },
  );
  if (res.code !== 0) throw new Error(res.stderr || res.stdout);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('call list: selection, export of exactly the selection, saving the search', () => {
  it('selects rows, exports only them, says the full export has no limit, and saves the filters as a search', async () => {
    const { context, page } = await freshPage(browser);
    await signInViaForm(page, server.url, office);
    await openPage(page, `${server.url}/funding/calls`);
    const main = page.getByRole('main');
    const rows = main.getByRole('table').getByRole('row');
    await expect.poll(() => rows.count()).toBe(4);
    await main.getByText('Keine Aufrufe ausgewählt.', { exact: false }).waitFor();
    await main
      .getByText('Der Export enthält alle 3 Aufrufe dieser Filter (alle Seiten, ohne Obergrenze).', {
        exact: false,
      })
      .waitFor();

    // Select all on the page, then leave one out: the count follows.
    await main.getByRole('checkbox', { name: 'Alle Aufrufe dieser Seite auswählen' }).check();
    await main.getByText('3 ausgewählt').waitFor();
    const titles = await main.getByRole('table').getByRole('link').allTextContents();
    const first = (await rows.nth(1).getByRole('link').first().textContent()) ?? '';
    await main.getByRole('checkbox', { name: `${first} auswählen` }).uncheck();
    await main.getByText('2 ausgewählt').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      main.getByRole('button', { name: 'Auswahl als CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('foerderaufrufe-auswahl.csv');
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(csv).not.toContain(first);
    const chosen = titles.filter((x) => x !== first && !/^(Förder|Programm)/.test(x));
    for (const title of chosen.slice(0, 1)) expect(csv).toContain(title);
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      main.getByRole('button', { name: 'Auswahl als Excel' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe('foerderaufrufe-auswahl.xlsx');
    await main.getByRole('button', { name: 'Auswahl aufheben' }).click();
    await main.getByText('Keine Aufrufe ausgewählt.', { exact: false }).waitFor();

    // Filter, then save exactly these filters as a search for the organisation.
    await main.getByLabel('Fördergeber-Ebene').click();
    await page.getByRole('option', { name: 'Bund' }).click();
    await page.waitForURL(/giverLevel=Bund/);
    await settled(page);
    await main.getByRole('button', { name: 'Diese Suche speichern' }).click();
    const form = main.getByRole('form', { name: 'Diese Suche speichern' });
    await form.getByLabel(/^Name der Suche/).waitFor();
    await form.getByRole('button', { name: 'Suche speichern' }).click();
    await form.getByText('Bitte geben Sie der Suche einen Namen.').waitFor();
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    await form.getByLabel(/^Name der Suche/).fill('Bundesprogramme');
    await form.getByLabel(/Für meine Organisation/).check();
    await form.getByRole('button', { name: 'Suche speichern' }).click();
    await form.getByText('Suche gespeichert.', { exact: false }).waitFor();
    const saved = await (await page.request.get(`${server.url}/api/funding/saved-searches`)).json();
    expect(saved.items).toEqual([
      expect.objectContaining({
        name: 'Bundesprogramme',
        filters: { giverLevel: 'Bund' },
        forOrganization: true,
      }),
    ]);

    // The watchlist lists it with its filters and the organisation badge.
    await openPage(page, `${server.url}/funding/watchlist`);
    await page.getByRole('main').getByText('(Fördergeber-Ebene: Bund)').waitFor();
    await page.getByRole('main').getByText('Organisation', { exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
