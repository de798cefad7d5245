// The engine as a spec, round two: authentication flows (R21), facts a request may not carry and
// "depends on" (R22), country locations (R23), R7 vs R8, R14's codes, decidedBy, the MFA
// challenge and SSH keys under R12. Table-driven, like evaluate.test.ts.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS } from '../../src/model/engine/assumptions';
import { evaluateOrThrow } from '../../src/model/engine/evaluate';
import type {
  AccessRequest,
  Assumptions,
  Decision,
  DependsOn,
  NamedLocation,
  Policy,
  RuleId,
  TraceStep,
  World,
} from '../../src/model/engine/types';
import {
  AT,
  blockOutside,
  compliantDevice,
  IP,
  locations,
  mfaEverywhere,
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
  /** A trace step that must be there, as [rule, result]. */
  step?: [RuleId, TraceStep['result']];
  /** The dependsOn entries, as [policy id, fact, outcome]; [] means none. */
  dependsOn?: [string, DependsOn['fact'], Decision['outcome']][];
}

const oauth = (ip: string, extra: Partial<AccessRequest> = {}): AccessRequest => ({
  flow: 'oauth',
  client: 'az-cli',
  ip,
  at: AT,
  user: 'dev@contoso.com',
  ...extra,
});
const ssh = (created: string): AccessRequest => ({
  ...pat(IP.home),
  flow: 'ssh',
  client: 'ssh',
  token: { kind: 'ssh-key', created },
});

const blockDeviceCode = policy({
  id: 'no-device-code',
  displayName: 'Block device code flow',
  authenticationFlows: ['deviceCodeFlow'],
});
const contractors = policy({
  id: 'contractors',
  displayName: 'Block contractors outside the office',
  users: { ...blockOutside.users, includeUsers: [], includeGroups: ['Contractors'] },
  locations: blockOutside.locations!,
});
const breakGlass = policy({
  id: 'bg',
  displayName: 'Block outside, except break-glass',
  users: { ...blockOutside.users, excludeGroups: ['BreakGlass'] },
  locations: blockOutside.locations!,
});
const mobile = policy({
  id: 'mobile',
  displayName: 'Block phones',
  platforms: { includePlatforms: ['android', 'iOS'], excludePlatforms: [] },
});
const risky = policy({ id: 'risky', signInRiskLevels: ['high'] });
const riskyUser = policy({
  id: 'risky-user',
  userRiskLevels: ['high'],
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
});
const insider = policy({ id: 'insider', insiderRiskLevels: ['elevated'] });
const filtered = policy({
  id: 'filter',
  deviceFilter: { mode: 'include', rule: 'device.model -eq "Kiosk"' },
});
const legacy = policy({
  id: 'legacy',
  displayName: 'Block legacy authentication',
  clientAppTypes: ['exchangeActiveSync', 'other'],
});
const nordicsOnly = policy({
  id: 'nordics-only',
  displayName: 'Block outside the Nordics',
  locations: { includeLocations: ['All'], excludeLocations: [NORDICS] },
});
const inNordics = policy({
  id: 'in-nordics',
  locations: { includeLocations: [NORDICS], excludeLocations: [] },
});
const NORWAY_OR_UNKNOWN: NamedLocation = {
  id: 'loc-no-unknown',
  displayName: 'Norway or unknown',
  kind: 'country',
  isTrusted: false,
  ipRanges: [],
  countries: ['NO'],
  includeUnknownCountriesAndRegions: true,
};
const withUnknown: World = {
  ...world([
    policy({
      id: 'no-or-unknown',
      locations: { includeLocations: [NORWAY_OR_UNKNOWN.id], excludeLocations: [] },
    }),
  ]),
  locations: [...locations, NORWAY_OR_UNKNOWN],
};
const off = { ipValidation: false };

// An IP fence that also has other conditions, on a PAT from outside (a review finding): R22's facts
// still count (risk defaults to none, a missing platform goes to dependsOn), and what a PAT call
// can never show (client app types, a device filter) falls under R8's switch.
const fenced = (p: Partial<Policy> & { id: string }) =>
  world([policy({ locations: blockOutside.locations!, ...p })]);
