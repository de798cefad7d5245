// The page stays responsive while a big impact analysis runs: parsing and deciding happen in the
// worker, and the report comes back as transferred typed arrays and pages of its long lists. A
// PerformanceObserver records every long task (over 50 ms) from the moment the file is chosen
// until the report is on screen, and while the refused rows are exported; none may reach 200 ms.
// The file has 700,000 distinct users and 700,000 distinct IPs (issue 15: that took 11 s).
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const ROWS = 700_000;
const LIMIT_MS = 200;

// Measured alone on the 2-core machine (the 'long-tasks' project runs after every other test):
// no long task at all during the analysis or the export. Under a load of ~20, with another e2e file
// running, one task reached 317 ms, which is why this runs alone.
test('no long task over 200 ms while a 700,000-distinct analysis runs and exports', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto('./#/lab');
  await page.getByRole('button', { name: 'Impact' }).click();
  // The file is made in the page (handing Playwright 13 MB to upload is itself a long task), and
  // only what happens once it is chosen counts: loading the page is not the analysis.
  await page.evaluate((rows) => {
    // Every row its own user and its own address: the longest lists a report can carry.
    const lines = ['Date (UTC),Username,IP address,flow,client'];
    for (let i = 0; i < rows; i++) {
      const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      const flow = i % 10 < 8 ? 'pat' : i % 10 === 8 ? 'ssh' : 'web';
      const at = `2026-03-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`;
      const client = flow === 'web' ? 'browser' : 'git';
      lines.push(`${at},user${i}@contoso.com,${ip},${flow},${client}`);
    }
    const w = window as unknown as { bigCsv: File };
    w.bigCsv = new File([lines.join('\r\n')], 'big.csv', { type: 'text/csv' });
  }, ROWS);
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[]; bigCsv: File };
    w.longTasks = [];
    const input = document.querySelector<HTMLInputElement>('#impact-csv-file')!;
    const files = new DataTransfer();
    files.items.add(w.bigCsv);
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(page.getByTestId('newly-blocked')).toBeVisible({ timeout: 240_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  // Let the report's first paint finish and be observed.
  await page.waitForTimeout(500);
  const read = () => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  const tasks = await read();
  console.log(
    `long tasks during the analysis: ${tasks.length}; longest ${Math.round(Math.max(0, ...tasks))} ms`,
  );
  expect(page.getByTestId('newly-blocked')).not.toHaveText('0');
  // The export is made in pieces, the page yielding between them.
  await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Export refused rows (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('impact-rows.csv');
  const exported = await read();
  console.log(
    `long tasks during the export: ${exported.length}; longest ${Math.round(Math.max(0, ...exported))} ms`,
  );
  // Every IP group, though the worker keeps them as counts and makes them only for the export
  // (2,000,000 group objects took 1.7 GB and 22 s).
  const byIp = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Export IPs (CSV)' }).click();
  const ips = readFileSync((await (await byIp).path())!, 'utf8')
    .trim()
    .split('\r\n');
  expect(ips[0]).toMatch(/^ip,blocked_rows,newly_blocked,/);
  // In the default sandbox every row is refused with the org policy on (web ones by a policy of
  // their own), each from its own address: one line per row.
  expect(ips.length - 1).toBe(ROWS);
  expect(tasks.filter((ms) => ms > LIMIT_MS)).toEqual([]);
  expect(exported.filter((ms) => ms > LIMIT_MS)).toEqual([]);
});
