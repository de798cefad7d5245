// Issue 15, items 2, 3, 6 (paste box) and 10, replayed in real Chromium: tokens that leaked
// through files, links, typing and the LMS are now removed with the warning; real names that were
// removed as "tokens" now pass, pasted or picked alike; the CSV exports follow "Redact names" or
// say they are not redacted; a 20 MB paste neither freezes the page nor makes keystrokes rescan it.
// Every token here is made of random characters (never issued): 52 of base32, or 84 with AZDO.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const PAT = 'k7q2m4x3p3w6t5r5z2v7n4b6c3d2f5g2h7j4l4s3y6u2e5i2o7qa';
const PAT84 =
  'Fq8ZrT2mWx9LpB4nKd7VhYc3Gs6Jt1QeRu5AoXi0MbNl2CwPz7EkJQQJ99BCACAAAAAAAAAAAAASAZDO3hXq';
const PIECE = PAT.slice(0, 24);
const FIX = new URL('../fixtures/', import.meta.url);
const path = (p: string) => new URL(p, FIX).pathname;
const WARNING = 'That looks like a real access token.';

let problems: string[] = [];
test.beforeEach(async ({ page }) => {
  problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
});
test.afterEach(() => expect(problems).toEqual([]));

const file = (name: string, text: string, mimeType = 'text/csv') => ({
  name,
  mimeType,
  buffer: Buffer.from(text),
});

/** Everything the page keeps where a token could stay: the address, storage, the text shown. */
async function kept(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      `${location.href}\n${JSON.stringify({ ...localStorage })}\n${JSON.stringify({ ...sessionStorage })}\n${document.body.innerText}`,
  );
}

async function download(page: Page, button: string): Promise<string> {
  const d = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  return readFileSync(await (await d).path(), 'utf8');
}

const policies = (names: string[]) => {
  const graph = JSON.parse(readFileSync(path('graph/policies.json'), 'utf8')) as {
    value: { id: string; displayName: string }[];
  };
  graph.value.forEach((p, i) => (p.displayName = names[i % names.length]!));
  return JSON.stringify(graph);
};

test('a PAT in a sign-in CSV user column: warned, shown as removed, in no export', async ({
  page,
}) => {
  await page.goto('./#/lab?tab=impact');
  const csv = `ip,user,flow\n52.168.1.12,${PAT},pat\n52.168.1.13,x${PAT}x@contoso.com,pat\n203.0.113.9,${PAT84}x,pat\n`;
  await page.setInputFiles('#impact-csv-file', file('signins.csv', csv));
  await expect(page.getByTestId('newly-blocked')).toBeVisible();
  await expect(page.getByText(WARNING)).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: WARNING })).toContainText('signins.csv');
  for (const button of ['Export refused rows (CSV)', 'Export users (CSV)', 'Export IPs (CSV)']) {
    const out = await download(page, button);
    expect(out).not.toContain(PIECE);
    expect(out).not.toContain(PAT84.slice(0, 30));
  }
  expect(await kept(page)).not.toContain(PIECE);
});

test('a PAT in a Graph displayName, picked or pasted: removed the same way', async ({ page }) => {
  await page.goto('./#/lab?tab=import');
  await page.setInputFiles(
    '#import-policies-file',
    file('policies.json', policies([`Block ${PAT}x`]), 'application/json'),
  );
  await expect(
    page.getByText('In use: 7 conditional access policies from policies.json'),
  ).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: WARNING })).toContainText('policies.json');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await page.locator('#import-locations-text').fill(
    JSON.stringify({
      value: [
        {
          '@odata.type': '#microsoft.graph.ipNamedLocation',
          id: 'a',
          displayName: PAT84,
          isTrusted: true,
          ipRanges: [{ cidrAddress: '203.0.113.0/24' }],
        },
      ],
    }),
  );
  await expect(page.getByRole('alert').filter({ hasText: WARNING })).toBeVisible();
  expect(await kept(page)).not.toContain(PIECE);
  expect(await kept(page)).not.toContain(PAT84.slice(0, 30));
  await page.getByRole('button', { name: 'Impact' }).click();
  await page.setInputFiles('#impact-csv-file', path('lab/signins-tokens.csv'));
  await expect(page.getByTestId('newly-blocked')).toBeVisible();
  expect(await download(page, 'Export refused rows (CSV)')).not.toContain(PIECE);
});