const patFenceCases: Case[] = [
  {
    name: 'IP fence + high sign-in risk, PAT with risk none: does not apply',
    rule: 'R22',
    world: fenced({ id: 'fence-risk', signInRiskLevels: ['high'] }),
    req: pat(IP.home),
    outcome: 'allowed',
    dependsOn: [],
  },
  {
    name: 'IP fence + high sign-in risk, PAT with risk high: blocked',
    rule: 'R22',
    world: fenced({ id: 'fence-risk', signInRiskLevels: ['high'] }),
    req: pat(IP.home, { signInRisk: 'high' }),
    outcome: 'blocked',
    code: 'VS403463',
  },
  {
    name: 'IP fence + phones, PAT with no platform: depends on the platform',
    rule: 'R22',
    world: fenced({
      id: 'fence-phones',
      platforms: { includePlatforms: ['android', 'iOS'], excludePlatforms: [] },
    }),
    req: pat(IP.home),
    outcome: 'allowed',
    dependsOn: [['fence-phones', 'platform', 'blocked']],
  },
  {
    name: 'IP fence + legacy clients only, PAT: not evaluated by default',
    rule: 'R8',
    world: fenced({ id: 'fence-legacy', clientAppTypes: ['exchangeActiveSync', 'other'] }),
    req: pat(IP.home),
    outcome: 'allowed',
    step: ['R8', 'skip'],
  },
  {
    name: 'IP fence + legacy clients only, PAT, device-policy-on-pat=blocked: blocked',
    rule: 'R8',
    world: fenced({ id: 'fence-legacy', clientAppTypes: ['exchangeActiveSync', 'other'] }),
    req: pat(IP.home),
    assume: { 'device-policy-on-pat': 'blocked' },
    outcome: 'blocked',
    code: 'VS403463',
  },
  {
    name: 'IP fence + device filter, PAT: not evaluated by default',
    rule: 'R8',
    world: fenced({
      id: 'fence-filter',
      deviceFilter: { mode: 'include', rule: 'device.model -eq "Kiosk"' },
    }),
    req: pat(IP.home),
    outcome: 'allowed',
    step: ['R8', 'skip'],
  },
];

