// The what-if command line against its contract (README: The what-if command line): every documented example of
// the rule table answered as documented, the --json field names, batch counts, and every bad
// input answered with exit 2 and one line on stderr. Mostly in-process through main(); a few
// real child processes prove the entry point.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args';
import { main, type CliIo } from '../../src/cli/main';
import type { Decision, RuleId } from '../../src/model/engine/types';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const F = 'tests/fixtures/cli';
const REAL = 'tests/fixtures/graph-real';
/** The one warning an import that uses AllTrusted gives (R23); nothing else on stderr. */
const ONLY_ALLTRUSTED = /^warning: --policies [^\n]*uses AllTrusted[^\n]*\(R23\)\n$/;
const AT = '2026-11-01T10:00:00Z';
const HOME = '100.64.12.7';
const HQ = '203.0.113.10';
const VPN = '198.51.100.20';

const POLICIES = {
  block: `${F}/policies-block-outside.json`,
  mfaOutside: `${F}/policies-mfa-outside.json`,
  mfaPlain: `${F}/policies-mfa-plain.json`,
  reportOnly: `${F}/policies-report-only.json`,
};

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs main() in-process, from the repository root, with a fixed clock. */
function run(args: string[], now = '2026-11-01T12:00:00Z', overrides: Partial<CliIo> = {}): Run {
  const out: string[] = [];
  const err: string[] = [];
  // Paths are relative to the repository root, where vitest normally runs already.
  const cwd = process.cwd();
  if (cwd !== ROOT) process.chdir(ROOT);
  try {
    const code = main(args, {
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
      now: () => new Date(now),
      ...overrides,
    });
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    if (cwd !== ROOT) process.chdir(cwd);
  }
}

/** Our test tenant's files and the org policy state. */
const tenant = (policies: string, validation: string) => [
  '--locations',
  `${F}/locations.json`,
  '--policies',
  policies,
  '--validation',
  validation,
];

/** A single what-if against the test tenant at a fixed time. */
const single = (policies: string, validation: string, ...rest: string[]) => [
  ...tenant(policies, validation),
  '--at',
  AT,
  ...rest,
];

const json = (r: Run) => JSON.parse(r.stdout) as Decision & { decidedBy: RuleId };

interface DecisionCase {
  name: string;
  args: string[];
  outcome: Decision['outcome'];
  status?: number;
  code?: Decision['code'];
  decidedBy?: RuleId;
}

