// The sandbox form → engine: templates become Graph JSON read by the real importer, every bad
// field gets the parser's message under its own id, and the link codec survives a round trip.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/model/engine/evaluate';
import { buildSandbox, fieldId, sandboxToGraph } from '../../src/model/lab/sandboxBuild';
import { TEMPLATES, newPolicy, policyToGraph } from '../../src/model/lab/sandboxTemplates';
import { defaultSandbox, type SandboxConfig } from '../../src/model/lab/sandboxTypes';
import { decodeSandbox, encodeSandbox, readSandbox } from '../../src/model/lab/sandboxUrl';
import { parsePolicies } from '../../src/model/graph/graphPolicies';
import type { PolicyTemplate } from '../../src/model/lab/sandboxTypes';

const decide = (c: SandboxConfig) => {
  const b = buildSandbox(c);
  expect(b.errors).toEqual({});
  const r = evaluate(b.world!, b.request!, c.assumptions);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const edit = (f: (c: SandboxConfig) => unknown) => {
  const c = defaultSandbox();
  f(c);
  return c;
};

type Change = (c: SandboxConfig) => unknown;
const DECISIONS: [string, Change, string, string | null][] = [
  ['default: external PAT, org on', (_c: SandboxConfig) => {}, 'blocked', 'VS403463'],
  ['org policy off', (c: SandboxConfig) => (c.org.on = false), 'allowed', null],
  ['PAT from HQ', (c: SandboxConfig) => (c.actor.ip = '203.0.113.9'), 'allowed', null],
  ['PAT from the VPN (Lee)', (c: SandboxConfig) => (c.actor.ip = '198.51.100.37'), 'allowed', null],
  [
    'PAT from just past the VPN range',
    (c: SandboxConfig) => (c.actor.ip = '198.51.100.128'),
    'blocked',
    'VS403463',
  ],
  [
    'PAT from HQ over IPv6, which HQ lacks (the IPv6 gap)',
    (c: SandboxConfig) => (c.actor.ip = '2001:db8:10::4a'),
    'blocked',
    'VS403463',
  ],
  ['web from outside', (c: SandboxConfig) => (c.actor.flow = 'web'), 'blocked', 'AADSTS53003'],
  [
    'report-only',
    (c: SandboxConfig) => (c.policies[0]!.state = 'enabledForReportingButNotEnforced'),
    'allowed',
    null,
  ],
  ['targets ARM', (c: SandboxConfig) => (c.policies[0]!.target = 'arm'), 'allowed', null],
  ['targets All', (c: SandboxConfig) => (c.policies[0]!.target = 'all'), 'blocked', 'VS403463'],
  [
    'user excluded',
    (c: SandboxConfig) => (c.policies[0]!.excludeUsers = 'bob@contoso.com, alice@contoso.com'),
    'allowed',
    null,
  ],
  [
    'old PAT (R12)',
    (c: SandboxConfig) => (c.actor.tokenCreated = '2025-12-01T00:00:00Z'),
    'allowed',
    null,
  ],
  [
    'old PAT, R12 enforced',
    (c: SandboxConfig) => {
      c.actor.tokenCreated = '2025-12-01T00:00:00Z';
      c.assumptions['existing-pats'] = 'enforced';
    },
    'blocked',
    'VS403463',
  ],
];
const FIELDS: [string, Change, string, RegExp][] = [
  [
    'CIDR /33',
    (c: SandboxConfig) => (c.locations[0]!.ranges = '203.0.113.0/24\n10.0.0.0/33'),
    fieldId.ranges('loc-hq'),
    /line 2: "10\.0\.0\.0\/33" is not a valid CIDR range: the prefix \/33 is out of range/,
  ],
  [
    'an IPv4 /8 (R17)',
    (c: SandboxConfig) => (c.locations[0]!.ranges = '203.0.113.0/24\n203.0.0.0/8'),
    fieldId.ranges('loc-hq'),
    /^line 2: "203\.0\.0\.0\/8" is refused: Entra accepts IPv4 ranges only with a mask longer than \/8 \(R17; /,
  ],
  [
    'an IPv4 /0 typed with commas (R17)',
    (c: SandboxConfig) => (c.locations[1]!.ranges = '198.51.100.0/25, 0.0.0.0/0'),
    fieldId.ranges('loc-vpn'),
    /^line 1: "0\.0\.0\.0\/0" is refused: Entra accepts IPv4 ranges only with a mask longer than \/8/,
  ],
  [
    'bad IP',
    (c: SandboxConfig) => (c.actor.ip = '300.1.1.1'),
    fieldId.actor('ip'),
    /"300\.1\.1\.1" is not a valid IP address/,
  ],
  ['empty IP', (c: SandboxConfig) => (c.actor.ip = ' '), fieldId.actor('ip'), /required/],
  [
    'bad sign-in IP',
    (c: SandboxConfig) => (c.actor.signinIp = 'x'),
    fieldId.actor('signinIp'),
    /not a valid IP/,
  ],
  [
    'bad date',
    (c: SandboxConfig) => (c.actor.tokenCreated = '2026-02-30'),
    fieldId.actor('tokenCreated'),
    /not an ISO 8601 date/,
  ],
  [
    'bad enabledAt',
    (c: SandboxConfig) => (c.org.enabledAt = 'yesterday'),
    fieldId.enabledAt,
    /"yesterday"/,
  ],
];

describe('sandbox decisions', () => {
  it.each(DECISIONS)('%s', (_name, change, outcome, code) => {
    const d = decide(edit(change));
    expect(d.outcome).toBe(outcome);
    expect(d.code).toBe(code);
  });

  it('MFA outside trusted: web asks for MFA, a PAT is blocked (R6)', () => {
    const c = edit((c) => (c.policies = [newPolicy('mfa-outside-trusted', [])]));
    expect(decide(c).outcome).toBe('blocked');
    c.actor.flow = 'web';
    expect(decide(c).outcome).toBe('mfa-required');
  });

  it.each(Object.keys(TEMPLATES) as PolicyTemplate[])('template %s imports cleanly', (t) => {
    const r = parsePolicies([policyToGraph(newPolicy(t, []))]);
    expect(r.ok).toBe(true);
  });

  it('new policies get free ids', () => {
    expect(newPolicy('mfa-everywhere', ['pol-1', 'pol-2']).id).toBe('pol-3');
  });

  it('builds Graph-shaped JSON with typed ranges', () => {
    const c = edit((c) => (c.locations[0]!.ranges = '203.0.113.0/24\n2001:db8:10::/48'));
    const g = sandboxToGraph(c) as {
      locations: { value: { ipRanges: unknown[] }[] };
    };
    expect(g.locations.value[0]!.ipRanges).toEqual([
      { '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: '203.0.113.0/24' },
      { '@odata.type': '#microsoft.graph.iPv6CidrRange', cidrAddress: '2001:db8:10::/48' },
    ]);
  });
});

describe('sandbox field errors', () => {
  it.each(FIELDS)('%s', (_n, change, id, message) => {
    const b = buildSandbox(edit(change));
    expect(b.errors[id]).toMatch(message);
    expect(b.world).toBeUndefined();
  });

  it.each([
    ['/9', '10.0.0.0/9', true],
    ['/8', '10.0.0.0/8', false],
    ['IPv6 /8', '2001:db8::/8', true],
  ])('an IPv4 %s builds: %s', (_n, range, builds) => {
    const b = buildSandbox(edit((c) => (c.locations[0]!.ranges = range)));
    expect(b.world !== undefined).toBe(builds);
  });
});

describe('sandbox links', () => {
  it('round-trips', () => {
    const c = edit((c) => (c.actor.flow = 'ssh'));
    const e = encodeSandbox(c);
    expect(e.ok).toBe(true);
    const d = decodeSandbox(e.ok ? e.value : '');
    expect(d).toEqual({ ok: true, value: c });
  });
  it.each([
    ['garbage', 'nope', /not in a format/],
    ['wrong version', '9.e30', /version 9/],
  ])('refuses %s', (_n, text, message) => {
    const d = decodeSandbox(text);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.error).toMatch(message);
  });
  it.each([
    ['not an object', 3, /not an object/],
    ['bad policy', { ...defaultSandbox(), policies: [{ id: 'x' }] }, /a policy/],
    [
      'bad flow',
      { ...defaultSandbox(), actor: { ...defaultSandbox().actor, flow: 'ftp' } },
      /actor/,
    ],
    [
      'two locations with one id',
      (() => {
        const c = defaultSandbox();
        return { ...c, locations: [c.locations[0], { ...c.locations[0], name: 'Other' }] };
      })(),
      /two named locations have the same id/,
    ],
    [
      'two policies with one id',
      (() => {
        const c = defaultSandbox();
        return { ...c, policies: [c.policies[0], { ...c.policies[0], name: 'Other' }] };
      })(),
      /two policies have the same id/,
    ],
  ])('shape check: %s', (_n, value, message) => {
    const r = readSandbox(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});
