// The landing page: both lanes' IPs and answers with the org policy on and off, side by side,
// by flow, by deep link and in an iframe; the picture's place on a phone and a laptop; screenshots.
import { expect, test, type Page } from '@playwright/test';

const checks = (page: Page) => page.getByTestId('fence-check');
const picture = (page: Page) => page.locator('.pf-fence svg').first();

async function expectLanes(page: Page, lines: string[]) {
  await expect(checks(page)).toHaveText(lines);
}

const ON = [
  '203.0.113.24 is in 203.0.113.0/24 → HTTP 200',
  '100.64.12.7 is not in 203.0.113.0/24 or 198.51.100.0/25 → VS403463',
];
const OFF = [
  '203.0.113.24: not checked, the org policy is off → HTTP 200',
  '100.64.12.7: not checked, the org policy is off → HTTP 200',
];

test('the landing page is the compare view: both IPs and answers, policy on then off', async ({
  page,
}) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'PAT: inside vs outside · policy on',
  );
  const svg = picture(page);
  for (const text of ['203.0.113.24', '100.64.12.7', 'HTTP 200', 'VS403463'])
    await expect(svg.getByText(text, { exact: true }).first()).toBeVisible();
  await expectLanes(page, ON);
  await expect(page.getByText('A PAT cannot answer MFA', { exact: true })).toBeVisible();
  // The share bar loads after the page (App passes it to the view as a snippet).
  await expect(page.getByRole('group', { name: 'Share this comparison' })).toBeVisible();

  const org = page.getByRole('switch', { name: /Org policy/ });
  await org.click();
  await expect(org).toHaveAttribute('aria-checked', 'false');
  await expectLanes(page, OFF);
  await expect(svg.getByText('VS403463')).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('#/compare?policy=off');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'PAT: inside vs outside · policy off',
  );
});

test('side by side shows the 2 × 2: policy on and off together', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('checkbox', { name: 'Side by side: on and off' }).check();
  await expect(page.locator('.pf-fence svg')).toHaveCount(2);
  await expectLanes(page, [...ON, ...OFF]);
  expect(new URL(page.url()).hash).toBe('#/compare?policy=both');
});

test('the flow switch applies to both lanes: the browser gets an MFA prompt where the PAT is blocked', async ({
  page,
}) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Browser sign-in' }).click();
  await expectLanes(page, [
    '203.0.113.24 is in 203.0.113.0/24 → HTTP 200',
    '100.64.12.7 is not in 203.0.113.0/24 or 198.51.100.0/25 → MFA prompt',
  ]);
  await page.getByRole('button', { name: 'SSH key' }).click();
  await expectLanes(page, ON);
  expect(new URL(page.url()).hash).toBe('#/compare?flow=ssh');
});

test('a deep link restores the state; a bad value is named, not thrown', async ({ page }) => {
  await page.goto('./#/compare?flow=web&policy=off');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Browser sign-in: inside vs outside · policy off',
  );
  await expect(checks(page).nth(1)).toContainText('MFA prompt');
  await page.goto('./#/compare?flow=carrier-pigeon');
  await expect(page.locator('ul[role=status]')).toContainText(
    /flow="?carrier-pigeon"? is not one of/,
  );
  await expectLanes(page, ON);
});

test('the bits explain why an address is out of the range', async ({ page }) => {
  await page.goto('./');
  await page.getByText('Why not in the range: the bits').click();
  await expect(page.getByText(/the first 0 of 24 prefix bits match, bit 1 differs/)).toBeVisible();
});

test('embeddable: #/compare?embed=1 has no app chrome and links out', async ({ page }) => {
  await page.goto('./#/compare?embed=1&policy=both');
  await expect(page.getByRole('banner')).toHaveCount(0);
  await expect(page.locator('.pf-fence svg')).toHaveCount(2);
  await expect(page.getByRole('link', { name: /Open in PAT Fence/ })).toHaveAttribute(
    'href',
    /#\/compare\?policy=both$/,
  );
});

for (const [name, viewport] of [
  ['phone', { width: 390, height: 844 }],
  ['laptop', { width: 1366, height: 768 }],
] as const) {
  test(`the picture with both IPs and answers is in the first screen (${name})`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto('./');
    const box = (await picture(page).boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    if (name === 'phone') {
      // The controls fold below the picture, and the picture stays while the words scroll.
      const controls = (await page
        .getByRole('group', { name: 'Switches for both lanes' })
        .boundingBox())!;
      expect(controls.y).toBeGreaterThan(box.y + box.height - 1);
      await page.mouse.wheel(0, 700);
      await expect
        .poll(async () => (await picture(page).boundingBox())!.y)
        .toBeLessThan(viewport.height / 2);
      const after = (await picture(page).boundingBox())!;
      expect(after.y).toBeGreaterThanOrEqual(0);
      expect(after.y + after.height).toBeLessThanOrEqual(viewport.height);
    }
  });
}

for (const scheme of ['light', 'dark'] as const) {
  for (const [w, h] of [
    [390, 844],
    [1366, 768],
    [1920, 1080],
  ] as const) {
    test(`screenshot ${w}×${h} ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.setViewportSize({ width: w, height: h });
      for (const [tag, hash, heading, pictures] of [
        ['landing', '', 'PAT: inside vs outside · policy on', 1],
        [
          'both-web',
          '#/compare?policy=both&flow=web',
          'Browser sign-in: inside vs outside · policy on and off',
          2,
        ],
      ] as const) {
        await page.goto(`./${hash}`);
        // A hash change re-renders in place: wait for the new state before the picture is taken.
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
        await expect(page.locator('.pf-fence svg')).toHaveCount(pictures);
        await expect(page.getByRole('button', { name: 'Browser sign-in' })).toHaveAttribute(
          'aria-pressed',
          String(tag === 'both-web'),
        );
        await page.waitForTimeout(300);
        await page.screenshot({
          path: `tests/e2e-artifacts/compare/${tag}-${w}x${h}-${scheme}.png`,
        });
      }
    });
  }
}
