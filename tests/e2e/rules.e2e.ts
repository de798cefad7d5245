// The Rules and sources page: every rule of the engine's table, a link to one rule that scrolls to
// it and highlights it, a notice for an unknown id, and rule badges elsewhere that lead there.
import { expect, test } from '@playwright/test';
import { RULE_IDS, RULES } from '../../src/model/engine/rules';
import { watchPage } from './support/watchPage';

const ruleList = (page: import('@playwright/test').Page) =>
  page.getByRole('list', { name: 'Rules', exact: true }).locator(':scope > li');

test('lists every rule with its name, id, status, sources and scenarios', async ({
  page,
  baseURL,
}) => {
  const watch = watchPage(page, baseURL!);
  await page.goto('./#/rules');
  await expect(page.getByRole('heading', { level: 1, name: 'Rules and sources' })).toBeVisible();
  await expect(ruleList(page)).toHaveCount(25);
  expect(RULE_IDS).toHaveLength(25);
  for (const id of RULE_IDS)
    await expect(
      page.getByRole('heading', { level: 2, name: `${RULES[id].name} ${id}` }),
    ).toHaveCount(1);
  const r12 = page.locator('#rule-R12');
  await expect(r12).toContainText('article claim');
  await expect(r12).toContainText('Protect Azure DevOps Personal Access Tokens');
  await expect(r12.getByRole('link', { name: "Dana's August PAT, from home" })).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'How sure we are: the four statuses' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Rules', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  expect(watch.errors).toEqual([]);
  expect(watch.foreign).toEqual([]);
});

for (const hash of ['#/rules/R12', '#/rules?rule=R12', '#/rules/r12']) {
  test(`a link to one rule (${hash}) scrolls to it and highlights it`, async ({ page }) => {
    await page.goto(`./${hash}`);
    const rule = page.locator('#rule-R12');
    await expect(rule).toBeInViewport();
    await expect(rule).toBeFocused();
    await expect(rule).toHaveClass(/selected/);
    await expect(page.locator('.rule.selected')).toHaveCount(1);
    await expect(page.getByText(/There is no rule/)).toHaveCount(0);
  });
}

test('an unknown rule id gets a notice, and the rules are still listed', async ({ page }) => {
  await page.goto('./#/rules/R99');
  await expect(page.getByRole('alert').filter({ hasText: 'There is no rule “R99”' })).toBeVisible();
  await expect(ruleList(page)).toHaveCount(25);
  await expect(page.locator('.rule.selected')).toHaveCount(0);
});

test('the jump index moves from rule to rule', async ({ page }) => {
  await page.goto('./#/rules');
  await page
    .getByRole('navigation', { name: 'Jump to a rule' })
    .getByRole('link', { name: /T2$/ })
    .click();
  await expect(page).toHaveURL(/#\/rules\/T2$/);
  await expect(page.locator('#rule-T2')).toBeInViewport();
  await expect(page.locator('#rule-T2')).toHaveClass(/selected/);
});

test("a rule badge in the why panel leads to that rule's entry", async ({ page }) => {
  await page.goto('./#/player?v=1&s=policy-on&p=cafe-pat&t=9');
  const why = page.getByRole('region', { name: 'Why? Step by step' });
  const badge = why.getByRole('link', { name: `${RULES.R13.name} R13` }).first();
  await expect(badge).toBeVisible();
  await badge.click();
  await expect(page).toHaveURL(/#\/rules\/R13$/);
  await expect(page.locator('#rule-R13')).toBeInViewport();
  await expect(page.locator('#rule-R13')).toHaveClass(/selected/);
  await page.goBack();
  await expect(why).toBeVisible();
});

test('a scenario link under a rule opens the player on that play', async ({ page }) => {
  await page.goto('./#/rules/R12');
  await page
    .locator('#rule-R12')
    .getByRole('link', { name: "Dana's August PAT, from home" })
    .click();
  await expect(page).toHaveURL(/#\/player\?v=1&s=existing-pat&p=/);
  await expect(page.getByRole('heading', { name: "Dana's August PAT, from home" })).toBeVisible();
  await expect(page.getByText(/does not exist|not in this scenario/)).toHaveCount(0);
});
