// `npm run attack`: the hostile-input attack of issue 15, rebuilt by its categories and re-runnable.
// In-process cases (importers, token guard, real names, spreadsheets, URL state), command-line
// cases (child processes of the packed CLI, with a timeout and an output cap) and browser cases
// (tests/attack/browser.spec.ts in Playwright), each with its expected clean outcome. Prints one
// table per category, the total "N of M handled cleanly", and writes the failures to a file.
//
//   npm run attack                     everything (5M-row cases left out)
//   npm run attack -- --big            also 5,000,000 rows in all three batch forms (minutes)
//   npm run attack -- --no-browser     in-process and command-line cases only
// Browser cases use PW_PORT (default 4341) for the built app's preview server.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliCases, runCliCases } from './cliCases';
import { modelCases } from './modelCases';
import type { Outcome } from './support';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const OUT_DIR = join(ROOT, 'tests/e2e-artifacts/attack');
const args = new Set(process.argv.slice(2));
const big = args.has('--big');
const browser = !args.has('--no-browser');

function step(what: string) {
  process.stdout.write(`\n== ${what}\n`);
}

async function main(): Promise<number> {
  mkdirSync(OUT_DIR, { recursive: true });
  const all: Outcome[] = [];

  step('in-process: importers, token guard, real names, spreadsheets, URL state');
  all.push(...modelCases());

  step('command line: building the packed CLI, then one child process per case');
  const build = spawnSync(
    'npx',
    ['vite', 'build', '-c', 'src/cli/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) {
    console.error('attack: the CLI did not build');
    return 2;
  }
  const cli = join(ROOT, 'dist-cli/pat-fence.mjs');
  all.push(...(await runCliCases(cli, cliCases(big))));

  if (browser) {
    step('browser: tests/attack/browser.spec.ts in Playwright (built app, strict CSP)');
    const out = join(OUT_DIR, 'browser.jsonl');
    rmSync(out, { force: true });
    spawnSync('npx', ['playwright', 'test', '-c', 'tests/attack/playwright.config.ts'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ATTACK_OUT: out, PW_PORT: process.env.PW_PORT ?? '4341' },
    });
    const lines = existsSync(out) ? readFileSync(out, 'utf8').split('\n') : [];
    const results = lines.filter((l) => l.trim()).map((l) => JSON.parse(l) as Outcome);
    if (results.length === 0)
      results.push({
        category: 'browser',
        name: 'the browser run',
        ok: false,
        detail: 'no results',
      });
    all.push(...results);
  }

  report(all);
  const failures = all.filter((o) => !o.ok);
  const file = join(OUT_DIR, 'failures.txt');
  writeFileSync(
    file,
    failures.map((f) => `${f.category} | ${f.name} | ${f.detail}`).join('\n') +
      (failures.length ? '\n' : ''),
  );
  console.log(`Failures (${failures.length}) written to ${file.replace(ROOT + '/', '')}`);
  return failures.length ? 1 : 0;
}

function report(all: Outcome[]) {
  const by = new Map<string, Outcome[]>();
  for (const o of all) by.set(o.category, [...(by.get(o.category) ?? []), o]);
  const width = Math.max(...[...by.keys()].map((k) => k.length), 'category'.length);
  const row = (a: string, b: string | number, c: string | number, d: string | number) =>
    `${a.padEnd(width)}  ${String(b).padStart(6)}  ${String(c).padStart(6)}  ${String(d).padStart(6)}`;
  step('results');
  console.log(row('category', 'inputs', 'clean', 'failed'));
  for (const [category, list] of by) {
    const clean = list.filter((o) => o.ok).length;
    console.log(row(category, list.length, clean, list.length - clean));
  }
  const clean = all.filter((o) => o.ok).length;
  console.log(row('total', all.length, clean, all.length - clean));
  for (const f of all.filter((o) => !o.ok))
    console.log(`  FAIL ${f.category} | ${f.name} | ${f.detail}`);
  console.log(
    `\n${clean} of ${all.length} handled cleanly${big ? '' : ' (5M-row cases left out: --big)'}${browser ? '' : ' (no browser cases)'}.`,
  );
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`attack: ${(e as Error)?.stack ?? e}`);
    process.exit(2);
  },
);
