import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from './helpers/browser.js';
import { freshPage, openPage, settled } from './helpers/pages.js';
import { type RunningServer, runCli, startServer } from './helpers/server.js';
import { addUser, signInViaForm, type TestUser } from './helpers/users.js';

let server: RunningServer;
let browser: Browser;
let office: TestUser;
let partner: TestUser;

/** A partner of the Kreis Mettmann, created through the real CLI with its organisation. */
async function addPartner(): Promise<TestUser> {
  const user: TestUser = {
    email: `partner-${randomBytes(4).toString('hex')}@example.org`,
    name: 'Paula Partnerin',
    password: `pw-${randomBytes(12).toString('base64url')}`,
    role: 'partner',
  };
  const res = await runCli(
    [
      'user',
      'add',
      ...['--email', user.email, '--name', user.name, '--role', 'partner', '--password', user.password],
      ...['--organization', 'Kreis Mettmann'],
    ],
    { DATABASE_URL: server.databaseUrl, LOG_LEVEL: 'warn' },
  );
  if (res.code !== 0) throw new Error(res.stderr || res.stdout);
  return user;
}

async function csrf(page: Page): Promise<Record<string, string>> {
  const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as { csrfToken: string };
  return { 'x-csrf-token': me.csrfToken };
}

/** Titles of the matched calls in rank order, as the list shows them. */
async function rankedTitles(page: Page): Promise<string[]> {
  const headings = await page
    .getByRole('main')
    .getByRole('article')
    .getByRole('heading', { level: 2 })
    .allTextContents();
  return headings.map((h) => h.replace(/^\d+\.\s*/, ''));
}