const cases: Case[] = [
  // R21: authentication flows match only device code flow / authentication transfer sign-ins.
  ...(
    [
      ['browser sign-in', web(IP.home), 'allowed'],
      ['ordinary OAuth sign-in', oauth(IP.home), 'allowed'],
      ['PAT', pat(IP.home), 'allowed'],
      ['PAT claiming a device code flow', pat(IP.home, { authFlow: 'deviceCodeFlow' }), 'allowed'],
      [
        'OAuth with the device code flow',
        oauth(IP.home, { authFlow: 'deviceCodeFlow' }),
        'blocked',
      ],
      [
        'web with authentication transfer',
        web(IP.home, { authFlow: 'authenticationTransfer' }),
        'allowed',
      ],
    ] as const
  ).map(([what, req, outcome]): Case => ({
    name: `"block device code flow", ${what}: ${outcome}`,
    rule: 'R21',
    world: world([blockDeviceCode]),
    req,
    outcome,
    ...(outcome === 'allowed' ? { dependsOn: [] } : { code: 'AADSTS53003' as const }),
  })),
  {
    name: 'the device-code policy is ruled out by R21 even with device-policy-on-pat=blocked',
    rule: 'R21',
    world: world([blockDeviceCode]),
    req: pat(IP.home),
    assume: { 'device-policy-on-pat': 'blocked' },
    outcome: 'allowed',
    step: ['R21', 'skip'],
  },
  // R22: groups.
  {
    name: 'group-scoped block, groups not given: does not apply, depends on groups',
    rule: 'R22',
    world: world([contractors]),
    req: web(IP.home),
    outcome: 'allowed',
    step: ['R22', 'skip'],
    dependsOn: [['contractors', 'groups', 'blocked']],
  },
  {
    name: 'group-scoped block, in Contractors: blocked',
    rule: 'R22',
    world: world([contractors]),
    req: web(IP.home, { groups: ['Contractors'] }),
    outcome: 'blocked',
    dependsOn: [],
  },
  {
    name: 'group-scoped block, member of no group (--groups none): allowed, nothing depends',
    rule: 'R22',
    world: world([contractors]),
    req: web(IP.home, { groups: [] }),
    outcome: 'allowed',
    dependsOn: [],
  },
  {
    name: 'group-scoped block on a PAT, groups not given: depends on groups',
    rule: 'R22',
    world: world([contractors]),
    req: pat(IP.home),
    outcome: 'allowed',
    dependsOn: [['contractors', 'groups', 'blocked']],
  },
  {
    name: 'group-scoped block, from the office: the fact would not change a thing',
    rule: 'R22',
    world: world([contractors]),
    req: pat(IP.hq),
    outcome: 'allowed',
    dependsOn: [],
  },
  {
    name: 'an excluded group, groups not given: depends on groups',
    rule: 'R22',
    world: world([breakGlass]),
    req: pat(IP.home),
    outcome: 'allowed',
    dependsOn: [['bg', 'groups', 'blocked']],
  },
  {
    name: 'an excluded group, known to be in none: blocked',
    rule: 'R22',
    world: world([breakGlass]),
    req: pat(IP.home, { groups: [] }),
    outcome: 'blocked',
  },
  // R22: device platform.
  {
    name: 'phones policy, platform not given: depends on platform',
    rule: 'R22',
    world: world([mobile]),
    req: web(IP.hq),
    outcome: 'allowed',
    dependsOn: [['mobile', 'platform', 'blocked']],
  },
  {
    name: 'phones policy, iOS: blocked',
    rule: 'R22',
    world: world([mobile]),
    req: web(IP.hq, { platform: 'iOS' }),
    outcome: 'blocked',
  },
  {
    name: 'phones policy, windows: allowed',
    rule: 'R22',
    world: world([mobile]),
    req: web(IP.hq, { platform: 'windows' }),
    outcome: 'allowed',
    dependsOn: [],
  },
  // R22: risk defaults to none; insider risk and device filters are facts.
  {
    name: '"block high sign-in risk", ordinary sign-in (risk none): allowed',
    rule: 'R22',
    world: world([risky]),
    req: web(IP.hq),
    outcome: 'allowed',
    dependsOn: [],
  },
  {
    name: '"block high sign-in risk", sign-in risk high: blocked',
    rule: 'R22',
    world: world([risky]),
    req: web(IP.hq, { signInRisk: 'high' }),
    outcome: 'blocked',
  },
  {
    name: 'MFA for high user risk, user risk high: MFA prompt',
    rule: 'R22',
    world: world([riskyUser]),
    req: web(IP.hq, { userRisk: 'high' }),
    outcome: 'mfa-required',
  },
  {
    name: 'MFA for high user risk, user risk low: allowed',
    rule: 'R22',
    world: world([riskyUser]),
    req: web(IP.hq, { userRisk: 'low' }),
    outcome: 'allowed',
  },
  {
    name: 'insider risk not given: depends on insider risk',
    rule: 'R22',
    world: world([insider]),
    req: web(IP.hq),
    outcome: 'allowed',
    dependsOn: [['insider', 'insiderRisk', 'blocked']],
  },
  {
    name: 'insider risk elevated: blocked',
    rule: 'R22',
    world: world([insider]),
    req: web(IP.hq, { insiderRisk: 'elevated' }),
    outcome: 'blocked',
  },
  {
    name: 'device filter: no fact answers it, so it depends',
    rule: 'R22',
    world: world([filtered]),
    req: web(IP.hq),
    outcome: 'allowed',
    dependsOn: [['filter', 'deviceFilter', 'blocked']],
  },
  {
    name: 'report-only policies are never listed as depends-on',
    rule: 'R22',
    world: world([{ ...contractors, state: 'enabledForReportingButNotEnforced' }]),
    req: web(IP.home),
    outcome: 'allowed',
    dependsOn: [],
  },
  // R23: country locations.
  {
    name: '"in the Nordics" policy, no country given: depends on country, never assumed',
    rule: 'R23',
    world: world([inNordics]),
    req: pat(IP.home),
    outcome: 'allowed',
    dependsOn: [['in-nordics', 'country', 'blocked']],
  },
  {
    name: 'country allow-list (block outside the Nordics), country SE: allowed',
    rule: 'R23',
    world: world([nordicsOnly]),
    req: web(IP.home, { country: 'SE' }),
    outcome: 'allowed',
    dependsOn: [],
  },
  {
    name: 'country allow-list, country US: blocked',
    rule: 'R23',
    world: world([nordicsOnly]),
    req: web(IP.home, { country: 'us' }),
    outcome: 'blocked',
    code: 'AADSTS53003',
  },
  {
    name: 'country allow-list, no country: depends on country',
    rule: 'R23',
    world: world([nordicsOnly]),
    req: web(IP.home),
    outcome: 'allowed',
    dependsOn: [['nordics-only', 'country', 'blocked']],
  },
  {
    name: 'includeUnknownCountriesAndRegions, no country given: depends on the country (R22)',
    rule: 'R22',
    world: withUnknown,
    req: pat(IP.home),
    outcome: 'allowed',
    dependsOn: [['no-or-unknown', 'country', 'blocked']],
  },
  {
    name: 'includeUnknownCountriesAndRegions: an IP that maps to no country matches',
    rule: 'R23',
    world: withUnknown,
    req: pat(IP.home, { country: 'unknown' }),
    outcome: 'blocked',
    dependsOn: [],
  },
  {
    name: 'a country location without unknown countries: an IP that maps to none is outside',
    rule: 'R23',
    world: world([inNordics]),
    req: pat(IP.home, { country: 'unknown' }),
    outcome: 'allowed',
    dependsOn: [],
  },
  {
    name: 'includeUnknownCountriesAndRegions: a known other country does not',
    rule: 'R23',
    world: withUnknown,
    req: pat(IP.home, { country: 'US' }),
    outcome: 'allowed',
  },
  // R7 only for MFA policies; everything else non-IP is R8's switch.
  {
    name: 'block legacy auth, PAT from HQ, mfa-only-policy-on-pat=blocked: allowed (R8, not R7)',
    rule: 'R8',
    world: world([legacy]),
    req: pat(IP.hq),
    assume: { 'mfa-only-policy-on-pat': 'blocked' },
    outcome: 'allowed',
    step: ['R8', 'skip'],
  },
  {
    name: 'block legacy auth, PAT from HQ, device-policy-on-pat=blocked: blocked by R8',
    rule: 'R8',
    world: world([legacy]),
    req: pat(IP.hq),
    assume: { 'device-policy-on-pat': 'blocked' },
    outcome: 'blocked',
    decidedBy: 'R8',
  },
  {
    name: 'a plain block with no location, mfa-only-policy-on-pat=blocked: R8, allowed',
    rule: 'R8',
    world: world([policy({ id: 'plain' })]),
    req: pat(IP.hq),
    assume: { 'mfa-only-policy-on-pat': 'blocked' },
    outcome: 'allowed',
    step: ['R8', 'skip'],
  },
  {
    name: 'MFA on phones (a platform condition) is R8 even though it asks for MFA',
    rule: 'R8',
    world: world([{ ...mobile, grantControls: { operator: 'OR', builtInControls: ['mfa'] } }]),
    req: pat(IP.hq),
    assume: { 'mfa-only-policy-on-pat': 'blocked' },
    outcome: 'allowed',
    step: ['R8', 'skip'],
  },
  {
    name: 'plain "require MFA", mfa-only-policy-on-pat=blocked: R7 blocks',
    rule: 'R7',
    world: world([mfaEverywhere]),
    req: pat(IP.hq),
    assume: { 'mfa-only-policy-on-pat': 'blocked' },
    outcome: 'blocked',
    decidedBy: 'R7',
  },
  // R14: Entra's codes.
  {
    name: 'compliant device not met at sign-in: AADSTS53000',
    rule: 'R14',
    world: world([compliantDevice]),
    req: web(IP.hq),
    outcome: 'blocked',
    status: 400,
    code: 'AADSTS53000',
    step: ['R14', 'fail'],
  },
  {
    name: 'domain-joined device not met: AADSTS53001',
    rule: 'R14',
    world: world([
      policy({
        id: 'dj',
        grantControls: { operator: 'OR', builtInControls: ['domainJoinedDevice'] },
      }),
    ]),
    req: web(IP.hq),
    outcome: 'blocked',
    status: 400,
    code: 'AADSTS53001',
  },
  {
    name: 'an OAuth token request under "require MFA": AADSTS50076, 400',
    rule: 'R14',
    world: world([mfaEverywhere], off),
    req: oauth(IP.hq),
    outcome: 'mfa-required',
    status: 400,
    code: 'AADSTS50076',
    step: ['R14', 'fail'],
  },
  // R15 at sign-in: the MFA prompt is a challenge, not a failure.
  {
    name: 'web sign-in under "require MFA": a prompt (401, no code), a challenge step',
    rule: 'R15',
    world: world([mfaEverywhere], off),
    req: web(IP.hq),
    outcome: 'mfa-required',
    status: 401,
    code: null,
    decidedBy: 'R15',
    step: ['R15', 'challenge'],
  },
  // R12 and SSH keys.
  {
    name: 'SSH key older than the org policy: R12 does not cover it, the key is checked',
    rule: 'R12',
    world: world([blockOutside], { ipValidation: true, enabledAt: '2026-06-01T00:00:00Z' }),
    req: ssh('2026-01-01T00:00:00Z'),
    outcome: 'blocked',
    code: 'VS403463',
    decidedBy: 'R11',
    step: ['R12', 'pass'],
  },
];

