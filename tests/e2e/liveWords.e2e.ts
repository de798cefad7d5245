// Words that follow the switches in the player: after turning the org policy on in the
// "policy off" scenario, or picking another actor, the heading, goal and picker labels say the
// live state — one short line for the heading, the IP and the policy state as they are now.
import { expect, test } from '@playwright/test';

test.use({ reducedMotion: 'reduce' });

test('turning the org policy on: heading, goal and picker follow it', async ({ page }) => {
  await page.goto('./#/player?s=policy-off&p=leaked-pat');
  const heading = page.locator('.stage h2.title');
  const goal = page.locator('.goal');
  await expect(heading).toHaveText("A stranger uses Dana's leaked PAT");
  await expect(goal).toContainText('with the org policy off');
  await page.getByRole('switch', { name: /Org policy/ }).click();
  await expect(page.getByRole('switch', { name: /Org policy/ })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await expect(heading).toHaveText('A stranger: PAT from 100.77.41.9, org policy on');
  await expect(goal).not.toContainText('org policy off');
  await expect(goal).toContainText('100.77.41.9');
  await expect(goal).toContainText('org policy on');
  // Before the first step the narration says the live state too, not the scenario's summary.
  await page.getByRole('button', { name: 'Restart' }).click(); // a flipped switch replays
  await expect(page.locator('.stage .narration .text')).toHaveText(
    'A stranger sends a PAT request from 100.77.41.9, with the org policy on. Play or step to see each check and who makes it.',
  );
  await expect(
    page.getByRole('combobox', { name: 'Scenario' }).locator('option:checked'),
  ).toContainText('the org policy is now on');
  await expect(page.getByRole('button', { pressed: true }).first()).toHaveText(/org policy on/);
});

test('another actor: the heading and the pressed play say who and from which IP', async ({
  page,
}) => {
  await page.goto('./#/player?s=policy-on&p=cafe-pat');
  await page.getByRole('combobox', { name: 'Actor' }).selectOption('dana-office');
  const heading = page.locator('.stage h2.title');
  await expect(heading).toHaveText('Dana: PAT from 203.0.113.24, org policy on');
  await expect(
    page.getByRole('group', { name: 'Who tries' }).getByRole('button', { pressed: true }),
  ).toHaveText('Dana: PAT from 203.0.113.24, org policy on');
  await expect(page.locator('.goal')).toContainText('203.0.113.24');
});
