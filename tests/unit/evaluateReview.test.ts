// The engine as a spec, round three: what a review of the engine against FACTS.md found. Who the
// user is and their directory roles are facts like groups (R22); grants the request cannot show
// are never silently met; "all" conditions narrow nothing; reasons say no more than they know.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS } from '../../src/model/engine/assumptions';
import { evaluateOrThrow } from '../../src/model/engine/evaluate';
import type {
  AccessRequest,
  Assumptions,
  Decision,
  DependsOn,
  Policy,
  RuleId,
  World,
} from '../../src/model/engine/types';
import { RULES } from '../../src/model/engine/rules';
import { explainIp } from '../../src/model/ip/explain';
import {
  blockOutside,
  compliantDevice,
  IP,
  mfaEverywhere,
  mfaOutside,
  outsideTrusted,
  pat,
  policy,
  web,
  world,
} from './support/world';

interface Case {
  name: string;
  world: World;
  req: AccessRequest;
  assume?: Partial<Assumptions>;
  outcome: Decision['outcome'];
  /** The dependsOn entries, as [policy id, facts, outcome]; [] means none. */
  dependsOn?: [string, DependsOn['facts'], Decision['outcome']][];
  /** A trace step that must be there, as [rule, result]. */
  step?: [RuleId, string];
  /** Words the policy's reason must (and must not) hold. */
  reason?: RegExp;
  notReason?: RegExp;
}

const GA = '62e90394-69f5-4237-9190-012177145e10';
const anon = (req: AccessRequest): AccessRequest => {
  const out = { ...req };
  delete out.user;
  return out;
};
const users = (u: Partial<Policy['users']>): Policy['users'] => ({ ...blockOutside.users, ...u });
const fence = (id: string, p: Partial<Policy> = {}) =>
  world([policy({ id, locations: outsideTrusted, ...p })]);
const grant = (...builtInControls: string[]): Policy['grantControls'] => ({
  operator: 'OR',
  builtInControls,
});