test('PAT+"x" and a paused 51-character prefix never reach the lab link', async ({ page }) => {
  await page.goto('./#/lab?tab=sandbox');
  const name = page.locator('#sb-loc-hq-name');
  await name.fill(`Trusted ${PAT}x`);
  await expect(name).toHaveValue('Trusted [token removed]');
  await expect(page.getByText(WARNING)).toBeVisible();
  // Typed one key at a time, then a pause far longer than the link's debounce.
  await name.fill('');
  await name.pressSequentially(PAT.slice(0, 51), { delay: 5 });
  await page.waitForTimeout(1200);
  const link = await page.evaluate(() => location.hash);
  const decoded = link.includes('s=1.')
    ? Buffer.from(link.split('s=1.')[1]!.split('&')[0]!, 'base64url').toString()
    : link;
  expect(decoded).not.toContain(PAT.slice(0, 20));
  // Leaving the field with most of a token removes it; a short real name goes through.
  await page.getByLabel('IP that reaches Azure DevOps').focus();
  await expect(name).toHaveValue('[token removed]');
  await name.fill('AzureDevOps-SelfHosted-Agents-WestEurope-Prod01');
  await page.waitForTimeout(800);
  const named = await page.evaluate(() => location.hash.split('s=1.')[1]?.split('&')[0] ?? '');
  expect(Buffer.from(named, 'base64url').toString()).toContain(
    'AzureDevOps-SelfHosted-Agents-WestEurope-Prod01',
  );
  expect(await kept(page)).not.toContain(PIECE);
});

test('#/lesson?chapter=<PAT> leaves the address bar', async ({ page }) => {
  await page.goto(`./#/lesson?chapter=${PAT}`);
  await expect(page.getByRole('alert').filter({ hasText: WARNING })).toContainText('the link');
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/lesson');
  await page.goto(`./#/lab?tab=sandbox&x=${PAT84}`);
  await expect.poll(() => page.evaluate(() => location.hash)).not.toContain('AZDO');
  expect(await kept(page)).not.toContain(PIECE);
});

test('an LMS student_name that is a PAT is neither shown nor stored', async ({ page }) => {
  await page.addInitScript((pat) => {
    const values: Record<string, string> = {
      'cmi.core.student_name': pat,
      'cmi.core.lesson_status': 'not attempted',
    };
    Object.assign(window, {
      API: {
        LMSInitialize: () => 'true',
        LMSFinish: () => 'true',
        LMSGetValue: (k: string) => values[k] ?? '',
        LMSSetValue: (k: string, v: string) => ((values[k] = v), 'true'),
        LMSCommit: () => 'true',
        LMSGetLastError: () => '0',
      },
    });
  }, `Lovelace, ${PAT}`);
  await page.goto('./#/lesson');
  await expect(page.getByRole('alert').filter({ hasText: WARNING })).toContainText(
    'learning platform',
  );
  await page
    .getByRole('button', { name: /Next|Start/ })
    .first()
    .click();
  expect(await kept(page)).not.toContain(PIECE);
});

test('real names pass: pasted and picked alike, and in evidence', async ({ page }) => {
  const names = [
    'CA001-Global-BaseProtection-AllApps-AnyPlatform-BlockNonCompliant',
    'AzureDevOps-SelfHosted-Agents-WestEurope-Prod01',
  ];
  const json = policies(names);
  await page.goto('./#/lab?tab=import');
  await page.setInputFiles(
    '#import-policies-file',
    file('policies.json', json, 'application/json'),
  );
  await expect(
    page.getByText('In use: 7 conditional access policies from policies.json'),
  ).toBeVisible();
  await page.evaluate((text) => {
    const box = document.querySelector<HTMLTextAreaElement>('#import-policies-text')!;
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    box.focus();
    box.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
    );
  }, json);
  await expect(page.locator('#import-policies-text')).toHaveValue(json);
  await page.getByRole('button', { name: 'Import pasted conditional access policies' }).click();
  await expect(
    page.getByText('In use: 7 conditional access policies from pasted text'),
  ).toBeVisible();
  await expect(page.getByText(WARNING)).toHaveCount(0);
  await page.getByRole('button', { name: 'Sandbox' }).click();
  await expect(page.locator('main')).toContainText(names[0]!);

  await page.getByRole('button', { name: 'Replay evidence' }).click();
  const evidence = readFileSync(path('evidence/portal-signin-blocked-53003.json'), 'utf8')
    .replace('bruno.silva@contoso.com', 'svc-build-agent-01-Prod-WestEurope-Pipelines@contoso.com')
    .replace('0a8f7259-833f-4bbe-a16a-4eeda131920b', '0a8f7259833f4bbea16a4eeda131920b');
  await page.locator('#evidence-text').fill(evidence);
  await page.getByRole('button', { name: 'Read pasted evidence' }).click();
  await expect(page.locator('main')).toContainText('svc-build-agent-01-Prod-WestEurope-Pipelines');
  await expect(page.getByText(WARNING)).toHaveCount(0);
});

