import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations, launchBrowser } from './browser.js';
import { freshPage, organizationId, settled } from './pages.js';
import { type RunningServer, startServer } from './server.js';
import { addUser, signInViaForm, type TestUser } from './users.js';

/** A server with the demo data, a browser and one page signed in as the office's staff. */
export interface OfficeSession {
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  office: TestUser;
  /** the id of the Regionalmanagement organisation */
  officeOrg: number;
  /** axe after transitions (a modal fading in) have finished */
  noViolations(): Promise<void>;
  /** the CSRF token of the signed-in page, for API calls made beside the UI */
  csrf(): Promise<string>;
  close(): Promise<void>;
}

export async function openOfficeSession(): Promise<OfficeSession> {
  const server = await startServer();
  const browser = await launchBrowser();
  const office = await addUser(server, 'office', 'Olga Office');
  const { context, page } = await freshPage(browser);
  await signInViaForm(page, server.url, office);
  const officeOrg = await organizationId(page, server.url, 'Regionalmanagement');
  return {
    server,
    browser,
    context,
    page,
    office,
    officeOrg,
    async noViolations() {
      await settled(page);
      expect(await axeViolations(page)).toEqual([]);
    },
    async csrf() {
      return (await (await page.request.get(`${server.url}/api/auth/me`)).json()).csrfToken;
    },
    async close() {
      await context.close();
      await browser.close();
      await server.stop();
    },
  };
}