describe('evaluate(): facts, flows, countries, codes', () => {
  it.each([...cases, ...patFenceCases])('$rule: $name', (c) => {
    const d = evaluateOrThrow(c.world, c.req, { ...DEFAULT_ASSUMPTIONS, ...c.assume });
    expect(d.outcome).toBe(c.outcome);
    if (c.status !== undefined) expect(d.status).toBe(c.status);
    if (c.code !== undefined) expect(d.code).toBe(c.code);
    if (c.decidedBy) expect(d.decidedBy).toBe(c.decidedBy);
    if (c.step) expect(d.trace.map((s) => [s.rule, s.result])).toContainEqual(c.step);
    if (c.dependsOn) expect(d.dependsOn.map((x) => [x.id, x.fact, x.outcome])).toEqual(c.dependsOn);
    // decidedBy is the rule of the step that refused (or asked for MFA).
    if (d.outcome !== 'allowed') {
      const stop =
        d.trace.find((s) => s.result === 'fail') ?? d.trace.find((s) => s.result === 'challenge');
      expect(d.decidedBy).toBe(stop?.rule);
    }
  });

  it('an MFA prompt at sign-in has no failed step', () => {
    const d = evaluateOrThrow(world([mfaEverywhere], off), web(IP.hq));
    expect(d.trace.filter((s) => s.result === 'fail')).toEqual([]);
  });

  it('the SSH step says R12 is about PATs', () => {
    const d = evaluateOrThrow(
      world([blockOutside], { ipValidation: true, enabledAt: '2026-06-01T00:00:00Z' }),
      ssh('2026-01-01T00:00:00Z'),
    );
    expect(d.trace.find((s) => s.rule === 'R12')?.detail).toMatch(/about PATs.*not cover SSH keys/);
  });

  it('says in plain words what a depends-on entry needs', () => {
    const d = evaluateOrThrow(world([contractors]), web(IP.home, { user: 'dana@contoso.com' }));
    expect(d.dependsOn[0]).toMatchObject({
      displayName: 'Block contractors outside the office',
      condition: 'dana@contoso.com is in Contractors',
      facts: ['groups'],
    });
  });

  it('two missing facts of one policy make one entry that assumes both', () => {
    const both: Policy = { ...contractors, id: 'both', platforms: mobile.platforms! };
    const d = evaluateOrThrow(world([both]), web(IP.home));
    expect(d.dependsOn).toHaveLength(1);
    expect(d.dependsOn[0]).toMatchObject({ facts: ['groups', 'platform'], outcome: 'blocked' });
  });

  it('skips the depends-on evaluations when asked', () => {
    const d = evaluateOrThrow(world([contractors]), web(IP.home), undefined, { dependsOn: false });
    expect(d.dependsOn).toEqual([]);
  });

  it.each<[string, Partial<AccessRequest>, RegExp]>([
    ['platform', { platform: 'symbian' as never }, /^platform: "symbian" is not one of/],
    ['sign-in risk', { signInRisk: 'severe' as never }, /^signInRisk: /],
    ['auth flow', { authFlow: 'magic' as never }, /^authFlow: /],
    ['country', { country: 'USA' }, /^country: "USA" is not a two-letter/],
  ])('refuses a bad %s', async (_n, extra, message) => {
    const { evaluate } = await import('../../src/model/engine/evaluate');
    const r = evaluate(world([]), web(IP.hq, extra));
    expect(r.ok ? '' : r.error).toMatch(message);
  });
});
