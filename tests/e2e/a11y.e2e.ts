// WCAG 2.2 AA by axe-core on every view, in light and dark: the player with a finished play, the
// lesson (chapter, drill revealed, quiz feedback, result, certificate, presenter mode), the lab
// and the rules page.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { drillPlan, quiz } from './support/lessonPlan';

test.use({ reducedMotion: 'reduce' });

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function noViolations(page: Page, what: string) {
  // Let the last click's render and focus move settle: axe reads a text's colour and the colour
  // behind it at different moments, and a change in between reads as a contrast failure.
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n  ')}`,
  );
  expect(summary, `${what}: axe violations`).toEqual([]);
}

/** Progress that starts the lesson at its end, for the result and certificate views. */
async function seedFinished(page: Page, right = quiz.questions.length) {
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
          position: { phase: 'finished', chapter: 9, question: key.length - 1, drills, answers },
          name: 'Dana Hansen',
          completedAt: '2026-11-02',
        }),
      );
    },
    {
      chapters: drillPlan.map((c) => c.length),
      key: quiz.questions.map((q) => q.answer),
      right,
    },
  );
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test('compare view (landing page), one pair and the 2 × 2 with the bits open', async ({
      page,
    }) => {
      await page.goto('./');
      await expect(page.getByTestId('fence-check').first()).toBeVisible();
      await noViolations(page, 'compare');
      await page.goto('./#/compare?policy=both&flow=web');
      for (const d of await page.locator('details').all()) await d.locator('summary').click();
      await noViolations(page, 'compare 2 × 2');
    });

    test('scenario player with a finished play', async ({ page }) => {
      await page.goto('./#/player');
      await page.getByRole('combobox', { name: /^Speed/ }).selectOption('4');
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await expect(page.getByRole('region', { name: 'Outcome' })).toBeVisible({ timeout: 15_000 });
      await noViolations(page, 'player');
    });

    test('lesson: chapter, revealed drill, quiz feedback', async ({ page }) => {
      test.setTimeout(60_000); // five axe runs; the machine is shared
      await page.goto('./#/lesson');
      await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
      await noViolations(page, 'lesson chapter');
      await page.getByRole('button', { name: 'Start the drill' }).click();
      await page
        .getByRole('button', { name: 'Hint' })
        .or(page.getByText('Hint', { exact: true }))
        .click();
      await noViolations(page, 'lesson prediction');
      await page.getByRole('radio', { name: 'Allowed', exact: true }).check();
      await page.getByRole('radio').nth(3).check();
      await page.getByRole('button', { name: 'Reveal' }).click();
      await page.getByRole('button', { name: 'Show the result' }).click();
      await expect(page.getByRole('region', { name: 'Your prediction' })).toBeVisible();
      await noViolations(page, 'lesson drill revealed');
      const quizButton = page.getByRole('button', { name: 'Knowledge check' });
      await quizButton.click();
      await expect(quizButton).toHaveAttribute('aria-current', 'step');
      await expect(page.getByRole('heading', { name: /^Question 1 of/ })).toBeFocused();
      await noViolations(page, 'quiz question');
      await page.getByRole('radio').nth(1).check();
      await page.getByRole('button', { name: 'Check answer' }).click();
      await expect(page.getByText(/^(✓ Correct\.|✗ Not quite\.)/)).toBeVisible();
      await noViolations(page, 'quiz feedback');
    });

    test('lesson: result and certificate', async ({ page }) => {
      await page.goto('./#/lesson');
      await seedFinished(page);
      await page.reload();
      await expect(page.getByRole('heading', { name: 'Lesson complete' })).toBeVisible();
      await noViolations(page, 'lesson result');
      await page.getByRole('button', { name: 'Show certificate' }).click();
      await expect(page.getByRole('heading', { name: 'Certificate of completion' })).toBeVisible();
      await noViolations(page, 'certificate');
    });

    test('lesson: not yet passed', async ({ page }) => {
      await page.goto('./#/lesson');
      await seedFinished(page, 0);
      await page.reload();
      await expect(page.getByRole('heading', { name: 'Not yet passed' })).toBeVisible();
      await noViolations(page, 'lesson not yet passed');
    });

    test('challenges: unsolved, hint, solved', async ({ page }) => {
      await page.goto('./#/lab?tab=challenges');
      await expect(page.getByRole('list', { name: 'Goal' })).toBeVisible();
      await page.getByRole('button', { name: 'Hint' }).click();
      await noViolations(page, 'challenge unsolved');
      await page.getByRole('button', { name: 'Show the solution' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Solved!' })).toBeVisible();
      await noViolations(page, 'challenge solved');
    });

    test('lesson in presenter mode', async ({ page }) => {
      await page.goto('./#/lesson?presenter=1&chapter=2');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowRight');
      await noViolations(page, 'presenter');
    });

    // axe takes a while over 25 rule entries on a busy machine.
    for (const [hash, ready] of [
      ['#/rules', '#rule-T2'],
      ['#/rules/R12', '#rule-R12.selected'],
      ['#/rules/R99', '.notice'],
    ] as const) {
      test(`rules and sources: ${hash}`, async ({ page }) => {
        test.slow();
        await page.goto(`./${hash}`);
        await expect(page.locator(ready)).toBeVisible();
        await noViolations(page, `rules page ${hash}`);
      });
    }

    test('what-if lab', async ({ page }) => {
      await page.goto('./#/lab');
      await expect(page.locator('main')).toBeVisible();
      await noViolations(page, 'lab');
    });
  });
}
