// Issue 14, item 2: the player loads scenarios one by one. A deep link fetches only the scenario
// it names; picking another fetches that one then; a scenario whose file does not arrive
// (offline) leaves the player as it was, says so, and loads when picked again; Back re-opens a
// scenario from its link.
import { expect, test, type Page } from '@playwright/test';

test.use({ reducedMotion: 'reduce' });

const CHUNK = /\/assets\/scenario-([a-z0-9-]+)-[A-Za-z0-9_-]+\.js$/;

/** The scenario files the page has asked for, by scenario id. */
function scenarioRequests(page: Page): string[] {
  const ids: string[] = [];
  page.on('request', (r) => {
    const m = CHUNK.exec(new URL(r.url()).pathname);
    if (m) ids.push(m[1]!);
  });
  return ids;
}

const box = (page: Page) => page.getByRole('combobox', { name: /^Scenario/ });

test('the landing page loads no scenario file; a deep link loads only its own', async ({
  page,
}) => {
  const asked = scenarioRequests(page);
  await page.goto('./');
  await expect(page.getByTestId('fence-check')).toHaveCount(2);
  expect(asked).toEqual([]);

  await page.goto('./#/player?v=1&s=ssh-key');
  await expect(box(page)).toHaveValue('ssh-key');
  await expect(page.locator('h2.title')).toBeVisible();
  expect(asked).toEqual(['ssh-key']);
  // Every scenario is listed by its title, loaded or not.
  expect(await box(page).locator('option').count()).toBeGreaterThan(10);
});

test('picking a scenario loads it then; Back re-opens the one before', async ({ page }) => {
  const asked = scenarioRequests(page);
  await page.goto('./#/player?v=1&s=policy-off');
  await expect(box(page)).toHaveValue('policy-off');
  expect(asked).toEqual(['policy-off']);

  await box(page).selectOption('split-tunnel');
  await expect(box(page)).not.toHaveAttribute('aria-busy', 'true');
  await expect(box(page)).toHaveValue('split-tunnel');
  await expect(page).toHaveURL(/s=split-tunnel/);
  expect(asked).toEqual(['policy-off', 'split-tunnel']);

  await page.goBack();
  await expect(page).toHaveURL(/s=policy-off/);
  await expect(box(page)).toHaveValue('policy-off');
  // Already loaded: not fetched again.
  expect(asked).toEqual(['policy-off', 'split-tunnel']);
});

test('a scenario whose file does not arrive leaves the player as it was, and says so', async ({
  page,
}) => {
  await page.goto('./#/player?v=1&s=policy-off');
  await expect(box(page)).toHaveValue('policy-off');
  const title = page.locator('h2.title');
  const heading = await title.textContent();

  await page.route(CHUNK, (route) =>
    CHUNK.exec(new URL(route.request().url()).pathname)?.[1] === 'ipv6-gap'
      ? route.abort('internetdisconnected')
      : route.continue(),
  );
  await box(page).selectOption('ipv6-gap');
  const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('the connection may be down');
  await expect(box(page)).toHaveValue('policy-off');
  await expect(page).toHaveURL(/s=policy-off/);
  await expect(title).toHaveText(heading ?? '');

  // Back online: picking it again loads it, and the message goes.
  await page.unroute(CHUNK);
  await box(page).selectOption('ipv6-gap');
  await expect(box(page)).toHaveValue('ipv6-gap');
  await expect(page).toHaveURL(/s=ipv6-gap/);
  await expect(alert).toHaveCount(0);
});

test('a deep link whose scenario file does not arrive says so instead of a blank page', async ({
  page,
}) => {
  await page.route(CHUNK, (route) => route.abort('internetdisconnected'));
  await page.goto('./#/player?v=1&s=ssh-key');
  await expect(page.getByRole('alert').filter({ hasText: 'could not be loaded' })).toHaveText(
    'The player could not be loaded. Reload the page to try again.',
  );
});
