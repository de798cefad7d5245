// The attack's command-line cases, each a child process of the packed CLI with a timeout and an
// output cap: files that are not files (devices, a FIFO, folders), huge and deep ones, binary
// CSVs, escape codes and tokens in names and users, a full disk, spreadsheets, and batch reports
// of 130,000 rows in all three forms (5,000,000 with --big). The contract (README, usage): exit 0
// with a decision, or exit 2 with one line on stderr; warnings as `warning:` lines; no stack trace,
// no raw control character, no token, within the time limit.
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  writeSync,
  ftruncateSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NASTY, PAT52, PAT84, PLANTED, RAW_CONTROL, leakIn, type Outcome } from './support';

const F = new URL('../fixtures/cli/', import.meta.url).pathname;
const LOCS = `${F}locations.json`;
const POLS = `${F}policies-block-outside.json`;

interface Expect {
  /** Exit code per contract. */
  code: 0 | 2;
  /** The single error line must match this, when given. */
  error?: RegExp;
  /** stdout must be valid JSON (whole), or NDJSON (per line). */
  json?: 'whole' | 'lines';
  /** Where stdout goes: captured (default), or /dev/full. */
  stdout?: 'full';
  /** stdout must contain this (a row count, a summary). */
  says?: RegExp;
  timeoutMs?: number;
}

export interface CliCase {
  category: string;
  name: string;
  args: string[];
  expect: Expect;
}

/** Keeps at most this much of each stream; a case that writes more than OUT_LIMIT is killed. */
const KEEP = 4 * 1024 * 1024;
const OUT_LIMIT = 2 * 1024 * 1024 * 1024;

function runOne(cli: string, c: CliCase): Promise<Outcome> {
  return new Promise((resolve) => {
    const fail = (detail: string) =>
      resolve({ category: c.category, name: c.name, ok: false, detail });
    const full = c.expect.stdout === 'full' ? openSync('/dev/full', 'w') : undefined;
    const child = spawn(process.execPath, [cli, 'whatif', ...c.args], {
      stdio: ['ignore', full ?? 'pipe', 'pipe'],
    });
    if (full !== undefined) closeSync(full);
    const out: Buffer[] = [];
    /** The last bytes of stdout, whatever its size: where the summary is. */
    let tail = '';
    const err: Buffer[] = [];
    let outBytes = 0;
    let kept = 0;
    let killed = '';
    const take = (list: Buffer[], b: Buffer) => {
      outBytes += b.length;
      if (kept < KEEP) {
        list.push(b);
        kept += b.length;
      }
      if (outBytes > OUT_LIMIT && !killed) {
        killed = 'output cap';
        child.kill('SIGKILL');
      }
    };
    child.stdout?.on('data', (b: Buffer) => {
      take(out, b);
      tail = (tail + b.toString('utf8')).slice(-20_000);
    });
    child.stderr?.on('data', (b: Buffer) => take(err, b));
    const ms = c.expect.timeoutMs ?? 20_000;
    const timer = setTimeout(() => {
      killed = `no exit within ${ms / 1000} s`;
      child.kill('SIGKILL');
    }, ms);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (killed) return fail(killed);
      if (signal) return fail(`killed by ${signal}`);
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      const lines = stderr.split('\n').filter((l) => l !== '');
      const e = c.expect;
      if (code !== e.code)
        return fail(
          `exit ${code}, expected ${e.code}: ${stderr.slice(0, 160).replace(/\n/g, ' ')}`,
        );
      if (/internal error|^\s+at .+:\d+:\d+\)?$|RangeError|TypeError/m.test(stderr))
        return fail(`internal error: ${stderr.slice(0, 160)}`);
      // A write error comes after the warnings were printed: they stay, the error is one line.
      if (e.stdout === 'full')
        while (lines.length > 1 && lines[0]!.startsWith('warning: ')) lines.shift();
      if (code === 2) {
        if (lines.length !== 1) return fail(`${lines.length} lines on stderr`);
        if (lines[0]!.length > 1100) return fail(`a ${lines[0]!.length}-character error line`);
        if (e.stdout !== 'full' && stdout !== '') return fail('output on stdout as well');
        if (e.error && !e.error.test(lines[0]!)) return fail(`said: ${lines[0]!.slice(0, 160)}`);
      } else {
        const stray = lines.find((l) => !l.startsWith('warning: '));
        if (stray !== undefined) return fail(`stray stderr line: ${stray.slice(0, 120)}`);
        if (lines.some((l) => l.length > 1100)) return fail('a warning over 1,100 characters');
      }
      const leak = leakIn(stdout) ?? leakIn(stderr);
      if (leak) return fail('a token in the output');
      if (RAW_CONTROL.test(stderr)) return fail('a raw control character on stderr');
      if (!e.json && RAW_CONTROL.test(stdout)) return fail('a raw control character on stdout');
      if (e.json === 'whole' && outBytes <= KEEP) {
        try {
          JSON.parse(stdout);
        } catch {
          return fail('stdout is not JSON');
        }
      }
      if (e.json === 'lines') {
        const rows = stdout.split('\n').filter(Boolean);
        try {
          rows.forEach((r, i) => (i < rows.length - 1 || outBytes <= KEEP) && JSON.parse(r));
        } catch {
          return fail('a line of stdout is not JSON');
        }
      }
      const ends = stdout.length > 100_000 ? stdout.slice(0, 20_000) + tail : stdout;
      if (e.says && !e.says.test(ends)) return fail(`stdout lacks ${e.says}`);
      resolve({ category: c.category, name: c.name, ok: true, detail: '' });
    });
  });
}

