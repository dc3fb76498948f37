import { readFile } from 'node:fs/promises';
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

interface ApiProgramme {
  id: number;
  title: string;
  attribution: string | null;
  body: string | null;
}

describe('funding calls in the web UI', () => {
  it('filters the list, exports the selection, opens a call, watches it and shows the programme with its attribution', async () => {
    const { context, page } = await freshPage(browser);
    await signInViaForm(page, server.url, office);

    await openPage(page, `${server.url}/funding/calls`);
    const rows = page.getByRole('main').getByRole('table').getByRole('row');
    await expect.poll(() => rows.count()).toBe(4); // header + the three demo calls
    expect(await axeViolations(page)).toEqual([]);

    // Fördergeber-Ebene "Bund" leaves the two Förderdatenbank programmes' calls, and lands in the URL.
    await page.getByRole('main').getByLabel('Fördergeber-Ebene').click();
    await page.getByRole('option', { name: 'Bund' }).click();
    await page.waitForURL(/giverLevel=Bund/);
    await expect.poll(() => rows.count()).toBe(3);
    const titles = await page.getByRole('main').getByRole('table').getByRole('link').allTextContents();
    expect(titles).toContain('Einstiegsgeld');
    expect(titles.join('|')).not.toMatch(/Regio\.NRW/);

    // A reload keeps the filter: it lives in the URL.
    await openPage(page, page.url());
    await expect.poll(() => rows.count()).toBe(3);

    // The CSV link carries the filter; the download holds exactly the filtered calls.
    const csvLink = page.getByRole('link', { name: 'CSV-Export' });
    expect(await csvLink.getAttribute('href')).toMatch(/giverLevel=Bund/);
    expect(await page.getByRole('link', { name: 'Excel-Export' }).getAttribute('href')).toMatch(
      /giverLevel=Bund.*format=xlsx|format=xlsx.*giverLevel=Bund/,
    );
    const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    const csvLines = csv.trim().split(/\r?\n/);
    expect(csvLines).toHaveLength(3);
    expect(csv).toContain('Einstiegsgeld');
    expect(csv).not.toContain('Regio.NRW');

    // Applicants match whole entries; the field suggests the values in use.
    await page.getByRole('main').getByLabel('Antragsberechtigte').fill('Existenz');
    await page.getByRole('option', { name: 'Existenzgründer/in' }).click();
    await page.getByRole('main').getByRole('button', { name: 'Filtern' }).click();
    await page.waitForURL(/applicant=Existenzgr/);
    await expect.poll(() => rows.count()).toBe(2);

    // Open a call: details, a timeline list, history, source, and "watch".
    await page.getByRole('main').locator('a[href^="/funding/calls/"]', { hasText: 'Einstiegsgeld' }).click();
    await page.getByRole('heading', { level: 1, name: 'Einstiegsgeld' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Änderungsverlauf' }).waitFor();
    expect(await page.getByText('zuerst gesehen').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Aufruf beobachten' }).click();
    await page.getByText('Sie beobachten diesen Aufruf.').waitFor();
    const watches = (await (await page.request.get(`${server.url}/api/funding/watches`)).json()) as {
      items: Array<{ callTitle: string }>;
    };
    expect(watches.items.map((w) => w.callTitle)).toContain('Einstiegsgeld');
    expect(await axeViolations(page)).toEqual([]);

    // The programme page shows the CC BY-ND attribution line exactly as the API gives it.
    const callUrl = page.url();
    const callId = Number(callUrl.split('/').pop());
    const call = (await (await page.request.get(`${server.url}/api/funding/calls/${callId}`)).json()) as {
      programme: ApiProgramme;
    };
    await page.getByRole('main').getByRole('link', { name: 'Einstiegsgeld' }).click();
    await page.waitForURL(new RegExp(`/funding/programmes/${call.programme.id}$`));
    await page.getByRole('heading', { level: 1, name: call.programme.title }).waitFor();
    const attribution = call.programme.attribution ?? '';
    expect(attribution).toMatch(/CC BY-ND 4\.0/);
    // The call page has the same title, so wait for the programme's own content, not the heading.
    await expect.poll(async () => (await page.getByRole('main').textContent()) ?? '').toContain(attribution);
    const main = (await page.getByRole('main').textContent()) ?? '';
    // The source HTML is shown as text: none of its markup appears, and it is not interpreted.
    expect(call.programme.body ?? '').toMatch(/<p>/);
    expect(main).not.toMatch(/<\/?(p|ul|li|strong|br)\b/);
    expect(await page.getByRole('main').getByRole('link', { name: 'Einstiegsgeld' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('renders the call list, a call and a programme without axe violations for visitors too', async () => {
    const { context, page } = await freshPage(browser);
    await openPage(page, `${server.url}/funding/calls?status=closed`);
    const titles = await page.getByRole('main').getByRole('table').getByRole('link').allTextContents();
    expect(titles).toContain('Regio.NRW – Transformation');
    expect(titles).not.toContain('Einstiegsgeld');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('main').getByRole('link', { name: 'Regio.NRW – Transformation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Regio.NRW – Transformation' }).waitFor();
    await page.getByText('Melden Sie sich an, um diesen Aufruf zu beobachten.').waitFor();
    const timeline = page.getByRole('main').locator('ol').first();
    expect(await timeline.locator('li time').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('main').getByRole('link', { name: 'EFRE/JTF-Programm NRW 2021–2027' }).click();
    await page.getByRole('heading', { level: 1, name: 'EFRE/JTF-Programm NRW 2021–2027' }).waitFor();
    await page.getByText(/Eigene Zusammenfassung nach Angaben von efre\.nrw\.de/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('shows a programme text written in hostile HTML as plain paragraphs, running nothing of it', async () => {
    const { context, page } = await freshPage(browser);
    await signInViaForm(page, server.url, office);
    const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as { csrfToken: string };
    const res = await page.request.post(`${server.url}/api/funding/programmes`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: {
        title: 'Feindliches Markup',
        giverLevel: 'Land',
        body:
          '<p>Erster Absatz &amp; mehr</p><script>window.pwned = 1</script>' +
          '<img src="x" onerror="window.pwned = 2"><ul><li>Punkt eins</li><li>Punkt <b>zwei</b></li></ul>' +
          '<p>Zweiter<br>Absatz <a href="javascript:window.pwned=3">Link</a></p>',
      },
    });
    expect(res.status()).toBe(201);
    const { id } = (await res.json()) as { id: number };
    await openPage(page, `${server.url}/funding/programmes/${id}`);
    const main = page.getByRole('main');
    await main.getByText('Erster Absatz & mehr', { exact: true }).waitFor();
    expect(await main.getByRole('listitem').allTextContents()).toEqual(
      expect.arrayContaining(['Punkt eins', 'Punkt zwei']),
    );
    await main.getByText('Zweiter', { exact: true }).waitFor();
    await main.getByText('Absatz Link', { exact: true }).waitFor();
    expect(await main.locator('img, script, b').count()).toBe(0);
    expect(await main.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('shows a changed field with its value before and after in the call history', async () => {
    const { context, page } = await freshPage(browser);
    await signInViaForm(page, server.url, office);
    const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as { csrfToken: string };
    const headers = { 'x-csrf-token': me.csrfToken };
    const created = await page.request.post(`${server.url}/api/funding/calls`, {
      headers,
      data: { title: 'Dorfladen-Aufruf', status: 'open', giverLevel: 'Land' },
    });
    expect(created.status()).toBe(201);
    const call = (await created.json()) as { id: number; version: number };
    const changed = await page.request.patch(`${server.url}/api/funding/calls/${call.id}`, {
      headers,
      data: { title: 'Dorfladen-Aufruf 2027', version: call.version },
    });
    expect(changed.status()).toBe(200);
    await openPage(page, `${server.url}/funding/calls/${call.id}`);
    const row = page.getByRole('main').getByRole('row', { name: /title/ });
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      'Dorfladen-Aufruf',
      'Dorfladen-Aufruf 2027',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('funding programmes in the web UI', () => {
  it('lists the programmes, searches them and opens one', async () => {
    const { context, page } = await freshPage(browser);
    await openPage(page, `${server.url}/funding/programmes`);
    const rows = page.getByRole('main').getByRole('table').getByRole('row');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(3); // header + the demo programmes
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('main').getByLabel('Programme durchsuchen').fill('Einstiegsgeld');
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByRole('main').getByRole('link', { name: 'Einstiegsgeld' }).click();
    await page.getByRole('heading', { level: 1, name: 'Einstiegsgeld' }).waitFor();
    await context.close();
  });
});