const decisions: DecisionCase[] = [
  // The article's two pictures (R4, R5, R13).
  {
    name: 'PAT from outside, validation on: 403 VS403463',
    args: single(POLICIES.block, 'on', '--flow', 'pat', '--ip', HOME),
    outcome: 'blocked',
    status: 403,
    code: 'VS403463',
    decidedBy: 'R4',
  },
  {
    name: 'PAT from outside, validation off: allowed',
    args: single(POLICIES.block, 'off', '--flow', 'pat', '--ip', HOME),
    outcome: 'allowed',
    status: 200,
    code: null,
    decidedBy: 'R5',
  },
  {
    name: 'PAT from HQ, validation on: allowed',
    args: single(POLICIES.block, 'on', '--flow', 'pat', '--ip', HQ),
    outcome: 'allowed',
    status: 200,
  },
  {
    name: 'PAT from HQ over IPv6, validation on: allowed',
    args: single(POLICIES.block, 'on', '--flow', 'pat', '--ip', '2001:db8:10::42'),
    outcome: 'allowed',
  },
  // R6: "require MFA outside X" prompts on the web and blocks a PAT.
  {
    name: 'R6: web from outside under MFA-outside: mfa-required',
    args: single(POLICIES.mfaOutside, 'on', '--flow', 'web', '--ip', HOME),
    outcome: 'mfa-required',
  },
  {
    name: 'R6: web from outside with --mfa: allowed',
    args: single(POLICIES.mfaOutside, 'on', '--flow', 'web', '--ip', HOME, '--mfa'),
    outcome: 'allowed',
  },
  {
    name: 'R6: PAT from outside under MFA-outside: blocked',
    args: single(POLICIES.mfaOutside, 'on', '--flow', 'pat', '--ip', HOME),
    outcome: 'blocked',
    status: 403,
    code: 'VS403463',
    decidedBy: 'R6',
  },
  // R7: a plain MFA policy is not an IP fence.
  {
    name: 'R7: plain MFA policy on a PAT: allowed (default)',
    args: single(POLICIES.mfaPlain, 'on', '--flow', 'pat', '--ip', HOME),
    outcome: 'allowed',
  },
  {
    name: 'R7: plain MFA policy on a PAT, mfa-only-policy-on-pat=blocked',
    args: single(
      POLICIES.mfaPlain,
      'on',
      '--flow',
      'pat',
      '--ip',
      HOME,
      '--assume',
      'mfa-only-policy-on-pat=blocked',
    ),
    outcome: 'blocked',
    code: 'VS403463',
    decidedBy: 'R7',
  },
  // R9: the IPv4-mapped form of a trusted address.
  {
    name: 'R9: IPv4-mapped HQ address, distinct (default): blocked',
    args: single(POLICIES.block, 'on', '--flow', 'pat', '--ip', `::ffff:${HQ}`),
    outcome: 'blocked',
  },
  {
    name: 'R9: IPv4-mapped HQ address, ipv4-mapped=equivalent: allowed',
    args: single(
      POLICIES.block,
      'on',
      '--flow',
      'pat',
      '--ip',
      `::ffff:${HQ}`,
      '--assume=ipv4-mapped=equivalent',
    ),
    outcome: 'allowed',
  },
  // R10: split tunnel.
  {
    name: 'R10: split tunnel, Entra sees the VPN, Azure DevOps sees home: blocked',
    args: single(POLICIES.block, 'on', '--flow', 'web', '--ip', HOME, '--signin-ip', VPN),
    outcome: 'blocked',
    decidedBy: 'R10',
  },
  {
    name: 'R10: full tunnel, both see the VPN: allowed',
    args: single(POLICIES.block, 'on', '--flow', 'web', '--ip', VPN, '--signin-ip', VPN),
    outcome: 'allowed',
  },
  // R11: SSH keys.
  {
    name: 'R11: SSH from outside, validation on: blocked',
    args: single(POLICIES.block, 'on', '--flow', 'ssh', '--ip', HOME),
    outcome: 'blocked',
    status: 403,
    code: 'VS403463',
    decidedBy: 'R11',
  },
  {
    name: 'R5: SSH from outside, validation off: allowed',
    args: single(POLICIES.block, 'off', '--flow', 'ssh', '--ip', HOME),
    outcome: 'allowed',
  },
  // R12: PATs older than the org policy (article).
  {
    name: 'R12: PAT created before the policy was turned on: allowed (article)',
    args: single(
      POLICIES.block,
      'on',
      '--flow',
      'pat',
      '--ip',
      HOME,
      '--validation-enabled-at',
      '2026-06-01',
      '--token-created',
      '2026-01-15T08:00:00Z',
    ),
    outcome: 'allowed',
    decidedBy: 'R12',
  },
  {
    name: 'R12: same PAT with existing-pats=enforced: blocked',
    args: single(
      POLICIES.block,
      'on',
      '--flow',
      'pat',
      '--ip',
      HOME,
      '--validation-enabled-at',
      '2026-06-01',
      '--token-created',
      '2026-01-15',
      '--assume',
      'existing-pats=enforced',
    ),
    outcome: 'blocked',
  },
  {
    name: 'R12: PAT created after the policy was turned on: blocked',
    args: single(
      POLICIES.block,
      'on',
      '--flow',
      'pat',
      '--ip',
      HOME,
      '--validation-enabled-at',
      '2026-06-01',
      '--token-created',
      '2026-07-01',
    ),
    outcome: 'blocked',
  },
  {
    name: 'R12: --token-created without --validation-enabled-at counts as newer: blocked',
    args: single(
      POLICIES.block,
      'on',
      '--flow',
      'pat',
      '--ip',
      HOME,
      '--token-created',
      '2020-01-01',
    ),
    outcome: 'blocked',
  },
  // R14, R16, T1.
  {
    name: 'R14: OAuth from outside under a block policy: AADSTS53003',
    args: single(POLICIES.block, 'off', '--flow', 'oauth', '--ip', HOME),
    outcome: 'blocked',
    code: 'AADSTS53003',
  },
  {
    name: 'R16: report-only block policy: allowed',
    args: single(POLICIES.reportOnly, 'on', '--flow', 'pat', '--ip', HOME),
    outcome: 'allowed',
  },
  {
    name: 'T1: expired PAT: blocked 401, whatever the IP',
    args: single(
      POLICIES.block,
      'on',
      '--flow',
      'pat',
      '--ip',
      HQ,
      '--token-expires',
      '2026-10-31',
    ),
    outcome: 'blocked',
    status: 401,
    code: null,
    decidedBy: 'T1',
  },
  // Input shapes: a bare-array locations file; --flag=value.
  {
    name: 'bare-array named locations, value-wrapped policies',
    args: [
      '--locations',
      `${F}/locations-bare.json`,
      '--policies',
      POLICIES.block,
      '--validation=on',
      '--flow=pat',
      `--ip=${HOME}`,
      `--at=${AT}`,
    ],
    outcome: 'blocked',
    code: 'VS403463',
  },
  {
    // The fixture tenant excludes a break-glass user: the user must be given (R22).
    name: 'the shared Graph fixtures: PAT from outside is blocked',
    args: [
      '--locations',
      'tests/fixtures/graph/namedLocations.json',
      '--policies',
      'tests/fixtures/graph/policies.json',
      '--validation',
      'on',
      '--flow',
      'pat',
      '--ip',
      HOME,
      '--at',
      AT,
      '--user',
      'dev@contoso.com',
    ],
    outcome: 'blocked',
    code: 'VS403463',
  },
  {
    name: 'the shared Graph fixtures: PAT from HQ is allowed',
    args: [
      '--locations',
      'tests/fixtures/graph/namedLocations.json',
      '--policies',
      'tests/fixtures/graph/policies.json',
      '--validation',
      'on',
      '--flow',
      'pat',
      '--ip',
      '203.0.113.14',
      '--at',
      AT,
    ],
    outcome: 'allowed',
  },
];

