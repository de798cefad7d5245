// The what-if lab in real Chromium: the sandbox decides as you type and keeps the last valid
// configuration, the sample Graph exports import, an impact run's counts equal the engine's
// (computed here in node with evaluate()), every bad input keeps the previous state, a run can
// be cancelled, evidence replays, and no request ever leaves the page's origin.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_ASSUMPTIONS } from '../../src/model/engine/assumptions';
import { evaluate } from '../../src/model/engine/evaluate';
import { parseNamedLocations } from '../../src/model/graph/graphLocations';
import { parsePolicies } from '../../src/model/graph/graphPolicies';
import { rowRequest } from '../../src/model/impact/impactRequest';
import { defaultSandbox } from '../../src/model/lab/sandboxTypes';
import { decodeSandbox } from '../../src/model/lab/sandboxUrl';
import { readSigninRows } from '../../src/model/impact/signinRows';
import { rowsToAnalyse } from '../../src/model/impact/rowsToAnalyse';
import type { Outcome, World } from '../../src/model/engine/types';

const FIX = new URL('../fixtures/', import.meta.url);
const path = (p: string) => new URL(p, FIX).pathname;
const text = (p: string) => readFileSync(path(p), 'utf8');
const LOCATIONS = 'graph/namedLocations.json';
const POLICIES = 'graph/policies.json';
const CSV = 'lab/signins-tokens.csv';

let problems: string[] = [];
test.beforeEach(async ({ page, baseURL }) => {
  problems = [];
  const origin = new URL(baseURL!).origin;
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:' + origin))
      problems.push(`request to another origin: ${u}`);
  });
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto('./#/lab');
});
test.afterEach(() => expect(problems).toEqual([]));

async function importSamples(page: Page) {
  await page.getByRole('button', { name: 'Import data' }).click();
  await page.setInputFiles('#import-locations-file', path(LOCATIONS));
  await page.setInputFiles('#import-policies-file', path(POLICIES));
  await expect(page.getByText('In use: 5 named locations from namedLocations.json')).toBeVisible();
  await expect(
    page.getByText('In use: 7 conditional access policies from policies.json'),
  ).toBeVisible();
}

/** What the engine says, row by row, for the lab's default sandbox org and request time. */
function expectedCounts(csv: string) {
  const sandbox = defaultSandbox();
  const locations = parseNamedLocations(text(LOCATIONS));
  const policies = parsePolicies(text(POLICIES));
  const rows = readSigninRows(csv);
  if (!locations.ok || !policies.ok || !rows.ok) throw new Error('fixtures do not import');
  // The impact's "on" asks "what if it is on" at every row's time; the date only sorts PATs (R12).
  const world = (on: boolean): World => ({
    locations: locations.value,
    policies: policies.value,
    org: { ipValidation: on, enabledAt: sandbox.org.enabledAt, onAtEveryRequest: true },
  });
  const zero = (): Record<Outcome, number> => ({ allowed: 0, blocked: 0, 'mfa-required': 0 });
  const off = zero();
  const on = zero();
  let invalid = 0;
  let newly = 0;
  // Rows with a bad cell are skipped, not decided (rowsToAnalyse), as on the command line.
  const decided = rowsToAnalyse(rows.value);
  for (const row of decided) {
    const req = rowRequest(row, { at: sandbox.actor.at, defaultFlow: 'pat' });
    const a = evaluate(world(false), req, DEFAULT_ASSUMPTIONS);
    const b = evaluate(world(true), req, DEFAULT_ASSUMPTIONS);
    if (!a.ok || !b.ok) {
      invalid++;
      continue;
    }
    off[a.value.outcome]++;
    on[b.value.outcome]++;
    if (a.value.outcome === 'allowed' && b.value.outcome !== 'allowed') newly++;
  }
  return { off, on, invalid, newly, skipped: rows.value.rows.length - decided.length };
}

async function runImpact(page: Page, file = CSV) {
  await page.getByRole('button', { name: 'Impact' }).click();
  await page.setInputFiles('#impact-csv-file', path(file));
  await expect(page.getByTestId('newly-blocked')).toBeVisible();
}

