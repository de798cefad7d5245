// Hostile input never blanks a view (issue 15, item 1): the three `each_key_duplicate` crashes
// replayed in real Chromium — two policies with one displayName that include the same missing
// location, a link whose sandbox holds two locations with one id, one bad file in both slots.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { defaultSandbox } from '../../src/model/lab/sandboxTypes';
import { encodeSandbox } from '../../src/model/lab/sandboxUrl';

const POLICIES = new URL('../fixtures/graph/policies.json', import.meta.url).pathname;

let problems: string[] = [];
test.beforeEach(async ({ page }) => {
  problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
});
test.afterEach(() => expect(problems).toEqual([]));

const json = (name: string, value: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(value)),
});

test('two policies with one displayName and the same missing location: the Sandbox renders', async ({
  page,
}) => {
  const graph = JSON.parse(readFileSync(POLICIES, 'utf8')) as { value: Record<string, unknown>[] };
  const missing = '00000000-0000-4000-8000-00000000dead';
  const twin = (id: string) => {
    const p = structuredClone(graph.value[0]!) as {
      id: string;
      conditions: { locations: { includeLocations: string[] } };
    };
    p.id = id;
    p.conditions.locations = { ...p.conditions.locations, includeLocations: [missing] };
    return p;
  };
  const value = [
    twin('11111111-1111-4111-8111-111111111111'),
    twin('22222222-2222-4222-8222-222222222222'),
  ];
  await page.goto('./#/lab?tab=import');
  await page.setInputFiles('#import-policies-file', json('twins.json', { value }));
  await expect(page.locator('.import')).toContainText('In use: 2 conditional access policies');
  await expect(page.locator('.import')).toContainText('which is not among the imported locations');
  await page.getByRole('button', { name: 'Sandbox' }).click();
  await expect(page.getByText('Worth a look')).toBeVisible();
  await expect(page.getByLabel('IP that reaches Azure DevOps')).toBeVisible();
});

test('a link with two locations sharing one id: a notice, never an empty <main>', async ({
  page,
}) => {
  const c = defaultSandbox();
  c.locations = [c.locations[0]!, { ...c.locations[0]!, name: 'Same id again' }];
  const e = encodeSandbox(c);
  expect(e.ok).toBe(true);
  const link = `./#/lab?tab=sandbox&s=${e.ok ? e.value : ''}`;
  // Opened afresh, twice (the lab then writes the default sandbox into the address bar).
  for (let i = 0; i < 2; i++) {
    await page.goto('about:blank');
    await page.goto(link);
    await expect(page.getByRole('alert').filter({ hasText: 'the same id' })).toBeVisible();
    await expect(page.getByLabel('IP that reaches Azure DevOps')).toBeVisible();
    expect((await page.locator('main').innerText()).trim()).not.toBe('');
  }
  // Arriving while the lab is open, the same link keeps the sandbox on screen.
  await page.goto('./#/lab?tab=sandbox');
  await page.getByLabel('IP that reaches Azure DevOps').fill('198.51.100.20');
  await page.goto(link);
  await expect(
    page.getByRole('alert').filter({ hasText: 'sandbox on screen is kept' }),
  ).toBeVisible();
  await expect(page.getByLabel('IP that reaches Azure DevOps')).toHaveValue('198.51.100.20');
});

test('one bad file in both import slots: both errors show', async ({ page }) => {
  await page.goto('./#/lab?tab=import');
  const bad = {
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"value": 3'),
  };
  await page.setInputFiles('#import-locations-file', bad);
  await page.setInputFiles('#import-policies-file', bad);
  const errors = page.getByRole('alert', { name: 'Import errors' }).locator('p');
  await expect(errors).toHaveCount(2);
  await expect(page.getByRole('heading', { name: "Import your tenant's data" })).toBeVisible();
});

test('control characters in an imported policy name are shown escaped', async ({ page }) => {
  const graph = JSON.parse(readFileSync(POLICIES, 'utf8')) as { value: Record<string, unknown>[] };
  const p = { ...graph.value[0]!, displayName: 'CA\u001b]0;pwned\u0007 \u001b[2J end' };
  await page.goto('./#/lab?tab=import');
  await page.setInputFiles('#import-policies-file', json('escapes.json', { value: [p] }));
  await expect(page.locator('.import')).toContainText('In use: 1 conditional access polic');
  await page.getByRole('button', { name: 'Sandbox' }).click();
  await expect(page.locator('main')).toContainText('CA\\x1b]0;pwned\\x07 \\x1b[2J end');
  expect(await page.locator('main').innerText()).not.toContain('\u001b');
});
