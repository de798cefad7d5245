// The scenario player in real Chromium: every play of every scenario reaches the outcome its file
// expects, the org policy switch flips the external actor's fate, and each scenario's end state is
// kept as a screenshot at phone and desktop widths (tests/e2e-artifacts/).
import { expect, test, type Page } from '@playwright/test';
import { scenarioFiles, VERDICT } from './support/scenarios';

test.use({ reducedMotion: 'reduce' });

async function choose(page: Page, scenarioId: string, playTitle?: string) {
  const box = page.getByRole('combobox', { name: /^Scenario/ });
  await box.selectOption(scenarioId);
  // A scenario loads when picked: wait until it is the one on screen.
  await expect(box).not.toHaveAttribute('aria-busy', 'true');
  await expect(box).toHaveValue(scenarioId);
  if (playTitle) {
    const button = page.getByRole('button', { name: playTitle, exact: true });
    if (await button.count()) await button.click();
  }
}

async function playToEnd(page: Page) {
  await page.getByRole('combobox', { name: /^Speed/ }).selectOption('4');
  await page.getByRole('button', { name: 'Restart' }).click();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  const outcome = page.getByRole('region', { name: 'Outcome' });
  await expect(outcome).toBeVisible({ timeout: 15_000 });
  return outcome;
}

for (const s of scenarioFiles) {
  test(`scenario ${s.id}: every play reaches its expected outcome`, async ({ page }) => {
    await page.goto('./#/player');
    for (const play of s.plays) {
      await choose(page, s.id, play.title);
      const outcome = await playToEnd(page);
      await expect(outcome).toContainText(VERDICT[play.expect.outcome]!);
      if (play.expect.status) await expect(outcome).toContainText(`HTTP ${play.expect.status}`);
      if (play.expect.code) await expect(outcome).toContainText(play.expect.code);
      await expect(outcome.getByRole('alert')).toHaveCount(0);
    }
  });
}

test('flipping the org policy turns the external actor from allowed to denied', async ({
  page,
}) => {
  await page.goto('./#/player');
  await choose(page, 'policy-off', "A stranger uses Dana's leaked PAT");
  await expect(await playToEnd(page)).toContainText('Allowed');
  const org = page.getByRole('switch', { name: /Org policy/ });
  await expect(org).toHaveAttribute('aria-checked', 'false');
  await org.click();
  await expect(org).toHaveAttribute('aria-checked', 'true');
  const outcome = await playToEnd(page);
  await expect(outcome).toContainText('Denied');
  await expect(outcome).toContainText('VS403463');
  await org.click();
  await expect(await playToEnd(page)).toContainText('Allowed');
});

test('changing the flow re-evaluates at once: web from the café under MFA-outside asks for MFA', async ({
  page,
}) => {
  await page.goto('./#/player');
  await choose(page, 'web-vs-pat-mfa');
  const plays = scenarioFiles.find((f) => f.id === 'web-vs-pat-mfa')!.plays;
  const patPlay = plays.find((p) => p.expect.outcome === 'blocked')!;
  await choose(page, 'web-vs-pat-mfa', patPlay.title);
  await expect(await playToEnd(page)).toContainText('Denied');
  await page.getByRole('button', { name: 'Web sign-in' }).click();
  await expect(await playToEnd(page)).toContainText('MFA required');
});

for (const [name, viewport] of [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1366, height: 900 }],
] as const) {
  test(`screenshots of every scenario's end state (${name})`, async ({ page }, info) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    await page.goto('./#/player');
    for (const s of scenarioFiles) {
      const last = s.plays[s.plays.length - 1]!;
      await choose(page, s.id, last.title);
      await playToEnd(page);
      await page.screenshot({
        path: `tests/e2e-artifacts/player/${s.id}-${name}.png`,
        fullPage: true,
      });
    }
    expect(info.status).not.toBe('failed');
  });
}
