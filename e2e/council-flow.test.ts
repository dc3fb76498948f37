import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../src/app/schema.js';
import { openDatabase } from '../src/infra/db/connect.js';
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
    // A synced paper's number comes from the council system's OParl record.
    const reference = page
      .getByRole('term')
      .filter({ hasText: 'Vorlagen-Nr.' })
      .locator('xpath=following-sibling::dd[1]');
    expect(await reference.getByTitle('Quelle: OParl').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows the parsed Vorlage fields, its fields of action with the matched words and its impacts', async () => {
    const database = openDatabase<DB>(server.databaseUrl);
    const seed = await database.db
      .selectFrom('council_papers')
      .select('id')
      .where('reference', '=', '10/036/2018')
      .executeTakeFirstOrThrow();
    await database.close();
    await openPage(page, `${server.url}/council/papers/${seed.id}`);
    await page.getByRole('heading', { level: 1, name: /Vorstellung des Regionalmanagements/ }).waitFor();
    const fact = (label: string) =>
      page.getByRole('term').filter({ hasText: label }).locator('xpath=following-sibling::dd[1]');
    // Each value carries a mark naming its source: the seed paper was read from its text.
    const valueAndSource = async (label: string) => (await fact(label).innerText()).replace(/\s+/g, ' ');
    expect(await valueAndSource('Fachbereich')).toMatch(
      /^Amt für Digitalisierung, Organisation, Wirtschaftsförderung, Kultur und Tourismus ?Vorlagentext$/,
    );
    expect(await valueAndSource('Bearbeitung')).toMatch(/^Girard, Marcel ?Vorlagentext$/);
    expect(await valueAndSource('Aktenzeichen')).toMatch(/^10-32 ?Vorlagentext$/);
    expect(await fact('Fachbereich').getByTitle('Quelle: Vorlagentext').count()).toBe(1);
    // Checkbox states are lost in the extracted text: every impact is "nicht erkennbar", never a guess.
    await page.getByRole('heading', { level: 2, name: 'Auswirkungen' }).waitFor();
    expect(await fact('Finanzielle Auswirkungen').innerText()).toBe('nicht erkennbar');
    await page.getByRole('heading', { level: 2, name: 'Handlungsfelder' }).waitFor();
    const fields = page.getByRole('listitem').filter({ hasText: 'Gefunden:' });
    expect(await fields.count()).toBeGreaterThan(0);
    const timeline = page.getByRole('list', { name: 'Beratungsfolge, nach Datum' });
    const steps = timeline.getByRole('listitem');
    expect(await steps.count()).toBe(1);
    expect(await steps.first().innerText()).toContain('Beratungsart: Kenntnisnahme');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows the Beratungsfolge as an ordered timeline with dates, roles and results, and the meeting with its agenda', async () => {
    const database = openDatabase<DB>(server.databaseUrl);
    const decided = await database.db
      .selectFrom('council_consultations as c')
      .innerJoin('council_agenda_items as a', 'a.oparl_id', 'c.agenda_item_oparl_id')
      .innerJoin('council_papers as p', 'p.oparl_id', 'c.paper_oparl_id')
      .innerJoin('council_meetings as m', 'm.oparl_id', 'c.meeting_oparl_id')
      .select(['p.id', 'p.name', 'a.result', 'a.number', 'm.id as meeting', 'm.name as meeting_name'])
      .where('a.result', 'is not', null)
      .where('p.is_public', '=', 1)
      .where('a.is_public', '=', 1)
      .orderBy('p.id')
      .executeTakeFirstOrThrow();
    const agenda = await database.db
      .selectFrom('council_agenda_items as a')
      .innerJoin('council_meetings as m', 'm.oparl_id', 'a.meeting_oparl_id')
      .select('a.id')
      .where('m.id', '=', decided.meeting)
      .where('a.is_public', '=', 1)
      .where('a.deleted', '=', 0)
      .execute();
    await database.close();
    await openPage(page, `${server.url}/council/papers/${decided.id}`);
    const timeline = page.getByRole('list', { name: 'Beratungsfolge, nach Datum' });
    expect(await timeline.evaluate((el) => el.tagName)).toBe('OL');
    const step = timeline.getByRole('listitem').filter({ hasText: `Ergebnis: ${decided.result}` });
    expect(await step.count()).toBeGreaterThan(0);
    expect(await step.first().innerText()).toContain(`TOP ${decided.number}`);
    expect(await step.first().locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const dates = await timeline
      .locator('time')
      .evaluateAll((ts) => ts.map((x) => x.getAttribute('datetime') ?? ''));
    expect([...dates].sort()).toEqual(dates);
    expect(await axeViolations(page)).toEqual([]);

    await step
      .first()
      .getByRole('link', { name: decided.meeting_name ?? '' })
      .click();
    await page.getByRole('heading', { level: 1, name: decided.meeting_name ?? '' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Tagesordnung' }).waitFor();
    const rows = page.getByRole('table').first().getByRole('row');
    expect(await rows.count()).toBe(agenda.length + 1);
    const decidedRow = rows.filter({ hasText: decided.result ?? '' }).first();
    expect(await decidedRow.getByRole('cell').first().innerText()).toBe(decided.number ?? '');
    expect(await axeViolations(page)).toEqual([]);
    // From the agenda back to the paper.
    await rows.getByRole('link').first().click();
    await page.getByRole('heading', { level: 2, name: 'Beratungsfolge' }).waitFor();
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
