// The engine as a spec: at least one case per rule of the rule table (src/model/engine/rules.ts) and per documented example.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS } from '../../src/model/engine/assumptions';
import { AZURE_RESOURCE_MANAGER_APP_ID } from '../../src/model/engine/azureDevOps';
import { evaluate, evaluateOrThrow } from '../../src/model/engine/evaluate';
import type {
  AccessRequest,
  Assumptions,
  Decision,
  RuleId,
  World,
} from '../../src/model/engine/types';
import {
  AT,
  BRANCH,
  blockOutside,
  compliantDevice,
  HQ,
  IP,
  mfaEverywhere,
  mfaOutside,
  NORDICS,
  pat,
  policy,
  web,
  world,
} from './support/world';

interface Case {
  name: string;
  rule: RuleId;
  world: World;
  req: AccessRequest;
  assume?: Partial<Assumptions>;
  outcome: Decision['outcome'];
  status?: number;
  code?: Decision['code'];
  decidedBy?: RuleId;
  stoppedAt?: Decision['stoppedAt'];
  /** A trace step that must be there, as [rule, result]. */
  step?: [RuleId, 'pass' | 'fail' | 'skip'];
}

const off = { ipValidation: false };
const onSince = (enabledAt: string) => ({ ipValidation: true, enabledAt });

