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

describe('relations between organisations on the organisation page', () => {
  it('shows the office’s dated relations both ways, with links; the other side shows them too', async () => {
    await openPage(page, `${server.url}/organizations/${officeOrg}`);
    const section = page.getByRole('region', { name: 'Beziehungen zu anderen Organisationen' });
    const nrw = section.getByRole('row', { name: /Mitglied von.*regionen\.NRW/ });
    await nrw.waitFor();
    expect(await nrw.textContent()).toContain('seit Juni 2017');
    const partners = section.getByRole('row', { name: /hat als Partner/ });
    expect(await partners.count()).toBe(3);
    expect(await partners.first().textContent()).toContain('seit März 2017');
    await noViolations();

    await nrw.getByRole('link', { name: 'regionen.NRW' }).click();
    await page.getByRole('heading', { level: 1, name: 'regionen.NRW' }).waitFor();
    const back = page
      .getByRole('region', { name: 'Beziehungen zu anderen Organisationen' })
      .getByRole('row', { name: /hat als Mitglied.*Regionalmanagement/ });
    await back.waitFor();
    await noViolations();
  });

  it('adds, edits (with "changed meanwhile") and ends a relation', async () => {
    await openPage(page, `${server.url}/organizations/${officeOrg}`);
    await page.getByRole('button', { name: 'Beziehung hinzufügen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Beziehung hinzufügen' });
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.getByText('Bitte wählen Sie die andere Organisation.').waitFor();
    await noViolations();
    await dialog.getByRole('textbox', { name: 'Andere Organisation' }).fill('IHK');
    await page.getByRole('option', { name: /IHK Düsseldorf/ }).click();
    await dialog.getByRole('textbox', { name: 'Art der Beziehung' }).click();
    await page.getByRole('option', { name: 'Partner von' }).click();
    await dialog.getByLabel('Rolle (wie die Quelle sie nennt)').fill('Kooperation E2E');
    await dialog.getByLabel('Beginn', { exact: true }).fill('2025-03-01');
    await dialog.getByRole('textbox', { name: 'Genauigkeit des Beginns' }).click();
    await page.getByRole('option', { name: 'Monat' }).click();
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    const section = page.getByRole('region', { name: 'Beziehungen zu anderen Organisationen' });
    const row = section.getByRole('row', { name: /Kooperation E2E/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Partner von.*IHK Düsseldorf.*seit März 2025/);

    // Someone else changes it meanwhile: saving the stale version is refused with 409.
    const detail = await (await page.request.get(`${server.url}/api/organizations/${officeOrg}`)).json();
    const rel = detail.relations.find((r: { role: string }) => r.role === 'Kooperation E2E');
    await page.getByRole('button', { name: 'Beziehung zu IHK Düsseldorf bearbeiten' }).last().click();
    const edit = page.getByRole('dialog', { name: 'Beziehung bearbeiten' });
    const elsewhere = await page.request.patch(`${server.url}/api/organization-relations/${rel.id}`, {
      headers: { 'x-csrf-token': await csrf() },
      data: { note: 'anderswo geändert', version: rel.version },
    });
    expect(elsewhere.status()).toBe(200);
    await edit.getByLabel('Rolle (wie die Quelle sie nennt)').fill('Kooperation E2E (geändert)');
    await edit.getByRole('button', { name: 'Speichern' }).click();
    await edit
      .getByRole('alert')
      .getByText(/inzwischen geändert/)
      .waitFor();
    await noViolations();
    await edit.getByRole('button', { name: 'Abbrechen' }).click();
    await edit.waitFor({ state: 'detached' });
    await section.getByText('anderswo geändert').waitFor();
    await page.getByRole('button', { name: 'Beziehung zu IHK Düsseldorf bearbeiten' }).last().click();
    const again = page.getByRole('dialog', { name: 'Beziehung bearbeiten' });
    await again.getByLabel('Rolle (wie die Quelle sie nennt)').fill('Kooperation E2E (geändert)');
    await again.getByRole('button', { name: 'Speichern' }).click();
    await again.waitFor({ state: 'detached' });
    const changed = section.getByRole('row', { name: /Kooperation E2E \(geändert\)/ });
    await changed.waitFor();

    await changed.getByRole('button', { name: 'Beziehung zu IHK Düsseldorf beenden' }).click();
    const end = page.getByRole('dialog', { name: 'Beziehung beenden' });
    await end.getByLabel('Enddatum').fill('2025-01-31');
    await end.getByRole('button', { name: 'Beenden' }).click();
    await end.getByText('Das Enddatum darf nicht vor dem Beginn liegen.').waitFor();
    await noViolations();
    await end.getByLabel('Enddatum').fill('2026-01-31');
    await end.getByRole('button', { name: 'Beenden' }).click();
    await end.waitFor({ state: 'detached' });
    await expect.poll(() => changed.textContent()).toMatch(/beendet.*März 2025 – 31\.01\.2026/);

    // (the audit rows of each step are checked in relations.test.ts; the audit log is for admins)
    const stored = await (await page.request.get(`${server.url}/api/organizations/${officeOrg}`)).json();
    expect(stored.relations.find((r: { id: number }) => r.id === rel.id)).toMatchObject({
      role: 'Kooperation E2E (geändert)',
      note: 'anderswo geändert',
      endDate: '2026-01-31',
      ended: true,
      version: rel.version + 3,
    });
  });
});
