// Deep links: a link reproduces the exact player state (scenario, play, switches, step) without
// playing; tampered links fall back with a notice; Back/Forward move between choices; Copy link,
// the SVG/PNG downloads and the Mermaid copy reproduce the step on screen; a real-looking token
// pasted anywhere is refused and never stored.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { watchPage } from './support/watchPage';

test.use({ reducedMotion: 'reduce' });

const KIM = '#/player?v=1&s=policy-on&p=cafe-pat&t=4';
const LEGACY_PAT = 'k3v7q2mzx4pbnw5ryt6hgacd2lsfe7jo4iuq3vbnmx5zkw6pyr2t';

const scenarioBox = (page: Page) => page.getByRole('combobox', { name: /^Scenario/ });
const position = (page: Page) =>
  page.getByRole('group', { name: 'Playback' }).getByText(/^Step \d+ of \d+$/);

test('a deep link opens exactly that state, paused on that step', async ({ page, baseURL }) => {
  const w = watchPage(page, baseURL!);
  await page.goto(`./${KIM}`);
  await expect(scenarioBox(page)).toHaveValue('policy-on');
  await expect(page.getByRole('heading', { name: 'Kim pulls from a café' })).toBeVisible();
  await expect(position(page)).toHaveText('Step 4 of 5');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await page.waitForTimeout(1500); // no autoplay: still on step 4
  await expect(position(page)).toHaveText('Step 4 of 5');
  await expect(page.getByRole('region', { name: 'Outcome' })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /link/ })).toHaveCount(0);
  expect(w.errors).toEqual([]);
});

test('switches and the last step come back from a link: web sign-in, org policy off', async ({
  page,
}) => {
  await page.goto('./#/player?v=1&s=policy-on&p=cafe-pat&o=0&f=web&t=99');
  await expect(page.getByRole('switch', { name: /Org policy/ })).toHaveAttribute(
    'aria-checked',
    'false',
  );
  await expect(page.getByRole('button', { name: 'Web sign-in' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByRole('region', { name: 'Outcome' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /past the end/ })).toBeVisible();
});

test('the address bar follows the player, and Copy link gives the same state elsewhere', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./#/player');
  await scenarioBox(page).selectOption('policy-on');
  await page.getByRole('button', { name: 'Kim pulls from a café' }).click();
  await page
    .getByRole('button', { name: 'Pause' })
    .click()
    .catch(() => {});
  await page.getByRole('button', { name: 'Restart' }).click();
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(position(page)).toHaveText('Step 3 of 5');
  expect(new URL(page.url()).hash).toBe('#/player?v=1&s=policy-on&p=cafe-pat&t=3');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Copied')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#\/player\?v=1&s=policy-on&p=cafe-pat&t=3$/);
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByRole('heading', { name: 'Kim pulls from a café' })).toBeVisible();
  await expect(position(other)).toHaveText('Step 3 of 5');
});