describe('whatif: documented examples', () => {
  it.each(decisions)('$name', (c) => {
    const r = run([...c.args, '--json']);
    expect(r.stderr.split('\n').filter((l) => l && !l.startsWith('warning: '))).toEqual([]);
    expect(r.code).toBe(0);
    const d = json(r);
    expect(d.outcome).toBe(c.outcome);
    if (c.status !== undefined) expect(d.status).toBe(c.status);
    if (c.code !== undefined) expect(d.code).toBe(c.code);
    if (c.decidedBy !== undefined) expect(d.decidedBy).toBe(c.decidedBy);
  });

  it('human output agrees with --json and shows trace, policies and assumptions', () => {
    const args = single(POLICIES.mfaPlain, 'on', '--flow', 'pat', '--ip', HOME);
    const r = run([...args, '--assume', 'mfa-only-policy-on-pat=blocked']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Outcome: BLOCKED {2}HTTP 403 {2}VS403463\n/);
    expect(r.stdout).toContain('VS403463: The conditional access policy');
    expect(r.stdout).toMatch(/\n {2}1\. +T1 +pass /);
    expect(r.stdout).toMatch(/R7 +fail +\[assumption\] /);
    expect(r.stdout).toMatch(/Policies:\n {2}applies +enforced +effect/);
    expect(r.stdout).toContain('mfa-only-policy-on-pat=blocked (R7, changed with --assume)');
    expect(r.stdout).toContain('existing-pats=exempt (R12, default)');
  });

  it('--at defaults to the clock the command line reads', () => {
    const args = [
      ...tenant(POLICIES.block, 'on'),
      '--flow',
      'pat',
      '--ip',
      HQ,
      '--token-expires',
      '2027-01-01',
      '--json',
    ];
    expect(json(run(args, '2026-12-31T00:00:00Z')).outcome).toBe('allowed');
    expect(json(run(args, '2027-01-02T00:00:00Z')).status).toBe(401);
  });

  it('--help prints the usage with every contract flag and exits 0', () => {
    for (const args of [['--help'], ['-h'], ['--bogus', '--help']]) {
      const r = run(args);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      for (const flag of [
        '--locations',
        '--policies',
        '--validation',
        '--validation-enabled-at',
        '--flow',
        '--ip',
        '--signin-ip',
        '--token-created',
        '--token-expires',
        '--at',
        '--user',
        '--groups',
        '--mfa',
        '--compliant-device',
        '--assume',
        '--json',
        '--ndjson',
        '--batch',
      ]) {
        expect(r.stdout).toContain(flag);
      }
    }
  });
});

