// Fails early, with instructions, when no Chromium is available for the end-to-end tests.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { systemChromium } from './browser.mjs';

let bundled;
try {
  bundled = chromium.executablePath();
} catch {
  bundled = undefined;
}
if (!systemChromium() && !(bundled && existsSync(bundled))) {
  console.error(
    [
      'No Chromium found for the end-to-end tests.',
      '  On Debian/Ubuntu:  sudo apt-get install chromium   (PAT Fence uses /usr/bin/chromium)',
      '  Elsewhere:         npx playwright install chromium',
      '  Or point PAT_FENCE_CHROMIUM at a Chromium binary.',
    ].join('\n'),
  );
  process.exit(1);
}
