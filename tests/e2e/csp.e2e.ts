// The built app under the strict CSP header: every view, the embed and the custom element's page
// load and work (play, exports) with zero console errors (a CSP violation is a console error),
// and no request ever leaves the app's origin.
import { expect, test } from '@playwright/test';
import { watchPage } from './support/watchPage';

test.use({ reducedMotion: 'reduce' });

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";

const PAGES = [
  ['home', './'],
  ['player deep link', './#/player?v=1&s=policy-on&p=cafe-pat&t=3'],
  ['lesson', './#/lesson'],
  ['lab', './#/lab'],
  ['embed', './#/embed?v=1&s=split-tunnel&t=2'],
  ['embed via param', './#/player?v=1&s=ssh-key&embed=1'],
  ['element example', './element-example.html'],
  ['tampered link', './#/player?v=7&s=%ff%fe&t=x'],
] as const;

for (const [name, url] of PAGES) {
  test(`${name}: strict CSP, no console errors, no foreign requests`, async ({ page, baseURL }) => {
    const w = watchPage(page, baseURL!);
    const violations: string[] = [];
    await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __cspViolation(v: string): void }).__cspViolation(
          `${e.violatedDirective} ${e.blockedURI}`,
        ),
      ),
    );
    const res = await page.goto(url);
    expect(res!.headers()['content-security-policy']).toBe(CSP);
    await expect(page.locator('body')).not.toBeEmpty();
    // Play whatever is on screen to its end, if there is a player.
    const play = page.getByRole('button', { name: 'Play', exact: true }).first();
    if (await play.count()) {
      await play.click();
      await page.getByRole('button', { name: 'Step forward' }).first().click();
    }
    await page.waitForTimeout(1200);
    expect(violations).toEqual([]);
    expect(w.errors).toEqual([]);
    expect(w.foreign).toEqual([]);
  });
}

test('exports under the CSP: the PNG is drawn from a data: URL without a violation', async ({
  page,
  baseURL,
}) => {
  const w = watchPage(page, baseURL!);
  await page.goto('./#/player?v=1&s=policy-on&p=cafe-pat&t=5');
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download PNG' }).click(),
  ]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  expect(w.errors).toEqual([]);
  expect(w.foreign).toEqual([]);
});

test('no HTML is injected from user-controlled text: markup in a link stays text', async ({
  page,
}) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto('./#/%3Cimg%20src=x%20onerror=alert(1)%3E?s=%3Cb%3Ebold%3C/b%3E');
  await expect(page.getByRole('status').first()).toBeVisible();
  expect(await page.locator('main img[src="x"], main b').count()).toBe(0);
  expect(dialogs).toBe(0);
});