const cases: Case[] = [
  // Finding 10: who the user is, like groups (R22).
  {
    name: 'excludeUsers, no user given: depends on who the user is',
    world: fence('bg-user', { users: users({ excludeUsers: ['breakglass@contoso.com'] }) }),
    req: anon(pat(IP.home)),
    outcome: 'allowed',
    dependsOn: [['bg-user', ['user'], 'blocked']],
  },
  {
    name: 'excludeUsers, another user given: blocked as before',
    world: fence('bg-user', { users: users({ excludeUsers: ['breakglass@contoso.com'] }) }),
    req: pat(IP.home),
    outcome: 'blocked',
    dependsOn: [],
  },
  {
    name: 'excludeUsers, the excluded user: allowed, nothing depends',
    world: fence('bg-user', { users: users({ excludeUsers: ['breakglass@contoso.com'] }) }),
    req: pat(IP.home, { user: 'breakglass@contoso.com' }),
    outcome: 'allowed',
    dependsOn: [],
  },
  {
    name: 'includeUsers names alice, no user given: depends on who the user is',
    world: fence('alice', { users: users({ includeUsers: ['alice@contoso.com'] }) }),
    req: anon(web(IP.home)),
    outcome: 'allowed',
    dependsOn: [['alice', ['user'], 'blocked']],
  },
  {
    name: 'includeUsers names alice, alice: blocked',
    world: fence('alice', { users: users({ includeUsers: ['alice@contoso.com'] }) }),
    req: pat(IP.home, { user: 'alice@contoso.com' }),
    outcome: 'blocked',
  },
  {
    name: 'includeUsers All, nothing excluded, no user given: blocked, nothing depends',
    world: fence('all'),
    req: anon(pat(IP.home)),
    outcome: 'blocked',
    dependsOn: [],
  },
  // Finding 6: directory roles, read like groups.
  {
    name: 'excludeRoles, roles not given: depends on the roles',
    world: fence('ex-ga', { users: users({ excludeRoles: [GA] }) }),
    req: pat(IP.home),
    outcome: 'allowed',
    dependsOn: [['ex-ga', ['roles'], 'blocked']],
  },
  {
    name: 'excludeRoles, the user holds it: allowed',
    world: fence('ex-ga', { users: users({ excludeRoles: [GA] }) }),
    req: pat(IP.home, { roles: [GA] }),
    outcome: 'allowed',
    dependsOn: [],
  },
  {
    name: 'excludeRoles, the user holds none: blocked',
    world: fence('ex-ga', { users: users({ excludeRoles: [GA] }) }),
    req: pat(IP.home, { roles: [] }),
    outcome: 'blocked',
  },
  {
    name: 'includeRoles only, roles not given: depends on the roles',
    world: fence('in-ga', { users: users({ includeUsers: [], includeRoles: [GA] }) }),
    req: pat(IP.home),
    outcome: 'allowed',
    dependsOn: [['in-ga', ['roles'], 'blocked']],
  },
  {
    name: 'includeRoles only, the user holds it: blocked',
    world: fence('in-ga', { users: users({ includeUsers: [], includeRoles: [GA] }) }),
    req: pat(IP.home, { roles: [GA] }),
    outcome: 'blocked',
  },
  {
    name: 'includeRoles or includeGroups, neither given: one entry needing either fact',
    world: fence('in-either', {
      users: users({ includeUsers: [], includeGroups: ['Admins'], includeRoles: [GA] }),
    }),
    req: web(IP.home),
    outcome: 'allowed',
    dependsOn: [['in-either', ['groups', 'roles'], 'blocked']],
  },
  // Finding 5: "all" conditions narrow nothing.
  {
    name: 'clientAppTypes listing all four types, PAT from outside: an IP fence, blocked',
    world: fence('all4', {
      clientAppTypes: ['browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'other'],
    }),
    req: pat(IP.home),
    outcome: 'blocked',
  },
  ...(['pat', 'web'] as const).map((flow): Case => ({
    name: `includePlatforms all, no exclusions, ${flow} from outside: blocked, no platform fact`,
    world: fence('any-platform', {
      platforms: { includePlatforms: ['all'], excludePlatforms: [] },
    }),
    req: flow === 'pat' ? pat(IP.home) : web(IP.home),
    outcome: 'blocked',
    dependsOn: [],
  })),
  {
    name: 'includePlatforms all excluding iOS, no platform: says which platform, no empty list',
    world: fence('not-ios', {
      platforms: { includePlatforms: ['all'], excludePlatforms: ['iOS'] },
    }),
    req: web(IP.home),
    outcome: 'allowed',
    dependsOn: [['not-ios', ['platform'], 'blocked']],
    reason: /the device platform is not iOS/,
  },
  // Finding 11: grants no request fact answers are never silently met.
  ...(['approvedApplication', 'compliantApplication', 'passwordChange', 'termsOfUse'] as const).map(
    (c): Case => ({
      name: `require ${c} on web: depends on the grant, never "satisfied"`,
      world: world([policy({ id: c, grantControls: grant(c) })]),
      req: web(IP.hq),
      outcome: 'allowed',
      dependsOn: [[c, ['grant'], 'blocked']],
      notReason: /satisfied/,
    }),
  ),
  {
    name: 'require MFA or an approved app, MFA not done: depends on the app (MFA otherwise)',
    world: world([
      policy({ id: 'mfa-or-app', grantControls: grant('mfa', 'approvedApplication') }),
    ]),
    req: web(IP.hq),
    outcome: 'allowed',
    dependsOn: [['mfa-or-app', ['grant'], 'mfa-required']],
  },
  {
    name: 'require MFA or an approved app, MFA done: satisfied, nothing depends',
    world: world([
      policy({ id: 'mfa-or-app', grantControls: grant('mfa', 'approvedApplication') }),
    ]),
    req: web(IP.hq, { mfaDone: true }),
    outcome: 'allowed',
    dependsOn: [],
  },
  {
    name: 'require a compliant device and an approved app, device not compliant: AADSTS53000',
    world: world([
      policy({
        id: 'dev-and-app',
        grantControls: {
          operator: 'AND',
          builtInControls: ['compliantDevice', 'approvedApplication'],
        },
      }),
    ]),
    req: web(IP.hq),
    outcome: 'blocked',
    dependsOn: [],
  },
  {
    name: 'require an approved app outside trusted, PAT: R6 blocks as before',
    world: fence('app-outside', { grantControls: grant('approvedApplication') }),
    req: pat(IP.home),
    outcome: 'blocked',
  },
  // Finding 8: a plain block is R8's, but not because of a condition it does not have.
  {
    name: 'a plain block with no location, PAT: R8, and the reason names no condition',
    world: world([policy({ id: 'plain' })]),
    req: pat(IP.hq),
    outcome: 'allowed',
    step: ['R8', 'skip'],
    reason: /blocks outright, and R7 covers only MFA policies/,
    notReason: /conditions other than the IP|cannot show/,
  },
  // Finding 13: a report-only policy's reason says what it would do.
  {
    name: 'report-only MFA outside trusted, PAT from outside: the reason says "would"',
    world: fence('ro', { state: 'enabledForReportingButNotEnforced', grantControls: grant('mfa') }),
    req: pat(IP.home),
    outcome: 'allowed',
    reason: /would be blocked if the policy were enforced/,
    notReason: /so the request is blocked/,
  },
  {
    name: 'report-only block outside trusted, web from outside: "would block"',
    world: fence('ro-block', { state: 'enabledForReportingButNotEnforced' }),
    req: web(IP.home),
    outcome: 'allowed',
    reason: /would block access/,
  },
];

describe('evaluate(): users, roles, grants, "all" conditions and reasons (review)', () => {
  it.each(cases)('$name', (c) => {
    const d = evaluateOrThrow(c.world, c.req, { ...DEFAULT_ASSUMPTIONS, ...c.assume });
    expect(d.outcome).toBe(c.outcome);
    if (c.dependsOn)
      expect(d.dependsOn.map((x) => [x.id, x.facts, x.outcome])).toEqual(c.dependsOn);
    if (c.step) expect(d.trace.map((s) => [s.rule, s.result])).toContainEqual(c.step);
    const reasons = d.policies.map((p) => p.reason).join('\n');
    if (c.reason) expect(reasons).toMatch(c.reason);
    if (c.notReason) expect(reasons).not.toMatch(c.notReason);
    // R22: every entry names a condition in words, never an empty list.
    for (const x of d.dependsOn) expect(x.condition).not.toMatch(/ (,|or|and)\s*$|not ,/);
  });

  it('says in words what a user or role entry needs', () => {
    const d = evaluateOrThrow(
      fence('both', {
        users: users({ excludeUsers: ['breakglass@contoso.com'], excludeRoles: [GA] }),
      }),
      anon(pat(IP.home)),
    );
    expect(d.dependsOn[0]?.condition).toBe(
      `the user is not breakglass@contoso.com, and the user holds none of ${GA}`,
    );
  });
});

// Finding 9: a step cites only a rule whose flows (FACTS.md) include the request's flow. R12 is
// the one exception: its rule is about PATs and says, in its own words, that SSH keys are not exempt.
describe('every trace step cites a rule that covers the flow', () => {
  const worlds = [blockOutside, mfaOutside, mfaEverywhere, compliantDevice].flatMap((p) =>
    [true, false].map((on) =>
      world(
        [p],
        on ? { ipValidation: true, enabledAt: '2026-06-01T00:00:00Z' } : { ipValidation: false },
      ),
    ),
  );
  const requests: AccessRequest[] = [IP.hq, IP.home, IP.hqMapped].flatMap((ip) => [
    pat(ip),
    pat(ip, { token: { kind: 'pat', created: '2026-01-01T00:00:00Z' } }),
    {
      ...pat(ip),
      flow: 'ssh',
      client: 'ssh',
      token: { kind: 'ssh-key', created: '2026-01-01T00:00:00Z' },
    },
    web(ip),
    web(ip, { signinIp: IP.hq }),
    { ...web(ip), flow: 'oauth', client: 'az-cli' },
    { ...web(ip), flow: 'oauth', client: 'az-cli', mfaDone: true },
  ]);
  it.each(worlds.map((w, i) => [i, w] as const))('world %i', (_i, w) => {
    for (const req of requests) {
      const d = evaluateOrThrow(w, req);
      for (const s of d.trace) {
        if (s.rule === 'R12' && req.flow === 'ssh') continue;
        expect({
          flow: req.flow,
          rule: s.rule,
          ok: RULES[s.rule].flows.includes(req.flow),
        }).toEqual({
          flow: req.flow,
          rule: s.rule,
          ok: true,
        });
      }
      expect(RULES[d.decidedBy].flows).toContain(req.flow);
    }
  });

  it('R9 carries its two-part status, and R13 no longer claims web or OAuth', () => {
    expect(RULES.R9.statusNote).toBe(
      'documented advice; matching = assumption (default: distinct)',
    );
    expect(RULES.R13.flows).toEqual(['pat', 'ssh']);
    expect(RULES.R1.flows).toEqual(['web']);
    expect(RULES.R4.flows).toEqual(['pat']);
  });
});

// Finding 13: the compare view's bit explanation agrees with the engine, R9's switch included.
describe('explainIp agrees with the engine under both ipv4-mapped readings', () => {
  const ranges = ['203.0.113.0/24', '::ffff:198.51.100.0/120', '2001:db8:10::/48'];
  const ips = [
    '203.0.113.10',
    '::ffff:203.0.113.10',
    '198.51.100.7',
    '::ffff:198.51.100.7',
    '2001:db8:10::1',
    '2001:db8:99::1',
  ];
  it.each(['distinct', 'equivalent'] as const)('ipv4-mapped=%s', (mapped) => {
    const w: World = {
      locations: [
        {
          id: 'r',
          displayName: 'R',
          kind: 'ip',
          isTrusted: true,
          ipRanges: ranges,
          countries: [],
          includeUnknownCountriesAndRegions: false,
        },
      ],
      policies: [
        policy({ id: 'out', locations: { includeLocations: ['All'], excludeLocations: ['r'] } }),
      ],
      org: { ipValidation: true },
    };
    for (const ip of ips) {
      const d = evaluateOrThrow(w, pat(ip), { ...DEFAULT_ASSUMPTIONS, 'ipv4-mapped': mapped });
      const ex = explainIp(ip, ranges, mapped)!;
      expect({ ip, inside: ex.inside }).toEqual({ ip, inside: d.outcome === 'allowed' });
    }
  });

  it('says why a mapped address misses an IPv4 range, and never "never" when R9 could match', () => {
    const distinct = explainIp('::ffff:203.0.113.10', ['203.0.113.0/24'])!.ranges[0]!;
    expect(distinct).toMatchObject({ familyMismatch: true, mappedApart: true, inside: false });
    const equivalent = explainIp('::ffff:203.0.113.10', ['203.0.113.0/24'], 'equivalent')!;
    expect(equivalent.ranges[0]).toMatchObject({ inside: true, via: '203.0.113.10' });
    expect(explainIp('2001:db8::1', ['203.0.113.0/24'])!.ranges[0]!.mappedApart).toBe(false);
  });
});
