import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from './helpers/browser.js';
import { freshPage, navPaths, openPage, organizationId, settled } from './helpers/pages.js';
import { type RunningServer, startServer } from './helpers/server.js';
import { addUser, signInViaForm, type TestUser } from './helpers/users.js';

let server: RunningServer;
let browser: Browser;
let admin: TestUser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await addUser(server, 'admin', 'Axel Admin');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** axe on each path; the result maps path → violations so a failure names the page. */
async function check(page: Page, paths: string[]): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const path of paths) {
    await openPage(page, `${server.url}${path}`);
    const violations = await axeViolations(page);
    if (violations.length > 0) found[path] = violations;
  }
  return found;
}

async function detailPaths(page: Page): Promise<string[]> {
  const office = await organizationId(page, server.url, 'Regionalmanagement');
  const people = (await (await page.request.get(`${server.url}/api/people?limit=1`)).json()) as {
    items: Array<{ id: number }>;
  };
  return [`/organizations/${office}`, `/people/${people.items[0]?.id ?? 1}`];
}

/** The funding radar's office pages: a call with its pointer form and rounds, the forms, a profile and its matches. */
async function fundingPaths(page: Page, office: string): Promise<string[]> {
  const calls = (await (await page.request.get(`${server.url}/api/funding/calls?limit=1`)).json()) as {
    items: Array<{ id: number }>;
  };
  const call = `/funding/calls/${calls.items[0]?.id ?? 1}`;
  const profile = `/funding/profiles/${office.split('/').pop()}`;
  return [
    call,
    `${call}/rounds`,
    '/funding/calls/new',
    '/funding/programmes/new',
    '/funding/projects/new',
    profile,
    `${profile}/matches`,
  ];
}

/** The demo's council pages: the seed Vorlage, its body and its committee (found through the public API). */
async function councilPaths(page: Page): Promise<string[]> {
  const search = (await (
    await page.request.get(`${server.url}/api/search?q=Regionalmanagements&type=paper`)
  ).json()) as { hits: Array<{ id: number }> };
  const id = search.hits[0]?.id;
  if (!id) throw new Error('the seed Vorlage is not searchable');
  const paperPath = `/council/papers/${id}`;
  const paper = (await (await page.request.get(`${server.url}/api/papers/${id}`)).json()) as {
    body: { id: number } | null;
    consultations: Array<{ organizations: Array<{ id: number }> }>;
  };
  const committee = paper.consultations[0]?.organizations[0]?.id;
  return [
    paperPath,
    ...(paper.body ? [`/council/bodies/${paper.body.id}`] : []),
    ...(committee ? [`/council/organizations/${committee}`] : []),
  ];
}

/** The Fristenplaner's body pages (settings, sequences, calendar) of the demo bodies. */
async function plannerPaths(page: Page): Promise<string[]> {
  const bodies = (await (await page.request.get(`${server.url}/api/planner/bodies`)).json()) as {
    items: Array<{ id: number; committeeCount: number }>;
  };
  return bodies.items.filter((b) => b.committeeCount > 0).map((b) => `/planner/bodies/${b.id}`);
}

describe('axe (WCAG 2.1 A/AA) reports nothing', () => {
  it('on every page a visitor can reach, in German and English', async () => {
    const { context, page } = await freshPage(browser);
    await openPage(page, server.url);
    const paths = [
      ...(await navPaths(page)),
      ...(await detailPaths(page)),
      ...(await councilPaths(page)),
      '/login',
      '/admin/audit',
      '/nowhere',
    ];
    expect(await check(page, paths)).toEqual({});
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(
      await check(page, [
        '/',
        '/organizations',
        (await detailPaths(page))[0],
        '/radar',
        ...(await councilPaths(page)),
      ]),
    ).toEqual({});
    await context.close();
  }, 300_000);

  it('on the login form showing its validation errors and a rejected password', async () => {
    const { context, page } = await freshPage(browser);
    await openPage(page, `${server.url}/login`);
    await page.getByRole('main').getByRole('button', { name: 'Anmelden' }).click();
    await page.getByText('Bitte geben Sie Ihre E-Mail-Adresse ein.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('E-Mail-Adresse').fill(admin.email);
    await page.getByLabel('Passwort').fill('wrong-password-123');
    await page.getByRole('main').getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/Anmeldung fehlgeschlagen/);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('on every page a signed-in administrator can reach', async () => {
    const { context, page } = await freshPage(browser);
    await signInViaForm(page, server.url, admin);
    const [office, person] = await detailPaths(page);
    const membership = (await (await page.request.get(`${server.url}/api${office}`)).json()).memberships[0];
    const paths = [
      ...(await navPaths(page)),
      office,
      person,
      `${office}/memberships/${membership.id}/edit`,
      '/organizations/new',
      '/people/new',
      `${person}/edit`,
      `${office}/edit`,
      `${office}/memberships/new`,
      ...(await fundingPaths(page, office)),
      ...(await plannerPaths(page)),
    ];
    expect(paths).toContain('/admin/audit');
    expect(paths).toContain('/planner');
    expect(paths).toContain('/admin/jobs');
    for (const p of ['/funding/projects', '/funding/profiles', '/funding/import']) expect(paths).toContain(p);
    expect(await check(page, paths)).toEqual({});
    await context.close();
  }, 300_000);

  it("on an administrator's forms with errors, the dialogs and the user menu", async () => {
    const { context, page } = await freshPage(browser);
    await signInViaForm(page, server.url, admin);
    const [office] = await detailPaths(page);
    await openPage(page, `${server.url}${office}/memberships/new`);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Bitte wählen Sie eine Person.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await openPage(page, `${server.url}/organizations/new`);
    await page.getByLabel('Website').fill('not a url');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Bitte geben Sie einen Namen ein.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await openPage(page, `${server.url}${office}`);
    await page.getByRole('button', { name: 'Chronik-Eintrag hinzufügen' }).click();
    const eventDialog = page.getByRole('dialog', { name: 'Chronik-Eintrag hinzufügen' });
    await eventDialog.getByRole('button', { name: 'Speichern' }).click();
    await eventDialog.getByText('Bitte geben Sie einen Titel ein.').waitFor();
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await eventDialog.waitFor({ state: 'detached' });

    await page
      .getByRole('button', { name: /^Mitgliedschaft von .* beenden$/ })
      .first()
      .click();
    await page.getByRole('dialog').waitFor();
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');

    await page
      .getByRole('banner')
      .getByRole('button', { name: /Axel Admin/ })
      .click();
    await page.getByRole('menu').waitFor();
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 120_000);
});
