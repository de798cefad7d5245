// The what-if command line for issue 10's engine cases: R21 flows, R22 facts and `dependsOn`, R23
// countries, R7 vs R8, R14's codes, decidedBy, the MFA challenge in --json, SSH under R12, and
// the new flags' bad values (exit 2, one line naming the flag).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { Decision, RuleId } from '../../src/model/engine/types';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const F = 'tests/fixtures/cli';
const HOME = '100.64.12.7';
const HQ = '203.0.113.10';
const VPN = '198.51.100.20';

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const cwd = process.cwd();
  if (cwd !== ROOT) process.chdir(ROOT);
  try {
    const code = main(args, {
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
      now: () => new Date('2026-11-01T12:00:00Z'),
    });
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    if (cwd !== ROOT) process.chdir(cwd);
  }
}

const what = (policies: string, ...rest: string[]) => [
  '--locations',
  `${F}/locations-countries.json`,
  '--policies',
  `${F}/${policies}.json`,
  '--validation',
  'on',
  '--at',
  '2026-11-01T10:00:00Z',
  ...rest,
];

type Json = Omit<Decision, 'trace'> & {
  trace: (Omit<Decision['trace'][number], 'result'> & { result: string; challenge?: boolean })[];
};

interface Case {
  name: string;
  args: string[];
  outcome: Decision['outcome'];
  status?: number;
  code?: Decision['code'];
  decidedBy?: RuleId;
  /** [policy id, fact, outcome] of each dependsOn entry. */
  dependsOn?: [string, string, Decision['outcome']][];
  step?: [RuleId, 'pass' | 'fail' | 'skip'];
}

