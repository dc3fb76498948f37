import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Opens a path and waits until the page has rendered its h1 and finished loading data. */
export async function openPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page
    .getByText(/Wird geladen|Loading/)
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
}

/** Every link of the main navigation (paths), as the current user sees it. */
export async function navPaths(page: Page): Promise<string[]> {
  const hrefs = await page
    .getByRole('navigation', { name: /Hauptnavigation|Main navigation/ })
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter((h) => h.startsWith('/')))];
}

/** The id of the first organisation whose name matches, via the public API the UI uses. */
export async function organizationId(page: Page, baseUrl: string, q: string): Promise<number> {
  const res = await page.request.get(`${baseUrl}/api/organizations?q=${encodeURIComponent(q)}&limit=1`);
  const body = (await res.json()) as { items: Array<{ id: number }> };
  if (!body.items[0]) throw new Error(`no organisation matches ${q}`);
  return body.items[0].id;
}

/** A fresh browser context (own cookies and storage) with a page that fails fast instead of after 30 s. */
export async function freshPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  return { context, page };
}

/** Waits for running CSS transitions (a modal fading in) so axe measures the final colours. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
  );
}
