import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from './helpers/browser.js';
import { freshPage, openPage } from './helpers/pages.js';
import { type RunningServer, runCli, startServer } from './helpers/server.js';
import { addUser, signInViaForm, type TestUser } from './helpers/users.js';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let office: TestUser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  office = await addUser(server, 'office', 'Frida Förderlotsin');
  ({ context, page } = await freshPage(browser));
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('funding review: rolling and closed read from call texts', () => {
  it('a CLI import queues extraction; the review page shows the held-back "closed" and the office overrides it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flags-e2e-'));
    const file = join(dir, 'handliste.csv');
    // Own text in a hand-kept list: the list's status column says open, the text says it is over.
    writeFileSync(
      file,
      'aufruf_id;titel;status;foerdergeber_ebene;beschreibung\r\nh-1;Quartiersfonds Handliste;offen;Land;Eine Antragstellung ist nicht mehr möglich.\r\n',
    );
    const env = { DATABASE_URL: server.databaseUrl, LOG_LEVEL: 'warn' };
    const imported = await runCli(['funding', 'import', file], env);
    expect(imported.code, imported.stderr).toBe(0);
    const ran = await runCli(['jobs:run'], env);
    expect(ran.code, ran.stderr).toBe(0);

    await signInViaForm(page, server.url, office);
    const queue = await (await page.request.get(`${server.url}/api/funding/review/flags`)).json();
    const item = (
      queue.items as { call_id: number; call_title: string; status_held_by_source: boolean }[]
    ).find((i) => i.call_title === 'Quartiersfonds Handliste');
    expect(item).toMatchObject({ status_held_by_source: true });

    await openPage(page, `${server.url}/funding/review`);
    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 2, name: 'Laufend oder geschlossen?' }).waitFor();
    const row = main.getByRole('row', { name: /Quartiersfonds Handliste/ });
    await row.getByText('„Eine Antragstellung ist nicht mehr möglich.“').waitFor();
    await row.getByText('nicht übernommen: die Quelle nennt open').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await row.getByRole('checkbox', { name: 'Geschlossen: Quartiersfonds Handliste' }).check();
    await row.getByRole('button', { name: 'Entscheidung speichern' }).click();
    await main.getByRole('row', { name: /Quartiersfonds Handliste/ }).waitFor({ state: 'detached' });

    const call = await (await page.request.get(`${server.url}/api/funding/calls/${item?.call_id}`)).json();
    expect(call.status ?? call.call?.status).toBe('closed');
    const decided = await (
      await page.request.get(`${server.url}/api/funding/review/flags?state=decided`)
    ).json();
    expect(decided.items).toEqual([
      expect.objectContaining({ call_id: item?.call_id, flags_review: 'confirmed', status: 'closed' }),
    ]);
  });
});