test('Back and Forward move between the choices made', async ({ page }) => {
  // Real clicks: Chrome lets Back skip entries that were added without a user gesture.
  await page.goto('./#/player?v=1&s=policy-on&p=office-pat');
  await page.getByRole('button', { name: 'Kim pulls from a café' }).click();
  await expect(page.getByRole('heading', { name: 'Kim pulls from a café' })).toBeVisible();
  await page.getByRole('button', { name: 'Web sign-in' }).click();
  await expect(page).toHaveURL(/p=cafe-pat&f=web/);
  await page.goBack();
  await expect(page).toHaveURL(/p=cafe-pat(&t=\d)?$/);
  await expect(page.getByRole('button', { name: 'PAT (git, REST)' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Dana pushes from the office' })).toBeVisible();
  await expect(scenarioBox(page)).toHaveValue('policy-on');
  await page.goForward();
  await expect(page.getByRole('heading', { name: 'Kim pulls from a café' })).toBeVisible();
});

for (const [name, hash, notice] of [
  ['an unknown scenario', '#/player?v=1&s=no-such-scenario&t=2', /scenario does not exist/],
  ['an unknown play', '#/player?v=1&s=policy-on&p=nope', /play is not in this scenario/],
  ['a bad step', '#/player?v=1&s=policy-on&t=minus-one', /step/],
  ['a future version', '#/player?v=99&s=policy-on&zz=1', /version 99/],
  ['garbage', '#/player?v=1&s=%3Cscript%3Ealert(1)%3C%2Fscript%3E&f=%00%ff', /not a valid name/],
  ['a malformed escape', '#/%E0%A4%A?x', /page PAT Fence does not have/],
  ['an unknown view', '#/admin?s=policy-on', /page PAT Fence does not have/],
] as const) {
  test(`a link with ${name} falls back with a notice`, async ({ page, baseURL }) => {
    const w = watchPage(page, baseURL!);
    await page.goto(`./${hash}`);
    await expect(page.getByRole('status').filter({ hasText: notice })).toBeVisible();
    await expect(page.getByRole('img').first()).toBeVisible();
    await expect(scenarioBox(page)).not.toHaveValue('');
    expect(page.url()).not.toContain(LEGACY_PAT);
    expect(w.errors).toEqual([]);
  });
}

test('a link with a token in it: the param leaves the address bar, with the warning', async ({
  page,
  baseURL,
}) => {
  const w = watchPage(page, baseURL!);
  await page.goto(`./#/player?v=1&s=${LEGACY_PAT}`);
  await expect(
    page.getByRole('alert').filter({ hasText: 'That looks like a real access token' }),
  ).toContainText('the link');
  await expect(page.getByRole('img').first()).toBeVisible();
  await expect(scenarioBox(page)).not.toHaveValue('');
  expect(page.url()).not.toContain(LEGACY_PAT);
  expect(w.errors).toEqual([]);
});

test('exports: SVG with colours inlined, PNG, and Mermaid of the step on screen', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`./${KIM.replace('t=4', 't=5')}`);
  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  expect(svgDownload.suggestedFilename()).toBe('pat-fence-policy-on-cafe-pat-step5.svg');
  const svg = readFileSync((await svgDownload.path())!, 'utf8');
  expect(svg).toContain('<svg');
  expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(svg).not.toContain('var(');
  expect(svg).toMatch(/fill="rgb\(/);
  expect(svg).toContain('VS403463');

  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download PNG' }).click(),
  ]);
  expect(pngDownload.suggestedFilename()).toBe('pat-fence-policy-on-cafe-pat-step5.png');
  const png = readFileSync((await pngDownload.path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.length).toBeGreaterThan(5000);

  await page.getByRole('button', { name: 'Copy Mermaid' }).click();
  const mermaid = await page.evaluate(() => navigator.clipboard.readText());
  expect(mermaid).toContain('graph LR');
  expect(mermaid).toContain('%% Step 5 of 5.');
  expect(mermaid).toContain('outcome("Blocked — HTTP 403 · VS403463")');
});

test('Copy falls back to a selectable box when the clipboard is refused', async ({ page }) => {
  await page.goto(`./${KIM}`);
  await page.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('denied')) },
    });
  });
  await page.getByRole('button', { name: 'Copy Mermaid' }).click();
  await expect(page.getByRole('textbox', { name: /Copy Mermaid/ })).toHaveValue(/graph LR/);
});

test('a real-looking token pasted anywhere is refused, flagged and never stored', async ({
  page,
}) => {
  await page.goto(`./${KIM}`);
  // A paste on the page itself, and typing into a field (the lab and lesson have fields).
  await page.evaluate((token) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', `my pat is ${token}`);
    document.body.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
    );
  }, LEGACY_PAT);
  const alert = page.getByRole('alert').filter({ hasText: 'Never paste real tokens' });
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);

  await page.evaluate(() => {
    const input = document.createElement('input');
    input.setAttribute('aria-label', 'Probe');
    document.querySelector('main')!.prepend(input);
  });
  const probe = page.getByRole('textbox', { name: 'Probe' });
  await probe.fill(`x ${LEGACY_PAT}`);
  await expect(probe).toHaveValue('x [token removed]');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Never paste real tokens' }),
  ).toBeVisible();

  expect(page.url()).not.toContain(LEGACY_PAT);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  expect(stored).not.toContain(LEGACY_PAT);
});
