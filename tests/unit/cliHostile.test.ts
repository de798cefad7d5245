// The command line keeps its contract on hostile files (issue 15, item 4): devices, FIFOs and
// folders where a file is expected, JSON nested 100,000 deep, a 5 MB one-line binary header and
// a full disk all end with exit 2 and one short line naming the flag — never a hang or a crash.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { streamText } from '../../src/cli/files';
import { tooDeepAt } from '../../src/model/graph/jsonText';
import { visible } from '../../src/model/graph/visibleText';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const F = join(ROOT, 'tests/fixtures/cli');
const TMP = mkdtempSync(join(tmpdir(), 'pf-hostile-'));
const FIFO = join(TMP, 'fifo');
execFileSync('mkfifo', [FIFO]);
const DIR = join(TMP, 'folder');
mkdirSync(DIR);
const DEEP = join(TMP, 'deep.json');
writeFileSync(DEEP, '['.repeat(100_000) + ']'.repeat(100_000));
const BINARY = join(TMP, 'binary.csv');
// 5 MB on one line: bytes 0x20–0xff without line breaks, as a binary file read as a CSV.
writeFileSync(BINARY, Buffer.from(Array.from({ length: 5_000_000 }, (_, i) => 0x20 + (i % 0xe0))));
const LONG = join(TMP, 'x'.repeat(240) + '.json');

