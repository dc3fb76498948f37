import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from './helpers/browser.js';
import { freshPage, openPage, settled } from './helpers/pages.js';
import { type RunningServer, startServer } from './helpers/server.js';
import { addUser, signInViaForm, type TestUser } from './helpers/users.js';

let server: RunningServer;
let browser: Browser;
let office: TestUser;
let page: Page;

const berlinToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date()).slice(0, 10);
const plus = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const german = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  office = await addUser(server, 'office', 'Olga Office');
  ({ page } = await freshPage(browser));
  await signInViaForm(page, server.url, office);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const main = () => page.getByRole('main');
const card = (name: string) => main().getByRole('article', { name });

describe('Fristenplaner', () => {
  it('answers the three demo examples per body, with plans side by side and marked demo data', async () => {
    await openPage(page, `${server.url}/planner`);
    await page.getByRole('heading', { level: 1, name: 'Fristenplaner' }).waitFor();
    await main()
      .getByText(/Sitzungstermine der Beispiele sind erfunden/)
      .waitFor();

    await main().getByRole('button', { name: 'Beispiel: knapp' }).click();
    await card('Landeshauptstadt Düsseldorf').getByText('knapp', { exact: true }).waitFor();
    await card('Kreis Mettmann').getByText('knapp', { exact: true }).waitFor();
    await card('Landeshauptstadt Düsseldorf')
      .getByText(/^Knapp: nur \d Tage? bis zum spätesten Einreichungstermin/)
      .waitFor();
    expect(
      await main()
        .getByRole('img', { name: /Zeitleiste der Pläne aller Körperschaften/ })
        .count(),
    ).toBe(1);
    const steps = card('Landeshauptstadt Düsseldorf').getByRole('table').first().getByRole('row');
    expect(await steps.count()).toBe(4);
    await expect(steps.nth(3).textContent()).resolves.toMatch(
      /Rat der Landeshauptstadt Düsseldorf.*von Hand.*Beispieldaten/,
    );
    // German dates only, never ISO
    expect(await main().textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(await axeViolations(page)).toEqual([]);

    await main().getByRole('button', { name: 'Beispiel: nicht machbar' }).click();
    await card('Kreis Mettmann').getByText('nicht machbar', { exact: true }).waitFor();
    await card('Kreis Mettmann')
      .getByText(/Keine Beratungsfolge passt vor die Frist am/)
      .waitFor();
    await main().getByRole('button', { name: 'Beispiel: machbar' }).click();
    await card('Kreis Mettmann').getByText('machbar', { exact: true }).waitFor();
    expect(await main().getByRole('alert').count()).toBe(0);
  });

  it('takes a question typed in German dates and explains a date it cannot read', async () => {
    await openPage(page, `${server.url}/planner`);
    const deadline = main().getByRole('textbox', { name: /^Frist/ });
    await deadline.fill('31.02.2027');
    await deadline.blur();
    await main().getByText('Bitte ein Datum als TT.MM.JJJJ eingeben, z. B. 31.03.2027.').waitFor();
    await deadline.fill(german(plus(berlinToday(), 200)));
    await main().getByRole('textbox', { name: 'Körperschaft', exact: true }).click();
    await page.getByRole('option', { name: 'Landeshauptstadt Düsseldorf' }).click();
    await main().getByRole('textbox', { name: 'Beratungsfolge' }).click();
    await page.getByRole('option', { name: /Kofinanzierung/ }).click();
    await main().getByRole('button', { name: 'Prüfen' }).click();
    await card('Landeshauptstadt Düsseldorf').getByText('machbar', { exact: true }).waitFor();
    await main()
      .getByText(new RegExp(`^Frist ${german(plus(berlinToday(), 200))}, Stichtag`))
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('lets the office enter, cancel and see meetings by hand, and keep the body settings', async () => {
    await openPage(page, `${server.url}/planner`);
    await main().getByRole('link', { name: 'Landeshauptstadt Düsseldorf' }).click();
    await page.getByRole('heading', { level: 1, name: 'Landeshauptstadt Düsseldorf' }).waitFor();
    await main().getByText('Beispieldaten').first().waitFor();
    const date = german(plus(berlinToday(), 3));
    const form = main().getByRole('group', { name: 'Sitzung von Hand eintragen' });
    await form.getByRole('textbox', { name: /Gremium/ }).click();
    await page.getByRole('option', { name: 'Rat der Landeshauptstadt Düsseldorf' }).click();
    await form.getByRole('textbox', { name: /^Datum/ }).fill(date);
    await form.getByRole('textbox', { name: 'Beginn (HH:MM)' }).fill('17:30');
    await form.getByRole('textbox', { name: 'Bezeichnung / Notiz' }).fill('Sondersitzung Haushalt');
    await form.getByRole('button', { name: 'Speichern' }).click();
    await main().getByText('Sitzung eingetragen.').waitFor();
    const row = main().getByRole('row', { name: /Sondersitzung Haushalt/ });
    await expect(row.textContent()).resolves.toMatch(/17:30.*von Hand.*zählt/);
    await row.getByRole('button', { name: /^Sitzung am .* absagen$/ }).click();
    await main()
      .getByRole('row', { name: /Sondersitzung Haushalt/ })
      .getByText('abgesagt')
      .waitFor();

    const lead = main().getByRole('textbox', { name: /Vorlagenschluss/ });
    await lead.fill('35');
    await main().getByRole('button', { name: 'Speichern' }).first().click();
    await main().getByText('Einstellungen gespeichert.').waitFor();
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    const csv = await page.request.get(
      `${server.url}${await main().getByRole('link', { name: 'Als CSV exportieren' }).getAttribute('href')}`,
    );
    expect(await csv.text()).toContain('Sondersitzung Haushalt');
  });

  it('speaks English with day-first dates', async () => {
    await openPage(page, `${server.url}/planner`);
    await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Deadline planner' }).waitFor();
    await main().getByRole('button', { name: 'Example: tight' }).click();
    await card('Kreis Mettmann').getByText('tight', { exact: true }).waitFor();
    expect(
      await main()
        .getByRole('textbox', { name: /^Deadline/ })
        .inputValue(),
    ).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(await axeViolations(page)).toEqual([]);
  });
});