describe('whatif --json: the contract', () => {
  const r = run([...single(POLICIES.block, 'on', '--flow', 'pat', '--ip', HOME), '--json']);
  const d = JSON.parse(r.stdout) as Record<string, unknown>;

  it('prints one JSON object with the contract fields', () => {
    expect(r.stdout.trim().startsWith('{')).toBe(true);
    for (const key of [
      'outcome',
      'status',
      'code',
      'message',
      'trace',
      'policies',
      'assumptions',
    ]) {
      expect(d).toHaveProperty(key);
    }
    expect(d.message).toMatch(/^VS403463: /);
  });

  it('trace steps carry rule, result, detail and sources', () => {
    const trace = d.trace as Record<string, unknown>[];
    expect(trace.length).toBeGreaterThan(1);
    for (const step of trace) {
      expect(step).toMatchObject({ rule: expect.any(String), detail: expect.any(String) });
      expect(['pass', 'fail', 'skip']).toContain(step.result);
      expect(Array.isArray(step.sources)).toBe(true);
    }
  });

  it('policies carry id, displayName, applies, reason, enforced', () => {
    expect(d.policies).toEqual([
      expect.objectContaining({
        id: 'block-outside',
        displayName: 'Block Azure DevOps outside trusted locations',
        applies: true,
        reason: expect.any(String),
        enforced: true,
      }),
    ]);
  });

  it('assumptions in force are an object NAME → VALUE', () => {
    expect(d.assumptions).toEqual({
      'existing-pats': 'exempt',
      'mfa-only-policy-on-pat': 'ignored',
      'device-policy-on-pat': 'ignored',
      'ipv4-mapped': 'distinct',
    });
  });

  it('import warnings go to stderr, never into the JSON on stdout', () => {
    const policies = `${F}/policies-unknown-location.json`;
    const w = run([...single(policies, 'on', '--flow', 'pat', '--ip', HOME), '--json']);
    expect(w.code).toBe(0);
    expect(JSON.parse(w.stdout)).toHaveProperty('outcome', 'allowed');
    expect(w.stderr).toMatch(
      /^warning: Policy "Block the old branch" includes named location "loc-gone"/,
    );
  });
});

