// Where the diagram is, step by step: in the player at 390×844 and 1366×768 it is in the first
// screen and stays in view while the narration changes; in the lesson's presenter mode at
// 1366×768 it stays in view on every step of a drill, after a "vote with the room" pause, and the
// room sees no score.
import { expect, test, type Locator, type Page } from '@playwright/test';

test.use({ reducedMotion: 'reduce' });

const SCREENS = [
  ['phone', { width: 390, height: 844 }],
  ['laptop', { width: 1366, height: 768 }],
] as const;

/** The box lies inside the viewport (a pixel of rounding allowed). */
async function expectInView(page: Page, loc: Locator, what: string) {
  const box = await loc.boundingBox();
  const vh = page.viewportSize()!.height;
  expect(box, `${what} is rendered`).not.toBeNull();
  expect(box!.y, `${what} top (${box!.y})`).toBeGreaterThanOrEqual(-1);
  expect(
    box!.y + box!.height,
    `${what} bottom (${box!.y + box!.height} > ${vh})`,
  ).toBeLessThanOrEqual(vh + 1);
}

/** At least the first line of the box is on screen. */
async function expectStartsInView(page: Page, loc: Locator, what: string) {
  const box = await loc.boundingBox();
  const vh = page.viewportSize()!.height;
  expect(box, `${what} is rendered`).not.toBeNull();
  expect(box!.y, `${what} top`).toBeGreaterThanOrEqual(-1);
  expect(box!.y + 24, `${what} starts on screen (top ${box!.y})`).toBeLessThanOrEqual(vh);
}

for (const [name, viewport] of SCREENS) {
  test(`player at ${viewport.width}×${viewport.height} (${name}): the diagram is in the first screen and stays in view on every step`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto('./#/player?s=policy-on&p=cafe-pat');
    const diagram = page.locator('.stage .pf-diagram svg').first();
    const narration = page.locator('.stage .narration .text');
    const counter = page.getByRole('group', { name: 'Playback' });
    await expect(diagram).toBeVisible();
    await expectInView(page, diagram, 'diagram before any scroll');
    const total = Number((await counter.textContent())!.match(/Step 0 of (\d+)/)![1]);
    expect(total).toBeGreaterThan(2);
    let previous = await narration.textContent();
    for (let step = 1; step <= total; step++) {
      await page.getByRole('button', { name: 'Step forward' }).click();
      await expect(counter).toContainText(`Step ${step} of ${total}`);
      await expect(narration).not.toHaveText(previous ?? '');
      previous = await narration.textContent();
      // The reader looks down at the words; the picture stays with them.
      await narration.evaluate((el) => el.scrollIntoView({ block: 'nearest' }));
      await expectStartsInView(page, narration, `narration at step ${step}`);
      await expectInView(page, diagram, `diagram at step ${step}`);
    }
    await expect(page.getByRole('region', { name: 'Outcome' })).toBeVisible();
    await page.screenshot({
      path: `tests/e2e-results/player-${viewport.width}x${viewport.height}-last-step.png`,
    });
  });
}

test('presenter mode at 1366×768: vote with the room, then every step and the reveal with the diagram in view, no score', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('./#/lesson?presenter=1&hints=0&quiz=0&chapter=3');
  await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
  await expect(page.getByText(/Score:/)).toHaveCount(0);
  await page.keyboard.press('ArrowRight'); // reading → the drill
  const vote = page.getByRole('note', { name: 'Vote with the room' });
  await expect(vote).toBeVisible();
  await expectInView(page, vote, 'the vote pause');
  await expect(page.locator('.pf-diagram svg')).toHaveCount(0); // nothing given away yet
  await page.keyboard.press('Space'); // the vote is over: play it
  const diagram = page.locator('.drill-play .pf-diagram svg').first();
  await expect(diagram).toBeVisible();
  await expectInView(page, diagram, 'diagram before the first step');
  const answer = page.getByRole('region', { name: 'The answer' });
  const narration = page.locator('.drill-play .narration .text');
  for (let step = 1; step <= 12 && !(await answer.isVisible()); step++) {
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.drill-play .narration .count')).toContainText(`Step ${step} of`);
    await expectInView(page, diagram, `diagram at step ${step}`);
    await expectStartsInView(page, narration, `narration at step ${step}`);
  }
  await expect(answer).toBeVisible();
  await expect(answer).toContainText('The answer:');
  await expectInView(page, diagram, 'diagram at the reveal');
  await expectStartsInView(page, answer, 'the answer');
  await expect(page.getByText(/Score:|No prediction|You predicted/)).toHaveCount(0);
  await page.screenshot({ path: 'tests/e2e-results/presenter-1366x768-reveal.png' });
});
