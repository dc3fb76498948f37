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
let callId = 0;

const TITLE = 'Dorfläden im Kreis Mettmann';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  office = await addUser(server, 'office', 'Olga Office');
  partner = {
    email: `partner-${randomBytes(4).toString('hex')}@example.org`,
    name: 'Pia Partnerin',
    password: `pw-${randomBytes(12).toString('base64url')}`,
    role: 'partner',
  };
  const res = await runCli(
    [
      'user',
      'add',
      ...['--email', partner.email, '--name', partner.name, '--role', 'partner'],
      ...['--password', partner.password, '--organization', 'Kreis Mettmann'],
    ],
    { DATABASE_URL: server.databaseUrl, LOG_LEVEL: 'warn' },
  );
  if (res.code !== 0) throw new Error(res.stderr || res.stdout);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function csrf(page: Page): Promise<Record<string, string>> {
  const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as { csrfToken: string };
  return { 'x-csrf-token': me.csrfToken };
}

/** Picks an option of a Mantine (Multi)Select by typing part of it. */
async function choose(page: Page, label: RegExp, typed: string, option: RegExp): Promise<void> {
  await page.getByRole('main').getByRole('textbox', { name: label }).fill(typed);
  await page.getByRole('option', { name: option }).click();
  await page.keyboard.press('Escape');
}