/** [name, args, text the single stderr line must contain (the flag or field, and the value)] */
const badInputs: [string, string[], string[]][] = [
  [
    'missing --locations',
    ['--policies', POLICIES.block, '--validation', 'on', '--flow', 'pat', '--ip', HOME],
    ['--locations'],
  ],
  [
    'missing --policies',
    ['--locations', `${F}/locations.json`, '--validation', 'on', '--flow', 'pat', '--ip', HOME],
    ['--policies'],
  ],
  [
    'missing --validation',
    tenant(POLICIES.block, 'on').slice(0, 4).concat('--flow', 'pat', '--ip', HOME),
    ['--validation'],
  ],
  ['missing --flow', single(POLICIES.block, 'on', '--ip', HOME), ['--flow']],
  ['missing --ip', single(POLICIES.block, 'on', '--flow', 'pat'), ['--ip']],
  [
    'unknown flag',
    single(POLICIES.block, 'on', '--flow', 'pat', '--ip', HOME, '--verbose'),
    ['--verbose'],
  ],
  [
    'stray argument',
    single(POLICIES.block, 'on', '--flow', 'pat', '--ip', HOME, 'extra'),
    ['"extra"'],
  ],
  [
    'flag given twice',
    single(POLICIES.block, 'on', '--flow', 'pat', '--ip', HOME, '--ip', HQ),
    ['--ip', HOME, HQ],
  ],
  [
    'flag without its value',
    single(POLICIES.block, 'on', '--flow', 'pat', '--ip', HOME, '--user'),
    ['--user'],
  ],
  [
    'switch with a value',
    single(POLICIES.block, 'on', '--flow', 'web', '--ip', HOME, '--mfa=yes'),
    ['--mfa', 'yes'],
  ],
  [
    'bad --validation',
    single(POLICIES.block, 'maybe', '--flow', 'pat', '--ip', HOME),
    ['--validation', '"maybe"'],
  ],
  ['bad --flow', single(POLICIES.block, 'on', '--flow', 'ftp', '--ip', HOME), ['--flow', '"ftp"']],
  [
    'IP with a leading zero',
    single(POLICIES.block, 'on', '--flow', 'pat', '--ip', '010.0.0.1'),
    ['--ip', '"010.0.0.1"'],
  ],
  [
    'bad --signin-ip',
    single(POLICIES.block, 'on', '--flow', 'web', '--ip', HOME, '--signin-ip', '1.2.3'),
    ['--signin-ip', '"1.2.3"'],
  ],
  [
    'bad --at',
    [...tenant(POLICIES.block, 'on'), '--at', '2026-13-01', '--flow', 'pat', '--ip', HOME],
    ['--at', '"2026-13-01"'],
  ],
  [
    'impossible --token-created',
    single(POLICIES.block, 'on', '--flow', 'pat', '--ip', HOME, '--token-created', '2024-02-30'),
    ['--token-created', '"2024-02-30"'],
  ],
  [
    'bad --token-expires',
    single(POLICIES.block, 'on', '--flow', 'pat', '--ip', HOME, '--token-expires', 'tomorrow'),
    ['--token-expires', '"tomorrow"'],
  ],
  [
    'bad --validation-enabled-at',
    single(
      POLICIES.block,
      'on',
      '--flow',
      'pat',
      '--ip',
      HOME,
      '--validation-enabled-at',
      '1/6/2026',
    ),
    ['--validation-enabled-at', '"1/6/2026"'],
  ],
  [
    'unknown assumption',
    single(POLICIES.block, 'on', '--flow', 'pat', '--ip', HOME, '--assume', 'guess=yes'),
    ['--assume', 'guess=yes', '"guess"'],
  ],
  [
    'unknown assumption value',
    single(POLICIES.block, 'on', '--flow', 'pat', '--ip', HOME, '--assume', 'ipv4-mapped=same'),
    ['--assume', 'ipv4-mapped', '"same"'],
  ],
  [
    'missing file',
    single(`${F}/no-such-file.json`, 'on', '--flow', 'pat', '--ip', HOME),
    ['--policies', 'no-such-file.json', 'no such file'],
  ],
  [
    'a folder without .json files',
    single(`${REAL}/not-json`, 'on', '--flow', 'pat', '--ip', HOME),
    ['--policies', 'not-json', 'a folder with no .json files in it'],
  ],
  [
    'broken JSON',
    single(`${F}/broken-json.txt`, 'on', '--flow', 'pat', '--ip', HOME),
    ['--policies', 'broken-json.txt', 'not valid JSON at line 4, column 5'],
  ],
  [
    'a CSV where JSON belongs',
    [
      '--locations',
      `${F}/signins.csv`,
      ...single(POLICIES.block, 'on', '--flow', 'pat', '--ip', HOME).slice(2),
    ],
    ['--locations', 'signins.csv', 'not valid JSON'],
  ],
  [
    'Graph export that fails validation',
    single(`${F}/policies-invalid.json`, 'on', '--flow', 'pat', '--ip', HOME),
    ['--policies', 'policies-invalid.json', 'value[2]', '.conditions: missing'],
  ],
  [
    'JSON that is not a Graph list',
    [
      '--locations',
      'package.json',
      ...single(POLICIES.block, 'on', '--flow', 'pat', '--ip', HOME).slice(2),
    ],
    ['--locations package.json', 'or one named location, got an object without @odata.type'],
  ],
  [
    'CSV without an IP column',
    [...tenant(POLICIES.block, 'on'), '--batch', `${F}/signins-no-ip.csv`],
    ['--batch', 'signins-no-ip.csv', 'No IP column', '"address"'],
  ],
  [
    '--batch with --ip',
    [...tenant(POLICIES.block, 'on'), '--batch', `${F}/signins.csv`, '--ip', HOME],
    ['--batch', '--ip', HOME],
  ],
  [
    '--ndjson without --batch',
    single(POLICIES.block, 'on', '--flow', 'pat', '--ip', HOME, '--ndjson'),
    ['--ndjson goes with --batch'],
  ],
  [
    '--ndjson with --json',
    [...tenant(POLICIES.block, 'on'), '--batch', `${F}/signins.csv`, '--ndjson', '--json'],
    ['--ndjson and --json'],
  ],
  [
    '--batch with a missing CSV',
    [...tenant(POLICIES.block, 'on'), '--batch', `${F}/gone.csv`],
    ['--batch', 'gone.csv'],
  ],
];

describe('whatif: bad input exits 2 with one line naming the flag and the value', () => {
  it.each(badInputs)('%s', (_name, args, mentions) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^pat-fence whatif: [^\n]+\n$/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    for (const m of mentions) expect(r.stderr).toContain(m);
  });

  it('an unexpected failure is one "internal error" line, not a stack', () => {
    const r = run(['--help'], undefined, {
      stdout: () => {
        throw new Error('disk full\n    at somewhere (file.ts:1:1)');
      },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'pat-fence whatif: internal error: disk full at somewhere (file.ts:1:1)\n',
    );
  });
});

