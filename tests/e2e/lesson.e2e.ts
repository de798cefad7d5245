// A learner completes the whole lesson, every build-the-fence challenge and the knowledge check
// by keyboard alone, gets some
// predictions and one answer wrong on purpose, follows the link back to a chapter, and
// downloads a completion record whose score matches the one on screen.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { chooseRadio, focusedName, press, tabTo } from './support/keyboard';
import { drillPlan, lesson, quiz, quizPlan, totalDrills } from './support/lessonPlan';
import { solveAll } from './support/challengePlan';
import { readdirSync } from 'node:fs';

const CHALLENGES = readdirSync(new URL('../../scenarios/challenges/', import.meta.url))
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .map((f) =>
    JSON.parse(readFileSync(new URL(`../../scenarios/challenges/${f}`, import.meta.url), 'utf8')),
  )
  .sort((a, b) => a.order - b.order)
  .map((c) => c.id as string);

test.use({ reducedMotion: 'reduce' });

const WRONG_DRILLS = new Set(['0.0', '3.1']);
const WRONG_QUESTION = 2;

test('a learner completes the lesson, the challenges and the quiz by keyboard only', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto('./#/lesson');
  await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();

  for (const [c, chapter] of lesson.chapters.entries()) {
    await expect(page.getByRole('heading', { level: 2, name: chapter.title })).toBeVisible();
    await press(page, 'Start the drill');
    for (const [d, plan] of drillPlan[c]!.entries()) {
      const wrong = WRONG_DRILLS.has(`${c}.${d}`);
      // Focus is on the drill's heading; the outcome group comes next.
      await chooseRadio(page, 'Allowed', wrong ? plan.wrong : plan.outcome);
      if (plan.reason) {
        const firstReason = chapter.drills[d]!.reasons[0]!.text;
        await chooseRadio(page, firstReason, plan.reason);
      }
      await press(page, 'Reveal');
      // Focus lands on the playback; skip the animation.
      await press(page, 'Show the result');
      const feedback = page.getByRole('region', { name: 'Your prediction' });
      await expect(feedback).toContainText(wrong ? 'the answer is' : '— right.');
      if (plan.reason) await expect(feedback).toContainText('Your reason is right');
      await expect(page.getByRole('region', { name: 'Outcome' })).toBeVisible();
      await press(page, /^(Next drill|Next chapter|Start the knowledge check)$/);
    }
  }

  // Before the quiz: every build-the-fence challenge, from the lesson's chapter list and back.
  await expect(
    page.getByRole('heading', { name: `Question 1 of ${quiz.questions.length}` }),
  ).toBeVisible();
  await press(page, '▣ Build the fence: challenges');
  await expect(page.getByRole('heading', { level: 1, name: 'What-if lab' })).toBeVisible();
  await solveAll(page, CHALLENGES);
  await expect(page.getByText(`${CHALLENGES.length} of ${CHALLENGES.length} solved`)).toBeVisible();
  await press(page, 'Back to the lesson');

  for (const [q, plan] of quizPlan.entries()) {
    await expect(
      page.getByRole('heading', { name: `Question ${q + 1} of ${quiz.questions.length}` }),
    ).toBeVisible();
    // Options are shuffled per attempt: the first one is whatever the page shows first.
    const first = (await page.locator('.quiz .choice').first().innerText()).trim();
    await chooseRadio(page, first, q === WRONG_QUESTION ? plan.wrong : plan.right);
    await press(page, 'Check answer');
    if (q === WRONG_QUESTION) {
      await expect(page.getByText('Not quite.')).toBeVisible();
      // Back to the chapter, then back to the quiz from the chapter list.
      await press(page, `Review the chapter “${plan.chapter}”`);
      await expect(page.getByRole('heading', { level: 2, name: plan.chapter })).toBeVisible();
      await page.keyboard.press('Shift+Tab'); // from the chapter heading back into the chapter list
      for (let i = 0; i < 30 && (await focusedName(page)) !== '? Knowledge check'; i++)
        await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Enter');
      await expect(
        page.getByRole('heading', { name: `Question ${q + 1} of ${quiz.questions.length}` }),
      ).toBeVisible();
      await chooseRadio(page, first, plan.right); // answering again counts the new answer
      await press(page, 'Check answer');
    }
    await expect(page.getByText('Correct.')).toBeVisible();
    await press(page, /^(Next question|See your result)$/);
  }

  // Only the knowledge check is scored; the predictions were practice.
  const points = quiz.questions.length;
  const max = quiz.questions.length;
  const percent = 100;
  await expect(page.getByRole('heading', { name: 'Lesson complete: passed' })).toBeVisible();
  await expect(page.getByTestId('final-score')).toContainText(`${points} of ${max} (${percent}%)`);
  await expect(page.getByTestId('final-score')).toContainText('The pass mark is 75%');
  await expect(
    page.getByText(`Predictions right: ${totalDrills - WRONG_DRILLS.size} of ${totalDrills}`),
  ).toBeVisible();

  await tabTo(page, 'Your name for the certificate');
  await page.keyboard.type('Dana Hansen');
  const downloading = page.waitForEvent('download');
  await press(page, 'Download completion record (JSON)');
  const download = await downloading;
  const record = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(record).toMatchObject({
    kind: 'pat-fence-completion',
    name: 'Dana Hansen',
    passed: true,
    review: [],
    score: { points, max, percent, drillsRight: totalDrills - WRONG_DRILLS.size },
  });
  expect(record.drills).toHaveLength(totalDrills);
  expect(record.quiz).toHaveLength(quiz.questions.length);
  expect(record.completedAt).toMatch(/^\d{4}-\d\d-\d\d$/);

  await press(page, 'Show certificate');
  const cert = page.getByRole('region', { name: 'Certificate of completion' });
  await expect(cert).toContainText('Dana Hansen');
  await expect(cert).toContainText(`${points} of ${max} (${percent}%)`);
  expect(errors).toEqual([]);
});