describe('the office keeps calls and programmes by hand', () => {
  it('creates a call through the form, then meets a change made meanwhile when editing it', async () => {
    const { context, page } = await freshPage(browser);
    await signInViaForm(page, server.url, office);
    await openPage(page, `${server.url}/funding/calls`);
    const main = page.getByRole('main');
    await main.getByRole('link', { name: 'Neuer Aufruf' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neuer Aufruf' }).waitFor();
    await main.getByLabel('Adresse der Quelle').fill('keine adresse');
    await main.getByRole('button', { name: 'Speichern' }).click();
    await main.getByText('Bitte geben Sie einen Titel ein.').waitFor();
    await main.getByText(/Bitte geben Sie eine Adresse wie/).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await main.getByLabel(/^Titel/).fill(TITLE);
    await main.getByLabel('Adresse der Quelle').fill('https://www.example.org/dorflaeden');
    await main.getByLabel('Budget (Euro)').fill('250000');
    await main.getByLabel('Förderquote (%)').fill('80');
    await main.getByRole('textbox', { name: 'Antragsberechtigte' }).fill('Kommunen');
    await page.keyboard.press('Enter');
    await main.getByRole('textbox', { name: 'Region' }).fill('Nordrhein-Westfalen');
    await page.keyboard.press('Enter');
    await main.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    callId = Number(page.url().split('/').pop());
    const details = (await main.getByRole('region', { name: 'Angaben' }).textContent()) ?? '';
    expect(details).toContain('250.000');
    expect(details).toContain('80 %');
    expect(details).toContain('Kommunen');
    const stored = await (await page.request.get(`${server.url}/api/funding/calls/${callId}`)).json();
    expect(stored).toMatchObject({ source: 'manual', regions: ['Nordrhein-Westfalen'], version: 1 });
    expect(await axeViolations(page)).toEqual([]);

    await main.getByRole('link', { name: 'Bearbeiten', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Aufruf bearbeiten: ${TITLE}` }).waitFor();
    const meanwhile = await page.request.patch(`${server.url}/api/funding/calls/${callId}`, {
      headers: await csrf(page),
      data: { version: 1, giverName: 'Land NRW' },
    });
    expect(meanwhile.status()).toBe(200);
    await main.getByLabel(/^Titel/).fill(`${TITLE} 2027`);
    await main.getByRole('button', { name: 'Speichern' }).click();
    await main
      .getByRole('alert')
      .getByText(/inzwischen geändert/)
      .waitFor();
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    const kept = await (await page.request.get(`${server.url}/api/funding/calls/${callId}`)).json();
    expect(kept).toMatchObject({ title: TITLE, giverName: 'Land NRW', version: 2 });
    await context.close();
  }, 120_000);

  it('adds a deadline to the call and a programme by hand', async () => {
    const { context, page } = await freshPage(browser);
    await signInViaForm(page, server.url, office);
    await openPage(page, `${server.url}/funding/calls/${callId}`);
    const main = page.getByRole('main');
    await main.getByRole('link', { name: 'Fristen bearbeiten' }).click();
    await page.getByRole('heading', { level: 1, name: `Fristen: ${TITLE}` }).waitFor();
    await main.getByRole('button', { name: 'Frist hinzufügen' }).click();
    await main.getByText('Bitte geben Sie das Datum der Frist ein.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await main.getByLabel('Bezeichnung (z. B. 2. Runde)').fill('1. Runde');
    await main.getByLabel(/^Frist( \*)?$/).fill('2027-03-15');
    await main.getByLabel('Uhrzeit').fill('12:00');
    await main.getByLabel('Zeitzone der Frist').click();
    await page.getByRole('option', { name: 'Brüssel' }).click();
    await main.getByRole('button', { name: 'Frist hinzufügen' }).click();
    await main.getByText('1. Runde: 15.03.2027, 12:00 (Brüssel)').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const call = await (await page.request.get(`${server.url}/api/funding/calls/${callId}`)).json();
    expect(call.rounds).toEqual([
      expect.objectContaining({
        label: '1. Runde',
        deadlineDate: '2027-03-15',
        deadlineTime: '12:00',
        timeZone: 'Europe/Brussels',
        origin: 'manual',
      }),
    ]);

    await openPage(page, `${server.url}/funding/programmes`);
    await main.getByRole('link', { name: 'Neues Förderprogramm' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neues Förderprogramm' }).waitFor();
    await main.getByLabel(/^Titel/).fill('Dorfentwicklung NRW');
    await main.getByRole('textbox', { name: 'Förderarten' }).fill('Zuschuss');
    await page.keyboard.press('Enter');
    await main
      .getByLabel('Kurzbeschreibung')
      .fill('Eigene Zusammenfassung: Zuschüsse für Dorfläden und Treffpunkte.');
    await main.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dorfentwicklung NRW' }).waitFor();
    await main.getByText('Eigene Zusammenfassung: Zuschüsse für Dorfläden und Treffpunkte.').waitFor();
    await main.getByRole('link', { name: 'Bearbeiten', exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The call page names the deadline's zone; the programme page shows its history.
    const programmeUrl = page.url();
    await openPage(page, `${server.url}/funding/calls/${callId}`);
    await main.getByText('15.03.2027, 12:00 (Brüssel)').first().waitFor();
    const programme = await (
      await page.request.get(`${server.url}/api/funding/programmes/${programmeUrl.split('/').pop()}`)
    ).json();
    const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as { csrfToken: string };
    const patched = await page.request.patch(`${server.url}/api/funding/programmes/${programme.id}`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { title: 'Dorfentwicklung NRW 2027', version: programme.version },
    });
    expect(patched.status()).toBe(200);
    await openPage(page, programmeUrl);
    const row = main.getByRole('row', { name: /title/ });
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      'Dorfentwicklung NRW',
      'Dorfentwicklung NRW 2027',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('pointing out a call to partners', () => {
  it('sends a pointer from the call page and logs it as activity', async () => {
    const { context, page } = await freshPage(browser);
    await signInViaForm(page, server.url, office);
    await openPage(page, `${server.url}/funding/calls/${callId}`);
    const main = page.getByRole('main');
    const form = main.getByRole('region', { name: 'Auf diesen Aufruf hinweisen' });
    await form.getByRole('button', { name: 'Hinweis senden' }).click();
    await form.getByText('Bitte wählen Sie mindestens eine Organisation.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await choose(page, /Partnerorganisationen/, 'Kreis Mett', /^Kreis Mettmann( \(|$)/);
    await choose(page, /Partnerorganisationen/, 'IHK', /^IHK Düsseldorf( \(|$)/);
    await form
      .getByLabel('Notiz an die Partner')
      .fill('Passt zu Ihrem Nahversorgungskonzept – Skizze bis März?');
    await form.getByRole('button', { name: 'Hinweis senden' }).click();
    await form.getByText('Hinweis an 2 Organisation(en) gesendet.').waitFor();
    const log = main.getByRole('region', { name: 'Aktivitäten' });
    await log.getByText(`Aufruf „${TITLE}“ an Kreis Mettmann weitergeleitet`).waitFor();
    await log.getByText(`Aufruf „${TITLE}“ an IHK Düsseldorf weitergeleitet`).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('shows the pointer on the partner’s dashboard and only the partner’s own activity', async () => {
    const { context, page } = await freshPage(browser);
    await signInViaForm(page, server.url, partner);
    await openPage(page, server.url);
    const card = page
      .getByRole('main')
      .locator('.mantine-Card-root', { hasText: 'Hinweise der Geschäftsstelle' });
    await card.getByText(TITLE).waitFor();
    await card.getByText('Passt zu Ihrem Nahversorgungskonzept – Skizze bis März?').waitFor();
    expect(await card.getByText(new RegExp(`von ${office.email}`)).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await openPage(page, `${server.url}/funding/calls/${callId}`);
    const main = page.getByRole('main');
    const log = main.getByRole('region', { name: 'Aktivitäten' });
    await log.getByText(`Aufruf „${TITLE}“ an Kreis Mettmann weitergeleitet`).waitFor();
    expect(await log.getByText(/IHK Düsseldorf/).count()).toBe(0);
    expect(await main.getByRole('region', { name: 'Auf diesen Aufruf hinweisen' }).count()).toBe(0);
    expect(await main.getByRole('link', { name: 'Bearbeiten', exact: true }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 120_000);
});
