import { defineConfig, devices } from '@playwright/test';
// @ts-expect-error plain ESM helper shared with the test runner scripts
import { systemChromium, CHROMIUM_ARGS } from './tools/browser.mjs';

const executablePath: string | undefined = systemChromium();
const PORT = Number(process.env.PW_PORT ?? 4173);

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
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: `npx vite build --logLevel warn && npx vite build -c src/element/vite.config.ts --logLevel warn && npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    cwd: '..',
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