describe('parseArgs', () => {
  it('reads --flag value, --flag=value, switches and repeated --assume', () => {
    const r = parseArgs([
      '--ip',
      '1.2.3.4',
      '--flow=pat',
      '--json',
      '--assume',
      'a=b',
      '--assume=c=d',
    ]);
    expect(r).toEqual({
      ok: true,
      value: {
        values: { ip: '1.2.3.4', flow: 'pat' },
        switches: { json: true },
        assume: ['a=b', 'c=d'],
      },
    });
  });
});

describe('whatif --batch', () => {
  const batch = (validation: string, ...rest: string[]) => [
    ...tenant(POLICIES.block, validation),
    '--batch',
    `${F}/signins.csv`,
    '--at',
    AT,
    ...rest,
  ];
  interface BatchJson {
    current: 'on' | 'off';
    rows: {
      row: number;
      ip: string;
      flow: string;
      user: string | null;
      off: string;
      on: string;
      code: string | null;
      rule: string;
    }[];
    summary: { off: Record<string, number>; on: Record<string, number>; newlyBlocked: number };
    problems: { row: number; field: string; message: string }[];
  }
  const batchJson = (r: Run) => JSON.parse(r.stdout) as BatchJson;

  it('counts outcomes with the policy off and on; a bad row is a problem, not a failure', () => {
    const r = run(batch('off', '--validation-enabled-at', '2026-01-01', '--json'));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(ONLY_ALLTRUSTED);
    const b = batchJson(r);
    expect(b.current).toBe('off');
    expect(b.summary).toEqual({
      off: { allowed: 5, blocked: 1, 'mfa-required': 0 },
      on: { allowed: 4, blocked: 2, 'mfa-required': 0 },
      newlyBlocked: 1,
    });
    expect(b.problems).toEqual([
      { row: 7, field: 'ip', message: expect.stringContaining('"010.0.0.1"') },
    ]);
    expect(b.rows.map((row) => row.row)).toEqual([2, 3, 4, 5, 6, 8]);
    expect(b.rows[1]).toEqual({
      row: 3,
      ip: HOME,
      flow: 'pat',
      user: 'bob@contoso.com',
      off: 'allowed',
      on: 'blocked',
      code: 'VS403463',
      rule: 'R4',
    });
  });

  it('--ndjson: one object a line with the same rows, problems and fields, the summary last', () => {
    const whole = run(batch('off', '--validation-enabled-at', '2026-01-01', '--json'));
    const r = run(batch('off', '--validation-enabled-at', '2026-01-01', '--ndjson'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(whole.stderr);
    const lines = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const { rows, problems, current, summary, ...more } = JSON.parse(whole.stdout);
    const of = (type: string) =>
      lines.filter((l) => l.type === type).map(({ type: _t, ...rest }) => rest);
    expect(of('row')).toEqual(rows);
    expect(of('problem')).toEqual(problems);
    expect(lines.at(-1)).toEqual({ type: 'summary', current, summary, ...more });
    expect(more).toHaveProperty('verdict');
  });

  it('rows without a flow default to pat; token-created reaches R12', () => {
    const rows = batchJson(
      run(batch('on', '--validation-enabled-at', '2026-01-01', '--json')),
    ).rows;
    expect(rows.find((row) => row.row === 5)?.flow).toBe('pat');
    expect(rows.find((row) => row.row === 6)).toMatchObject({ on: 'allowed', rule: 'R12' });
    const unknown = batchJson(run(batch('on', '--json')));
    expect(unknown.rows.find((row) => row.row === 6)).toMatchObject({ on: 'blocked' });
    expect(unknown.summary.newlyBlocked).toBe(2);
  });

  it('assumptions apply to every row', () => {
    const b = batchJson(
      run(
        batch(
          'on',
          '--assume',
          'existing-pats=enforced',
          '--validation-enabled-at',
          '2026-01-01',
          '--json',
        ),
      ),
    );
    expect(b.summary.newlyBlocked).toBe(2);
  });

  it('human report marks the current state, newly blocked rows and skipped rows', () => {
    const r = run(batch('on'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('6 evaluated, 1 skipped');
    expect(r.stdout).toMatch(/row +ip +flow +user +off +on \(current\)/);
    expect(r.stdout).toMatch(
      /3 +100\.64\.12\.7 +pat +bob@contoso\.com +allowed +blocked +VS403463 +R4 +<- newly blocked/,
    );
    expect(r.stdout).toMatch(/allowed +5 +3\n/);
    expect(r.stdout).toContain('changes 2 of 6 requests from allowed to blocked');
    expect(r.stdout).toMatch(/Skipped rows:\n {2}row 7, ip: "010\.0\.0\.1"/);
  });

  it("reads Entra's sign-in export (the shared fixture)", () => {
    const r = run([
      '--locations',
      'tests/fixtures/graph/namedLocations.json',
      '--policies',
      'tests/fixtures/graph/policies.json',
      '--validation',
      'off',
      '--batch',
      'tests/fixtures/signins.csv',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const b = batchJson(r);
    const total = (c: Record<string, number>) => Object.values(c).reduce((a, n) => a + n, 0);
    expect(b.rows.length).toBeGreaterThan(0);
    expect(total(b.summary.off)).toBe(b.rows.length);
    expect(total(b.summary.on)).toBe(b.rows.length);
    expect(
      r.stderr
        .split('\n')
        .filter(Boolean)
        .every((l) => l.startsWith('warning: ')),
    ).toBe(true);
  });
});

describe('whatif as a child process (the real entry point)', () => {
  const spawn = (args: string[]) =>
    spawnSync('npx', ['tsx', 'src/cli/whatif.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

  it('prints the --json decision and exits 0', () => {
    const r = spawn([...single(POLICIES.block, 'on', '--flow', 'pat', '--ip', HOME), '--json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(ONLY_ALLTRUSTED);
    expect(JSON.parse(r.stdout)).toMatchObject({
      outcome: 'blocked',
      status: 403,
      code: 'VS403463',
    });
  }, 30_000);

  it('bad IP: exit 2, exactly one stderr line, no stack trace', () => {
    const r = spawn(single(POLICIES.block, 'on', '--flow', 'pat', '--ip', '010.0.0.1'));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^pat-fence whatif: --ip: "010\.0\.0\.1" is not a valid IP address[^\n]*\n$/,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('broken JSON through npm run whatif: exit 2, one line', () => {
    const r = spawnSync(
      'npm',
      [
        'run',
        '--silent',
        'whatif',
        '--',
        ...single(`${F}/broken-json.txt`, 'on', '--flow', 'pat', '--ip', HOME),
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(
      '--policies tests/fixtures/cli/broken-json.txt: not valid JSON at line 4',
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);
});

describe('whatif: real exports as they are (UTF-16, folders, one object per file, templates)', () => {
  const LOCS = `${REAL}/locations-backup`;
  const POLS = `${REAL}/policies-backup`;
  const PAGE16 = `${REAL}/locations-powershell-utf16le.json`;
  const decideWith = (locations: string, policies: string, ip: string) =>
    run([
      '--locations',
      locations,
      '--policies',
      policies,
      '--validation',
      'on',
      '--flow',
      'pat',
      '--ip',
      ip,
      '--at',
      AT,
      '--json',
    ]);
  it.each([
    ['folder + folder, PAT from home', LOCS, POLS, HOME, 'blocked', 403, 'VS403463'],
    ['folder + folder, Lee on the VPN', LOCS, POLS, '198.51.100.37', 'allowed', 200, null],
    ['folder + folder, HQ over IPv6', LOCS, POLS, '2001:db8:10::4a', 'allowed', 200, null],
    ['UTF-16 LE page + folder, PAT from home', PAGE16, POLS, HOME, 'blocked', 403, 'VS403463'],
    ['UTF-16 LE page + folder, PAT from HQ', PAGE16, POLS, HQ, 'allowed', 200, null],
  ])('%s: %s', (_name, locations, policies, ip, outcome, status, code) => {
    const r = decideWith(locations, policies, ip);
    expect(r.code).toBe(0);
    expect(json(r)).toMatchObject({ outcome, status, code });
    // Policies from three one-object files, in name order, with their own ids.
    expect(json(r).policies.map((p) => p.displayName.slice(0, 5))).toEqual([
      'CA010',
      'CA020',
      'CA030',
    ]);
  });

  it('the stderr warnings name the file: compliant network once, AllTrusted once (R23)', () => {
    const lines = decideWith(LOCS, POLS, HOME).stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^warning: --locations tests\/fixtures\/graph-real\/locations-backup\/compliant-network\.json: "All Compliant Network locations" is a Global Secure Access compliant network: .* matches no request/,
    );
    expect(lines[1]).toMatch(
      /^warning: --policies .*policies-backup: "CA010 .*" uses AllTrusted.*\(R23\)$/,
    );
    // Excluding the compliant network is understood: no "not among the imported locations".
    expect(lines.join()).not.toMatch(/not among the imported locations/);
  });

  it('a template with [] and null conditions and no id imports, with an id made from its name', () => {
    const r = decideWith(`${REAL}/locations-utf16be.json`, `${REAL}/template-no-id.json`, HOME);
    expect(r.code).toBe(0);
    expect(json(r).policies.map((p) => p.id)).toEqual(['block-legacy-authentication-template']);
    expect(r.stderr).toMatch(
      /warning: --policies tests\/fixtures\/graph-real\/template-no-id\.json: id: missing \(as in a template\); using "block-legacy-authentication-template", made from the display name\n/,
    );
    expect(r.stderr).toMatch(
      /locations-utf16be\.json: \[0\]: looks the country up from the Authenticator app's GPS/,
    );
  });

  const tmp = mkdtempSync(join(tmpdir(), 'pat-fence-real-'));
  const folder = (name: string, files: Record<string, string | Uint8Array>) => {
    const dir = join(tmp, name);
    mkdirSync(dir, { recursive: true });
    for (const [file, body] of Object.entries(files)) writeFileSync(join(dir, file), body);
    return dir;
  };
  const loc = (id: string, cidr: string) =>
    JSON.stringify({
      '@odata.type': '#microsoft.graph.ipNamedLocation',
      id,
      displayName: id,
      ipRanges: [{ cidrAddress: cidr }],
    });
  const utf16NoBom = new Uint8Array(Buffer.from(loc('x', '203.0.113.0/24'), 'utf16le'));
  it.each([
    [
      'a /8 in one file of a folder (R17)',
      [
        '--locations',
        folder('wide', { 'a.json': loc('a', '203.0.113.0/24'), 'b.json': loc('b', '203.0.0.0/8') }),
      ],
      /^pat-fence whatif: --locations \S+wide\/b\.json: ipRanges\[0\]\.cidrAddress: "203\.0\.0\.0\/8" is refused: Entra accepts IPv4 ranges only with a mask longer than \/8 \(R17; /,
    ],
    [
      'the same id in two files',
      [
        '--locations',
        folder('dup', {
          'a.json': loc('same', '203.0.113.0/24'),
          'b.json': loc('same', '198.51.100.0/25'),
        }),
      ],
      /--locations \S+dup\/b\.json: id: "same" duplicates the id of \S+dup\/a\.json\n$/,
    ],
    [
      'broken JSON in one file of a folder',
      [
        '--locations',
        folder('broken', { 'a.json': loc('a', '203.0.113.0/24'), 'b.json': '{\n  "id": "a",\n}' }),
      ],
      /--locations \S+broken\/b\.json: not valid JSON at line 3, column 1 \(Expected double-quoted property name\)\n$/,
    ],
    [
      'UTF-16 that lost its byte order mark',
      ['--locations', folder('nobom', { 'a.json': utf16NoBom })],
      /nobom\/a\.json: looks like UTF-16 LE text without a byte order mark; save it as UTF-8/,
    ],
    [
      'Windows-1252 text that is not JSON',
      ['--locations', folder('ansi', { 'a.json': new Uint8Array([0x7b, 0x22, 0xe6, 0x22, 0x7d]) })],
      /ansi\/a\.json: not valid JSON/,
    ],
    [
      'a picture',
      ['--locations', 'tests/fixtures/lab/screenshot.png'],
      /--locations tests\/fixtures\/lab\/screenshot\.png: a binary file, not text\n$/,
    ],
  ])(
    '%s: exit 2, one line naming the file, the path and what was expected',
    (_n, locs, message) => {
      const r = run([
        ...locs,
        '--policies',
        `${F}/policies-block-outside.json`,
        '--validation',
        'on',
        '--flow',
        'pat',
        '--ip',
        HOME,
      ]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^pat-fence whatif: [^\n]+\n$/);
      expect(r.stderr).toMatch(message);
    },
  );

  it('Windows-1252 JSON is read, with a warning that says so', () => {
    const body = Buffer.from(loc('Kontor Ærø', '100.64.0.0/10'), 'latin1');
    const r = run([
      ...['--locations', folder('ansi-ok', { 'a.json': new Uint8Array(body) })],
      ...['--policies', `${F}/policies-block-outside.json`, '--validation', 'on'],
      ...['--flow', 'pat', '--ip', HOME, '--json'],
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /warning: .*ansi-ok\/a\.json: not UTF-8, so it was read as Windows-1252/,
    );
  });
});
