// Fixes from the review of issue 12, each checked where a learner meets it: a revoked SSH key says
// SSH, git prints the command the play describes, the player offers no impossible combination,
// the terminal panel reads in the dark, the phone compare picture carries its fence checks, the
// lesson bar lines up on a phone, the lab's wording fits its layout, the evidence bullets stay in
// their box, and a downloaded picture has a title and a caption. Screenshots at 390×844 and
// 1366×768, light and dark, go to tests/e2e-artifacts/review/.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

test.use({ reducedMotion: 'reduce' });

const SHOTS = 'tests/e2e-artifacts/review';
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };
const FIX = new URL('../fixtures/', import.meta.url);

let problems: string[] = [];
test.beforeEach(({ page }) => {
  problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
});
test.afterEach(() => expect(problems).toEqual([]));

const terminal = (page: Page) =>
  page.getByRole('region', { name: 'What the user sees' }).locator('pre');

/** WCAG contrast of an element's text colour against its own background colour. */
async function contrast(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const lum = (c: string) => {
        const [r, g, b] = rgb(c).map((v) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const cs = getComputedStyle(el);
      const [a, b] = [lum(cs.color), lum(cs.backgroundColor)].sort((x, y) => y - x);
      return (a! + 0.05) / (b! + 0.05);
    });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`a revoked SSH key gets an SSH answer, readable in the ${scheme} terminal`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize(LAPTOP);
    await page.goto('./#/player?v=1&s=expired-pat&p=revoked&f=ssh&t=99');
    const outcome = page.getByRole('region', { name: 'Outcome' });
    await expect(outcome).toContainText('SSH public key has been revoked');
    await expect(outcome).not.toContainText('personal access token');
    await expect(terminal(page)).toContainText('Permission denied (publickey).');
    await expect(terminal(page)).not.toContainText('personal access token');
    expect(await contrast(page, '.response pre')).toBeGreaterThanOrEqual(4.5);
    const { violations } = await new AxeBuilder({ page })
      .include('.response')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
      .analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
    await terminal(page).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/ssh-revoked-1366x768-${scheme}.png` });
  });
}

test('git prints the command each play describes, and work items show no git at all', async ({
  page,
}) => {
  const cases: [string, RegExp | null][] = [
    ['s=policy-on&p=office-pat', /^\$ git push origin main/],
    ['s=policy-on&p=cafe-pat', /^\$ git pull origin main/],
    ['s=fence&p=outside-pat', /^\$ git clone https:/],
    ['s=ssh-key&p=home-ssh', /^\$ git push origin main/],
    ['s=hosted-agent&p=hosted-pat', null],
  ];
  for (const [link, first] of cases) {
    await page.goto(`./#/player?v=1&${link}&t=99`);
    const panel = page.getByRole('region', { name: 'What the user sees' });
    if (!first) {
      await expect(panel.getByRole('button', { name: 'REST API response' })).toBeVisible();
      await expect(panel.getByRole('button', { name: 'git' })).toHaveCount(0);
      continue;
    }
    await panel.getByRole('button', { name: 'git' }).click();
    await expect(panel.locator('pre')).toHaveText(first);
  }
});

test('the player never offers a pipeline a browser sign-in, even from a link', async ({ page }) => {
  await page.goto('./#/player?v=1&s=hosted-agent&p=hosted-pat&f=web&t=99');
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  const setup = page.getByRole('complementary', { name: 'Scenario and switches' });
  await expect(setup.getByRole('button', { name: 'Web sign-in' })).toHaveCount(0);
  await expect(setup.getByRole('button', { name: 'SSH key' })).toHaveCount(0);
  await expect(page).not.toHaveURL(/f=web/);
  await page.goto('./#/player?v=1&s=entra-token&p=cli-pat&t=99');
  await expect(setup.getByRole('button', { name: 'Web sign-in' })).toBeVisible();
  await expect(setup.getByRole('button', { name: 'SSH key' })).toHaveCount(0);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the phone compare picture shows both fence checks in the first screen (${scheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize(PHONE);
    await page.goto('./#/');
    const notes = page.getByTestId('fence-note');
    await expect(notes.first()).toBeVisible();
    const text = (await notes.allTextContents()).join(' ');
    expect(text).toMatch(/203\.0\.113\.24 is in 203\.0\.113\.0\/24 → HTTP 200/);
    expect(text).toMatch(/100\.64\.12\.7 is not in .*→ VS403463/);
    for (const box of await Promise.all((await notes.all()).map((n) => n.boundingBox())))
      expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
    await page.screenshot({ path: `${SHOTS}/compare-390x844-${scheme}.png` });
  });
}

test('the lesson bar buttons line up on a phone', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto('./#/lesson');
  const bar = page.locator('.lesson-bar');
  const buttons = bar.getByRole('button');
  await expect(buttons.first()).toBeVisible();
  const boxes = await Promise.all((await buttons.all()).map((b) => b.boundingBox()));
  const inner = await bar.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    return {
      left: r.left + parseFloat(cs.paddingLeft) + parseFloat(cs.borderLeftWidth),
      right: r.right - parseFloat(cs.paddingRight) - parseFloat(cs.borderRightWidth),
    };
  });
  expect(new Set(boxes.map((b) => Math.round(b!.y))).size).toBe(1);
  expect(Math.abs(boxes[0]!.x - inner.left)).toBeLessThan(2);
  const last = boxes.at(-1)!;
  expect(Math.abs(last.x + last.width - inner.right)).toBeLessThan(2);
  await page.screenshot({ path: `${SHOTS}/lesson-bar-390x844-light.png` });
});