const cases: Case[] = [
  // R21
  {
    name: 'R21: browser sign-in under "block device code flow": allowed',
    args: what('policies-device-code', '--flow', 'web', '--ip', HOME),
    outcome: 'allowed',
    step: ['R21', 'skip'],
  },
  {
    name: 'R21: OAuth with --auth-flow deviceCodeFlow: AADSTS53003',
    args: what(
      'policies-device-code',
      '--flow',
      'oauth',
      '--ip',
      HOME,
      '--auth-flow',
      'deviceCodeFlow',
    ),
    outcome: 'blocked',
    status: 400,
    code: 'AADSTS53003',
  },
  {
    name: 'R21: ordinary OAuth: allowed',
    args: what('policies-device-code', '--flow', 'oauth', '--ip', HOME),
    outcome: 'allowed',
  },
  {
    name: 'R21: a PAT never matches, even with --auth-flow deviceCodeFlow',
    args: what(
      'policies-device-code',
      '--flow',
      'pat',
      '--ip',
      HOME,
      '--auth-flow',
      'deviceCodeFlow',
    ),
    outcome: 'allowed',
    step: ['R21', 'skip'],
  },
  // R22
  {
    name: 'R22: group-scoped block, no --groups: allowed, depends on groups',
    args: what('policies-contractors', '--flow', 'web', '--ip', HOME, '--user', 'dana@contoso.com'),
    outcome: 'allowed',
    dependsOn: [['contractors', 'groups', 'blocked']],
    step: ['R22', 'skip'],
  },
  {
    name: 'R22: --groups Contractors: blocked',
    args: what('policies-contractors', '--flow', 'web', '--ip', HOME, '--groups', 'Contractors'),
    outcome: 'blocked',
    code: 'AADSTS53003',
    dependsOn: [],
  },
  {
    name: 'R22: --groups none on a PAT: allowed, nothing depends',
    args: what('policies-contractors', '--flow', 'pat', '--ip', HOME, '--groups', 'none'),
    outcome: 'allowed',
    dependsOn: [],
  },
  {
    name: 'R22: phones policy, no --platform: depends on platform',
    args: what('policies-phones-risk', '--flow', 'web', '--ip', HQ),
    outcome: 'allowed',
    dependsOn: [['phones', 'platform', 'blocked']],
  },
  {
    name: 'R22: --platform iOS: blocked',
    args: what('policies-phones-risk', '--flow', 'web', '--ip', HQ, '--platform', 'iOS'),
    outcome: 'blocked',
  },
  {
    name: 'R22: high sign-in risk policy, default risk none: allowed',
    args: what('policies-phones-risk', '--flow', 'web', '--ip', HQ, '--platform', 'windows'),
    outcome: 'allowed',
    dependsOn: [],
  },
  {
    name: 'R22: --signin-risk high: blocked',
    args: what(
      'policies-phones-risk',
      '--flow',
      'web',
      '--ip',
      HQ,
      '--platform',
      'windows',
      '--signin-risk',
      'high',
    ),
    outcome: 'blocked',
    code: 'AADSTS53003',
  },
  {
    name: 'R22: --user-risk high: an MFA prompt',
    args: what(
      'policies-phones-risk',
      '--flow',
      'web',
      '--ip',
      HQ,
      '--platform',
      'linux',
      '--user-risk',
      'high',
    ),
    outcome: 'mfa-required',
    status: 401,
  },
  // R23
  {
    name: 'R23: country allow-list, no --country: depends on country',
    args: what('policies-country-allow', '--flow', 'web', '--ip', HOME),
    outcome: 'allowed',
    dependsOn: [['nordics-only', 'country', 'blocked']],
  },
  {
    name: 'R23: --country se: allowed',
    args: what('policies-country-allow', '--flow', 'web', '--ip', HOME, '--country', 'se'),
    outcome: 'allowed',
    dependsOn: [],
  },
  {
    name: 'R23: --country US: blocked',
    args: what('policies-country-allow', '--flow', 'web', '--ip', HOME, '--country', 'US'),
    outcome: 'blocked',
    code: 'AADSTS53003',
  },
  {
    name: 'R22: includeUnknownCountriesAndRegions, no --country: the country is not given, allowed',
    args: what('policies-unknown-country', '--flow', 'pat', '--ip', HOME),
    outcome: 'allowed',
    dependsOn: [['no-or-unknown', 'country', 'blocked']],
  },
  {
    name: 'R23: includeUnknownCountriesAndRegions matches --country unknown',
    args: what('policies-unknown-country', '--flow', 'pat', '--ip', HOME, '--country', 'unknown'),
    outcome: 'blocked',
    code: 'VS403463',
  },
  {
    name: 'R23: includeUnknownCountriesAndRegions, --country US: allowed',
    args: what('policies-unknown-country', '--flow', 'pat', '--ip', HOME, '--country', 'US'),
    outcome: 'allowed',
  },
  // R22 read for who the user is and their directory roles, like groups.
  {
    name: 'R22: a break-glass user exclusion, no --user: depends on who the user is',
    args: what('policies-users', '--flow', 'pat', '--ip', HOME),
    outcome: 'allowed',
    dependsOn: [['except-breakglass', 'user', 'blocked']],
  },
  {
    name: 'R22: a break-glass user exclusion, --user dev: blocked',
    args: what('policies-users', '--flow', 'pat', '--ip', HOME, '--user', 'dev@contoso.com'),
    outcome: 'blocked',
    dependsOn: [],
  },
  {
    name: 'R22: an excluded role, no --roles: depends on the roles',
    args: what('policies-roles', '--flow', 'pat', '--ip', HOME, '--user', 'dev@contoso.com'),
    outcome: 'allowed',
    dependsOn: [['except-admins', 'roles', 'blocked']],
  },
  {
    name: 'R22: an excluded role, --roles holding it: allowed',
    args: what(
      'policies-roles',
      '--flow',
      'pat',
      '--ip',
      HOME,
      '--roles',
      '62e90394-69f5-4237-9190-012177145e10',
    ),
    outcome: 'allowed',
    dependsOn: [],
  },
  {
    name: 'R22: an excluded role, --roles none: blocked',
    args: what('policies-roles', '--flow', 'pat', '--ip', HOME, '--roles', 'none'),
    outcome: 'blocked',
  },
  // R7 / R8
  {
    name: 'R8: block legacy auth, PAT from HQ, mfa-only-policy-on-pat=blocked: allowed',
    args: what(
      'policies-legacy-auth',
      '--flow',
      'pat',
      '--ip',
      HQ,
      '--assume',
      'mfa-only-policy-on-pat=blocked',
    ),
    outcome: 'allowed',
    step: ['R8', 'skip'],
  },
  {
    name: 'R8: block legacy auth, device-policy-on-pat=blocked: blocked by R8',
    args: what(
      'policies-legacy-auth',
      '--flow',
      'pat',
      '--ip',
      HQ,
      '--assume',
      'device-policy-on-pat=blocked',
    ),
    outcome: 'blocked',
    decidedBy: 'R8',
  },
  // R14
  {
    name: 'R14: compliant device not met: 400 AADSTS53000',
    args: what('policies-device', '--flow', 'web', '--ip', HQ),
    outcome: 'blocked',
    status: 400,
    code: 'AADSTS53000',
  },
  {
    name: 'R14: hybrid joined device not met: 400 AADSTS53001',
    args: what('policies-domain-joined', '--flow', 'web', '--ip', HQ),
    outcome: 'blocked',
    status: 400,
    code: 'AADSTS53001',
  },
  {
    name: 'R14: OAuth token request under "require MFA": 400 AADSTS50076',
    args: what('policies-mfa-plain', '--flow', 'oauth', '--ip', HQ),
    outcome: 'mfa-required',
    status: 400,
    code: 'AADSTS50076',
  },
  {
    name: 'R15: web sign-in under "require MFA": a prompt, 401, no code',
    args: what('policies-mfa-plain', '--flow', 'web', '--ip', HQ),
    outcome: 'mfa-required',
    status: 401,
    code: null,
    decidedBy: 'R15',
  },
  // decidedBy: the refusing step
  {
    name: "decidedBy: PAT from outside is refused by R4's IP check",
    args: what('policies-block-outside', '--flow', 'pat', '--ip', HOME),
    outcome: 'blocked',
    decidedBy: 'R4',
    step: ['R4', 'fail'],
  },
  {
    name: 'decidedBy: web over a split tunnel is refused at Azure DevOps (R10)',
    args: what('policies-block-outside', '--flow', 'web', '--ip', HOME, '--signin-ip', VPN),
    outcome: 'blocked',
    decidedBy: 'R10',
    step: ['R10', 'fail'],
  },
  // R12 and SSH
  {
    name: 'R12: an SSH key older than the policy is still checked',
    args: what(
      'policies-block-outside',
      '--flow',
      'ssh',
      '--ip',
      HOME,
      '--validation-enabled-at',
      '2026-06-01',
      '--token-created',
      '2026-01-01',
    ),
    outcome: 'blocked',
    code: 'VS403463',
    decidedBy: 'R11',
    step: ['R12', 'pass'],
  },
];