test('CSV exports follow "Redact names", or say they are not redacted', async ({ page }) => {
  await page.goto('./#/lab?tab=import');
  await page.setInputFiles('#import-locations-file', path('graph/namedLocations.json'));
  await page.setInputFiles('#import-policies-file', path('graph/policies.json'));
  await expect(
    page.getByText('In use: 7 conditional access policies from policies.json'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Impact' }).click();
  await page.setInputFiles('#impact-csv-file', path('lab/signins-tokens.csv'));
  await expect(page.getByTestId('newly-blocked')).toBeVisible();
  const note = page.locator('#impact-exports-note');
  await expect(note).toContainText('The exports are not redacted');
  const real = await download(page, 'Export refused rows (CSV)');
  expect(real).toMatch(/@contoso\.com/);
  expect(real).toContain('CA001');
  await page.getByLabel(/Redact names/).check();
  await expect(note).toContainText('redacted like the screen');
  for (const button of ['Export refused rows (CSV)', 'Export users (CSV)']) {
    const out = await download(page, button);
    expect(out).not.toMatch(/@contoso\.com/);
    expect(out).not.toContain('CA001');
    expect(out).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
  }
  expect(await download(page, 'Export refused rows (CSV)')).toContain('Policy ');
});

test('the paste box: a 20 MB paste neither freezes nor makes keystrokes rescan it', async ({
  page,
}) => {
  await page.goto('./#/lab?tab=impact');
  await page.locator('#impact-csv-text').waitFor();
  // The 20 MB text is built first, so the observer sees only what the app does with it.
  await page.evaluate((pat) => {
    const row = '2026-03-02T10:00:00Z,adele@contoso.com,203.0.113.9,pat\n';
    (window as unknown as { big: string }).big =
      `at,user,ip,flow\n${row.repeat(380_000)}x,${pat},203.0.113.10,pat\n`;
  }, PAT);
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.longest = Math.max(w.longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  const longest = () => page.evaluate(() => (window as unknown as { longest: number }).longest);
  const resetLongest = () =>
    page.evaluate(() => void ((window as unknown as { longest: number }).longest = 0));
  await page.evaluate(() => {
    const w = window as unknown as { big: string };
    const box = document.querySelector<HTMLTextAreaElement>('#impact-csv-text')!;
    const dt = new DataTransfer();
    dt.setData('text/plain', w.big);
    box.focus();
    box.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
    );
  });
  await expect(page.getByText(/Pasted text: \d+\.\d MB, kept off screen/)).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: WARNING })).toContainText('pasted text');
  const afterPaste = await longest();
  // A textarea with 200 kB of text: each keystroke scans only around the caret.
  await page.getByRole('button', { name: 'Clear it' }).click();
  const box = page.locator('#impact-csv-text');
  await box.evaluate((el: HTMLTextAreaElement) => {
    el.value = 'ip,user\n' + '203.0.113.9,adele@contoso.com\n'.repeat(6_000);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await box.press('End');
  await resetLongest();
  await box.pressSequentially('203.0.113.77,bob@contoso.com', { delay: 0 });
  const typing = await longest();
  console.log(
    `paste box: longest task ${afterPaste.toFixed(0)} ms after a 20 MB paste, ${typing.toFixed(0)} ms while typing`,
  );
  expect(afterPaste).toBeLessThan(200);
  expect(typing).toBeLessThan(200);
  // Over the limit for its kind, a paste is refused with the sizes.
  await page.goto('./#/lab?tab=import');
  await page.locator('#import-policies-text').waitFor();
  await page.evaluate(() => {
    const box = document.querySelector<HTMLTextAreaElement>('#import-policies-text')!;
    const dt = new DataTransfer();
    dt.setData('text/plain', 'x'.repeat(11 * 1024 * 1024));
    box.focus();
    box.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
    );
  });
  await expect(page.getByText(/over the 10\.0 MB limit for this box/)).toBeVisible();
});
