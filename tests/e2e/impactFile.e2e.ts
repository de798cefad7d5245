// The impact panel while a big log file is read where it lies, and when it is done: the phase,
// bytes and rows read, the bar and Cancel stand together on one screen, then the summary replaces
// them. Screenshots at 390×844 and 1366×768, light and dark (tests/e2e-artifacts/); the 5M-row
// run with its long-task check is impactBigFile.e2e.ts (long-tasks project).
import { expect, test, type Page } from '@playwright/test';

const ROWS = 1_000_000;

async function makeFile(page: Page) {
  await page.evaluate((rows) => {
    const ips = ['203.0.113.24', '198.51.100.37', '100.64.12.7', '2001:db8:42::17'];
    const lines = ['ip,user,flow\r\n'];
    for (let i = 0; i < 1000; i++)
      lines.push(`${ips[i % 4]},user${i % 23}@build.contoso.com,${i % 3 ? 'pat' : 'ssh'}\r\n`);
    const chunk = new TextEncoder().encode(lines.slice(1).join(''));
    const w = window as unknown as Record<string, File>;
    w.logCsv = new File(
      [lines[0]!, ...Array<BlobPart>(rows / 1000).fill(chunk)],
      'signins-1m.csv',
      {
        type: 'text/csv',
      },
    );
  }, ROWS);
}

for (const [width, height] of [
  [390, 844],
  [1366, 768],
] as const)
  for (const scheme of ['light', 'dark'] as const)
    test(`a big file in progress and done, ${width}×${height} ${scheme}`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('./#/lab');
      await page.getByRole('button', { name: 'Impact' }).click();
      await expect(page.locator('#impact-csv-file')).toBeAttached();
      await makeFile(page);
      await page.evaluate(() => {
        const input = document.querySelector<HTMLInputElement>('#impact-csv-file')!;
        const files = new DataTransfer();
        files.items.add((window as unknown as Record<string, File>).logCsv!);
        input.files = files.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      const phase = page.getByTestId('impact-phase');
      await expect(phase).toHaveText(
        /Reading and deciding the file… \d+% \(.+ MB of .+ MB, [1-9][\d,]* rows\)/,
      );
      const cancel = page.getByRole('button', { name: 'Cancel' });
      await cancel.scrollIntoViewIfNeeded();
      const name = `impact-file-${width}x${height}-${scheme}`;
      await page.screenshot({ path: `tests/e2e-artifacts/${name}-progress.png` });
      // The words, the bar and the button on one screen, side by side or stacked.
      const box = (await phase.boundingBox())!;
      const bar = (await page.getByRole('progressbar').boundingBox())!;
      const button = (await cancel.boundingBox())!;
      for (const b of [box, bar, button]) {
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width).toBeLessThanOrEqual(width);
        expect(b.y + b.height).toBeLessThanOrEqual(height);
      }
      const heading = page.getByRole('heading', { level: 3, name: /requests from/ });
      await expect(heading).toHaveText(/^1,000,000 requests from signins-1m\.csv/, {
        timeout: 90_000,
      });
      await expect(page.getByRole('progressbar')).toHaveCount(0);
      await heading.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `tests/e2e-artifacts/${name}-done.png` });
    });
