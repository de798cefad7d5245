// The <pat-fence-scenario> custom element on its example page, served under the strict CSP:
// it renders from one script, honours its attributes, keeps its styles inside its shadow root and
// logs nothing.
import { expect, test } from '@playwright/test';
import { watchPage } from './support/watchPage';

test.use({ reducedMotion: 'reduce' });

test('the example page renders both elements under the CSP with no errors', async ({
  page,
  baseURL,
}) => {
  const w = watchPage(page, baseURL!);
  const res = await page.goto('./element-example.html');
  expect(res!.headers()['content-security-policy']).toContain("style-src 'self'");
  const [cafe, off] = [
    page.locator('pat-fence-scenario').nth(0),
    page.locator('pat-fence-scenario').nth(1),
  ];
  await expect(cafe.getByRole('heading', { name: /Kim pulls from a café/ })).toBeVisible();
  await expect(cafe.getByRole('group', { name: 'Playback' })).toContainText('Step 4 of 5');
  await expect(cafe.getByRole('img')).toHaveAttribute('aria-labelledby', /.+/);
  // The caption says "the same request with the org policy off": the same actor, Kim.
  await expect(off.getByRole('heading').first()).toContainText('Kim');
  await expect(off.getByRole('img').first()).toHaveAccessibleName(/100\.64\.88\.19/);
  await expect(off.getByRole('group', { name: 'Playback' })).toContainText('Step 0 of');
  await off.getByRole('button', { name: 'Step forward' }).click();
  await expect(off.getByRole('group', { name: 'Playback' })).toContainText('Step 1 of');
  expect(w.errors).toEqual([]);
  expect(w.foreign).toEqual([]);
  // One script, no stylesheet of its own, nothing else fetched for the element.
  expect(w.requests.filter((u) => u.endsWith('.js'))).toEqual([
    new URL('pat-fence-scenario.js', baseURL).href,
  ]);
});

test('styles are isolated both ways and themed by attribute', async ({ page }) => {
  await page.goto('./element-example.html');
  const el = page.locator('pat-fence-scenario').first();
  await expect(el.getByRole('button', { name: 'Restart' })).toBeVisible();
  const look = await page.evaluate(() => {
    const host = document.querySelector('pat-fence-scenario')!;
    const dark = document.querySelectorAll('pat-fence-scenario')[1]!;
    const inner = host.shadowRoot!.querySelector('button')!;
    const outer = document.createElement('button');
    document.body.append(outer);
    return {
      sheets: host.shadowRoot!.adoptedStyleSheets.length,
      styleTags:
        document.querySelectorAll('style').length +
        host.shadowRoot!.querySelectorAll('style').length,
      innerRadius: getComputedStyle(inner).borderRadius,
      outerRadius: getComputedStyle(outer).borderRadius,
      darkBg: getComputedStyle(dark).backgroundColor,
      leaked: [...document.styleSheets].some((s) =>
        [...s.cssRules].some((r) => r.cssText.includes('.pf-diagram')),
      ),
    };
  });
  expect(look.sheets).toBe(1);
  expect(look.styleTags).toBe(0);
  expect(look.innerRadius).toBe('8px');
  expect(look.outerRadius).not.toBe('8px');
  expect(look.darkBg).toBe('rgb(14, 18, 23)');
  expect(look.leaked).toBe(false);
});

test('changing attributes re-renders; unknown ids fall back with a notice', async ({ page }) => {
  await page.goto('./element-example.html');
  const el = page.locator('pat-fence-scenario').first();
  await expect(el.getByRole('heading', { name: /Kim pulls from a café/ })).toBeVisible();
  await el.evaluate((node) => {
    node.setAttribute('scenario', 'ssh-key');
    node.removeAttribute('play');
    node.setAttribute('step', '1');
  });
  await expect(el.getByRole('heading', { name: /SSH/i })).toBeVisible();
  await expect(el.getByRole('group', { name: 'Playback' })).toContainText('Step 1 of');
  await el.evaluate((node) => node.setAttribute('scenario', 'no-such-thing'));
  await expect(el.getByRole('status')).toContainText('does not exist');
});

const ON = [
  '203.0.113.24 is in 203.0.113.0/24 → HTTP 200',
  '100.64.12.7 is not in 203.0.113.0/24 or 198.51.100.0/25 → VS403463',
];
const OFF = [
  '203.0.113.24: not checked, the org policy is off → HTTP 200',
  '100.64.12.7: not checked, the org policy is off → HTTP 200',
];

test('<pat-fence-compare> shows both lanes, their IPs and answers, from its attributes', async ({
  page,
  baseURL,
}) => {
  const w = watchPage(page, baseURL!);
  await page.goto('./element-example.html');
  const [both, ssh] = [
    page.locator('pat-fence-compare').nth(0),
    page.locator('pat-fence-compare').nth(1),
  ];
  await expect(both.getByRole('heading', { level: 3 }).first()).toHaveText(
    'PAT: inside vs outside · policy on and off',
  );
  await expect(both.locator('svg')).toHaveCount(2);
  for (const ip of ['203.0.113.24', '100.64.12.7'])
    await expect(both.locator('svg').first().getByText(ip, { exact: true }).first()).toBeVisible();
  await expect(both.getByTestId('fence-check')).toHaveText([...ON, ...OFF]);
  await expect(ssh.getByRole('heading', { level: 3 }).first()).toHaveText(
    'SSH key: inside vs outside · policy on',
  );
  await expect(ssh.getByTestId('fence-check')).toHaveText(ON);
  // No share bar and no links into the app: the element is a picture with switches.
  await expect(both.getByRole('group', { name: 'Share this comparison' })).toHaveCount(0);
  const darkBg = await ssh.evaluate((node) => getComputedStyle(node).backgroundColor);
  expect(darkBg).toBe('rgb(14, 18, 23)');

  // The switches work inside the element and leave the page's address alone.
  const url = page.url();
  const org = ssh.getByRole('switch', { name: /Org policy/ });
  await org.click();
  await expect(org).toHaveAttribute('aria-checked', 'false');
  await expect(ssh.getByTestId('fence-check')).toHaveText(OFF);
  await ssh.getByRole('button', { name: 'Browser sign-in' }).click();
  await expect(ssh.getByRole('heading', { level: 3 }).first()).toHaveText(
    'Browser sign-in: inside vs outside · policy off',
  );
  expect(page.url()).toBe(url);
  expect(w.errors).toEqual([]);
  expect(w.foreign).toEqual([]);
});

test('<pat-fence-compare> re-renders on attribute change and names a bad value', async ({
  page,
}) => {
  await page.goto('./element-example.html');
  const el = page.locator('pat-fence-compare').first();
  await expect(el.getByTestId('fence-check')).toHaveCount(4);
  await el.evaluate((node) => node.setAttribute('policy', 'on'));
  await expect(el.getByTestId('fence-check')).toHaveText(ON);
  await el.evaluate((node) => node.setAttribute('flow', 'carrier-pigeon'));
  await expect(el.getByRole('status')).toContainText(/flow="?carrier-pigeon"? is not one of/);
  await expect(el.getByTestId('fence-check')).toHaveText(ON);
});