test('progress survives a reload and can be reset; corrupt storage is ignored', async ({
  page,
}) => {
  await page.goto('./#/lesson');
  await press(page, 'Start the drill');
  await chooseRadio(page, 'Allowed', drillPlan[0]![0]!.outcome);
  await chooseRadio(
    page,
    lesson.chapters[0]!.drills[0]!.reasons[0]!.text,
    drillPlan[0]![0]!.reason!,
  );
  await press(page, 'Reveal');
  await press(page, 'Show the result');
  await press(page, 'Next chapter');
  await expect(page.getByText('practice 1 /')).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole('heading', { level: 2, name: lesson.chapters[1]!.title }),
  ).toBeVisible();
  await expect(page.getByText('Welcome back')).toBeVisible();
  await expect(page.getByText('practice 1 /')).toBeVisible();
  // The notice belongs to the place the learner came back to, not to the rest of the lesson.
  await press(page, 'Start the drill');
  await expect(page.getByText('Welcome back')).toHaveCount(0);
  await press(page, 'Reset progress');
  await press(page, 'Yes, reset');
  await expect(
    page.getByRole('heading', { level: 2, name: lesson.chapters[0]!.title }),
  ).toBeVisible();
  await expect(page.getByText('practice 0 /')).toBeVisible();

  await page.evaluate(() =>
    localStorage.setItem('pat-fence.lesson.v1', '{"v":1,"position":{"chapter":"x'),
  );
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.reload();
  await expect(
    page.getByRole('heading', { level: 2, name: lesson.chapters[0]!.title }),
  ).toBeVisible();
  expect(errors).toEqual([]);
});

test('presenter mode: trainer switches in the URL, keys to step, no controls', async ({ page }) => {
  await page.goto('./#/lesson?presenter=1&hints=0&quiz=0&chapter=3');
  const chapter = lesson.chapters[2]!;
  await expect(page.getByRole('heading', { level: 2, name: chapter.title })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Lesson chapters' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Full screen' })).toBeVisible();
  await page.keyboard.press('ArrowRight'); // → the drill
  await expect(page.getByRole('group', { name: 'What happens?' })).toBeVisible();
  await expect(page.getByText('Hint', { exact: true })).toHaveCount(0);
  await page.keyboard.press('Space'); // reveal without a prediction
  await expect(page.getByRole('group', { name: 'Playback' })).toHaveCount(0);
  // The room voted; it gets the answer, not a verdict on a prediction.
  const feedback = page.getByRole('region', { name: 'The answer' });
  for (let i = 0; i < 10 && !(await feedback.isVisible()); i++)
    await page.keyboard.press('ArrowRight'); // one trace step per key
  await expect(feedback).toContainText('The answer:');
  await expect(page.getByText('No prediction')).toHaveCount(0);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('heading', { level: 2, name: chapter.title })).toBeVisible();
  // quiz=0: the knowledge check is off, so the last chapter finishes the lesson.
  await page.goto(`./#/lesson?presenter=1&quiz=0&chapter=${lesson.chapters.length}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Checklist' })).toBeVisible();
  await expect(page.getByText(/Score:/)).toHaveCount(0); // no score for the room
});

test('tampered trainer switches fall back to defaults without errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./#/lesson?presenter=%E0%A4%A&hints=maybe&quiz=2&chapter=-4e9');
  await expect(
    page.getByRole('heading', { level: 2, name: lesson.chapters[0]!.title }),
  ).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Lesson chapters' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Knowledge check' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('answering the first option every time does not pass: no certificate, chapters to review', async ({
  page,
}) => {
  await page.goto(`./#/lesson?chapter=${lesson.chapters.length}`);
  await press(page, '? Knowledge check');
  const nav = page.getByRole('navigation', { name: 'Lesson chapters' });
  await expect(nav.getByRole('button', { name: /Checklist/ })).not.toHaveAttribute('aria-current');
  await expect(nav.getByRole('button', { name: 'Knowledge check' })).toHaveAttribute(
    'aria-current',
    'step',
  );
  await expect(page.getByText(/The pass mark is 75%: \d+ of \d+ right/)).toBeVisible();
  for (let q = 0; q < quiz.questions.length; q++) {
    const first = (await page.locator('.quiz .choice').first().innerText()).trim();
    await chooseRadio(page, first, first);
    await press(page, 'Check answer');
    await press(page, /^(Next question|See your result)$/);
  }
  await expect(page.getByRole('heading', { name: 'Not yet passed' })).toBeVisible();
  await expect(page.getByTestId('final-score')).toContainText('The pass mark is 75%');
  await expect(page.getByRole('button', { name: 'Show certificate' })).toHaveCount(0);
  await expect(page.getByText('Certificate of completion')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Chapters to review' })).toBeVisible();
  await expect(nav.locator('[aria-current]')).toHaveCount(0);
  await press(page, 'Try the knowledge check again');
  await expect(
    page.getByRole('heading', { name: `Question 1 of ${quiz.questions.length}` }),
  ).toBeVisible();
});