const CYCLE = 'Radschnellweg-Netz im Kreis';
const STATIONS = 'Mobilstationen an Bahnhöfen';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  office = await addUser(server, 'office', 'Olaf Office');
  partner = await addPartner();
  const { context, page } = await freshPage(browser);
  await signInViaForm(page, server.url, office);
  const headers = await csrf(page);
  for (const data of [
    {
      title: CYCLE,
      status: 'open',
      giverLevel: 'Land',
      fieldsOfAction: ['field:mobilitaet'],
      eligibleApplicants: ['Kommunen'],
      regions: ['Nordrhein-Westfalen'],
    },
    {
      title: STATIONS,
      status: 'open',
      giverLevel: 'Bund',
      fieldsOfAction: ['field:mobilitaet', 'field:digitalisierung'],
    },
    {
      title: 'Fachkräfte-Offensive',
      status: 'open',
      giverLevel: 'Land',
      fieldsOfAction: ['field:fachkraefte'],
    },
  ]) {
    const res = await page.request.post(`${server.url}/api/funding/calls`, { headers, data });
    expect(res.status()).toBe(201);
  }
  await context.close();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('matching in the web UI', () => {
  it('lets a partner keep its organisation profile and re-rank the matching calls with feedback', async () => {
    const { context, page } = await freshPage(browser);
    await signInViaForm(page, server.url, partner);
    await page.getByRole('navigation').getByRole('link', { name: 'Förderprofil' }).click();
    await page.getByRole('heading', { level: 1, name: 'Förderprofil: Kreis Mettmann' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const main = page.getByRole('main');
    await main.getByLabel('Art des Antragstellers').fill('Kommune');
    await main.getByLabel('Region (Gemeindeschlüssel)').fill('05158');
    await main.getByRole('textbox', { name: 'Handlungsfeld' }).click();
    await page.getByRole('option', { name: 'Mobilität', exact: true }).click();
    await page.keyboard.press('Escape');
    await main.getByRole('button', { name: 'Speichern' }).click();
    await main.getByText('Profil gespeichert.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const stored = await (
      await page.request.get(page.url().replace('/funding/profiles/', '/api/funding/org-profiles/'))
    ).json();
    expect(stored).toMatchObject({
      applicantType: 'Kommune',
      regionAgs: '05158',
      fieldsOfAction: ['field:mobilitaet'],
    });

    await main.getByRole('link', { name: 'Passende Aufrufe ansehen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Passende Aufrufe für Kreis Mettmann' }).waitFor();
    await main.getByRole('article').first().waitFor();
    const before = await rankedTitles(page);
    expect(before).toContain(CYCLE);
    expect(before).toContain(STATIONS);
    expect(before).not.toContain('Fachkräfte-Offensive');
    expect(before.indexOf(CYCLE)).toBeLessThan(before.indexOf(STATIONS));
    const cycle = main.getByRole('article', { name: new RegExp(CYCLE) });
    expect(await cycle.getByRole('listitem').allTextContents()).toEqual(
      expect.arrayContaining(['Handlungsfeld Mobilität', 'antragsberechtigt: Kommunen', 'Region NRW']),
    );
    expect(await cycle.getByText(/^Passung \d+ %$/).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // "Relevant" lifts the stations call above the cycle network; the button shows it is pressed.
    const stations = main.getByRole('article', { name: new RegExp(STATIONS) });
    await stations.getByRole('button', { name: 'Relevant', exact: true }).click();
    await expect.poll(async () => (await rankedTitles(page)).indexOf(STATIONS)).toBe(0);
    await expect
      .poll(() =>
        stations.getByRole('button', { name: 'Relevant', exact: true }).getAttribute('aria-pressed'),
      )
      .toBe('true');
    await stations.getByText('von Ihrer Organisation als relevant markiert').waitFor();

    // "Not relevant" pushes the cycle network out of the list; a reload shows the stored verdicts.
    await cycle.getByRole('button', { name: 'Nicht relevant' }).click();
    await expect.poll(async () => (await rankedTitles(page)).includes(CYCLE)).toBe(false);
    await openPage(page, page.url());
    expect((await rankedTitles(page))[0]).toBe(STATIONS);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('creates a project through the form, shows its matches and reports a change made meanwhile', async () => {
    const { context, page } = await freshPage(browser);
    await signInViaForm(page, server.url, partner);
    await openPage(page, `${server.url}/funding/projects`);
    expect(await axeViolations(page)).toEqual([]);
    const main = page.getByRole('main');
    await main.getByRole('link', { name: 'Neues Projekt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neues Projekt' }).waitFor();
    await main.getByRole('button', { name: 'Speichern' }).click();
    await main.getByText('Bitte geben Sie einen Titel ein.').waitFor();
    await main.getByLabel('Region (Gemeindeschlüssel)').fill('Hilden');
    await main.getByRole('button', { name: 'Speichern' }).click();
    await main.getByText(/Der Gemeindeschlüssel \(AGS\) hat 2 bis 8 Ziffern/).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await main.getByLabel('Projekttitel').fill('Radschnellweg Hilden–Haan');
    await main
      .getByLabel('Beschreibung')
      .fill('Ein Radschnellweg zwischen Hilden und Haan mit Mobilstationen.');
    await main.getByRole('textbox', { name: 'Handlungsfeld' }).click();
    await page.getByRole('option', { name: 'Mobilität', exact: true }).click();
    await page.keyboard.press('Escape');
    await main.getByLabel('Art des Antragstellers').fill('Kommune');
    await main.getByLabel('Region (Gemeindeschlüssel)').fill('05158012');
    await main.getByRole('button', { name: 'Speichern' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Passende Aufrufe: Radschnellweg Hilden–Haan' })
      .waitFor();
    await main.getByRole('article').first().waitFor();
    // The project belongs to the Kreis Mettmann, so the organisation's verdicts rank it too.
    expect((await rankedTitles(page))[0]).toBe(STATIONS);
    expect(await rankedTitles(page)).not.toContain(CYCLE);
    expect(await axeViolations(page)).toEqual([]);
    const projectId = Number(/projects\/(\d+)\/matches/.exec(page.url())?.[1]);

    await openPage(page, `${server.url}/funding/projects/${projectId}/edit`);
    await page.getByRole('heading', { level: 1, name: /Projekt bearbeiten/ }).waitFor();
    const changed = await page.request.patch(`${server.url}/api/funding/projects/${projectId}`, {
      headers: await csrf(page),
      data: { version: 1, description: 'Von jemand anderem geändert' },
    });
    expect(changed.status()).toBe(200);
    await main.getByLabel('Projekttitel').fill('Radschnellweg Hilden–Haan–Solingen');
    await main.getByRole('button', { name: 'Speichern' }).click();
    await main
      .getByRole('alert')
      .getByText(/inzwischen geändert/)
      .waitFor();
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    const project = await (await page.request.get(`${server.url}/api/funding/projects/${projectId}`)).json();
    expect(project).toMatchObject({
      title: 'Radschnellweg Hilden–Haan',
      description: 'Von jemand anderem geändert',
    });

    await main.getByRole('button', { name: 'Neu laden' }).click();
    await page.getByRole('heading', { level: 1, name: /Projekt bearbeiten/ }).waitFor();
    await main.getByLabel('Projekttitel').fill('Radschnellweg Hilden–Haan–Solingen');
    await main.getByRole('button', { name: 'Speichern' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Passende Aufrufe: Radschnellweg Hilden–Haan–Solingen' })
      .waitFor();
    await openPage(page, `${server.url}/funding/projects`);
    await main.getByRole('rowheader', { name: 'Radschnellweg Hilden–Haan–Solingen' }).waitFor();
    await context.close();
  }, 120_000);
});
