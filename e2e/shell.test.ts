import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from './helpers/browser.js';
import { type RunningServer, startServer } from './helpers/server.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('serves the web UI in German with no axe violations', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  expect(await page.getAttribute('html', 'lang')).toBe('de');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await context.close();
});