for (const size of [PHONE, LAPTOP]) {
  test(`the lab's stale note fits its layout at ${size.width}px`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('./#/lab');
    await page.locator('#sb-loc-hq-ranges').fill('203.0.113.0/24\n10.0.0.0/33');
    const note = page.getByRole('region', { name: 'Decision' }).locator('.stale');
    await expect(note).toContainText('fields of the sandbox form are invalid');
    await expect(note).not.toContainText(/above|below|left|right/);
    const form = await page.locator('.sandbox .form').boundingBox();
    const decision = await page.locator('#lab-decision').boundingBox();
    // Wide: the form is to the left; narrow: it is above. The words name neither.
    if (size.width >= 1024) expect(form!.x + form!.width).toBeLessThanOrEqual(decision!.x);
    else expect(form!.y + form!.height).toBeLessThanOrEqual(decision!.y);
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the evidence warning's bullets stay inside the box (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize(PHONE);
    await page.goto('./#/lab');
    await page.getByRole('button', { name: 'Replay evidence' }).click();
    const entry = JSON.parse(
      readFileSync(new URL('evidence/portal-signin-success.json', FIX), 'utf8'),
    );
    const one = Array.isArray(entry) ? entry[0] : entry;
    await page.locator('#evidence-text').fill(JSON.stringify([one, one]));
    await page.getByRole('button', { name: 'Read pasted evidence' }).click();
    const list = page.locator('ul.warnings');
    await expect(list).toContainText('the first is used');
    // A bullet is drawn in the list's left padding: that padding must hold it.
    const padding = await list.evaluate((el) => parseFloat(getComputedStyle(el).paddingLeft));
    expect(padding).toBeGreaterThanOrEqual(24);
    await list.scrollIntoViewIfNeeded();
    await list.screenshot({ path: `${SHOTS}/evidence-warning-390-${scheme}.png` });
  });
}

test('a downloaded step picture has a title and a caption', async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await page.goto('./#/player?v=1&s=policy-on&p=cafe-pat&t=99');
  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  const text = readFileSync((await svg.path())!, 'utf8');
  expect(text).toContain('<title>Org policy on: outside the fence, the PAT is refused');
  expect(text).toMatch(/font-weight="700"[^>]*>Org policy on: outside the fence/);
  expect(text).toContain('Answer: refused, HTTP 403 VS403463 (rule R4).');
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download PNG' }).click(),
  ]);
  const bytes = readFileSync((await png.path())!);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  // Title and caption make the PNG taller than the diagram alone (2× scale).
  const height = bytes.readUInt32BE(20);
  const drawn = await page.locator('.stage .diagram svg').evaluate((s) => {
    const b = (s as SVGSVGElement).viewBox.baseVal;
    return b.height;
  });
  expect(height).toBeGreaterThan(2 * drawn + 40);
});

test('no page speaks of "the engine" or asks for field names', async ({ page }) => {
  const pages: [string, string[]][] = [
    ['./#/', []],
    ['./#/player?v=1&s=policy-on&p=cafe-pat&t=99', []],
    ['./#/lesson', []],
    ['./#/rules', []],
    ['./#/lab', ['Sandbox', 'Challenges', 'Import data', 'Impact', 'Replay evidence']],
  ];
  for (const [url, tabs] of pages) {
    await page.goto(url);
    await expect(page.locator('main, #app').first()).toBeVisible();
    for (const tab of [null, ...tabs]) {
      if (tab) await page.getByRole('button', { name: tab, exact: true }).click();
      await expect(page.locator('h1').first()).toBeVisible();
      const text = await page.locator('body').innerText();
      expect(text, `${url} ${tab ?? ''}`).not.toMatch(/\bengine\b|Still needed/i);
    }
  }
});