test('the sandbox decides as you type and keeps the last valid configuration', async ({ page }) => {
  const decision = page.getByRole('region', { name: 'Decision' });
  const outcome = decision.getByRole('region', { name: 'Outcome' });
  await expect(outcome).toContainText('Denied');
  await expect(outcome).toContainText('VS403463');
  await page.getByLabel('IP that reaches Azure DevOps').fill('203.0.113.50');
  await expect(outcome).toContainText('Allowed');

  const ranges = page.locator('#sb-loc-hq-ranges');
  await ranges.fill('203.0.113.0/24\n10.0.0.0/33');
  await expect(ranges).toHaveAttribute('aria-invalid', 'true');
  await expect(ranges).toHaveAttribute('aria-describedby', /sb-loc-hq-ranges-error/);
  await expect(
    page.getByRole('alert').filter({ hasText: 'line 2: "10.0.0.0/33" is not a valid CIDR range' }),
  ).toBeVisible();
  await expect(decision).toContainText('last valid configuration');
  await expect(outcome).toContainText('Allowed');
  await ranges.fill('203.0.113.0/24');
  await expect(ranges).not.toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Enable IP Conditional Access policy validation').uncheck();
  await page.getByLabel('IP that reaches Azure DevOps').fill('192.0.2.1');
  await expect(outcome).toContainText('Allowed');
  await page.getByLabel('Enable IP Conditional Access policy validation').check();
  await expect(outcome).toContainText('Denied');
  await page.getByLabel('Excluded users (UPNs, comma separated)').fill('alice@contoso.com');
  await expect(outcome).toContainText('Allowed');
  await page.getByLabel('Excluded users (UPNs, comma separated)').fill('');
  await page.getByLabel('State').selectOption('enabledForReportingButNotEnforced');
  await expect(outcome).toContainText('Allowed');
  await page.getByLabel('State').selectOption('enabled');
  await page.getByLabel('Target resource').selectOption('arm');
  await expect(outcome).toContainText('Allowed');
  await page.getByLabel('Target resource').selectOption('all');
  await page.getByLabel('PATs created before the policy went on').selectOption('enforced');
  await page.getByLabel('Token created (empty = after the policy went on)').fill('2025-01-01');
  await expect(outcome).toContainText('Denied');
  await page.getByLabel('Flow').selectOption('web');
  await expect(outcome).toContainText('AADSTS53003');
  await expect(decision.getByRole('heading', { name: 'Why? Step by step' })).toBeVisible();
});

test('the sandbox lives in the link: a reload keeps it', async ({ page }) => {
  await page.getByLabel('IP that reaches Azure DevOps').fill('198.51.100.20');
  const ipInLink = () => {
    const s = new URL(page.url()).hash.split('s=')[1] ?? '';
    const d = decodeSandbox(decodeURIComponent(s));
    return d.ok ? d.value.actor.ip : d.error;
  };
  await expect.poll(ipInLink).toBe('198.51.100.20');
  await page.reload();
  await expect(page.getByLabel('IP that reaches Azure DevOps')).toHaveValue('198.51.100.20');
  await page.goto('./#/lab?s=1.garbage!');
  // A damaged link arriving later changes nothing: the sandbox on screen stays.
  await expect(
    page.getByRole('alert').filter({ hasText: 'sandbox on screen is kept' }),
  ).toBeVisible();
  await expect(page.getByLabel('IP that reaches Azure DevOps')).toHaveValue('198.51.100.20');
  // A moment later the address bar holds the sandbox on screen again (the last valid one).
  await expect.poll(ipInLink).toBe('198.51.100.20');
  // Opened afresh, the damaged link shows the default sandbox. (A reload raced the rewrite above:
  // on a loaded machine it reloaded the rewritten link.)
  await page.goto('about:blank');
  await page.goto('./#/lab?s=1.garbage!');
  await expect(page.getByRole('alert').filter({ hasText: 'default sandbox' })).toBeVisible();
  await expect(page.getByLabel('IP that reaches Azure DevOps')).toHaveValue(
    defaultSandbox().actor.ip,
  );
});

test('impact counts equal the engine, row by row', async ({ page }) => {
  await importSamples(page);
  await runImpact(page);
  const want = expectedCounts(text(CSV));
  for (const k of ['allowed', 'blocked', 'mfa-required'] as const) {
    await expect(page.getByTestId(`off-${k}`)).toHaveText(String(want.off[k]));
    await expect(page.getByTestId(`on-${k}`)).toHaveText(String(want.on[k]));
  }
  // Its one bad address (10.0.0.300) is a bad cell: skipped and listed, not "could not evaluate".
  expect(want).toMatchObject({ invalid: 0, skipped: 1 });
  await expect(page.getByTestId('invalid')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /: \d+ decided, 1 skipped$/ })).toBeVisible();
  await expect(page.getByTestId('newly-blocked')).toHaveText(String(want.newly));
  expect(want.newly).toBeGreaterThan(0);

  // Sortable groups, and a CSV export made in the page.
  const users = page.getByRole('table', { name: /Users refused/ });
  const head = users.getByRole('columnheader', { name: /User/ });
  await expect(head).toHaveAttribute('aria-sort', 'none');
  await head.getByRole('button').click();
  await expect(head).toHaveAttribute('aria-sort', 'ascending');
  const first = await users.locator('tbody th').first().textContent();
  await head.getByRole('button').click();
  await expect(head).toHaveAttribute('aria-sort', 'descending');
  await expect(users.locator('tbody th').first()).not.toHaveText(first!);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export users (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('impact-users.csv');
  expect(readFileSync(await file.path(), 'utf8')).toMatch(/^user,blocked_rows,newly_blocked/);
});

