import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from './helpers/browser.js';
import { freshPage, openPage } from './helpers/pages.js';
import { type RunningServer, startServer } from './helpers/server.js';
import { addUser, signInViaForm, type TestUser } from './helpers/users.js';

let server: RunningServer;
let browser: Browser;
let office: TestUser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  office = await addUser(server, 'office', 'Olga Office');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('calls in fields of action and next to council papers, in the web UI', () => {
  it('shows a call’s fields by name, lets the office correct them, and lists council papers on the topic', async () => {
    const { context, page } = await freshPage(browser);
    await signInViaForm(page, server.url, office);
    const calls = (await (await page.request.get(`${server.url}/api/funding/calls?q=Regio`)).json()) as {
      items: { id: number }[];
    };
    const id = calls.items[0].id;
    await openPage(page, `${server.url}/funding/calls/${id}`);
    await page.getByRole('heading', { level: 2, name: 'Handlungsfelder' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Ratsvorlagen der Region zu diesem Thema' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Handlungsfelder korrigieren' }).click();
    await page.getByRole('textbox', { name: 'Handlungsfelder' }).click();
    await page.getByRole('option', { name: 'Mobilität', exact: true }).click();
    await page.keyboard.press('Escape');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Von der Geschäftsstelle festgelegt').waitFor();
    const main = page.getByRole('main');
    expect(await main.getByText('Mobilität', { exact: true }).count()).toBeGreaterThan(0);
    // no raw keys on the page
    expect(await main.textContent()).not.toMatch(/field:/);
    await page.getByRole('button', { name: 'Wieder automatisch zuordnen' }).click();
    await page.getByText('Zugeordnet nach Quelle und Textauswertung.').waitFor();
    await context.close();
  });

  it('shows open calls per topic on the radar and calls that fit on a paper page', async () => {
    const { context, page } = await freshPage(browser);
    await signInViaForm(page, server.url, office);
    await openPage(page, `${server.url}/radar`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const search = (await (
      await page.request.get(`${server.url}/api/search?type=paper&q=Regionalmanagement`)
    ).json()) as {
      hits: { id: number }[];
    };
    if (search.hits.length) {
      await openPage(page, `${server.url}/council/papers/${search.hits[0].id}`);
      await page.getByRole('heading', { level: 2, name: 'Förderaufrufe, die dazu passen' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
    }
    await context.close();
  });
});
