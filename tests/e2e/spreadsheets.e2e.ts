// Everyday spreadsheet files in the lab (issue 15, item 7): European Excel's semicolon CSV,
// Excel's "Unicode text" (UTF-16 LE + tab), a .tsv, a Windows-1252 file (read, with a notice) and
// UTF-16 evidence all read like the plain CSV; a binary file gets one short line. Screenshots of
// the Windows-1252 notice and the binary refusal, desktop light and phone dark.
import { expect, test, type Page } from '@playwright/test';

const FIX = new URL('../fixtures/logs/', import.meta.url);
const path = (p: string) => new URL(p, FIX).pathname;

let problems: string[] = [];
test.beforeEach(async ({ page }) => {
  problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto('./#/lab');
  await page.getByRole('button', { name: 'Import data' }).click();
  await page.setInputFiles('#import-locations-file', path('locations.json'));
  await page.setInputFiles('#import-policies-file', path('policies.json'));
  await expect(page.getByText('In use: 2 named locations from locations.json')).toBeVisible();
  await page.getByRole('button', { name: 'Impact' }).click();
});
test.afterEach(() => expect(problems).toEqual([]));

const ROWS = [
  ['ip', 'user', 'flow', 'note'],
  ['203.0.113.14', 'bjørn.ærø@contoso.com', 'pat', 'office; "HQ", café'],
  ['20.42.0.17', 'jürgen.weiß@contoso.com', 'pat', 'hosted agent'],
  ['2001:db8:99::7', 'françoise@contoso.com', 'ssh', 'home'],
];
const sheet = (sep: string, eol = '\r\n') =>
  ROWS.map((r) => r.map((c) => (/[";,\t]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(sep))
    .join(eol)
    .concat(eol);
const utf16le = (t: string) =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]);
const utf16be = (t: string) => {
  const le = Buffer.from(t, 'utf16le');
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le.map((_, i) => le[i ^ 1]!)]);
};

const FILES: [string, string, Buffer][] = [
  ['European Excel CSV (;)', 'eu.csv', Buffer.from('\ufeff' + sheet(';'))],
  ['Excel "Unicode text" (UTF-16 LE, tab)', 'unicode.txt', utf16le(sheet('\t'))],
  ['a .tsv', 'log.tsv', Buffer.from(sheet('\t', '\n'))],
  ['UTF-16 BE with BOM, semicolon', 'be.csv', utf16be(sheet(';'))],
];

async function drop(page: Page, name: string, buffer: Buffer) {
  await page.setInputFiles('#impact-csv-file', { name, mimeType: 'text/csv', buffer });
}

async function shots(page: Page, name: string, info: { outputPath: (n: string) => string }) {
  const panel = page.getByRole('region', { name: 'Impact of turning the org policy on' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.emulateMedia({ colorScheme: 'light' });
  await panel.screenshot({ path: info.outputPath(`${name}-desktop-light.png`) });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page
    .locator('#impact-csv-file')
    .locator('xpath=ancestor::div[1]')
    .screenshot({
      path: info.outputPath(`${name}-phone-dark.png`),
    });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1366, height: 768 });
}

for (const [label, name, buffer] of FILES) {
  test(`${label} reads as 3 requests, users intact, no notice`, async ({ page }) => {
    await drop(page, name, buffer);
    const heading = page.getByRole('heading', { name: `3 requests from ${name}` });
    await expect(heading).toBeVisible();
    await expect(page.getByTestId('log-read')).toContainText('"note"');
    await expect(page.locator('.drop .notice')).toHaveCount(1);
    await expect(page.locator('.drop .notice')).toBeHidden();
    await expect(page.getByTestId('impact-notice')).toHaveCount(0);
    await expect(page.locator('[aria-label="Impact errors"]')).toBeEmpty();
    // The letters survive the decoding (the users table shows who would be refused).
    await expect(page.getByRole('rowheader', { name: 'jürgen.weiß@contoso.com' })).toBeVisible();
  });
}

test('a Windows-1252 file is read, with a notice saying so', async ({ page }, info) => {
  await drop(page, 'excel-1252.csv', Buffer.from(sheet(';'), 'latin1'));
  await expect(page.getByRole('heading', { name: '3 requests from excel-1252.csv' })).toBeVisible();
  // The file went to the worker unread; its decoder's notice stands under the drop box.
  const notice = page.getByTestId('impact-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('excel-1252.csv: not UTF-8, so it was read as Windows-1252');
  await expect(page.locator('[aria-label="Impact errors"]')).toBeEmpty();
  await expect(page.getByRole('rowheader', { name: 'jürgen.weiß@contoso.com' })).toBeVisible();
  await shots(page, 'spreadsheet-1252', info);
  // The next file, in UTF-8, clears the notice.
  await drop(page, 'eu.csv', Buffer.from(sheet(';')));
  await expect(page.getByRole('heading', { name: '3 requests from eu.csv' })).toBeVisible();
  await expect(notice).toBeHidden();
});

test('a binary file gets one short line, and the previous report stays', async ({ page }, info) => {
  await drop(page, 'eu.csv', Buffer.from(sheet(';')));
  await expect(page.getByRole('heading', { name: '3 requests from eu.csv' })).toBeVisible();
  // 3 MB of bytes 0x20–0xff on one line: the attack's "binary CSV".
  const binary = Buffer.from(Array.from({ length: 3_000_000 }, (_, i) => 0x20 + (i % 0xe0)));
  await drop(page, 'binary.csv', binary);
  const alert = page.getByRole('alert', { name: 'Impact errors' });
  await expect(alert).toHaveText(
    'binary.csv: a binary file, not text. The previous results are still shown.',
  );
  await expect(page.getByRole('heading', { name: '3 requests from eu.csv' })).toBeVisible();
  await shots(page, 'spreadsheet-binary', info);
});

test('UTF-16 evidence reads like its UTF-8 twin', async ({ page }) => {
  await page.getByRole('button', { name: 'Replay evidence' }).click();
  const json = await import('node:fs').then((fs) =>
    fs.readFileSync(new URL('../fixtures/evidence/vs403463-rest.json', import.meta.url), 'utf8'),
  );
  await page.setInputFiles('#evidence-file', {
    name: 'answer-utf16.json',
    mimeType: 'application/json',
    buffer: utf16le(json),
  });
  await expect(page.getByText('Azure DevOps VS403463 answer')).toBeVisible();
  await expect(page.locator('[aria-label="Evidence errors"]')).toBeEmpty();
});