const tenant = [
  '--locations',
  `${F}/locations.json`,
  '--policies',
  `${F}/policies-block-outside.json`,
];
const base = [...tenant, '--validation', 'on', '--at', '2026-11-01T10:00:00Z'];

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    now: () => new Date('2026-11-01T12:00:00Z'),
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('files that are not regular files, or hostile ones: exit 2, one line naming the flag', () => {
  it.each([
    [
      '/dev/zero as --locations',
      ['--locations', '/dev/zero', '--policies', `${F}/policies-block-outside.json`],
      /^--locations \/dev\/zero: is a device/,
    ],
    [
      '/dev/zero as --policies',
      ['--locations', `${F}/locations.json`, '--policies', '/dev/zero'],
      /^--policies \/dev\/zero: is a device/,
    ],
    [
      'a FIFO as --locations',
      ['--locations', FIFO, '--policies', `${F}/policies-block-outside.json`],
      /^--locations \S+fifo: is a named pipe/,
    ],
    [
      'JSON 100,000 deep',
      ['--locations', DEEP, '--policies', `${F}/policies-block-outside.json`],
      /^--locations \S+deep\.json\S*.*nested deeper than 64 levels/,
    ],
    [
      'a long missing path',
      ['--locations', LONG, '--policies', `${F}/policies-block-outside.json`],
      /^--locations x{0,200}/,
    ],
  ])('%s', (_n, files, message) => {
    const r = run([...files, '--validation', 'on', '--flow', 'pat', '--ip', '1.2.3.4']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.replace(/^pat-fence whatif: /, '')).toMatch(message);
  });

  it.each([
    ['/dev/zero', '/dev/zero', /--batch \/dev\/zero: is a device/],
    ['/dev/urandom', '/dev/urandom', /--batch \/dev\/urandom: is a device/],
    ['a FIFO', FIFO, /--batch \S+fifo: is a named pipe/],
    ['a folder', DIR, /--batch \S+folder: is a directory/],
    ['a 5 MB one-line binary file', BINARY, /--batch \S+binary\.csv: /],
  ])('--batch %s', (_n, file, message) => {
    const r = run([...base, '--batch', file]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(lines[0]!.length).toBeLessThan(1100);
    // eslint-disable-next-line no-control-regex
    expect(lines[0]).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('cuts an echoed path to 200 characters', () => {
    const r = run([
      ...base.slice(4),
      '--locations',
      LONG,
      '--policies',
      `${F}/policies-block-outside.json`,
      '--flow',
      'pat',
      '--ip',
      '1.2.3.4',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('…');
    expect(r.stderr).not.toContain('x'.repeat(201));
  });
});

describe('the JSON depth scan', () => {
  it.each([
    ['flat', '{"a": [1, 2, {"b": 3}]}', undefined],
    ['brackets in strings do not count', `{"a": "${'['.repeat(100)}"}`, undefined],
    ['an escaped quote stays in the string', `{"a": "\\"${'['.repeat(100)}"}`, undefined],
    ['65 levels', '['.repeat(65) + ']'.repeat(65), 64],
    ['64 levels pass', '['.repeat(64) + ']'.repeat(64), undefined],
  ])('%s', (_n, text, at) => expect(tooDeepAt(text)).toBe(at));
});

describe('a write error on stdout', () => {
  it('--json > /dev/full exits 2 with one line', () => {
    const csv = join(TMP, 'ok.csv');
    writeFileSync(csv, 'ip,user\n1.2.3.4,a\n');
    const args = [...base, '--batch', csv, '--json'].map((a) => `'${a}'`).join(' ');
    const r = spawnSync('sh', ['-c', `npx tsx src/cli/whatif.ts ${args} > /dev/full`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot write the output \(ENOSPC\)/);
  }, 30_000);
});

describe('control characters from files are shown escaped, never sent to the terminal', () => {
  it.each([
    ['OSC 0 window title', '\u001b]0;pwned\u0007', '\\x1b]0;pwned\\x07'],
    ['clear screen', '\u001b[2J', '\\x1b[2J'],
    ['OSC 8 hyperlink', '\u001b]8;;http://x\u001b\\', '\\x1b]8;;http://x\\x1b\\'],
    ['carriage return', 'a\rb', 'a\\x0db'],
    ['C1 CSI', 'a\u009bb', 'a\\x9bb'],
    ['bidi override', 'a\u202eb', 'a\\u202eb'],
    ['plain text', 'CA001-Global-BaseProtection', 'CA001-Global-BaseProtection'],
    ['tab and line feed in one-line mode', 'a\tb\nc', 'a\\x09b\\x0ac'],
  ])('%s', (_n, text, shown) => expect(visible(text)).toBe(shown));
  it('keeps tab and line feed in lines mode', () =>
    expect(visible('a\tb\n\u001b', true)).toBe('a\tb\n\\x1b'));

  const name = 'CA\u001b]0;pwned\u0007 \u001b[2J Block';
  const policies = join(TMP, 'escapes.json');
  const source = JSON.parse(readFileSync(`${F}/policies-block-outside.json`, 'utf8')) as {
    value: { displayName: string }[];
  };
  source.value[0]!.displayName = name;
  writeFileSync(policies, JSON.stringify(source));
  const csv = join(TMP, 'escapes.csv');
  writeFileSync(csv, 'ip,user\n1.2.3.4,\u001b]8;;http://evil\u001b\\click\u001b]8;;\u001b\\\n');
  const files = ['--locations', `${F}/locations.json`, '--policies', policies];
  const common = [...files, '--validation', 'on', '--at', '2026-11-01T10:00:00Z'];

  it.each([
    ['a single decision', [...common, '--flow', 'pat', '--ip', '1.2.3.4']],
    ['a batch report', [...common, '--batch', csv]],
  ])('%s', (_n, args) => {
    const r = run(args);
    expect(r.code).toBe(0);
    // eslint-disable-next-line no-control-regex
    const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
    expect(r.stdout).not.toMatch(raw);
    expect(r.stderr).not.toMatch(raw);
    if (!args.includes('--batch'))
      expect(r.stdout + r.stderr).toContain('CA\\x1b]0;pwned\\x07 \\x1b[2J Block');
  });
  it('the batch report shows the CSV user escaped', () => {
    expect(run([...common, '--batch', csv]).stdout).toContain('\\x1b]8;;http://evil');
  });
});

describe('a batch of 130,000 evaluated rows', () => {
  // The readable report once spread its table into lines.push(...) and overflowed the stack here;
  // the JSON and NDJSON forms at this size are in `npm run attack` (cli size).
  it('prints the readable report', () => {
    const csv = join(TMP, 'rows-130k.csv');
    const rows = Array.from(
      { length: 130_000 },
      (_, i) => `20.${i >> 16}.${(i >> 8) & 255}.${i & 255},pat`,
    );
    writeFileSync(csv, `ip,flow\n${rows.join('\n')}\n`);
    const r = run([...base, '--batch', csv]);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('130000 evaluated, 0 skipped');
  }, 90_000);
});

describe('a batch with 200,000 skipped rows', () => {
  it('prints every one of them in the readable report, without a stack overflow', () => {
    const csv = join(TMP, 'many-bad.csv');
    writeFileSync(csv, 'ip,user\n1.2.3.4,a\n' + 'not-an-ip,b\n'.repeat(200_000));
    const r = run([...base, '--batch', csv]);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    const skipped = r.stdout
      .split('\nSkipped rows:\n')[1]!
      .split('\n')
      .filter((l) => l.startsWith('  row '));
    expect(skipped).toHaveLength(200_000);
    expect(skipped[0]).toMatch(/^ {2}row 3, /);
    expect(skipped.at(-1)).toMatch(/^ {2}row 200002, /);
  }, 60_000);
});

// Issue 15, item 2, on the command line: the page screens every file before its importers see
// it; the CLI now does the same on reading (whole files and streams), and screens its arguments,
// so a token given in a file or on the command line is never printed, in any output form.
describe('tokens in files and arguments never reach the output', () => {
  const PAT = 'k7q2m4x3p3w6t5r5z2v7n4b6c3d2f5g2h7j4l4s3y6u2e5i2o7qa';
  const PAT84 =
    'Fq8ZrT2mWx9LpB4nKd7VhYc3Gs6Jt1QeRu5AoXi0MbNl2CwPz7EkJQQJ99BCACAAAAAAAAAAAAASAZDO3hXq';
  const leaks = (text: string) => text.includes(PAT.slice(0, 24)) || text.includes('AZDO3hXq');
  const named = join(TMP, 'token-policy.json');
  const source = JSON.parse(readFileSync(`${F}/policies-block-outside.json`, 'utf8')) as {
    value: { displayName: string }[];
  };
  source.value[0]!.displayName = `Block ${PAT}x`;
  writeFileSync(named, JSON.stringify(source));
  const csv = join(TMP, 'token-users.csv');
  writeFileSync(csv, `ip,user,client\n1.2.3.4,${PAT},git\n5.6.7.8,x${PAT84}x,${PAT}\n`);
  const badLocation = join(TMP, 'token-location.json');
  writeFileSync(badLocation, JSON.stringify({ value: [{ displayName: PAT84 }] }));
  const common = ['--locations', `${F}/locations.json`, '--policies', named, '--validation', 'on'];
  const at = ['--at', '2026-11-01T10:00:00Z'];

  it.each([
    ['a policy name, readable', [...common, ...at, '--flow', 'pat', '--ip', '1.2.3.4'], 0],
    ['a policy name, --json', [...common, ...at, '--flow', 'pat', '--ip', '1.2.3.4', '--json'], 0],
    ['a policy name, --kql', [...common, '--kql'], 0],
    ['CSV users and clients, readable', [...common, ...at, '--batch', csv], 0],
    ['CSV users and clients, --json', [...common, ...at, '--batch', csv, '--json'], 0],
    ['CSV users and clients, --ndjson', [...common, ...at, '--batch', csv, '--ndjson'], 0],
    [
      'a --locations error',
      ['--locations', badLocation, '--policies', named, '--validation', 'on', '--kql'],
      2,
    ],
    ['--user', [...common, ...at, '--flow', 'pat', '--ip', '1.2.3.4', '--user', PAT], 0],
    ['--ip, cut in its error', [...common, '--flow', 'pat', '--ip', `Block ${PAT} now`], 2],
  ])('%s', (_n, args, code) => {
    const r = run(args);
    expect(r.code).toBe(code);
    expect(leaks(r.stdout)).toBe(false);
    expect(leaks(r.stderr)).toBe(false);
    if (code === 0 && !args.includes('--user'))
      expect(r.stderr).toMatch(
        /looks like a real access token: it was replaced by "\[token removed\]"/,
      );
  });

  it('a CSV read as a stream (a token across a piece boundary) is screened as well', () => {
    const big = join(TMP, 'token-stream.csv');
    writeFileSync(big, 'ip,user\n' + `1.2.3.4,${PAT}\n`.repeat(3));
    const seen: string[] = [];
    const r = streamText('batch', big, (t) => void seen.push(t), 7);
    expect(r.ok && r.value.tokens).toMatch(/--batch \S+token-stream\.csv: holds something/);
    expect(leaks(seen.join(''))).toBe(false);
    expect(seen.join('')).toBe('ip,user\n' + '1.2.3.4,[token removed]\n'.repeat(3));
  });
});