const cases: Case[] = [
  // R1: Entra evaluates every policy at sign-in, org policy or not.
  {
    name: 'web from outside, org off: Entra still blocks',
    rule: 'R1',
    world: world([blockOutside], off),
    req: web(IP.home),
    outcome: 'blocked',
    status: 400,
    code: 'AADSTS53003',
    stoppedAt: 'entra',
    step: ['R1', 'pass'],
  },
  {
    name: 'web from HQ: allowed',
    rule: 'R1',
    world: world([blockOutside]),
    req: web(IP.hq),
    outcome: 'allowed',
    status: 200,
    code: null,
    stoppedAt: 'resource',
  },
  // R2: Azure DevOps re-checks web requests with its own view of the IP.
  {
    name: 'web: Azure DevOps re-checks with the IP that reaches it',
    rule: 'R2',
    world: world([blockOutside]),
    req: web(IP.hq),
    outcome: 'allowed',
    decidedBy: 'R2',
    step: ['R2', 'pass'],
  },
  {
    name: 'before 2025 with the org policy off, Azure DevOps did not re-check web requests',
    rule: 'R2',
    world: world([blockOutside], off),
    req: web(IP.home, { signinIp: IP.vpn, at: '2024-06-01T10:00:00Z' }),
    outcome: 'allowed',
    decidedBy: 'R1',
    step: ['R2', 'skip'],
  },
  {
    name: 'before 2025 with the org policy on, it did',
    rule: 'R2',
    world: world([blockOutside]),
    req: web(IP.home, { signinIp: IP.vpn, at: '2024-06-01T10:00:00Z' }),
    outcome: 'blocked',
    code: 'VS403463',
  },
  {
    name: 'from 2025, it re-checks whatever the org policy says',
    rule: 'R2',
    world: world([blockOutside], off),
    req: web(IP.home, { signinIp: IP.vpn }),
    outcome: 'blocked',
    code: 'VS403463',
    decidedBy: 'R10',
  },
  // R3: informational step on a successful web sign-in.
  {
    name: 'web session is re-checked hourly',
    rule: 'R3',
    world: world([]),
    req: web(IP.home),
    outcome: 'allowed',
    step: ['R3', 'pass'],
  },
  // R4: org policy on, PAT from outside → VS403463.
  {
    name: 'PAT from outside, org on: VS403463',
    rule: 'R4',
    world: world([blockOutside]),
    req: pat(IP.home),
    outcome: 'blocked',
    status: 403,
    code: 'VS403463',
    stoppedAt: 'ado',
    step: ['R4', 'pass'],
  },
  {
    name: 'PAT from HQ, org on: allowed',
    rule: 'R4',
    world: world([blockOutside]),
    req: pat(IP.hq),
    outcome: 'allowed',
    status: 200,
    decidedBy: 'R4',
  },
  {
    name: 'PAT from VPN egress, org on: allowed',
    rule: 'R4',
    world: world([blockOutside]),
    req: pat(IP.vpn),
    outcome: 'allowed',
  },
  {
    name: 'PAT from an untrusted branch, org on: blocked',
    rule: 'R4',
    world: world([blockOutside]),
    req: pat(IP.branch),
    outcome: 'blocked',
    code: 'VS403463',
  },
  // R5: org policy off, PATs and SSH keys get no CA check at all.
  {
    name: 'leaked PAT from outside, org off: allowed',
    rule: 'R5',
    world: world([blockOutside], off),
    req: pat(IP.home),
    outcome: 'allowed',
    decidedBy: 'R5',
    step: ['R5', 'skip'],
  },
  {
    name: 'SSH key from outside, org off: allowed',
    rule: 'R5',
    world: world([blockOutside], off),
    req: { ...pat(IP.home), flow: 'ssh', client: 'ssh', token: { kind: 'ssh-key' } },
    outcome: 'allowed',
    decidedBy: 'R5',
  },
  // R6: the documented example — "require MFA outside X".
  {
    name: 'R6 example: web from outside under MFA-outside gets an MFA prompt',
    rule: 'R6',
    world: world([mfaOutside]),
    req: web(IP.home),
    outcome: 'mfa-required',
    status: 401,
    stoppedAt: 'entra',
  },
  {
    name: 'R6 example: web from outside with MFA done is allowed',
    rule: 'R6',
    world: world([mfaOutside]),
    req: web(IP.home, { mfaDone: true }),
    outcome: 'allowed',
  },
  {
    name: 'R6 example: PAT from outside under MFA-outside is blocked',
    rule: 'R6',
    world: world([mfaOutside]),
    req: pat(IP.home),
    outcome: 'blocked',
    code: 'VS403463',
    decidedBy: 'R6',
    step: ['R6', 'fail'],
  },
  {
    name: 'R6: PAT from HQ under MFA-outside is allowed',
    rule: 'R6',
    world: world([mfaOutside]),
    req: pat(IP.hq),
    outcome: 'allowed',
  },
  // R7: a policy with no location condition is not evaluated for PATs (switchable).
  {
    name: 'plain MFA policy, PAT: not evaluated (default)',
    rule: 'R7',
    world: world([mfaEverywhere]),
    req: pat(IP.home),
    outcome: 'allowed',
    step: ['R7', 'skip'],
  },
  {
    name: 'plain MFA policy, PAT, mfa-only-policy-on-pat=blocked',
    rule: 'R7',
    world: world([mfaEverywhere]),
    req: pat(IP.home),
    assume: { 'mfa-only-policy-on-pat': 'blocked' },
    outcome: 'blocked',
    code: 'VS403463',
    decidedBy: 'R7',
  },
  {
    name: 'plain MFA policy, web: MFA prompt',
    rule: 'R7',
    world: world([mfaEverywhere]),
    req: web(IP.hq),
    outcome: 'mfa-required',
  },
  {
    name: 'a no-location policy with a risk condition is an R8 policy, not R7',
    rule: 'R8',
    world: world([policy({ id: 'risk', otherConditions: ['sign-in risk'] })]),
    req: pat(IP.home),
    assume: { 'mfa-only-policy-on-pat': 'blocked' },
    outcome: 'allowed',
    step: ['R8', 'skip'],
  },
  {
    name: 'includeUsers None targets nobody',
    rule: 'R15',
    world: world([{ ...blockOutside, users: { ...blockOutside.users, includeUsers: ['None'] } }]),
    req: pat(IP.home),
    outcome: 'allowed',
  },
  // R8: device policies are not evaluated for PATs (switchable).
  {
    name: 'compliant device policy, PAT: not evaluated (default)',
    rule: 'R8',
    world: world([compliantDevice]),
    req: pat(IP.home),
    outcome: 'allowed',
    step: ['R8', 'skip'],
  },
  {
    name: 'compliant device policy, PAT, device-policy-on-pat=blocked',
    rule: 'R8',
    world: world([compliantDevice]),
    req: pat(IP.home),
    assume: { 'device-policy-on-pat': 'blocked' },
    outcome: 'blocked',
    decidedBy: 'R8',
  },
  {
    name: 'compliant device policy, web from a compliant device',
    rule: 'R8',
    world: world([compliantDevice]),
    req: web(IP.home, { deviceCompliant: true }),
    outcome: 'allowed',
  },
  {
    name: 'compliant device policy, web from an unmanaged device',
    rule: 'R8',
    world: world([compliantDevice]),
    req: web(IP.home),
    outcome: 'blocked',
    stoppedAt: 'entra',
  },
  // R9: IPv6 is checked; IPv4-mapped forms are distinct by default.
  {
    name: 'PAT from HQ IPv6: allowed',
    rule: 'R9',
    world: world([blockOutside]),
    req: pat(IP.hq6),
    outcome: 'allowed',
  },
  {
    name: 'PAT from home IPv6: blocked',
    rule: 'R9',
    world: world([blockOutside]),
    req: pat(IP.home6),
    outcome: 'blocked',
    code: 'VS403463',
  },
  {
    name: 'PAT from IPv4-mapped HQ address: distinct (default) → blocked',
    rule: 'R9',
    world: world([blockOutside]),
    req: pat(IP.hqMapped),
    outcome: 'blocked',
  },
  {
    name: 'PAT from IPv4-mapped HQ address, ipv4-mapped=equivalent → allowed',
    rule: 'R9',
    world: world([blockOutside]),
    req: pat(IP.hqMapped),
    assume: { 'ipv4-mapped': 'equivalent' },
    outcome: 'allowed',
  },
  {
    name: 'an IPv4-mapped address shows the R9 assumption in the trace',
    rule: 'R9',
    world: world([blockOutside]),
    req: pat(IP.hqMapped),
    outcome: 'blocked',
    step: ['R9', 'pass'],
  },
  // R10: split tunnel — sign-in via VPN, Azure DevOps sees the home IP.
  {
    name: 'split tunnel: Entra sees VPN, Azure DevOps sees home → blocked',
    rule: 'R10',
    world: world([blockOutside]),
    req: web(IP.home, { signinIp: IP.vpn }),
    outcome: 'blocked',
    code: 'VS403463',
    decidedBy: 'R10',
    stoppedAt: 'ado',
    step: ['R10', 'pass'],
  },
  {
    name: 'full tunnel: both see VPN → allowed',
    rule: 'R10',
    world: world([blockOutside]),
    req: web(IP.vpn, { signinIp: IP.vpn }),
    outcome: 'allowed',
  },
  {
    name: 'split tunnel under MFA-outside: Entra saw a trusted IP and never prompted, Azure DevOps does not pass it',
    rule: 'R10',
    world: world([mfaOutside]),
    req: web(IP.home, { signinIp: IP.hq }),
    outcome: 'blocked',
    code: 'VS403463',
    decidedBy: 'R10',
  },
  // R11: SSH keys follow the PAT rules.
  {
    name: 'SSH from outside, org on: VS403463',
    rule: 'R11',
    world: world([blockOutside]),
    req: { ...pat(IP.home), flow: 'ssh', client: 'ssh', token: { kind: 'ssh-key' } },
    outcome: 'blocked',
    code: 'VS403463',
    step: ['R11', 'pass'],
  },
  {
    name: 'SSH from HQ, org on: allowed',
    rule: 'R11',
    world: world([blockOutside]),
    req: { ...pat(IP.hq), flow: 'ssh', client: 'ssh', token: { kind: 'ssh-key' } },
    outcome: 'allowed',
    decidedBy: 'R11',
  },
  // R12: PATs created before the org policy was turned on (article, switchable).
  {
    name: 'old PAT from outside: exempt (article)',
    rule: 'R12',
    world: world([blockOutside], onSince('2026-10-15T00:00:00Z')),
    req: pat(IP.home),
    outcome: 'allowed',
    decidedBy: 'R12',
    step: ['R12', 'skip'],
  },
  {
    name: 'old PAT from outside, existing-pats=enforced: blocked',
    rule: 'R12',
    world: world([blockOutside], onSince('2026-10-15T00:00:00Z')),
    req: pat(IP.home),
    assume: { 'existing-pats': 'enforced' },
    outcome: 'blocked',
    code: 'VS403463',
  },
  {
    name: 'new PAT from outside: blocked',
    rule: 'R12',
    world: world([blockOutside], onSince('2026-09-01T00:00:00Z')),
    req: pat(IP.home),
    outcome: 'blocked',
  },
  // R13: the realistic answer.
  {
    name: 'blocked PAT answers 403 VS403463 with the observed text',
    rule: 'R13',
    world: world([blockOutside]),
    req: pat(IP.cafe),
    outcome: 'blocked',
    status: 403,
    code: 'VS403463',
    step: ['R13', 'fail'],
  },
  // R14: an Entra block is AADSTS53003.
  {
    name: 'oauth from outside under a block policy: AADSTS53003',
    rule: 'R14',
    world: world([blockOutside], off),
    req: { flow: 'oauth', client: 'az-cli', ip: IP.home, at: AT },
    outcome: 'blocked',
    status: 400,
    code: 'AADSTS53003',
    decidedBy: 'R15',
    step: ['R14', 'fail'],
  },
  {
    name: 'OAuth token obtained with MFA, org on, MFA-outside: the token proves MFA (not R6)',
    rule: 'R15',
    world: world([mfaOutside]),
    req: { flow: 'oauth', client: 'az-cli', ip: IP.home, at: AT, mfaDone: true },
    outcome: 'allowed',
    decidedBy: 'R15',
  },
  {
    name: 'org policy turned on after the request: not yet in force',
    rule: 'R5',
    world: world([blockOutside], onSince('2026-11-15T00:00:00Z')),
    req: pat(IP.home),
    outcome: 'allowed',
    decidedBy: 'R5',
  },
  // R15: combination — any block wins; OR / AND inside a policy.
  {
    name: 'block wins over a satisfied MFA policy',
    rule: 'R15',
    world: world([mfaOutside, blockOutside]),
    req: web(IP.home, { mfaDone: true }),
    outcome: 'blocked',
    code: 'AADSTS53003',
  },
  {
    name: 'OR: MFA or compliant device, compliant device given',
    rule: 'R15',
    world: world([
      policy({
        id: 'or',
        grantControls: { operator: 'OR', builtInControls: ['mfa', 'compliantDevice'] },
      }),
    ]),
    req: web(IP.home, { deviceCompliant: true }),
    outcome: 'allowed',
  },
  {
    name: 'AND: MFA and compliant device, only MFA given',
    rule: 'R15',
    world: world([
      policy({
        id: 'and',
        grantControls: { operator: 'AND', builtInControls: ['mfa', 'compliantDevice'] },
      }),
    ]),
    req: web(IP.home, { mfaDone: true }),
    outcome: 'blocked',
    stoppedAt: 'entra',
  },
  {
    name: 'AND: MFA and compliant device, compliant, MFA not yet done → prompt',
    rule: 'R15',
    world: world([
      policy({
        id: 'and',
        grantControls: { operator: 'AND', builtInControls: ['mfa', 'compliantDevice'] },
      }),
    ]),
    req: web(IP.home, { deviceCompliant: true }),
    outcome: 'mfa-required',
  },
  // R16: report-only and disabled.
  {
    name: 'report-only block: logged, not enforced',
    rule: 'R16',
    world: world([{ ...blockOutside, state: 'enabledForReportingButNotEnforced' }]),
    req: pat(IP.home),
    outcome: 'allowed',
    step: ['R16', 'skip'],
  },
  {
    name: 'disabled block: ignored',
    rule: 'R16',
    world: world([{ ...blockOutside, state: 'disabled' }]),
    req: pat(IP.home),
    outcome: 'allowed',
    step: ['R16', 'skip'],
  },
  // R17: include/exclude; exclusion beats inclusion.
  {
    name: 'included branch but excluded HQ',
    rule: 'R17',
    world: world([
      policy({ id: 'p', locations: { includeLocations: [BRANCH], excludeLocations: [] } }),
    ]),
    req: pat(IP.branch),
    outcome: 'blocked',
  },
  {
    name: 'exclusion beats inclusion',
    rule: 'R17',
    world: world([
      policy({ id: 'p', locations: { includeLocations: [HQ], excludeLocations: [HQ] } }),
    ]),
    req: pat(IP.hq),
    outcome: 'allowed',
  },
  {
    name: 'country location, no country in the request: not enough information',
    rule: 'R17',
    world: world([
      policy({ id: 'p', locations: { includeLocations: [NORDICS], excludeLocations: [] } }),
    ]),
    req: pat(IP.home),
    outcome: 'allowed',
    step: ['R22', 'skip'],
  },
  {
    name: 'country location, request from Norway',
    rule: 'R17',
    world: world([
      policy({ id: 'p', locations: { includeLocations: [NORDICS], excludeLocations: [] } }),
    ]),
    req: pat(IP.home, { country: 'no' }),
    outcome: 'blocked',
  },
  // R18: the policy must target Azure DevOps.
  {
    name: 'policy on another app does not apply',
    rule: 'R18',
    world: world([
      {
        ...blockOutside,
        applications: {
          includeApplications: ['00000003-0000-0ff1-ce00-000000000000'],
          excludeApplications: [],
        },
      },
    ]),
    req: pat(IP.home),
    outcome: 'allowed',
  },
  {
    name: 'policy on All resources applies',
    rule: 'R18',
    world: world([
      { ...blockOutside, applications: { includeApplications: ['All'], excludeApplications: [] } },
    ]),
    req: pat(IP.home),
    outcome: 'blocked',
  },
  {
    name: 'policy on ARM, after September 2025: does not cover Azure DevOps',
    rule: 'R18',
    world: world([
      {
        ...blockOutside,
        applications: {
          includeApplications: [AZURE_RESOURCE_MANAGER_APP_ID],
          excludeApplications: [],
        },
      },
    ]),
    req: pat(IP.home),
    outcome: 'allowed',
  },
  {
    name: 'policy on ARM, before September 2025: covered Azure DevOps',
    rule: 'R18',
    world: world([
      {
        ...blockOutside,
        applications: {
          includeApplications: [AZURE_RESOURCE_MANAGER_APP_ID],
          excludeApplications: [],
        },
      },
    ]),
    req: pat(IP.home, { at: '2025-06-01T00:00:00Z', token: { kind: 'pat' } }),
    outcome: 'blocked',
  },
  // R19: sign-in frequency can bind PAT use.
  {
    name: 'sign-in frequency 8 h, last sign-in 2 days ago: sign in again',
    rule: 'R19',
    world: world([
      policy({
        id: 'sif',
        grantControls: null,
        signInFrequency: { isEnabled: true, value: 8, type: 'hours' },
      }),
    ]),
    req: pat(IP.hq, { lastSignInAt: '2026-10-30T10:00:00Z' }),
    outcome: 'blocked',
    status: 401,
    decidedBy: 'R19',
  },
  {
    name: 'sign-in frequency 8 h, last sign-in 1 h ago: allowed',
    rule: 'R19',
    world: world([
      policy({
        id: 'sif',
        grantControls: null,
        signInFrequency: { isEnabled: true, value: 8, type: 'hours' },
      }),
    ]),
    req: pat(IP.hq, { lastSignInAt: '2026-11-01T09:00:00Z' }),
    outcome: 'allowed',
    step: ['R19', 'pass'],
  },
  // R20: pipelines on Microsoft-hosted agents.
  {
    name: 'PAT from a Microsoft-hosted agent: blocked',
    rule: 'R20',
    world: world([blockOutside]),
    req: pat('20.42.7.9', { client: 'pipeline-agent' }),
    outcome: 'blocked',
    code: 'VS403463',
    decidedBy: 'R20',
  },
  {
    name: 'System.AccessToken from the same agent: not affected',
    rule: 'R20',
    world: world([blockOutside]),
    req: pat('20.42.7.9', { client: 'pipeline-agent', token: { kind: 'system-access-token' } }),
    outcome: 'allowed',
    decidedBy: 'R20',
  },
  {
    name: 'pipeline agent blocked by a no-location MFA policy (R7 switch), not by its IP',
    rule: 'R20',
    world: world([mfaEverywhere]),
    req: pat('20.42.7.9', { client: 'pipeline-agent' }),
    assume: { 'mfa-only-policy-on-pat': 'blocked' },
    outcome: 'blocked',
    decidedBy: 'R7',
  },
  {
    name: 'sign-in frequency does not bind SSH keys (R19 is for PATs)',
    rule: 'R19',
    world: world([
      policy({
        id: 'sif',
        grantControls: null,
        signInFrequency: { isEnabled: true, value: 1, type: 'hours' },
      }),
    ]),
    req: {
      ...pat(IP.hq, { lastSignInAt: '2026-10-30T10:00:00Z' }),
      flow: 'ssh',
      client: 'ssh',
      token: { kind: 'ssh-key' },
    },
    outcome: 'allowed',
  },
  // T1: expired or revoked tokens are refused before CA.
  {
    name: 'expired PAT: 401 before any CA check',
    rule: 'T1',
    world: world([blockOutside]),
    req: pat(IP.hq, { token: { kind: 'pat', expires: '2026-10-31T00:00:00Z' } }),
    outcome: 'blocked',
    status: 401,
    code: null,
    stoppedAt: 'token',
  },
  {
    name: 'revoked PAT: 401',
    rule: 'T1',
    world: world([], off),
    req: pat(IP.hq, { token: { kind: 'pat', revoked: true } }),
    outcome: 'blocked',
    status: 401,
    stoppedAt: 'token',
  },
  // T2: scopes are checked after CA.
  {
    name: 'read-only PAT pushing code: refused after CA',
    rule: 'T2',
    world: world([blockOutside]),
    req: pat(IP.hq, { action: 'push-code', token: { kind: 'pat', scopes: ['vso.code'] } }),
    outcome: 'blocked',
    status: 403,
    code: null,
    stoppedAt: 'scope',
  },
  {
    name: 'code-write PAT pushing code: allowed',
    rule: 'T2',
    world: world([blockOutside]),
    req: pat(IP.hq, { action: 'push-code', token: { kind: 'pat', scopes: ['vso.code_write'] } }),
    outcome: 'allowed',
    step: ['T2', 'pass'],
  },
  {
    name: 'out-of-scope PAT from outside: the CA block comes first',
    rule: 'T2',
    world: world([blockOutside]),
    req: pat(IP.home, { action: 'push-code', token: { kind: 'pat', scopes: ['vso.code'] } }),
    outcome: 'blocked',
    code: 'VS403463',
  },
];

