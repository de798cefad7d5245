import { defineConfig, devices } from '@playwright/test';
// @ts-expect-error plain ESM helper shared with the test runner scripts
import { systemChromium, CHROMIUM_ARGS } from './tools/browser.mjs';

const executablePath: string | undefined = systemChromium();
const PORT = Number(process.env.PW_PORT ?? 4173);
const LONG_TASKS = /(impactLongTasks|impactBigFile|labLongLists|tokens)\.e2e\.ts$/;

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.e2e.ts',
  outputDir: './e2e-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.PW_JSON_OUT
    ? [['list'], ['json', { outputFile: process.env.PW_JSON_OUT }]]
    : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    trace: 'off',
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'] },
      testIgnore: LONG_TASKS,
    },
    // The long-task budgets (no main-thread task over 200 ms) are measured alone, after every other
    // test, one file at a time: a second browser on the same two cores would be measured too.
    {
      name: 'long-tasks',
      use: { ...devices['Desktop Chrome'] },
      testMatch: LONG_TASKS,
      dependencies: ['chromium'],
      workers: 1,
      fullyParallel: false,
    },
  ],
  webServer: {
    command: `npx vite build --logLevel warn && npx vite build -c src/element/vite.config.ts --logLevel warn && npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    cwd: '..',
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
