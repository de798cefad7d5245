// The command line as a package, end to end: `npm pack` (whose prepack bundles dist-cli/), the
// tarball installed offline into an empty folder, and `npx pat-fence whatif … --json` answered
// there by plain JavaScript, with no TypeScript runner and no dependency installed beside it.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const FIXTURES = join(ROOT, 'tests/fixtures/cli');
const tmp = mkdtempSync(join(tmpdir(), 'pat-fence-pack-'));
const app = join(tmp, 'app');

/** npm without the network: everything the tarball needs is inside it. */
const OFFLINE = { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false' };

function sh(cmd: string, args: string[], options: SpawnSyncOptions) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: OFFLINE, ...options });
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

let packed: { filename: string; files: { path: string }[] };

beforeAll(() => {
  const pack = sh('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: ROOT });
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  // prepack's own output comes first; the JSON report is the last thing printed.
  packed = JSON.parse(pack.stdout.slice(pack.stdout.lastIndexOf('\n[') + 1))[0];
  mkdirSync(app);
  copyFileSync(join(FIXTURES, 'locations.json'), join(app, 'L.json'));
  copyFileSync(join(FIXTURES, 'policies-block-outside.json'), join(app, 'P.json'));
  const install = sh(
    'npm',
    ['install', '--no-audit', '--no-fund', '--ignore-scripts', join(tmp, packed.filename)],
    { cwd: app },
  );
  if (install.status !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
}, 60_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const npx = (...args: string[]) => sh('npx', ['pat-fence', ...args], { cwd: app });

describe('the packed command line', () => {
  it('holds only the bundle, the README and package.json', () => {
    expect(packed.files.map((f) => f.path).sort()).toEqual([
      'README.md',
      'dist-cli/pat-fence.mjs',
      'package.json',
    ]);
  });

  it('installs alone, a plain JavaScript file with a node shebang', () => {
    expect(readdirSync(join(app, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual([
      'pat-fence',
    ]);
    const bin = readFileSync(join(app, 'node_modules/pat-fence/dist-cli/pat-fence.mjs'), 'utf8');
    expect(bin.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(bin).not.toMatch(/from ["'](?!node:)/); // imports nothing but Node's own modules
  });

  it('answers npx pat-fence whatif … --json', () => {
    const r = npx(
      'whatif',
      ...['--locations', 'L.json', '--policies', 'P.json', '--validation', 'on'],
      ...['--flow', 'pat', '--ip', '192.0.2.10', '--json'],
    );
    // The only stderr line: the policy uses AllTrusted, whose legacy MFA trusted IPs no export holds (R23).
    expect(r.stderr).toMatch(
      /^warning: --policies P\.json: [^\n]* uses AllTrusted[^\n]*\(R23\)\n$/,
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      outcome: 'blocked',
      status: 403,
      code: 'VS403463',
    });
  });

  it('lists its commands, and refuses an unknown one with exit 2', () => {
    const help = npx('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^ {2}whatif {4}/m);
    const bad = npx('what-if');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      'pat-fence: unknown command "what-if" (commands: whatif; see --help)\n',
    );
  });

  it('passes bad input on as whatif does: exit 2 and one line', () => {
    const r = npx('whatif', '--locations', 'L.json', '--policies', 'P.json', '--flow', 'pat');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^pat-fence whatif: [^\n]+\n$/);
  });
});
