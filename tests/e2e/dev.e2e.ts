// The README's first command, `npm run dev`, as a newcomer meets it: this file starts the Vite dev
// server itself (not the build + preview the other tests use), with a fresh dependency cache as on
// a fresh clone, and loads the landing page and every view with no console error.
// Port: PW_DEV_PORT, else PW_PORT + 100, else 4273 (never the preview's 4173).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const PORT = Number(
  process.env.PW_DEV_PORT ?? (process.env.PW_PORT ? Number(process.env.PW_PORT) + 100 : 4273),
);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// One server for the whole file, so its tests run one after another in one worker.
test.describe.configure({ mode: 'serial' });

let server: ChildProcess | undefined;
let cacheDir = '';
let output = '';

async function waitForServer(deadline: number) {
  while (Date.now() < deadline) {
    if (server?.exitCode !== null && server?.exitCode !== undefined)
      throw new Error(`vite dev exited with ${server.exitCode}:\n${output}`);
    try {
      const r = await fetch(`${ORIGIN}/`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`vite dev did not answer on ${ORIGIN} in time:\n${output}`);
}

async function answers(): Promise<boolean> {
  try {
    await fetch(`${ORIGIN}/`);
    return true;
  } catch {
    return false;
  }
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // Something already on the port would be tested instead of this checkout's dev server.
  if (await answers())
    throw new Error(`${ORIGIN} is already in use; set PW_DEV_PORT to a free port.`);
  cacheDir = mkdtempSync(join(tmpdir(), 'pat-fence-vite-cache-'));
  // detached: the server gets its own process group, so stopping it stops npx and vite together.
  server = spawn(
    'npx',
    ['vite', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1', '--force'],
    {
      cwd: ROOT,
      env: { ...process.env, PAT_FENCE_CACHE_DIR: cacheDir, BROWSER: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  server.stdout?.on('data', (d) => (output += d));
  server.stderr?.on('data', (d) => (output += d));
  await waitForServer(Date.now() + 90_000);
});

test.afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((r) => server!.once('exit', r));
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  }
  if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
});

const VIEWS = [
  { hash: '', ready: { role: 'heading', level: 1 } },
  { hash: '#/player', ready: { role: 'button', name: 'Play', exact: true } },
  { hash: '#/lesson', ready: { role: 'heading', level: 2 } },
  { hash: '#/lab', ready: { role: 'heading', name: /what-if lab/i } },
  { hash: '#/rules', ready: { role: 'heading', name: 'Rules and sources' } },
] as const;

for (const view of VIEWS) {
  test(`the dev server serves ${view.hash || 'the landing page'} with no error`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    const response = await page.goto(`${ORIGIN}/${view.hash}`, { timeout: 90_000 });
    expect(response?.status(), output).toBe(200);
    await expect(page.getByRole('banner')).toContainText('PAT Fence', { timeout: 60_000 });
    const { role, ...options } = view.ready;
    await expect(page.getByRole(role, options).first()).toBeVisible({ timeout: 60_000 });
    await expect(page.locator('main')).not.toBeEmpty();
    expect(errors, output).toEqual([]);
    expect(output).not.toMatch(/Internal server error|Failed to resolve import/i);
  });
}
