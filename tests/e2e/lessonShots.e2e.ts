// Screenshots of the lesson's result (passed and not yet passed), a challenge unsolved and solved,
// and a new chapter's drill, at phone and desktop sizes, light and dark (tests/e2e-artifacts/).
import { expect, test, type Page } from '@playwright/test';
import { drillPlan, lesson, quiz } from './support/lessonPlan';

test.use({ reducedMotion: 'reduce' });

const SIZES = [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1366, height: 768 }],
] as const;

async function seed(page: Page, right: number) {
  await page.evaluate(
    ({ chapters, key, right }) => {
      const drills: Record<string, object> = {};
      chapters.forEach((n, c) => {
        for (let d = 0; d < n; d++)
          drills[`${c}.${d}`] = {
            predicted: 'blocked',
            actual: 'blocked',
            outcomeRight: true,
            reasonRight: null,
          };
      });
      const answers = Object.fromEntries(
        key.map((k, q) => [q, { choice: q < right ? k : 'none', correct: q < right }]),
      );
      localStorage.setItem(
        'pat-fence.lesson.v1',
        JSON.stringify({
          v: 1,
          position: { phase: 'finished', chapter: 0, question: 0, drills, answers },
          name: 'Dana Hansen',
          completedAt: '2026-11-02',
          seed: 7,
        }),
      );
    },
    { chapters: drillPlan.map((c) => c.length), key: quiz.questions.map((q) => q.answer), right },
  );
}

for (const scheme of ['light', 'dark'] as const)
  for (const [size, viewport] of SIZES)
    test(`shots: ${size} ${scheme}`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize(viewport);
      const shot = (name: string) =>
        page.screenshot({
          path: `tests/e2e-artifacts/lesson/${name}-${size}-${scheme}.png`,
          fullPage: size === 'phone',
        });
      await page.goto('./#/lesson');
      await seed(page, quiz.questions.length);
      await page.reload();
      await expect(page.getByRole('heading', { name: 'Lesson complete: passed' })).toBeVisible();
      await shot('result-passed');
      await seed(page, 6);
      await page.reload();
      await expect(page.getByRole('heading', { name: 'Not yet passed' })).toBeVisible();
      await shot('result-not-yet');
      const c = lesson.chapters.findIndex((x) => x.id === 'entra-tokens');
      await page.goto('./#/rules'); // leave the lesson, so it does not save its state again
      await page.evaluate(() => localStorage.clear());
      await page.goto(`./#/lesson?chapter=${c + 1}`);
      await page.reload();
      await page.getByRole('button', { name: 'Start the drill' }).click();
      await expect(page.getByRole('group', { name: 'What happens?' })).toBeVisible();
      await shot('chapter-entra-tokens');
      await page.goto('./#/lab?tab=challenges');
      await expect(page.getByRole('list', { name: 'Goal' })).toBeVisible();
      await shot('challenge-unsolved');
      await page.getByRole('button', { name: 'Show the solution' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Solved!' })).toBeVisible();
      await shot('challenge-solved');
    });
