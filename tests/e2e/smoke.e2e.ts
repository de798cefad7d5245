// The built app loads under the strict CSP with no console errors and no request to another origin.
import { expect, test } from '@playwright/test';

test('the app loads with no console errors and no foreign requests', async ({ page, baseURL }) => {
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith(baseURL!) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  await page.goto('./');
  await expect(page.getByRole('banner')).toContainText('PAT Fence');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
});
