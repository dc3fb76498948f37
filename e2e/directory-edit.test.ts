import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OfficeSession, openOfficeSession } from './helpers/office-session.js';
import { openPage } from './helpers/pages.js';
import type { RunningServer } from './helpers/server.js';

let session: OfficeSession;
let server: RunningServer;
let page: Page;
let officeOrg = 0;

beforeAll(async () => {
  session = await openOfficeSession();
  ({ server, page, officeOrg } = session);
});

afterAll(() => session?.close());

const noViolations = () => session.noViolations();
const csrf = () => session.csrf();

describe('the office edits its directory: membership, address, field of action, body', () => {
  it('edits a membership: role and how precise its start is; a concurrent change shows "changed meanwhile"', async () => {
    await openPage(page, `${server.url}/organizations/${officeOrg}`);
    await page.getByRole('link', { name: /als Geschäftsführung bearbeiten$/ }).click();
    await page
      .getByRole('heading', { level: 1, name: /^Mitgliedschaft bearbeiten: .* – Regionalmanagement/ })
      .waitFor();
    expect(await page.getByRole('textbox', { name: 'Funktion' }).inputValue()).toBe('Geschäftsführung');
    expect(await page.getByLabel('Beginn', { exact: true }).inputValue()).toBe('2018-06-01');
    await noViolations();

    // Someone else changes the same membership meanwhile: saving the stale version is refused.
    const detail = await (await page.request.get(`${server.url}/api/organizations/${officeOrg}`)).json();
    const m = detail.memberships.find((x: { role: string }) => x.role === 'Geschäftsführung');
    const elsewhere = await page.request.patch(`${server.url}/api/memberships/${m.id}`, {
      headers: { 'x-csrf-token': await csrf() },
      data: { note: 'anderswo geändert', version: m.version },
    });
    expect(elsewhere.status()).toBe(200);
    await page.getByRole('textbox', { name: 'Funktion' }).fill('Geschäftsführung (E2E)');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page
      .getByRole('alert')
      .getByText(/inzwischen geändert/)
      .waitFor();
    await noViolations();

    await page.getByRole('button', { name: 'Neu laden' }).click();
    await page.getByRole('heading', { level: 1, name: /^Mitgliedschaft bearbeiten/ }).waitFor();
    await expect.poll(() => page.getByLabel('Notiz').inputValue()).toBe('anderswo geändert');
    await page.getByRole('textbox', { name: 'Funktion' }).fill('Geschäftsführung (E2E)');
    await page.getByRole('textbox', { name: 'Genauigkeit des Beginns' }).click();
    await page.getByRole('option', { name: 'Monat' }).click();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { level: 1, name: /^Regionalmanagement/ }).waitFor();
    const row = page.getByRole('row', { name: /Geschäftsführung \(E2E\)/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('seit Juni 2018');
    const stored = await (await page.request.get(`${server.url}/api/organizations/${officeOrg}`)).json();
    expect(stored.memberships.find((x: { id: number }) => x.id === m.id)).toMatchObject({
      role: 'Geschäftsführung (E2E)',
      startDate: '2018-06-01',
      startPrecision: 'month',
      note: 'anderswo geändert',
      version: m.version + 2,
    });
  });

  it('adds an address valid from a date, with validation, and later ends it', async () => {
    await openPage(page, `${server.url}/organizations/${officeOrg}`);
    const addresses = page.getByRole('region', { name: 'Anschriften' });
    const before = await addresses.getByRole('listitem').count();
    await page.getByRole('button', { name: 'Anschrift hinzufügen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Anschrift hinzufügen' });
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.getByText('Bitte geben Sie Straße oder Ort ein.').waitFor();
    await noViolations();
    await dialog.getByLabel('Straße und Hausnummer').fill('Beispielweg 7');
    await dialog.getByLabel('Postleitzahl').fill('4021');
    await dialog.getByLabel('Ort', { exact: true }).fill('Düsseldorf');
    await dialog.getByLabel('Gültig ab', { exact: true }).fill('2026-02-01');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.getByText('Die Postleitzahl hat fünf Ziffern.').waitFor();
    await dialog.getByLabel('Postleitzahl').fill('40210');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    const card = addresses.getByRole('listitem').filter({ hasText: 'Beispielweg 7' });
    await card.waitFor();
    expect(await addresses.getByRole('listitem').count()).toBe(before + 1);
    expect(await card.textContent()).toMatch(/40210 Düsseldorf.*seit 01\.02\.2026/);

    await card.getByRole('button', { name: 'Anschrift Beispielweg 7, 40210 Düsseldorf bearbeiten' }).click();
    const edit = page.getByRole('dialog', { name: 'Anschrift bearbeiten' });
    expect(await edit.getByLabel('Straße und Hausnummer').inputValue()).toBe('Beispielweg 7');
    await edit.getByLabel('Gültig bis', { exact: true }).fill('2026-01-31');
    await edit.getByRole('button', { name: 'Speichern' }).click();
    await edit.getByText('Das Enddatum darf nicht vor dem Beginn liegen.').waitFor();
    await noViolations();
    await edit.getByLabel('Gültig bis', { exact: true }).fill('2026-12-31');
    await edit.getByRole('button', { name: 'Speichern' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect.poll(() => card.textContent()).toMatch(/01\.02\.2026 – 31\.12\.2026/);
  });

  it('creates a field of action with term rules, shows all of them and says that re-classification is queued', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Handlungsfelder' }).click();
    await page.getByRole('heading', { level: 1, name: 'Handlungsfelder' }).waitFor();
    await page.getByRole('button', { name: 'Neues Handlungsfeld' }).click();
    const dialog = page.getByRole('dialog', { name: 'Neues Handlungsfeld' });
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.getByText('Bitte geben Sie einen Namen ein.').waitFor();
    await noViolations();
    // More terms than the page used to show (12): every one must be listed.
    const terms = Array.from({ length: 14 }, (_, i) => `Radbegriff${i + 1}`);
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Radverkehr E2E');
    await dialog.getByLabel('Übergeordnetes Handlungsfeld').click();
    await page.getByRole('option', { name: /Verkehr \(inkl\. Mobilität/ }).click();
    await dialog.getByLabel('Begriffe (ein Wort je Zeile)').fill(['Radschnellweg', ...terms].join('\n'));
    await dialog.getByLabel('Wortgruppen (eine je Zeile)').fill('sicherer Radweg');
    await dialog.getByLabel('Ausschlüsse (einer je Zeile)').fill('Motorrad');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    const status = page.getByRole('status').filter({ hasText: 'Gespeichert: Radverkehr E2E' });
    await status.waitFor();
    expect(await status.textContent()).toMatch(/neu eingeordnet.*eingereiht/s);

    const listed = page.getByRole('list', { name: 'Begriffe von Radverkehr E2E' }).getByRole('listitem');
    expect(await listed.allTextContents()).toEqual(['Radschnellweg', ...terms]);
    expect(
      await page
        .getByRole('list', { name: 'Ausschlüsse von Radverkehr E2E' })
        .getByRole('listitem')
        .allTextContents(),
    ).toEqual(['– Motorrad']);
    // It sits below its parent, and the job it queued is the reclassify job.
    const parentItem = page.getByRole('listitem').filter({ hasText: /^Verkehr \(inkl\. Mobilität/ });
    expect(await parentItem.getByText('Radverkehr E2E').count()).toBe(1);
    const tree = await (await page.request.get(`${server.url}/api/fields-of-action`)).json();
    const flat = (nodes: Array<{ name: string; children: unknown[] }>): Array<{ name: string }> =>
      nodes.flatMap((n) => [n, ...flat(n.children as typeof nodes)]);
    expect(flat(tree.items).find((f) => f.name === 'Radverkehr E2E')).toMatchObject({
      rules: { terms: ['Radschnellweg', ...terms], phrases: ['sicherer Radweg'], exclusions: ['Motorrad'] },
    });
    await noViolations();

    // Editing opens with the stored rules, one per line.
    await page.getByRole('button', { name: 'Handlungsfeld Radverkehr E2E bearbeiten' }).click();
    const edit = page.getByRole('dialog', { name: 'Handlungsfeld bearbeiten: Radverkehr E2E' });
    expect(await edit.getByLabel('Ausschlüsse (einer je Zeile)').inputValue()).toBe('Motorrad');
    await edit.getByLabel('Ausschlüsse (einer je Zeile)').fill('Motorrad\nMotorradstrecke');
    await edit.getByRole('button', { name: 'Speichern' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect
      .poll(() =>
        page
          .getByRole('list', { name: 'Ausschlüsse von Radverkehr E2E' })
          .getByRole('listitem')
          .allTextContents(),
      )
      .toEqual(['– Motorrad', '– Motorradstrecke']);
  });

  it('finds a body by name and edits it; an AGS of the wrong length or Kreis is refused', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Gebietskörperschaften' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gebietskörperschaften' }).waitFor();
    await page.getByRole('searchbox', { name: 'Suche' }).fill('hilden');
    await page.getByRole('searchbox', { name: 'Suche' }).press('Enter');
    await page.waitForURL(/q=hilden/);
    const rows = page.getByRole('main').getByRole('table').getByRole('row');
    await expect.poll(() => rows.count()).toBe(3); // header, Kreis Mettmann, Hilden
    expect(await rows.nth(2).textContent()).toContain('05158016');
    await noViolations();

    await page.getByRole('button', { name: 'Hilden bearbeiten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gebietskörperschaft bearbeiten: Hilden' });
    const ags = dialog.getByLabel('Amtlicher Gemeindeschlüssel (AGS)');
    expect(await ags.inputValue()).toBe('05158016');
    await ags.fill('0515801');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.getByText('Der AGS hat 8 Ziffern.').waitFor();
    await noViolations();
    // Eight digits, but of another Kreis: the server refuses it and says why, in German.
    await ags.fill('05162016');
    await dialog.getByLabel('Amtlicher Regionalschlüssel (ARS)').fill('051620016016');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog
      .getByRole('alert')
      .getByText('Der AGS einer Stadt in diesem Kreis beginnt mit 05158')
      .waitFor();
    await noViolations();

    await ags.fill('05158016');
    await dialog.getByLabel('Amtlicher Regionalschlüssel (ARS)').fill('051580016016');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Hilden (geändert)');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('rowheader', { name: 'Hilden (geändert)' }).waitFor();
    const audit = await (await page.request.get(`${server.url}/api/bodies`)).json();
    const kreis = audit.items.find((b: { ags: string }) => b.ags === '05158');
    expect(kreis.children.find((b: { ags: string }) => b.ags === '05158016')).toMatchObject({
      name: 'Hilden (geändert)',
      version: 2,
    });
  });
});
