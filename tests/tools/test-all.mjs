// `npm test`: every unit test (vitest), then every end-to-end test (Playwright), and one plain
// closing line with the totals of both, which CI reads.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'pat-fence-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) exitCode = 1;
  return r.status;
}

function readJson(file) {
  try {
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
  } catch {
    return undefined;
  }
}

const unitOut = join(dir, 'unit.json');
run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${unitOut}`,
]);
const unit = readJson(unitOut);
if (unit) {
  totals.passed += unit.numPassedTests;
  totals.failed += unit.numFailedTests;
  totals.skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
} else {
  totals.failed += 1;
  console.error('Unit tests produced no report.');
}

const e2eOut = join(dir, 'e2e.json');
const browser = spawnSync('node', ['tests/tools/ensure-browser.mjs'], { stdio: 'inherit' });
if (browser.status !== 0) {
  exitCode = 1;
  totals.failed += 1;
} else {
  run('npx', ['playwright', 'test', '-c', 'tests/playwright.config.ts'], { PW_JSON_OUT: e2eOut });
  const e2e = readJson(e2eOut);
  if (e2e) {
    totals.passed += e2e.stats.expected + e2e.stats.flaky;
    totals.failed += e2e.stats.unexpected;
    totals.skipped += e2e.stats.skipped;
  } else {
    totals.failed += 1;
    console.error('End-to-end tests produced no report.');
  }
}

if (totals.failed > 0) exitCode = 1;
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode);
