// The built folder on a plain static host under a sub-path (no rewrites, strict CSP): the app,
// a deep link, the embed and the custom element's page all work from /some/sub/path/.
import { expect, test } from '@playwright/test';
// @ts-expect-error plain ESM helper shared with the lighthouse script
import { serveSubpath } from '../tools/serve-subpath.mjs';
import { watchPage } from './support/watchPage';

test.use({ reducedMotion: 'reduce' });

let server: { url: string; close(): Promise<void> };

test.beforeAll(async () => {
  server = await serveSubpath({ port: 0, prefix: '/some/sub/path/', dir: 'dist' });
});
test.afterAll(async () => server?.close());

test('the app loads from a sub-path with every asset under it', async ({ page }) => {
  const w = watchPage(page, server.url);
  const failed: string[] = [];
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  const res = await page.goto(server.url);
  expect(res!.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByRole('link', { name: 'PAT Fence' })).toBeVisible();
  await expect(page.getByTestId('fence-check').first()).toContainText('203.0.113.24');
  expect(failed).toEqual([]);
  expect(w.requests.every((u) => u.startsWith(server.url) || u.startsWith('data:'))).toBe(true);
  expect(w.errors).toEqual([]);
});

test('a deep link and its copy work from the sub-path', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${server.url}#/player?v=1&s=policy-on&p=cafe-pat&t=4`);
  await expect(page.getByRole('heading', { name: 'Kim pulls from a café' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Playback' })).toContainText('Step 4 of 5');
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(`${server.url}#/player?v=1&s=policy-on&p=cafe-pat&t=4`);
  await page.getByRole('button', { name: 'Copy embed code' }).click();
  const code = await page.evaluate(() => navigator.clipboard.readText());
  expect(code).toContain(`src="${server.url}#/embed?v=1&amp;s=policy-on`);
});

test('the embed and the element example work from the sub-path', async ({ page }) => {
  const w = watchPage(page, server.url);
  await page.goto(`${server.url}#/embed?v=1&s=policy-on&p=cafe-pat&t=5`);
  await expect(page.getByRole('region', { name: 'Outcome' })).toContainText('VS403463');
  await page.goto(`${server.url}element-example.html`);
  await expect(
    page
      .locator('pat-fence-scenario')
      .first()
      .getByRole('heading', { name: /Kim pulls/ }),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Open the full PAT Fence app' }).click();
  await expect(page).toHaveURL(server.url);
  await expect(page.getByTestId('fence-check').first()).toContainText('203.0.113.24');
  expect(w.errors).toEqual([]);
  expect(w.foreign).toEqual([]);
});
