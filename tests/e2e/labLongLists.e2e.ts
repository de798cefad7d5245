// The lab stays responsive with a big legal import (issue 15, item 6): 10,000 or 45,000 named
// locations, 2,000 policies or 100,000 ranges are read and checked in a worker, the Sandbox draws its long
// lists a window at a time (every range still reachable, and searchable: issue 12's "the lab
// shows every range"), and editing the actor costs one evaluation. A PerformanceObserver records
// every long task from the moment the file is chosen until the Sandbox has been used; none may
// reach 200 ms. And the lab's imports and impact report survive navigation (issue 15, item 8).
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const LIMIT_MS = 200;
const FIX = new URL('../fixtures/', import.meta.url);
const path = (p: string) => new URL(p, FIX).pathname;
const POLICY = (
  JSON.parse(readFileSync(path('graph/policies.json'), 'utf8')) as { value: unknown[] }
).value[0];

let problems: string[] = [];
test.beforeEach(async ({ page }) => {
  problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
});
test.afterEach(() => expect(problems).toEqual([]));

type Big =
  { kind: 'locations'; count: number; ranges: number } | { kind: 'policies'; count: number };

/** Makes the export in the page (handing Playwright 8 MB to upload is itself a long task). */
async function makeFile(page: Page, big: Big) {
  await page.evaluate(
    ({ big, policy }) => {
      const value: unknown[] = [];
      if (big.kind === 'locations') {
        let k = 0;
        for (let i = 0; i < big.count; i++) {
          const ipRanges = [];
          for (let j = 0; j < big.ranges; j++, k++)
            ipRanges.push({
              '@odata.type': '#microsoft.graph.iPv4CidrRange',
              cidrAddress: `10.${(k >> 16) & 255}.${(k >> 8) & 255}.${k & 255}/32`,
            });
          value.push({
            '@odata.type': '#microsoft.graph.ipNamedLocation',
            id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
            displayName: `Site ${i}`,
            isTrusted: i % 2 === 0,
            ipRanges,
          });
        }
      } else {
        for (let i = 0; i < big.count; i++) {
          const p = structuredClone(policy) as { id: string; displayName: string };
          p.id = `11111111-0000-4000-8000-${String(i).padStart(12, '0')}`;
          p.displayName = `CA${i} Block Azure DevOps outside trusted locations`;
          value.push(p);
        }
      }
      const w = window as unknown as { bigFile: File };
      w.bigFile = new File([JSON.stringify({ value })], `${big.kind}.json`, {
        type: 'application/json',
      });
    },
    { big, policy: POLICY },
  );
}

