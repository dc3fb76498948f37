import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from './helpers/browser.js';
import { freshPage, navPaths, openPage } from './helpers/pages.js';
import { type RunningServer, startServer } from './helpers/server.js';
import { addUser, signInViaForm, type TestUser } from './helpers/users.js';

let server: RunningServer;
let browser: Browser;
let admin: TestUser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await addUser(server, 'admin', 'Rita Root');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('serves the web UI in German with no axe violations', async () => {
  const { context, page } = await freshPage(browser);
  await page.goto(server.url);
  expect(await page.getAttribute('html', 'lang')).toBe('de');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  expect(await page.title()).toBe('Übersicht · Regiolotse');
  expect(await page.getByRole('main').count()).toBe(1);
  expect(await axeViolations(page)).toEqual([]);
  await context.close();
});

it('switches to English, keeps the choice across reloads and sets <html lang>', async () => {
  const { context, page } = await freshPage(browser);
  await openPage(page, server.url);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  expect(await page.getAttribute('html', 'lang')).toBe('en');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  expect(await page.getAttribute('html', 'lang')).toBe('en');
  expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
  await openPage(page, `${server.url}/organizations`);
  expect(await page.title()).toBe('Organisations · Regiolotse');
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.getByRole('heading', { level: 1, name: 'Organisationen' }).waitFor();
  expect(await page.getAttribute('html', 'lang')).toBe('de');
  await context.close();
});

it('shows a visitor only public pages: no admin navigation, admin pages ask to sign in', async () => {
  const { context, page } = await freshPage(browser);
  await openPage(page, server.url);
  const paths = await navPaths(page);
  expect(paths).toContain('/organizations');
  expect(paths.filter((p) => p.startsWith('/admin'))).toEqual([]);
  for (const path of ['/admin/audit', '/admin/jobs', '/organizations/new']) {
    await openPage(page, `${server.url}${path}`);
    await page.getByText('Für diese Seite müssen Sie angemeldet sein.').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
  }
  expect((await page.request.get(`${server.url}/api/audit`)).status()).toBe(401);
  await context.close();
});

it('hides a non-public organisation from visitors but shows it to the office', async () => {
  const { context, page } = await freshPage(browser);
  await signInViaForm(page, server.url, admin);
  const name = `Interner Arbeitskreis E2E ${Date.now()}`;
  await openPage(page, `${server.url}/organizations/new`);
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await page.getByRole('checkbox', { name: 'Öffentlich sichtbar' }).uncheck();
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  const detailUrl = page.url();
  expect(await page.getByText('nicht öffentlich').count()).toBeGreaterThan(0);

  const { context: visitor, page: anon } = await freshPage(browser);
  await openPage(anon, `${server.url}/organizations?q=${encodeURIComponent('Interner Arbeitskreis')}`);
  expect(await anon.getByRole('link', { name }).count()).toBe(0);
  await anon.goto(detailUrl);
  await anon.getByRole('alert').waitFor();
  expect(await anon.getByRole('heading', { level: 1, name }).count()).toBe(0);
  await visitor.close();
  await context.close();
});
