// The attack's browser cases: the project's Playwright set-up (system Chromium, the built app
// under its CSP header on PW_PORT), pointed at tests/attack/browser.spec.ts only. Run by
// `npm run attack`; not part of `npm test`.
import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

const chromium = base.projects!.find((p) => p.name === 'chromium')!;

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'browser.spec.ts',
  outputDir: '../e2e-results/attack',
  reporter: [['line']],
  projects: [{ name: 'attack', use: chromium.use }],
  webServer: { ...(base.webServer as object), cwd: '../..' } as typeof base.webServer,
});
