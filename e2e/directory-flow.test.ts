import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './helpers/browser.js';
import { freshPage } from './helpers/pages.js';
import { type RunningServer, startServer } from './helpers/server.js';
import { addUser, signInViaForm, type TestUser } from './helpers/users.js';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let admin: TestUser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await addUser(server, 'admin', 'Erika Mustermann');
  ({ context, page } = await freshPage(browser));
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

/** The demo office, as the seed (Vorlage 10/036/2018) names it. */
const OFFICE_NAME = 'Regionalmanagement Landeshauptstadt Düsseldorf – Kreis Mettmann';
const OFFICE = new RegExp(`^${OFFICE_NAME}$`);
const role = `Projektkoordination E2E ${Date.now()}`;

describe('the office at work: find the office, see its history, add a member, trace the change', () => {
  it('signs in through the form', async () => {
    await signInViaForm(page, server.url, admin);
    expect(await page.title()).toContain('Regiolotse');
  });

  it('finds the office (the Geschäftsstelle of the Regionalmanagement) through the organisation search', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Organisationen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisationen' }).waitFor();
    await page.getByRole('searchbox', { name: 'Suche' }).fill('Regionalmanagement');
    await page.getByRole('searchbox', { name: 'Suche' }).press('Enter');
    await page.waitForURL(/q=Regionalmanagement/);
    const hit = page.getByRole('main').getByRole('link', { name: OFFICE });
    await hit.first().click();
    await page.getByRole('heading', { level: 1, name: OFFICE }).waitFor();
    expect(await page.title()).toBe(`${OFFICE_NAME} · Regiolotse`);
  });

  it('shows the timeline as an ordered list of dated entries, oldest first', async () => {
    const timeline = page.getByRole('list', { name: 'Chronik' });
    await timeline.waitFor();
    expect(await timeline.evaluate((el) => el.tagName)).toBe('OL');
    const dates = await timeline
      .locator('li time')
      .evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
    expect(dates.length).toBeGreaterThan(0);
    expect([...dates].sort()).toEqual(dates);
    // The seed's milestones, in this order: start in March 2017, member of regionen.NRW from
    // June 2017, own premises from July 2018.
    const entries = await timeline.getByRole('listitem').allTextContents();
    const at = (date: RegExp, words: RegExp) => entries.findIndex((e) => date.test(e) && words.test(e));
    const start = at(/März 2017|01\.03\.2017/, /nimmt seine Arbeit nach außen auf/);
    const nrw = at(/Juni 2017|01\.06\.2017/, /Mitglied von regionen\.NRW/);
    const premises = at(/Juli 2018|01\.07\.2018/, /Auf dem Hennekamp 45/);
    expect([start, nrw, premises].every((i) => i >= 0)).toBe(true);
    expect(start < nrw && nrw < premises).toBe(true);
  });

  it('shows members with their date ranges and secondments ("abgeordnet von …")', async () => {
    const members = page.getByRole('region', { name: 'Mitglieder und Funktionen' });
    expect(await members.getByRole('row').count()).toBeGreaterThan(1);
    expect(await members.textContent()).toMatch(/abgeordnet von/);
  });

  it('adds a dated entry to the timeline, which lands in date order', async () => {
    await page.getByRole('button', { name: 'Chronik-Eintrag hinzufügen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Chronik-Eintrag hinzufügen' });
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.getByText('Bitte geben Sie einen Titel ein.').waitFor();
    await dialog.getByRole('textbox', { name: 'Titel' }).fill('Regionalkonferenz E2E');
    await dialog.getByLabel('Datum').fill('2019-05-15');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    const timeline = page.getByRole('list', { name: 'Chronik' });
    const entry = timeline.getByRole('listitem').filter({ hasText: 'Regionalkonferenz E2E' });
    await entry.waitFor();
    expect(await entry.locator('time').getAttribute('datetime')).toBe('2019-05-15');
    const dates = await timeline
      .locator('li time')
      .evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
    expect([...dates].sort()).toEqual(dates);
  });

  let personName = '';
  it('adds a membership through the form, with validation in German first', async () => {
    await page.getByRole('link', { name: 'Mitgliedschaft hinzufügen' }).click();
    await page.getByRole('heading', { level: 1, name: /Mitgliedschaft hinzufügen/ }).waitFor();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Bitte wählen Sie eine Person.').waitFor();
    await page.getByText('Bitte geben Sie die Funktion ein.').waitFor();

    // The person is not in the directory yet: create them on the way and come back to the form.
    await page.getByRole('link', { name: 'Neue Person' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neue Person' }).waitFor();
    personName = `Mara Beispiel ${Date.now()}`;
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(personName);
    await page.getByRole('textbox', { name: 'E-Mail' }).fill('not-an-address');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Bitte geben Sie eine gültige E-Mail-Adresse ein.').waitFor();
    await page.getByRole('textbox', { name: 'E-Mail' }).fill('mara.beispiel@example.org');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: /Mitgliedschaft hinzufügen/ }).waitFor();
    await expect.poll(() => page.getByRole('textbox', { name: 'Person' }).inputValue()).toBe(personName);
    await page.getByRole('textbox', { name: 'Funktion' }).fill(role);
    await page.getByLabel('Beginn', { exact: true }).fill('2026-01-01');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: OFFICE }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(role) });
    await row.waitFor();
    expect(await row.textContent()).toContain(personName);
    expect(await row.textContent()).toMatch(/seit 01\.01\.2026/);
  });

  it('shows the new membership in the audit log, with who, when and the after-state', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Änderungsprotokoll' }).click();
    await page.getByRole('heading', { level: 1, name: 'Änderungsprotokoll' }).waitFor();
    const entry = page.getByRole('row').filter({ hasText: role }).first();
    await entry.waitFor();
    const text = (await entry.textContent()) ?? '';
    expect(text).toContain(admin.email);
    expect(text).toMatch(/membership/i);
    expect(await entry.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('shows "changed meanwhile" when the membership was changed by someone else before ending it', async () => {
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: OFFICE }).waitFor();
    await page.getByRole('button', { name: `Mitgliedschaft von ${personName} als ${role} beenden` }).click();
    const dialog = page.getByRole('dialog', { name: 'Mitgliedschaft beenden' });
    await dialog.waitFor();
    // Someone else edits the same membership now: the version the page holds is stale.
    const me = await (await page.request.get(`${server.url}/api/auth/me`)).json();
    const audit = await (
      await page.request.get(`${server.url}/api/audit?entityType=membership&limit=5`)
    ).json();
    const created = audit.items.find((i: { after: { role?: string } | null }) => i.after?.role === role);
    const patched = await page.request.patch(`${server.url}/api/memberships/${created.entityId}`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { note: 'changed elsewhere', version: created.after.version },
    });
    expect(patched.status()).toBe(200);
    await dialog.getByLabel('Enddatum').fill('2026-06-30');
    await dialog.getByRole('button', { name: 'Beenden' }).click();
    await dialog
      .getByRole('alert')
      .getByText(/inzwischen geändert/)
      .waitFor();
  });

  it('ends the membership after a reload', async () => {
    await page.reload();
    await page.getByRole('button', { name: `Mitgliedschaft von ${personName} als ${role} beenden` }).click();
    const dialog = page.getByRole('dialog', { name: 'Mitgliedschaft beenden' });
    await dialog.getByLabel('Enddatum').fill('2026-06-30');
    await dialog.getByRole('button', { name: 'Beenden' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: new RegExp(role) });
    expect(await row.textContent()).toMatch(/01\.01\.2026 – 30\.06\.2026/);
  });
});
