import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures } from '../test/oparl-server/fixtures.js';
import { type OParlTestServer, startOParlServer } from '../test/oparl-server/server.js';
import { axeViolations, launchBrowser } from './helpers/browser.js';
import { freshPage, openPage } from './helpers/pages.js';
import { type RunningServer, runCli, startServer } from './helpers/server.js';
import { addUser, signInViaForm, type TestUser } from './helpers/users.js';

let oparl: OParlTestServer;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let office: TestUser;

beforeAll(async () => {
  oparl = await startOParlServer(loadFixtures(), {
    pageSize: 50,
    faults: { invalidObjects: ['0001/papers'] },
  });
  server = await startServer();
  const sync = await runCli(['oparl', 'sync', oparl.systemUrl, '--delay', '0', '--backoff', '10'], {
    DATABASE_URL: server.databaseUrl,
    LOG_LEVEL: 'warn',
  });
  if (sync.code !== 0) throw new Error(`oparl sync failed: ${sync.stderr}`);
  browser = await launchBrowser();
  office = await addUser(server, 'office', 'Olga Office');
  ({ context, page } = await freshPage(browser));
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
  await oparl?.close();
});

describe('council documents: from the imported council to a paper and its consultations', () => {
  it('lets a visitor find the council of Karlsruhe and its committees', async () => {
    await openPage(page, server.url);
    await page.getByRole('navigation').getByRole('link', { name: 'Ratsinformationen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ratsinformationen' }).waitFor();
    await page.getByRole('link', { name: 'Stadt Karlsruhe' }).click();
    await page.getByRole('heading', { level: 1, name: 'Stadt Karlsruhe' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Gremien' }).waitFor();
    expect(await page.getByRole('link', { name: 'Gemeinderat' }).count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows a paper with its Beratungsfolge and its source', async () => {
    const bodies = (await (await page.request.get(`${server.url}/oparl/v1.1/bodies`)).json()) as {
      data: Array<{ id: string; name: string; paper: string }>;
    };
    const karlsruhe = bodies.data.find((b) => b.name === 'Stadt Karlsruhe');
    const papers = (await (await page.request.get(`${karlsruhe?.paper}?limit=1`)).json()) as {
      data: Array<{ id: string; name: string }>;
    };
    const paperId = papers.data[0].id.split('/').pop();
    await openPage(page, `${server.url}/council/papers/${paperId}`);
    await page.getByRole('heading', { level: 1, name: papers.data[0].name }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Beratungsfolge' }).waitFor();
    expect(await page.getByRole('link', { name: 'Quelle (OParl)' }).getAttribute('href')).toContain(
      oparl.base,
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it('lets the office see the source, its quarantine, and start a sync', async () => {
    await signInViaForm(page, server.url, office);
    await openPage(page, `${server.url}/council/sources`);
    await page.getByRole('heading', { level: 1, name: 'OParl-Quellen' }).waitFor();
    await page.getByText(oparl.systemUrl).waitFor();
    await page.getByText('not a JSON object').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Jetzt abgleichen' }).click();
    await page.getByRole('status').filter({ hasText: 'Abgleich gestartet' }).waitFor();
  });
});
