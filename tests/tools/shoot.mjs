// Developer aid: screenshots of a URL at phone and desktop widths, light and dark.
// node tests/tools/shoot.mjs <url> <outPrefix> [clickText...]
import { chromium } from '@playwright/test';
import { systemChromium, CHROMIUM_ARGS } from './browser.mjs';

const [url, out = '/tmp/shot', ...clicks] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: systemChromium(), args: CHROMIUM_ARGS });
for (const [name, width, height] of [
  ['phone', 390, 844],
  ['desktop', 1366, 900],
]) {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({
      viewport: { width, height },
      colorScheme: scheme,
      reducedMotion: 'reduce',
    });
    page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
    page.on('pageerror', (e) => console.error('pageerror:', e.message));
    await page.goto(url);
    for (const c of clicks) {
      if (c.startsWith('wait:')) await page.waitForTimeout(Number(c.slice(5)));
      else if (c.startsWith('select:')) {
        const [label, value] = c.slice(7).split('=');
        await page
          .getByRole('combobox', { name: new RegExp('^' + label) })
          .first()
          .selectOption(value);
      } else await page.getByRole('button', { name: c }).first().click();
    }
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${out}-${name}-${scheme}.png`, fullPage: true });
    await page.close();
  }
}
await browser.close();