test('bad imports say what and where, and the previous data stays', async ({ page }) => {
  await importSamples(page);
  const alerts = page.getByRole('alert', { name: 'Import errors' });
  const cases: [string, string, RegExp][] = [
    [
      '#import-locations-file',
      'lab/broken.json',
      /broken\.json: not valid JSON at line 3, column \d+/,
    ],
    [
      '#import-locations-file',
      'lab/locations-bad-cidr.json',
      /locations-bad-cidr\.json: value\[0\]\.ipRanges\[0\]\.cidrAddress: "10\.0\.0\.0\/33" is not a valid CIDR range/,
    ],
    [
      '#import-policies-file',
      'lab/policies-missing-conditions.json',
      /policies-missing-conditions\.json: value\[0\] \("CA900 - No conditions"\)\.conditions: missing/,
    ],
    [
      '#import-policies-file',
      'lab/screenshot.png',
      /screenshot\.png: this is an image\/png file, not a Graph JSON export/,
    ],
  ];
  for (const [input, file, message] of cases) {
    await page.setInputFiles(input, path(file));
    await expect(alerts).toContainText(message);
    await expect(alerts).toContainText('The previous data is still in use.');
    await expect(
      page.getByText('In use: 5 named locations from namedLocations.json'),
    ).toBeVisible();
    await expect(
      page.getByText('In use: 7 conditional access policies from policies.json'),
    ).toBeVisible();
  }
  // A PNG dropped (not chosen) on a drop zone is refused the same way.
  await dropFile(page, '#import-locations-file', 'photo.png', 'image/png');
  await expect(alerts).toContainText('photo.png: this is an image/png file');
  await expect(page.getByText('In use: 5 named locations from namedLocations.json')).toBeVisible();
  // Pasted text that is not JSON.
  await page.locator('#import-policies-text').fill('{"value": [ {');
  await page.getByRole('button', { name: 'Import pasted conditional access policies' }).click();
  await expect(alerts).toContainText('pasted text: not valid JSON');
  await expect(
    page.getByText('In use: 7 conditional access policies from policies.json'),
  ).toBeVisible();
});

async function dropFile(page: Page, inputSelector: string, name: string, type: string) {
  const zone = page.locator(inputSelector).locator('xpath=ancestor::div[@role="group"]');
  const dt = await page.evaluateHandle(
    ({ n, t }) => {
      const d = new DataTransfer();
      d.items.add(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0])], n, { type: t }));
      return d;
    },
    { n: name, t: type },
  );
  await zone.dispatchEvent('drop', { dataTransfer: dt });
}

test('bad sign-in files keep the previous report', async ({ page }) => {
  await importSamples(page);
  await runImpact(page);
  const newly = await page.getByTestId('newly-blocked').textContent();
  const alerts = page.getByRole('alert', { name: 'Impact errors' });
  await page.setInputFiles('#impact-csv-file', path('lab/signins-no-ip.csv'));
  await expect(alerts).toContainText('signins-no-ip.csv: No IP column');
  await expect(alerts).toContainText('The previous results are still shown.');
  await expect(page.getByTestId('newly-blocked')).toHaveText(newly!);
  await page.setInputFiles('#impact-csv-file', path('lab/screenshot.png'));
  await expect(alerts).toContainText('screenshot.png: this is an image/png file, not a log export');
  await page.locator('#impact-csv-text').fill('ip\n"203.0.113.1');
  await page.getByRole('button', { name: 'Analyse pasted log' }).click();
  await expect(alerts).toContainText(/pasted text: .*quoted field is never closed/);
  await expect(page.getByTestId('newly-blocked')).toHaveText(newly!);
});

test('a long run shows progress and can be cancelled; the previous report stays', async ({
  page,
}) => {
  // Handing Playwright the 30 MB file takes long on a busy machine.
  test.setTimeout(120_000);
  await runImpact(page);
  const before = await page.getByTestId('on-blocked').textContent();
  const lines = ['ip,user,flow'];
  for (let i = 0; i < 1_200_000; i++)
    lines.push(`192.0.${(i >> 8) & 255}.${i & 255},u${i % 5000}@contoso.com,pat`);
  await page.setInputFiles('#impact-csv-file', {
    name: 'big.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\n')),
  });
  const progress = page.getByRole('progressbar');
  await expect(progress).toBeVisible();
  // The file goes to the worker unread: bytes and rows so far.
  await expect(page.locator('label[for="impact-progress"]')).toContainText(
    /Reading and deciding the file… \d+% \([\d.]+ (MB|kB|bytes) of [\d.]+ MB, [\d,]+ rows\)/,
  );
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled' })).toHaveText(
    'Cancelled. The previous results are still shown.',
  );
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('on-blocked')).toHaveText(before!);
});