async function chooseFile(page: Page, input: string) {
  await page.evaluate((input) => {
    const w = window as unknown as { longTasks: number[]; bigFile: File };
    w.longTasks = [];
    const el = document.querySelector<HTMLInputElement>(input)!;
    const files = new DataTransfer();
    files.items.add(w.bigFile);
    el.files = files.files;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, input);
}

const CASES: { name: string; big: Big; inUse: RegExp; search: string; found: RegExp }[] = [
  {
    name: '10,000 named locations',
    big: { kind: 'locations', count: 10_000, ranges: 1 },
    inUse: /In use: 10000\s+named locations from locations\.json/,
    search: 'Site 9876',
    found: /10\.0\.38\.148\/32/,
  },
  {
    // The worst Sandbox case (10.5 s): a 9.7 MB export, under the 10 MB file limit.
    name: '45,000 named locations',
    big: { kind: 'locations', count: 45_000, ranges: 1 },
    inUse: /In use: 45000\s+named locations from locations\.json/,
    search: 'Site 44321',
    found: /10\.0\.173\.33\/32/,
  },
  {
    name: '2,000 policies',
    big: { kind: 'policies', count: 2_000 },
    inUse: /In use: 2000\s+conditional access policies from policies\.json/,
    search: 'CA1999 ',
    found: /CA1999 Block Azure DevOps outside trusted locations — On/,
  },
  {
    name: '100,000 ranges',
    big: { kind: 'locations', count: 50, ranges: 2_000 },
    inUse: /In use: 50\s+named locations from locations\.json/,
    search: '10.1.134.159/32',
    found: /10\.1\.134\.159\/32/,
  },
];

for (const c of CASES) {
  // Measured alone on the 2-core machine (the 'long-tasks' project runs after every other test):
  // longest task 90 ms at 10,000 locations, 53 ms at 2,000 policies, 127 ms at 100,000 ranges.
  // Under a load of ~20 they reached 212-1,130 ms, which is why these run alone.
  test(`${c.name}: import and Sandbox without a long task over ${LIMIT_MS} ms`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto('./#/lab?tab=import');
    await makeFile(page, c.big);
    await page.waitForTimeout(300);
    const t0 = Date.now();
    await chooseFile(page, `#import-${c.big.kind}-file`);
    await expect(page.locator('.import')).toContainText(c.inUse, { timeout: 60_000 });
    const imported = Date.now() - t0;

    await page.getByRole('button', { name: 'Sandbox' }).click();
    const outcome = page.getByRole('region', { name: 'Outcome' });
    await expect(outcome).toContainText('Denied', { timeout: 30_000 });
    // The actor edited: one evaluation per change, the compiled locations reused.
    const ip = page.getByLabel('IP that reaches Azure DevOps');
    await ip.fill('203.0.113.5');
    await ip.fill('192.0.2.45');
    await expect(outcome).toContainText('Denied');
    // The imported list, searched and scrolled: the row asked for is there.
    const list = c.big.kind === 'locations' ? 'imported named locations' : 'imported policies';
    const search = page.getByLabel(`Search ${list}`);
    await search.fill(c.search);
    await expect(page.getByRole('list', { name: new RegExp(list, 'i') })).toContainText(c.found);
    await search.fill('');
    await page
      .getByRole('region', { name: new RegExp(`${list}, scrollable`, 'i') })
      .evaluate((el) => {
        el.scrollTop = el.scrollHeight / 2;
      });
    await page.waitForTimeout(500);
    const tasks = await page.evaluate(
      () => (window as unknown as { longTasks: number[] }).longTasks,
    );
    console.log(
      `${c.name}: imported in ${imported} ms; long tasks ${tasks.length}, longest ${Math.round(Math.max(0, ...tasks))} ms`,
    );
    expect(tasks.filter((ms) => ms > LIMIT_MS)).toEqual([]);
  });
}

test('imports and the impact report survive Scenarios → Back and tab switches', async ({
  page,
}) => {
  await page.goto('./#/lab?tab=import');
  await page.setInputFiles('#import-locations-file', path('graph/namedLocations.json'));
  await page.setInputFiles('#import-policies-file', path('graph/policies.json'));
  const locations = page.getByText('In use: 5 named locations from namedLocations.json');
  const policies = page.getByText('In use: 7 conditional access policies from policies.json');
  await expect(locations).toBeVisible();
  await expect(policies).toBeVisible();
  await page.getByRole('button', { name: 'Impact' }).click();
  await page.setInputFiles('#impact-csv-file', path('lab/signins-tokens.csv'));
  const newly = page.getByTestId('newly-blocked');
  await expect(newly).toBeVisible();
  const count = await newly.textContent();

  // Tab switches keep both.
  await page.getByRole('button', { name: 'Sandbox' }).click();
  await expect(page.getByText('Using 5 imported named locations')).toBeVisible();
  await page.getByRole('button', { name: 'Impact' }).click();
  await expect(newly).toHaveText(count!);

  // Another view and Back: the same report, the same imports.
  await page.getByRole('link', { name: 'Scenarios' }).click();
  await expect(page).toHaveURL(/#\/(play|player|scenario)/);
  await page.goBack();
  await expect(page).toHaveURL(/#\/lab/);
  await page.getByRole('button', { name: 'Impact' }).click();
  await expect(newly).toHaveText(count!);
  await page.getByRole('button', { name: 'Import data' }).click();
  await expect(locations).toBeVisible();
  await expect(policies).toBeVisible();
  // Kept in memory only: nothing of it in storage.
  const stored = await page.evaluate(() =>
    JSON.stringify([{ ...localStorage }, { ...sessionStorage }]),
  );
  expect(stored).not.toContain('namedLocations.json');
  expect(stored).not.toContain('signins-tokens');
  // A reload starts afresh (the session is the page's memory).
  await page.reload();
  await page.getByRole('button', { name: 'Import data' }).click();
  await expect(page.getByText("In use: the sandbox's own named locations.")).toBeVisible();
});