/** Runs the cases `parallel` at a time, in order. */
export async function runCliCases(cli: string, cases: CliCase[], parallel = 2): Promise<Outcome[]> {
  const results: Outcome[] = new Array(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const i = next++;
      results[i] = await runOne(cli, cases[i]!);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return results;
}

// ---------------------------------------------------------------- building the hostile files
const single = (...more: string[]) => [
  '--validation',
  'on',
  '--flow',
  'pat',
  '--ip',
  '8.8.8.8',
  '--at',
  '2026-11-01T10:00:00Z',
  ...more,
];
const batch = (file: string, ...more: string[]) => [
  '--locations',
  LOCS,
  '--policies',
  POLS,
  '--validation',
  'on',
  '--at',
  '2026-11-01T10:00:00Z',
  '--batch',
  file,
  ...more,
];

function policiesNamed(name: string, twin = false): string {
  const g = JSON.parse(readFileSync(POLS, 'utf8')) as { value: Record<string, unknown>[] };
  g.value[0]!.displayName = name;
  if (twin) {
    const p = g.value[0] as { conditions: { locations: unknown } };
    p.conditions.locations = { includeLocations: ['missing-loc'], excludeLocations: [] };
    g.value.push({ ...structuredClone(p), id: 'twin' });
  }
  return JSON.stringify(g);
}
function locationsNamed(name: string): string {
  const g = JSON.parse(readFileSync(LOCS, 'utf8')) as { value: Record<string, unknown>[] };
  g.value[0]!.displayName = name;
  return JSON.stringify(g);
}
const csvCell = (v: string) => `"${v.replace(/"/g, '""')}"`;
function utf16(text: string, be: boolean): Buffer {
  const b = Buffer.from(text, 'utf16le');
  if (be) b.swap16();
  return Buffer.concat([Buffer.from(be ? [0xfe, 0xff] : [0xff, 0xfe]), b]);
}

/** `n` rows of a plain CSV: distinct users and IPs across a few /16s, PAT and SSH. */
function writeRows(path: string, n: number): void {
  const fd = openSync(path, 'w');
  writeSync(fd, 'ip,flow,user\n');
  const chunk: string[] = [];
  for (let i = 0; i < n; i++) {
    chunk.push(
      `${20 + (i % 200)}.${(i >> 8) & 255}.${i & 255}.${i % 7},${i % 3 ? 'pat' : 'ssh'},u${i % 50_000}@contoso.com`,
    );
    if (chunk.length === 50_000) {
      writeSync(fd, chunk.join('\n') + '\n');
      chunk.length = 0;
    }
  }
  if (chunk.length) writeSync(fd, chunk.join('\n') + '\n');
  closeSync(fd);
}

/** What each form of the batch report ends (or, readable, starts) with. */
const SUMMARY = {
  readable: /\d+ evaluated, \d+ skipped/,
  '--json': /"verdict": "/,
  '--ndjson': /\{"type":"summary"/,
};

export function cliCases(big: boolean): CliCase[] {
  const T = mkdtempSync(join(tmpdir(), 'pf-attack-'));
  // The hostile files (130,000 rows, a 60 MB sparse file, 5,000,000 rows with --big) go at exit.
  process.on('exit', () => rmSync(T, { recursive: true, force: true }));
  const at = (name: string, body: string | Buffer) => {
    const p = join(T, name);
    writeFileSync(p, body);
    return p;
  };
  const cases: CliCase[] = [];
  const add = (category: string, name: string, args: string[], expect: Expect) =>
    cases.push({ category, name, args, expect });

  // ---- files that are not files, or hostile ones, for each flag that reads one
  const fifo = join(T, 'fifo');
  execFileSync('mkfifo', [fifo]);
  const dir = join(T, 'folder');
  mkdirSync(dir);
  const link = join(T, 'zero-link');
  symlinkSync('/dev/zero', link);
  const huge = join(T, 'huge.json');
  const hfd = openSync(huge, 'w');
  ftruncateSync(hfd, 60 * 1024 * 1024);
  closeSync(hfd);
  const binary = at(
    'binary.csv',
    Buffer.from(Array.from({ length: 5_000_000 }, (_, i) => 0x20 + (i % 0xe0))),
  );
  const files: [string, string, RegExp][] = [
    ['/dev/zero', '/dev/zero', /is a device/],
    ['/dev/urandom', '/dev/urandom', /is a device/],
    ['a symlink to /dev/zero', link, /is a device/],
    ['a FIFO', fifo, /named pipe/],
    ['a folder with no .json', dir, /folder|directory/],
    ['a missing file', join(T, 'nope.json'), /no such file/],
    ['a 240-character missing path', join(T, 'x'.repeat(240)), /no such file/],
    ['a 60 MB file', huge, /over the 50 MB limit|binary|not text/],
    [
      'JSON nested 100,000 deep',
      at('deep.json', '['.repeat(100_000) + ']'.repeat(100_000)),
      /nested deeper/,
    ],
    ['a 5 MB binary one-liner', binary, /./],
    ['an empty file', at('empty.json', ''), /./],
    ['a PNG', `${F}../lab/screenshot.png`, /./],
    ['broken JSON', `${F}broken-json.txt`, /./],
  ];
  for (const [label, path, message] of files) {
    add(
      'cli files',
      `--locations ${label}`,
      ['--locations', path, '--policies', POLS, ...single()],
      {
        code: 2,
        error: new RegExp(`--locations .*(${message.source})`),
      },
    );
    add(
      'cli files',
      `--policies ${label}`,
      ['--locations', LOCS, '--policies', path, ...single()],
      {
        code: 2,
        error: new RegExp(`--policies .*(${message.source})`),
      },
    );
    if (!/deep|broken|60 MB/.test(label))
      add('cli files', `--batch ${label}`, batch(path), { code: 2, error: /--batch / });
  }
  add('cli files', '--batch a folder', batch(dir), { code: 2, error: /--batch .*directory/ });
  add('cli files', '--batch a 60 MB file of zeros', batch(huge), { code: 2, error: /--batch / });
  add(
    'cli files',
    '--locations UTF-16 LE (PowerShell)',
    [
      '--locations',
      `${F}../graph-real/locations-powershell-utf16le.json`,
      '--policies',
      POLS,
      ...single(),
    ],
    { code: 0 },
  );
  add(
    'cli files',
    '--locations UTF-16 BE',
    ['--locations', `${F}../graph-real/locations-utf16be.json`, '--policies', POLS, ...single()],
    { code: 0 },
  );

  // ---- write errors
  add(
    'cli files',
    '--json > /dev/full',
    ['--locations', LOCS, '--policies', POLS, ...single('--json')],
    { code: 2, stdout: 'full', error: /write|stdout|space/i },
  );
  add('cli files', 'readable > /dev/full', ['--locations', LOCS, '--policies', POLS, ...single()], {
    code: 2,
    stdout: 'full',
    error: /write|stdout|space/i,
  });
  add('cli files', '--batch --ndjson > /dev/full', batch(`${F}signins.csv`, '--ndjson'), {
    code: 2,
    stdout: 'full',
    error: /write|stdout|space/i,
  });
  add('cli files', '--batch readable > /dev/full', batch(`${F}signins.csv`), {
    code: 2,
    stdout: 'full',
    error: /write|stdout|space/i,
  });

  // ---- escape codes in names, users, clients and paths
  const controls = NASTY.filter(([, v]) => RAW_CONTROL.test(v) || /\u202e/.test(v));
  for (const [label, v] of controls) {
    const pol = at(`pol-${cases.length}.json`, policiesNamed(`CA ${v} end`));
    const loc = at(`loc-${cases.length}.json`, locationsNamed(`HQ ${v}`));
    const csv = at(
      `esc-${cases.length}.csv`,
      `ip,flow,user,client\n203.0.113.10,pat,${csvCell(v)},${csvCell(v)}\n8.8.8.8,pat,${csvCell(`x${v}`)},git\n`,
    );
    add(
      'cli escapes',
      `${label} in a policy name (readable)`,
      ['--locations', LOCS, '--policies', pol, ...single()],
      { code: 0 },
    );
    add(
      'cli escapes',
      `${label} in a policy name (--json)`,
      ['--locations', LOCS, '--policies', pol, ...single('--json')],
      { code: 0, json: 'whole' },
    );
    add(
      'cli escapes',
      `${label} in a location name (readable)`,
      ['--locations', loc, '--policies', POLS, ...single()],
      { code: 0 },
    );
    // A NUL byte makes a file binary: refused in one line, which is as clean.
    const nul = v.includes('\0');
    add(
      'cli escapes',
      `${label} in a CSV user and client (readable)`,
      batch(csv),
      nul ? { code: 2, error: /binary/ } : { code: 0 },
    );
    add(
      'cli escapes',
      `${label} in a CSV user (--ndjson)`,
      batch(csv, '--ndjson'),
      nul ? { code: 2, error: /binary/ } : { code: 0, json: 'lines' },
    );
    add(
      'cli escapes',
      `${label} in --user`,
      ['--locations', LOCS, '--policies', POLS, ...single('--user', v.replace(/\0/g, '') || 'x')],
      { code: 0 },
    );
  }
  const escPath = at('a\u001b]0;title\u0007.csv', 'ip\n8.8.8.8\n');
  add('cli escapes', 'ESC codes in the batch file name', batch(escPath), { code: 0 });

  // ---- tokens in every place a file or an argument puts text
  for (const [label, v] of PLANTED) {
    const pol = at(`tpol-${cases.length}.json`, policiesNamed(v));
    const loc = at(`tloc-${cases.length}.json`, locationsNamed(v));
    const badLoc = at(
      `tbad-${cases.length}.json`,
      JSON.stringify({
        value: [{ displayName: v, '@odata.type': '#microsoft.graph.ipNamedLocation' }],
      }),
    );
    const csv = at(
      `tcsv-${cases.length}.csv`,
      `ip,flow,user,client\n203.0.113.10,pat,${csvCell(v)},${csvCell(v)}\n${csvCell(v)},pat,x,git\n8.8.8.8,${csvCell(v)},y,git\n`,
    );
    const json = at(
      `tjson-${cases.length}.json`,
      JSON.stringify({
        value: [
          {
            ipAddress: '8.8.8.8',
            userPrincipalName: v,
            createdDateTime: '2026-10-01T10:00:00Z',
            appDisplayName: v,
          },
        ],
      }),
    );
    add(
      'cli tokens',
      `${label} as a policy name (readable)`,
      ['--locations', LOCS, '--policies', pol, ...single()],
      { code: 0 },
    );
    add(
      'cli tokens',
      `${label} as a policy name (--kql)`,
      ['--locations', LOCS, '--policies', pol, '--kql'],
      { code: 0 },
    );
    add(
      'cli tokens',
      `${label} as a location name (--json)`,
      ['--locations', loc, '--policies', POLS, ...single('--json')],
      { code: 0, json: 'whole' },
    );
    add(
      'cli tokens',
      `${label} in a --locations error`,
      ['--locations', badLoc, '--policies', POLS, ...single()],
      { code: 2 },
    );
    add('cli tokens', `${label} as CSV user, client, ip, flow (readable)`, batch(csv), { code: 0 });
    add('cli tokens', `${label} as CSV user (--json)`, batch(csv, '--json'), {
      code: 0,
      json: 'whole',
    });
    add('cli tokens', `${label} as CSV user (--ndjson)`, batch(csv, '--ndjson'), {
      code: 0,
      json: 'lines',
    });
    add('cli tokens', `${label} as a JSON log user (readable)`, batch(json), { code: 0 });
    add(
      'cli tokens',
      `${label} as --user`,
      ['--locations', LOCS, '--policies', POLS, ...single('--user', v, '--json')],
      { code: 0, json: 'whole' },
    );
    add(
      'cli tokens',
      `${label} as --ip`,
      ['--locations', LOCS, '--policies', POLS, '--validation', 'on', '--flow', 'pat', '--ip', v],
      { code: 2 },
    );
  }
  add('cli tokens', 'a PAT as the --batch path', batch(join(T, `${PAT52}.csv`)), { code: 2 });
  add(
    'cli tokens',
    'a PAT as --assume',
    ['--locations', LOCS, '--policies', POLS, ...single('--assume', `existing-pats=${PAT84}`)],
    { code: 2 },
  );

  // ---- duplicate keys
  const twins = at('twins.json', policiesNamed('Same name', true));
  add(
    'duplicate keys',
    'two policies, one displayName, same missing location',
    ['--locations', LOCS, '--policies', twins, ...single()],
    { code: 0 },
  );
  add(
    'duplicate keys',
    'two policies, one displayName (batch)',
    ['--locations', LOCS, '--policies', twins, '--validation', 'on', '--batch', `${F}signins.csv`],
    { code: 0 },
  );
  const g = JSON.parse(readFileSync(LOCS, 'utf8')) as { value: unknown[] };
  const dupLocs = at('dup-locs.json', JSON.stringify({ value: [g.value[0], g.value[0]] }));
  add(
    'duplicate keys',
    'two locations with one id',
    ['--locations', dupLocs, '--policies', POLS, ...single()],
    { code: 2, error: /id/ },
  );
  const gp = JSON.parse(readFileSync(POLS, 'utf8')) as { value: unknown[] };
  const dupPols = at('dup-pols.json', JSON.stringify({ value: [gp.value[0], gp.value[0]] }));
  add(
    'duplicate keys',
    'two policies with one id',
    ['--locations', LOCS, '--policies', dupPols, ...single()],
    { code: 2, error: /id/ },
  );
  mkdirSync(join(T, 'same'));
  writeFileSync(join(T, 'same', 'a.json'), JSON.stringify(g.value[0]));
  writeFileSync(join(T, 'same', 'b.json'), JSON.stringify(g.value[0]));
  add(
    'duplicate keys',
    'a folder holding one location twice',
    ['--locations', join(T, 'same'), '--policies', POLS, ...single()],
    { code: 2, error: /id/ },
  );

  // ---- spreadsheets through the command line
  const rows = 'ip;flow;user\n203.0.113.10;pat;José Müller\n8.8.8.8;pat;Zoë\n';
  const sheets: [string, Buffer][] = [
    ['semicolon (European Excel)', Buffer.from(rows)],
    ['tab (.tsv)', Buffer.from(rows.replace(/;/g, '\t'))],
    ['Excel "Unicode text" (UTF-16 LE, tab)', utf16(rows.replace(/;/g, '\t'), false)],
    ['UTF-16 BE with a BOM', utf16(rows.replace(/;/g, ','), true)],
    ['Windows-1252', Buffer.from(rows, 'latin1')],
    ['UTF-8 with a BOM, CRLF', Buffer.from('\ufeff' + rows.replace(/\n/g, '\r\n'))],
  ];
  for (const [label, b] of sheets)
    add('spreadsheets', `CLI: ${label}`, batch(at(`sheet-${cases.length}.csv`, b)), {
      code: 0,
      says: /2 evaluated/,
    });
  add('spreadsheets', 'CLI: a binary CSV', batch(binary), { code: 2 });

  // ---- size
  const r130 = join(T, 'rows-130k.csv');
  writeRows(r130, 130_000);
  for (const [form, more, json] of [
    ['readable', [], undefined],
    ['--json', ['--json'], 'whole'],
    ['--ndjson', ['--ndjson'], 'lines'],
  ] as const)
    add('cli size', `130,000 rows, ${form}`, batch(r130, ...more), {
      code: 0,
      json,
      timeoutMs: 180_000,
      says: SUMMARY[form],
    });
  const skipped = at(
    'skipped.csv',
    'ip,flow\n' + 'not-an-ip,pat\n'.repeat(200_000) + '8.8.8.8,pat\n',
  );
  add('cli size', '200,000 skipped rows, readable', batch(skipped), {
    code: 0,
    timeoutMs: 120_000,
  });
  const wide = at('wide.csv', `ip,user\n8.8.8.8,${'x'.repeat(5_000_000)}\n`);
  add('cli size', 'a 5 MB cell', batch(wide), { code: 0, timeoutMs: 60_000 });
  const longLine = at('one-line.csv', 'c,'.repeat(1_000_000) + '\n1,2\n');
  add('cli size', 'a 2 MB header line with no ip column', batch(longLine), { code: 2 });
  if (big) {
    const r5m = join(T, 'rows-5m.csv');
    writeRows(r5m, 5_000_000);
    for (const [form, more, json] of [
      ['readable', [], undefined],
      ['--json', ['--json'], 'whole'],
      ['--ndjson', ['--ndjson'], 'lines'],
    ] as const)
      add('cli size', `5,000,000 rows, ${form}`, batch(r5m, ...more), {
        code: 0,
        json,
        timeoutMs: 900_000,
        says: SUMMARY[form],
      });
  }
  return cases;
}

/** The tokens themselves are only in files this run wrote; nothing here is a real credential. */
export const CLI_TOKENS = [PAT52, PAT84];
