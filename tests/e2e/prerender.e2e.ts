// The landing page is in index.html before any script runs (prerendered at build time), and the
// app then hydrates it in place; a deep link never shows it, not even while the app's script is
// still on its way. The app's script is held back with a route to look at the page meanwhile.
import { expect, test, type Page } from '@playwright/test';
import { watchPage } from './support/watchPage';

const HEADING = 'PAT: inside vs outside · policy on';
const landingHeading = (page: Page) => page.getByRole('heading', { name: HEADING });

/** Holds the app's entry script until the returned function is called. */
async function holdScript(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test('index.html itself holds the landing text and the picture, with no inline script or style', async ({
  request,
}) => {
  const html = await (await request.get('./')).text();
  const body = html.slice(html.indexOf('<body'));
  expect(body).toContain(HEADING);
  expect(body).toContain('Org policy: IP Conditional Access validation');
  const svg = body.indexOf('<svg');
  expect(svg).toBeGreaterThan(0);
  expect(body.slice(svg, body.indexOf('</svg>'))).toContain('100.64.12.7');
  // Nothing the strict CSP would refuse: every script is a file, no <style>, no style="".
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(html).not.toMatch(/<style[\s>]|\sstyle="/);
  const firstScript = body.indexOf('<script');
  expect(firstScript === -1 || firstScript > svg).toBe(true);
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });
  test('the landing page still shows its heading, picture and lanes', async ({ page }) => {
    await page.goto('./');
    await expect(landingHeading(page)).toBeVisible();
    await expect(page.locator('.pf-fence svg').first()).toBeVisible();
    await expect(page.getByTestId('fence-check')).toHaveText([
      '203.0.113.24 is in 203.0.113.0/24 → HTTP 200',
      '100.64.12.7 is not in 203.0.113.0/24 or 198.51.100.0/25 → VS403463',
    ]);
  });
});

test('the landing page paints before its script, then hydrates in place and answers clicks', async ({
  page,
  baseURL,
}) => {
  const w = watchPage(page, baseURL!);
  const release = await holdScript(page);
  await page.goto('./', { waitUntil: 'commit' });
  await expect(landingHeading(page)).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { prerendered: Element | null }).prerendered =
      document.querySelector('.pf-fence svg');
  });
  release();
  // main.ts drops the marker once the app has taken the page over.
  await expect(page.locator('#app')).not.toHaveAttribute('data-prerendered');
  // Hydrated, not redrawn: the picture is the very element index.html brought.
  expect(
    await page.evaluate(
      () =>
        (window as unknown as { prerendered: Element | null }).prerendered ===
        document.querySelector('.pf-fence svg'),
    ),
  ).toBe(true);
  const org = page.getByRole('switch', { name: /Org policy/ });
  await org.click();
  await expect(org).toHaveAttribute('aria-checked', 'false');
  expect(new URL(page.url()).hash).toBe('#/compare?policy=off');
  expect(w.errors).toEqual([]);
});

const DEEP = [
  ['player', './#/player?v=1&s=policy-on&p=cafe-pat&t=3', /Step 3 of/],
  ['embed', './#/embed?v=1&s=split-tunnel&t=2', /Step 2 of/],
  ['lesson', './#/lesson', /lesson/i],
  ['lab', './#/lab', /lab/i],
  ['rules', './#/rules', /rules/i],
  ['compare with params', './#/compare?policy=off', /policy off/],
] as const;

for (const [name, url, shown] of DEEP) {
  test(`a deep link (${name}) never shows the prerendered landing page`, async ({
    page,
    baseURL,
  }) => {
    const w = watchPage(page, baseURL!);
    const release = await holdScript(page);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForSelector('#app', { state: 'attached' });
    // The landing markup is in the page, but hidden until the app draws what the link names.
    await expect(page.locator('#app')).toBeHidden();
    release();
    await expect(page.locator('#app')).toBeVisible();
    await expect(page.locator('main')).toContainText(shown);
    if (name !== 'compare with params') await expect(landingHeading(page)).toHaveCount(0);
    expect(w.errors).toEqual([]);
  });
}

test('a chosen theme applies before the app script runs', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('pat-fence.theme', 'dark'));
  const release = await holdScript(page);
  await page.goto('./', { waitUntil: 'commit' });
  await expect(landingHeading(page)).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  release();
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
});