describe('evaluate() against the rules of FACTS.md', () => {
  it.each(cases)('$rule: $name', (c) => {
    const d = evaluateOrThrow(c.world, c.req, { ...DEFAULT_ASSUMPTIONS, ...c.assume });
    expect(d.outcome).toBe(c.outcome);
    if (c.status !== undefined) expect(d.status).toBe(c.status);
    if (c.code !== undefined) expect(d.code).toBe(c.code);
    if (c.decidedBy) expect(d.decidedBy).toBe(c.decidedBy);
    if (c.stoppedAt) expect(d.stoppedAt).toBe(c.stoppedAt);
    if (c.step) expect(d.trace.map((s) => [s.rule, s.result])).toContainEqual(c.step);
  });

  it('covers every rule at least once', () => {
    const covered = new Set(cases.map((c) => c.rule));
    const all = [...Array.from({ length: 20 }, (_, i) => `R${i + 1}`), 'T1', 'T2'];
    expect(all.filter((r) => !covered.has(r as RuleId))).toEqual([]);
  });
});

describe('evaluate() never throws on bad input', () => {
  it.each([
    ['ip', { ip: '010.0.0.1' }],
    ['ip', { ip: '' }],
    ['signinIp', { signinIp: 'nope' }],
    ['at', { at: 'yesterday' }],
    ['token.expires', { token: { kind: 'pat' as const, expires: '31/12/2026' } }],
    ['flow', { flow: 'ftp' as AccessRequest['flow'] }],
  ])('names the field %s', (field, patch) => {
    const r = evaluate(world([blockOutside]), { ...pat(IP.hq), ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.startsWith(`${field}:`)).toBe(true);
  });
});

describe('Decision shape', () => {
  it('cites sources on every step and reports assumptions in force', () => {
    const d = evaluateOrThrow(world([blockOutside, mfaEverywhere]), pat(IP.home));
    for (const s of d.trace) expect(s.sources.length).toBeGreaterThan(0);
    expect(d.assumptions).toEqual(DEFAULT_ASSUMPTIONS);
    expect(d.policies.map((p) => [p.id, p.applies, p.enforced])).toEqual([
      ['block-outside', true, true],
      ['mfa-all', false, true],
    ]);
  });
  it('names Azure DevOps as the checker of a policy that it, not Entra, enforced', () => {
    const d = evaluateOrThrow(world([blockOutside]), web(IP.home, { signinIp: IP.vpn }));
    expect(d.policies[0]).toMatchObject({ applies: true, evaluatedBy: 'ado', effect: 'block' });
  });
  it('report-only policy shows as applying but not enforced', () => {
    const d = evaluateOrThrow(
      world([{ ...blockOutside, state: 'enabledForReportingButNotEnforced' }]),
      pat(IP.home),
    );
    expect(d.policies[0]).toMatchObject({ applies: true, enforced: false, effect: 'block' });
  });
  it('is deterministic and does not mutate its inputs', () => {
    const w = world([blockOutside]);
    const snapshot = JSON.stringify(w);
    expect(evaluateOrThrow(w, pat(IP.home))).toEqual(evaluateOrThrow(w, pat(IP.home)));
    expect(JSON.stringify(w)).toBe(snapshot);
  });
});
