// Embed mode: minimal chrome on both routes, a link out to the same state, the iframe snippet, and
// height reports to the parent page in the documented shapes.
import { expect, test } from '@playwright/test';
import { watchPage } from './support/watchPage';

test.use({ reducedMotion: 'reduce' });

const STATE = 'v=1&s=policy-on&p=cafe-pat&t=5';

for (const hash of [`#/embed?${STATE}`, `#/player?${STATE}&embed=1`]) {
  test(`${hash.split('?')[0]} shows the stage alone, on the linked step`, async ({
    page,
    baseURL,
  }) => {
    const w = watchPage(page, baseURL!);
    await page.goto(`./${hash}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Org policy on: outside the fence, the PAT is refused — Kim pulls from a café',
    );
    await expect(page.getByRole('img').first()).toBeVisible();
    await expect(page.getByRole('group', { name: 'Playback' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Outcome' })).toContainText('VS403463');
    // No app chrome: no view navigation, no scenario picker, no theme switch.
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await expect(page.getByRole('combobox', { name: /^Scenario/ })).toHaveCount(0);
    const out = page.getByRole('link', { name: /Open in PAT Fence/ });
    await expect(out).toHaveAttribute('target', '_blank');
    expect(new URL((await out.getAttribute('href'))!).hash).toBe(`#/player?${STATE}`);
    expect(w.errors).toEqual([]);
    expect(w.foreign).toEqual([]);
  });
}

test('the embed keeps its own route while stepping', async ({ page }) => {
  await page.goto(`./#/player?${STATE.replace('t=5', 't=2')}&embed=1`);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page).toHaveURL(/#\/player\?v=1&s=policy-on&p=cafe-pat&t=3&embed=1$/);
  await expect(page.getByRole('navigation')).toHaveCount(0);
});

test('Copy embed code gives a lazy, sandboxed iframe of this step', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`./#/embed?${STATE}`);
  await page.getByRole('button', { name: 'Copy embed code' }).click();
  const code = await page.evaluate(() => navigator.clipboard.readText());
  expect(code).toMatch(
    /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/#\/embed\?v=1&amp;s=policy-on&amp;p=cafe-pat&amp;t=5"/,
  );
  for (const attr of [
    'title="PAT Fence: Org policy on: outside the fence, the PAT is refused — Kim pulls from a café"',
    'loading="lazy"',
    'sandbox="allow-scripts allow-same-origin allow-popups"',
    'referrerpolicy="no-referrer"',
    'width="100%"',
  ])
    expect(code).toContain(attr);
  expect(code).toMatch(/height="\d{3,4}"/);
});

test('inside an iframe it reports its height to the parent page', async ({ page, baseURL }) => {
  // A host page on the same server, with the documented listener pattern.
  await page.route('**/__host.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>host</title><body>
        <iframe id="f" src="./#/embed?${STATE}" title="PAT Fence" width="800" height="200"
          sandbox="allow-scripts allow-same-origin allow-popups"></iframe>
        <script>
          window.got = [];
          addEventListener('message', (e) => {
            if (e.source !== document.getElementById('f').contentWindow) return;
            window.got.push(e.data);
            if (e.data && e.data.type === 'resize') document.getElementById('f').height = e.data.height;
          });
        </script></body>`,
    }),
  );
  await page.goto(new URL('__host.html', baseURL).href);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { got: unknown[] }).got.length))
    .toBeGreaterThan(1);
  // Sizes settle once the frame is tall enough to lose its scroll bar; read the last report.
  await page.waitForTimeout(500);
  const got = await page.evaluate(() => (window as unknown as { got: unknown[] }).got);
  const resize = got.filter((m) => !Array.isArray(m)).at(-1) as Record<string, unknown>;
  expect(resize).toMatchObject({ type: 'resize', source: 'pat-fence' });
  expect(resize.height).toBeGreaterThan(400);
  expect(resize.width).toBeGreaterThan(700);
  expect(got.at(-1)).toEqual(['setHeight', resize.height]);
  await expect(page.locator('#f')).toHaveAttribute('height', String(resize.height));
  // The frame now fits its content: no scrolling inside it.
  const frame = page.frameLocator('#f');
  await expect(frame.getByRole('region', { name: 'Outcome' })).toBeVisible();
  const scroll = await page
    .locator('#f')
    .contentFrame()
    .locator('html')
    .evaluate((h) => h.scrollHeight - h.clientHeight);
  expect(scroll).toBeLessThanOrEqual(1);
});