test('a VS403463 answer is rebuilt, replayed and compared', async ({ page }) => {
  await importSamples(page);
  await page.getByRole('button', { name: 'Replay evidence' }).click();
  await page.setInputFiles('#evidence-file', path('evidence/vs403463-rest.json'));
  await expect(page.getByText('Azure DevOps VS403463 answer')).toBeVisible();
  await page.getByLabel('IP that reached the service').fill('300.1.1.1');
  await expect(page.getByLabel('IP that reached the service')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await page.getByLabel('IP that reached the service').fill('192.0.2.44');
  await page.getByLabel('When (ISO 8601)').fill('2026-03-02T10:00:00Z');
  // The answer names no user, and the sample tenant excludes a break-glass account: the replay
  // says what it would need (R22) instead of guessing.
  await expect(page.getByTestId('comparison')).toContainText(
    'The evidence does not say everything a policy needs',
    { timeout: 15_000 },
  );
  await page.getByLabel(/^User \(UPN; empty = unknown/).fill('dev@contoso.com');
  await expect(page.getByTestId('refused-by')).toContainText('Refused by rule', {
    timeout: 15_000,
  });
  await expect(page.getByTestId('comparison')).toContainText(
    'Matches: Azure DevOps blocks it (VS403463)',
  );
  await page.locator('#evidence-text').fill('not evidence at all');
  await page.getByRole('button', { name: 'Read pasted evidence' }).click();
  await expect(page.getByRole('alert', { name: 'Evidence errors' })).toContainText(
    'pasted text: Not recognised',
  );
  await expect(page.getByTestId('comparison')).toBeVisible();
});

test('redaction masks names, ids and UPNs everywhere shown', async ({ page }) => {
  await importSamples(page);
  await runImpact(page);
  await page.getByLabel(/Redact names/).check();
  const main = page.locator('main');
  await expect(main).toContainText('Policy 1');
  await expect(main).not.toContainText('@contoso.com');
  await expect(main).not.toContainText('CA001');
  await page.getByRole('button', { name: 'Sandbox' }).click();
  await expect(page.getByRole('region', { name: 'Decision' })).not.toContainText('CA001');
});

test('a token-looking string is refused in the lab fields', async ({ page }) => {
  await page.getByRole('button', { name: 'Replay evidence' }).click();
  // 52 characters of lowercase base32: the shape of a legacy Azure DevOps PAT (made up).
  const pat = 'k7q2m4x3p3w6t5r5z2v7n4b6c3d2f5g2h7j4l4s3y6u2e5i2o7qa';
  await page.locator('#evidence-text').fill(pat);
  await expect(page.locator('#evidence-text')).not.toHaveValue(pat);
  await expect(page.getByText('That looks like a real access token.')).toBeVisible();
});

test('a policy that needs a fact the actor does not give: "this depends on", then the fact decides', async ({
  page,
}) => {
  await page.getByRole('button', { name: 'Import data' }).click();
  await page.setInputFiles('#import-policies-file', path('cli/policies-contractors.json'));
  await page.getByRole('button', { name: 'Sandbox' }).click();
  const decision = page.getByRole('region', { name: 'Decision' });
  const outcome = decision.getByRole('region', { name: 'Outcome' });
  await expect(outcome).toContainText('Allowed');
  await expect(outcome).toContainText('depends on a fact');
  await expect(decision.getByRole('region', { name: /This depends on/ })).toContainText(
    'If alice@contoso.com is in Contractors, “Block contractors outside the office” blocks this.',
  );
  await page.getByLabel(/^Groups/).fill('Contractors');
  await expect(outcome).toContainText('Denied');
  await expect(decision.getByRole('region', { name: /This depends on/ })).toHaveCount(0);
  await page.getByLabel(/^Groups/).fill('none');
  await expect(outcome).toContainText('Allowed');
});

test('an MFA prompt is a question, not a failure', async ({ page }) => {
  await page.getByRole('button', { name: 'Import data' }).click();
  await page.setInputFiles('#import-policies-file', path('cli/policies-mfa-plain.json'));
  await page.getByRole('button', { name: 'Sandbox' }).click();
  await page.getByRole('combobox', { name: /^Flow/ }).selectOption('web');
  const decision = page.getByRole('region', { name: 'Decision' });
  await expect(decision.getByRole('region', { name: 'Outcome' })).toContainText('MFA required');
  const why = decision.getByRole('region', { name: 'Why? Step by step' });
  await expect(why.getByText('asks for MFA', { exact: true }).first()).toBeVisible();
  await expect(decision.getByText('✗ fail')).toHaveCount(0);
});