describe('whatif: facts, flows, countries and codes', () => {
  it.each(cases)('$name', (c) => {
    const r = run([...c.args, '--json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as Json;
    expect(d.outcome).toBe(c.outcome);
    if (c.status !== undefined) expect(d.status).toBe(c.status);
    if (c.code !== undefined) expect(d.code).toBe(c.code);
    if (c.decidedBy) expect(d.decidedBy).toBe(c.decidedBy);
    if (c.dependsOn) expect(d.dependsOn.map((x) => [x.id, x.fact, x.outcome])).toEqual(c.dependsOn);
    if (c.step) expect(d.trace.map((s) => [s.rule, s.result])).toContainEqual(c.step);
    for (const s of d.trace) expect(['pass', 'fail', 'skip']).toContain(s.result);
  });

  it('--json keeps a challenge step as "fail" and marks it challenge: true', () => {
    const d = JSON.parse(
      run([...what('policies-mfa-plain', '--flow', 'web', '--ip', HQ), '--json']).stdout,
    ) as Json;
    const prompts = d.trace.filter((s) => s.challenge);
    expect(prompts.length).toBeGreaterThan(0);
    expect(prompts.every((s) => s.result === 'fail')).toBe(true);
  });

  it('dependsOn carries id, displayName, fact, condition and outcome', () => {
    const args = what(
      'policies-contractors',
      '--flow',
      'pat',
      '--ip',
      HOME,
      '--user',
      'dana@contoso.com',
    );
    const d = JSON.parse(run([...args, '--json']).stdout) as Json;
    expect(d.dependsOn).toEqual([
      {
        id: 'contractors',
        displayName: 'Block contractors outside the office',
        fact: 'groups',
        facts: ['groups'],
        condition: 'dana@contoso.com is in Contractors',
        outcome: 'blocked',
      },
    ]);
  });

  it('the readable report says what it depends on, in plain words', () => {
    const args = what(
      'policies-contractors',
      '--flow',
      'web',
      '--ip',
      HOME,
      '--user',
      'dana@contoso.com',
    );
    expect(run(args).stdout).toContain(
      'If dana@contoso.com is in Contractors, “Block contractors outside the office” blocks this.',
    );
  });

  it.each<[string, string[], string]>([
    ['--platform', ['--platform', 'symbian'], '--platform: "symbian"'],
    ['--signin-risk', ['--signin-risk', 'severe'], '--signin-risk: "severe"'],
    ['--user-risk', ['--user-risk', 'huge'], '--user-risk: "huge"'],
    ['--auth-flow', ['--auth-flow', 'magic'], '--auth-flow: "magic"'],
    ['--country', ['--country', 'USA'], '--country: "USA"'],
    ['--groups', ['--groups', 'a,,b'], '--groups: "a,,b"'],
    ['--roles', ['--roles', 'a,'], '--roles: "a," has an empty role id'],
    ['--batch with --roles', ['--batch', `${F}/signins.csv`, '--roles', 'x'], '--roles x'],
    ['--batch with --country', ['--batch', `${F}/signins.csv`, '--country', 'NO'], '--country NO'],
  ])('bad %s: exit 2 with one line naming it', (_n, extra, mention) => {
    const base = what('policies-block-outside');
    const args =
      extra[0] === '--batch'
        ? [...base, ...extra]
        : [...base, '--flow', 'web', '--ip', HQ, ...extra];
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^pat-fence whatif: [^\n]+\n$/);
    expect(r.stderr).toContain(mention);
  });
});
