// The build-the-fence challenges in the lab: the goal is checked live, hint, solution and reset
// work, and solved levels are kept with the lesson's progress across a reload.
import { expect, test } from '@playwright/test';
import { press } from './support/keyboard';

test('a challenge: hint, solution, reset, and progress that survives a reload', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./#/lab?tab=challenges');
  const title = "Keep Kim's café PAT out, let Lee in over the VPN";
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await expect(page.getByText('Some challenges could not be loaded')).toHaveCount(0);
  const goal = page.getByRole('list', { name: 'Goal' });
  await expect(goal.getByRole('listitem')).toHaveCount(3);
  await expect(page.getByRole('status').filter({ hasText: 'of 3 goal requests' })).toBeVisible();
  await press(page, 'Hint');
  await expect(page.getByText(/^Hint:/)).toBeVisible();
  await press(page, 'Show the solution');
  await expect(page.getByText('A minimal solution (applied):')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Solved!' })).toBeVisible();
  await expect(page.getByText('1 of 6 solved')).toBeVisible();
  await press(page, 'Reset this challenge');
  await expect(page.getByRole('status').filter({ hasText: 'goal requests' })).toBeVisible();
  await page.reload();
  await expect(page.getByText('1 of 6 solved')).toBeVisible();
  // The next unsolved level opens first.
  await expect(page.getByRole('heading', { level: 2, name: 'Close the IPv6 gap' })).toBeVisible();
  const stored = await page.evaluate(() => localStorage.getItem('pat-fence.lesson.v1'));
  expect(JSON.parse(stored!).challenges).toEqual(['cafe-vpn']);
  expect(errors).toEqual([]);
});
