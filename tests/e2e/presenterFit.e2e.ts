// Presenter mode, as the room sees it. At 1366×768 the vote screen of every drill fits without a
// scroll: the facts, both questions with every "Why?" answer, and the Reveal button. On a 390×844
// phone nothing scrolls sideways, the type stays readable, the bar's buttons sit on one row, and
// the picture comes to the top of the screen once the drill plays, with its words under it.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { lesson } from './support/lessonPlan';

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const SHOTS = 'tests/e2e-artifacts';
const withDrills = lesson.chapters.flatMap((c, i) => (c.drills.length ? [i + 1] : []));

async function toVote(page: Page, chapter: number) {
  await page.goto(`./#/lesson?presenter=1&hints=0&quiz=0&chapter=${chapter}`);
  await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
  await page.keyboard.press('ArrowRight'); // reading → the drill
  await expect(page.getByRole('note', { name: 'Vote with the room' })).toBeVisible();
}

async function inView(page: Page, what: Locator, name: string) {
  const box = await what.boundingBox();
  const { height } = page.viewportSize()!;
  expect(box, name).not.toBeNull();
  expect(box!.y, `${name}: top`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${name}: bottom`).toBeLessThanOrEqual(height);
}

const noSideScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);

test('at 1366×768 every drill’s vote screen fits one screen', async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  for (const chapter of withDrills) {
    await toVote(page, chapter);
    const drill = page.locator('.drill');
    await inView(page, drill.locator('h3'), `chapter ${chapter}: drill title`);
    await inView(page, page.getByRole('note', { name: 'Vote with the room' }), `${chapter}: vote`);
    await inView(page, drill.locator('.setup'), `chapter ${chapter}: the facts`);
    for (const group of await drill.getByRole('group').all())
      for (const choice of await group.getByRole('radio').all())
        await inView(page, choice, `chapter ${chapter}: ${await choice.getAttribute('value')}`);
    await inView(page, drill.locator('fieldset').last(), `chapter ${chapter}: last question`);
    await inView(page, page.getByRole('button', { name: 'Reveal' }), `chapter ${chapter}: Reveal`);
  }
});

for (const size of [LAPTOP, PHONE])
  for (const scheme of ['light', 'dark'] as const)
    test(`presenter at ${size.width}×${size.height} ${scheme}: chapter, vote, a step, the answer`, async ({
      page,
    }) => {
      const name = `${size.width}x${size.height}-${scheme}`;
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('./#/lesson?presenter=1&hints=0&quiz=0&chapter=3');
      await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
      expect(await noSideScroll(page)).toBe(true);
      // The bar's buttons: one row, each a comfortable target.
      const tools = page.locator('.lesson-bar .tools').getByRole('button');
      const boxes = await Promise.all((await tools.all()).map((b) => b.boundingBox()));
      expect(new Set(boxes.map((b) => Math.round(b!.y))).size).toBe(1);
      for (const b of boxes) expect(b!.height).toBeGreaterThanOrEqual(44);
      await page.screenshot({ path: `${SHOTS}/presenter-chapter-${name}.png` });

      await page.keyboard.press('ArrowRight');
      await expect(page.getByRole('note', { name: 'Vote with the room' })).toBeVisible();
      expect(await noSideScroll(page)).toBe(true);
      await page.screenshot({ path: `${SHOTS}/presenter-vote-${name}.png` });

      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowRight');
      const diagram = page.locator('.drill-play .pf-diagram svg').first();
      await expect(page.locator('.drill-play .narration .count')).toContainText('Step 1 of');
      await inView(page, diagram, 'the picture at step 1');
      await inView(page, page.locator('.drill-play .narration'), 'its words at step 1');
      expect(await noSideScroll(page)).toBe(true);
      await page.screenshot({ path: `${SHOTS}/presenter-step-${name}.png` });

      const answer = page.getByRole('region', { name: 'The answer' });
      const count = page.locator('.drill-play .narration .count');
      const steps = Number(/of (\d+)/.exec((await count.textContent()) ?? '')![1]);
      for (let step = 2; step <= steps; step++) {
        await page.keyboard.press('ArrowRight');
        await expect(count).toContainText(`Step ${step} of`);
      }
      await expect(answer).toBeVisible();
      const top = await answer.boundingBox();
      expect(top!.y).toBeGreaterThanOrEqual(0);
      expect(top!.y).toBeLessThan(size.height - 40);
      expect(await noSideScroll(page)).toBe(true);
      await page.screenshot({ path: `${SHOTS}/presenter-answer-${name}.png` });
    });

test('on a phone, Back and Next step through a drill with no keyboard; a desktop shows neither', async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  await page.goto('./#/lesson?presenter=1&hints=0&quiz=0&chapter=3');
  const pager = page.getByRole('navigation', { name: 'Presenter' });
  const next = pager.getByRole('button', { name: 'Next →' });
  await inView(page, next, 'Next on the chapter');
  await next.click(); // reading → the drill
  await expect(page.getByRole('note', { name: 'Vote with the room' })).toBeVisible();
  await inView(page, next, 'Next on the vote');
  await next.click(); // the vote is over: play it
  const count = page.locator('.drill-play .narration .count');
  await next.click();
  await expect(count).toContainText('Step 1 of');
  await next.click();
  await expect(count).toContainText('Step 2 of');
  await pager.getByRole('button', { name: '← Back' }).click();
  await expect(count).toContainText('Step 1 of');
  await inView(page, next, 'Next during the drill');
  await page.screenshot({ path: `${SHOTS}/presenter-pager-390x844-light.png` });

  await page.setViewportSize(LAPTOP);
  await expect(pager).toBeHidden();
});
