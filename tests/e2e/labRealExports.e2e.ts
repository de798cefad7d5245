// Real exports in the lab, as admins have them: several one-policy backup files picked or dropped
// at once, Windows PowerShell's UTF-16 files, their warnings (compliant network, AllTrusted,
// template ids), and the sandbox refusing an IPv4 /8 with R17's words while the last valid
// configuration keeps deciding. Screenshots go to tests/e2e-artifacts/lab-real/.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const REAL = new URL('../fixtures/graph-real/', import.meta.url);
const path = (p: string) => new URL(p, REAL).pathname;
const BACKUP = ['CA010.json', 'CA020.json', 'CA030.json'].map((f) => path(`policies-backup/${f}`));
const TEMPLATE = path('template-no-id.json');
const PAGE16 = path('locations-powershell-utf16le.json');

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

const inUse = (page: Page, text: string) => page.getByText(`In use: ${text}`);

/** Drops files (name → bytes read here in node) on the drop zone around `input`, all at once. */
async function dropFiles(page: Page, input: string, files: string[]) {
  const zone = page.locator(input).locator('xpath=ancestor::div[@role="group"]');
  const payload = files.map((f) => ({
    name: f.split('/').pop()!,
    bytes: [...readFileSync(f)],
  }));
  const dt = await page.evaluateHandle((list) => {
    const d = new DataTransfer();
    for (const f of list)
      d.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: 'application/json' }));
    return d;
  }, payload);
  await zone.dispatchEvent('drop', { dataTransfer: dt });
}

async function importReal(page: Page) {
  await page.getByRole('button', { name: 'Import data' }).click();
  await page.setInputFiles('#import-locations-file', PAGE16);
  await expect(
    inUse(page, '4 named locations from locations-powershell-utf16le.json'),
  ).toBeVisible();
  await page.setInputFiles('#import-policies-file', [...BACKUP, TEMPLATE]);
  await expect(
    inUse(
      page,
      '4 conditional access policies from 4 files (CA010.json, CA020.json, CA030.json, and 1 more)',
    ),
  ).toBeVisible();
}

test('several files picked at once and a UTF-16 file import, with their warnings', async ({
  page,
}) => {
  await importReal(page);
  await expect(page.getByText('The previous data is still in use.')).toHaveCount(0);
  const warnings = page.locator('.warnings');
  await expect(warnings).toContainText('Imported, with 3 warnings');
  await expect(warnings).toContainText(
    'locations-powershell-utf16le.json: value[3]: "All Compliant Network locations" is a Global Secure Access compliant network',
  );
  await expect(warnings).toContainText('uses AllTrusted');
  await expect(warnings).toContainText('(R23)');
  await expect(warnings).toContainText(
    'template-no-id.json: id: missing (as in a template); using "block-legacy-authentication-template"',
  );
  await expect(warnings).not.toContainText('not among the imported locations');
  // The imported locations, each kind as it is; the country location says how it is looked up.
  await page.getByRole('button', { name: 'Sandbox', exact: true }).click();
  const list = page.getByRole('group', { name: 'Named locations', exact: true });
  await expect(list).toContainText(
    'a Global Secure Access compliant network: matches no IP address',
  );
  await expect(list).toContainText('looked up from the client IP address');

  // Lee on the VPN gets in; from home the PAT is refused (CA010), as on the command line.
  const outcome = page.getByRole('region', { name: 'Decision' }).getByRole('region', {
    name: 'Outcome',
  });
  await page.getByLabel('IP that reaches Azure DevOps').fill('198.51.100.37');
  await expect(outcome).toContainText('Allowed');
  await page.getByLabel('IP that reaches Azure DevOps').fill('100.64.12.7');
  await expect(outcome).toContainText('Denied');
  await expect(outcome).toContainText('VS403463');
});

test('two files dropped at once import together; a UTF-16 BE file too', async ({ page }) => {
  await page.getByRole('button', { name: 'Import data' }).click();
  await dropFiles(page, '#import-policies-file', BACKUP.slice(0, 2));
  await expect(
    inUse(page, '2 conditional access policies from 2 files (CA010.json, CA020.json)'),
  ).toBeVisible();
  await dropFiles(page, '#import-locations-file', [path('locations-utf16be.json')]);
  await expect(inUse(page, '1 named location from locations-utf16be.json')).toBeVisible();
  await expect(page.locator('.warnings')).toContainText(
    "looks the country up from the Authenticator app's GPS",
  );
  // One bad file in a drop refuses the whole drop and keeps what was in use.
  await dropFiles(page, '#import-policies-file', [BACKUP[2]!, path('../lab/screenshot.png')]);
  await expect(page.getByRole('alert', { name: 'Import errors' })).toContainText(
    'The previous data is still in use.',
  );
  await expect(
    inUse(page, '2 conditional access policies from 2 files (CA010.json, CA020.json)'),
  ).toBeVisible();
});

test('a /8 in the sandbox shows R17 and keeps the last valid state', async ({ page }) => {
  const decision = page.getByRole('region', { name: 'Decision' });
  const outcome = decision.getByRole('region', { name: 'Outcome' });
  await page.getByLabel('IP that reaches Azure DevOps').fill('203.9.9.9');
  await expect(outcome).toContainText('Denied');
  const ranges = page.locator('#sb-loc-hq-ranges');
  await ranges.fill('203.0.113.0/24\n203.0.0.0/8');
  await expect(ranges).toHaveAttribute('aria-invalid', 'true');
  await expect(
    page.getByRole('alert').filter({
      hasText:
        'line 2: "203.0.0.0/8" is refused: Entra accepts IPv4 ranges only with a mask longer than /8 (R17;',
    }),
  ).toBeVisible();
  await expect(decision).toContainText('last valid configuration');
  // 203.9.9.9 is not trusted: the refused range never reached the engine.
  await expect(outcome).toContainText('Denied');
  await ranges.fill('203.0.113.0/24\n203.0.0.0/9');
  await expect(ranges).not.toHaveAttribute('aria-invalid', 'true');
  await expect(outcome).toContainText('Allowed');
});

for (const [name, viewport, scheme] of [
  ['desktop-light', { width: 1366, height: 768 }, 'light'],
  ['phone-dark', { width: 390, height: 844 }, 'dark'],
] as const) {
  test(`screenshots: import warnings and the sandbox /8 (${name})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme: scheme });
    await importReal(page);
    const warnings = page.locator('.warnings');
    await warnings.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `tests/e2e-artifacts/lab-real/import-${name}.png` });
    await warnings.screenshot({ path: `tests/e2e-artifacts/lab-real/warnings-${name}.png` });
    await page.getByRole('button', { name: 'Clear imported named locations' }).click();
    await page.getByRole('button', { name: 'Clear imported conditional access policies' }).click();
    await page.getByRole('button', { name: 'Sandbox', exact: true }).click();
    const ranges = page.locator('#sb-loc-hq-ranges');
    await ranges.fill('203.0.113.0/24\n203.0.0.0/8');
    await expect(ranges).toHaveAttribute('aria-invalid', 'true');
    await ranges.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `tests/e2e-artifacts/lab-real/sandbox-8-${name}.png` });
  });
}
