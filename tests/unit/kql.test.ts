// The generated Kusto queries parse with Microsoft's own parser against the tables' columns (zero
// errors), and the ranges they inline agree with the engine's range sets on sampled addresses.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { DEFAULT_ASSUMPTIONS } from '../../src/model/engine/assumptions';
import { evaluate } from '../../src/model/engine/evaluate';
import type { Assumptions, NamedLocation, Policy, World } from '../../src/model/engine/types';
import { parseNamedLocations } from '../../src/model/graph/graphLocations';
import { parsePolicies } from '../../src/model/graph/graphPolicies';
import { parseIp } from '../../src/model/ip/ip';
import { compileRanges } from '../../src/model/ip/rangeSet';
import { impactKql, KQL_SCHEMAS, KQL_TABLES, type KqlTable } from '../../src/model/impact/kql';

const require = createRequire(import.meta.url);
const dir = '@kusto/language-service-next/';
(globalThis as Record<string, unknown>).Bridge = require(`${dir}bridge.js`);
require(`${dir}Kusto.Language.Bridge.js`);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const K = (globalThis as any).Kusto.Language;
const tables = KQL_TABLES.map((t) => new K.Symbols.TableSymbol.$ctor7(t, KQL_SCHEMAS[t], null));
const globals = K.GlobalState.Default.WithDatabase(
  new K.Symbols.DatabaseSymbol.$ctor1('la', tables, false),
);

/** Microsoft's parser's errors for a query, as "message @offset". */
function kustoErrors(query: string): string[] {
  const d = K.KustoCode.ParseAndAnalyze(query, globals).GetDiagnostics();
  const out: string[] = [];
  for (let i = 0; i < d.Count; i++) {
    const x = d.getItem(i);
    if (String(x.Severity) === 'Error') out.push(`${x.Message} @${x.Start}`);
  }
  return out;
}

// The parser's first run takes seconds (it builds its symbol tables): pay that before the tests.
kustoErrors('AzureDevOpsAuditing | take 1');

const D = 'tests/fixtures/logs';
const loc = parseNamedLocations(JSON.parse(readFileSync(`${D}/locations.json`, 'utf8')));
const pol = parsePolicies(JSON.parse(readFileSync(`${D}/policies.json`, 'utf8')));
if (!loc.ok || !pol.ok) throw new Error('fixtures');
const LOCATIONS = loc.value;
const POLICIES = pol.value;
const AT = '2026-03-01T00:00:00Z';

const country: NamedLocation = {
  id: 'c1',
  displayName: 'Portugal "PT"',
  kind: 'country',
  isTrusted: false,
  ipRanges: [],
  countries: ['PT'],
  includeUnknownCountriesAndRegions: true,
};
const base = POLICIES[0]!;
const extra: Policy[] = [
  {
    ...base,
    id: 'p3',
    displayName: 'Block outside trusted, but not for break-glass',
    users: { ...base.users, excludeUsers: ['breakglass@contoso.com'] },
    locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] },
  },
  {
    ...base,
    id: 'p4',
    displayName: 'Block Portugal for two users',
    users: { ...base.users, includeUsers: ['a@contoso.com', "o'brien@contoso.com"] },
    locations: { includeLocations: ['c1'], excludeLocations: [] },
  },
  { ...base, id: 'p5', displayName: 'Report-only', state: 'enabledForReportingButNotEnforced' },
  {
    ...base,
    id: 'p6',
    displayName: 'Compliant device',
    locations: undefined,
    grantControls: { operator: 'OR', builtInControls: ['compliantDevice'] },
  },
];
const worlds: [string, World][] = [
  [
    'the fixture tenant',
    {
      locations: LOCATIONS,
      policies: POLICIES,
      org: { ipValidation: true, enabledAt: '2025-11-03T15:00:00Z' },
    },
  ],
  [
    'trusted, country and excluded users',
    {
      locations: [...LOCATIONS, country],
      policies: [...POLICIES, ...extra],
      org: { ipValidation: true },
    },
  ],
  ['no policies at all', { locations: LOCATIONS, policies: [], org: { ipValidation: true } }],
  [
    // A name can hold anything Entra accepts: quotes, backslashes, line breaks, U+2028, controls.
    'names that would break a literal or a comment',
    {
      locations: LOCATIONS.map((l) => ({ ...l, displayName: `${l.displayName}\n// "x"\u2028y` })),
      policies: POLICIES.map((p) => ({
        ...p,
        displayName: `Block \\ "outside"\nOffices\u2028x\r\u0007\tz`,
      })),
      org: { ipValidation: true, enabledAt: '2025-11-03T15:00:00Z' },
    },
  ],
];
const readings: Assumptions[] = [
  DEFAULT_ASSUMPTIONS,
  {
    ...DEFAULT_ASSUMPTIONS,
    'existing-pats': 'enforced',
    'mfa-only-policy-on-pat': 'blocked',
    'device-policy-on-pat': 'blocked',
  },
];

describe('every generated query parses with zero errors (Kusto.Language)', () => {
  const cases = worlds.flatMap(([name, w]) =>
    KQL_TABLES.flatMap((t) =>
      readings.map((a, i) => [`${name}, ${t}, reading ${i}`, w, t, a] as const),
    ),
  );
  it.each(cases)('%s', (_n, world, table, assumptions) => {
    const q = impactKql(world, { table: table as KqlTable, assumptions, at: AT });
    expect(kustoErrors(q)).toEqual([]);
    expect(q).toMatch(/summarize .* by User, Ip/);
    if (table === 'AzureDevOpsAuditing')
      expect(q).toMatch(/AuthenticationMechanism startswith "PAT"/);
    // A sign-in Entra refused at the sign-in IP is not newly refused (R10, R15), as in the batch.
    else if (/RefusedBy = case\(\n/.test(q)) {
      expect(q).toMatch(/\| where isempty\(RefusedAtSignin\)\n/);
      expect(q).not.toMatch(/AppId ==/);
    }
    // Every line of the query is a comment, a let, a table or a pipe: nothing spilled over.
    for (const line of q.trimEnd().split('\n'))
      expect(line).toMatch(/^(\/\/ |let |\| |\s{4}|"\)|[A-Za-z]+$)/);
  });
  it('the parser does find errors (the check is not vacuous)', () => {
    expect(kustoErrors('AzureDevOpsAuditing | where NoSuchColumn == 1')).not.toEqual([]);
    expect(
      kustoErrors(
        'SigninLogs | extend x = ipv4_is_in_any_range(IPAddress, dynamic(["10.0.0.0/8"]))',
      ),
    ).toEqual([]);
  });
});

describe('what the query says about each policy', () => {
  const q = impactKql(worlds[1]![1], {
    table: 'AzureDevOpsAuditing',
    assumptions: DEFAULT_ASSUMPTIONS,
    at: AT,
  });
  it.each([
    [/evaluated: "Block Azure DevOps outside Offices"/],
    [/not evaluated: "Require MFA for Azure DevOps": no location condition.*\(R7\): not evaluated/],
    [/not evaluated: "Compliant device": no location condition.*\(R8\): not evaluated/],
    [/not evaluated: "Report-only": report-only \(R16\)/],
    [
      /not evaluated: "Block Portugal for two users": a country location, and this table carries no country \(R22\)/,
    ],
    [/not\(User in~ \("breakglass@contoso.com"\)\) and not\(InTrusted\)/],
  ])('%s', (re) => expect(q).toMatch(re));
  it('a sign-in table knows the country and takes the IP seen by resource', () => {
    const s = impactKql(worlds[1]![1], {
      table: 'SigninLogs',
      assumptions: DEFAULT_ASSUMPTIONS,
      at: AT,
    });
    expect(s).toMatch(
      /User in~ \("a@contoso.com", "o'brien@contoso.com"\) and \(\(Country in \(L\d+cc\) or isempty\(Country\)\)\)/,
    );
    expect(s).toMatch(/IPAddressFromResourceProvider/);
    expect(s).toMatch(/holds no PAT or SSH use/);
  });
});

// ipv4_is_in_any_range / ipv6_is_in_any_range, as documented: is the address inside any of the
// CIDR ranges (IPv4 list for an IPv4 address, IPv6 list for an IPv6 address).
function toBig(ip: string): { v6: boolean; n: bigint } {
  if (!ip.includes(':'))
    return { v6: false, n: ip.split('.').reduce((a, x) => (a << 8n) | BigInt(Number(x)), 0n) };
  let [h, t] = ip.split('::') as [string, string | undefined];
  const tail = t ?? '';
  let extraWords: string[] = [];
  if (/\d+\.\d+\.\d+\.\d+$/.test(tail || h)) {
    const v4 = (tail || h).match(/(\d+\.\d+\.\d+\.\d+)$/)![1]!;
    const n = toBig(v4).n;
    extraWords = [(n >> 16n).toString(16), (n & 0xffffn).toString(16)];
    if (tail) t = tail.slice(0, -v4.length).replace(/:$/, '');
    else h = h.slice(0, -v4.length).replace(/:$/, '');
  }
  const hw = h ? h.split(':') : [];
  const tw = [...(t ? t.split(':') : []), ...extraWords];
  const words = ip.includes('::')
    ? [...hw, ...Array(8 - hw.length - tw.length).fill('0'), ...tw]
    : [...hw, ...extraWords];
  return { v6: true, n: words.reduce((a, w) => (a << 16n) | BigInt(parseInt(w || '0', 16)), 0n) };
}
function kqlInAnyRange(ip: string, ranges: string[]): boolean {
  const a = toBig(ip);
  return ranges.some((r) => {
    const [net, p] = r.split('/') as [string, string];
    const b = toBig(net);
    if (a.v6 !== b.v6) return false;
    const bits = BigInt(a.v6 ? 128 : 32);
    const shift = bits - BigInt(Number(p));
    return a.n >> shift === b.n >> shift;
  });
}

describe('the inlined ranges agree with the engine range set', () => {
  const many: NamedLocation = {
    id: 'm',
    displayName: 'Many',
    kind: 'ip',
    isTrusted: false,
    countries: [],
    includeUnknownCountriesAndRegions: false,
    ipRanges: [
      '10.0.0.0/9',
      '192.0.2.128/25',
      '198.51.100.7/32',
      '2001:db8::/32',
      '2001:db8:ffff:1::/64',
      '::ffff:203.0.113.0/120',
      'fe80::/10',
    ],
  };
  const w: World = {
    locations: [...LOCATIONS, many],
    policies: [
      {
        ...base,
        locations: {
          includeLocations: ['m'],
          excludeLocations: LOCATIONS.map((l) => l.id),
        },
      },
    ],
    org: { ipValidation: true },
  };
  const q = impactKql(w, {
    table: 'AzureDevOpsAuditing',
    assumptions: DEFAULT_ASSUMPTIONS,
    at: AT,
  });
  const inlined = (name: string) =>
    JSON.parse(new RegExp(`let ${name} = dynamic\\((\\[.*\\])\\);`).exec(q)![1]!) as string[];
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const samples = [
    '10.0.0.0',
    '10.127.255.255',
    '10.128.0.0',
    '9.255.255.255',
    '192.0.2.127',
    '192.0.2.128',
    '192.0.2.255',
    '198.51.100.6',
    '198.51.100.7',
    '198.51.100.8',
    '203.0.113.0',
    '203.0.113.255',
    '203.0.114.0',
    '2001:db8::',
    '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff',
    '2001:db9::',
    '2001:db8:10::1',
    '2001:db8:11::1',
    '::ffff:203.0.113.7',
    '::ffff:203.0.114.7',
    'fe80::1',
    'febf:ffff::1',
    'fec0::1',
    ...Array.from({ length: 300 }, () => `${rnd(256)}.${rnd(256)}.${rnd(256)}.${rnd(256)}`),
    ...Array.from(
      { length: 200 },
      () =>
        `2001:db8:${rnd(65536).toString(16)}:${rnd(65536).toString(16)}::${rnd(65536).toString(16)}`,
    ),
  ];
  it.each(w.locations.map((l, i) => [l.displayName, l, i + 1] as const))('%s', (_n, l) => {
    const n = /\/\/ L(\d+): "(.*)"/g;
    const id = [...q.matchAll(n)].find((m) => m[2] === l.displayName)?.[1];
    expect(id).toBeDefined();
    const v4 = inlined(`L${id}v4`);
    const v6 = inlined(`L${id}v6`);
    expect([...v4, ...v6].sort()).toEqual([...l.ipRanges].sort());
    const set = compileRanges(l.ipRanges);
    for (const ip of samples) {
      const parsed = parseIp(ip);
      if (!parsed.ok) throw new Error(ip);
      const kql = kqlInAnyRange(ip, ip.includes(':') ? v6 : v4);
      expect([ip, kql]).toEqual([ip, set.contains(parsed.value)]);
    }
  });
});

describe('whatif --kql', () => {
  const run = (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = main(args, {
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
      now: () => new Date(AT),
    });
    return { code, out: out.join(''), err: err.join('') };
  };
  const T = ['--locations', `${D}/locations.json`, '--policies', `${D}/policies.json`];
  it.each([...KQL_TABLES.map((t) => ['--table', t]), []])(
    '%s %s prints a query that parses',
    (...table) => {
      const r = run([...T, '--kql', ...table]);
      expect(r.code).toBe(0);
      expect(kustoErrors(r.out)).toEqual([]);
      expect(r.out.startsWith('// PAT Fence')).toBe(true);
    },
  );
  it.each([
    [['--kql', '--table', 'Nope'], /--table: "Nope" is not one of AzureDevOpsAuditing, SigninLogs/],
    [['--kql', '--batch', 'x.csv'], /--kql cannot be combined with --batch/],
    [
      ['--validation', 'on', '--table', 'SigninLogs', '--ip', '1.2.3.4', '--flow', 'pat'],
      /--table goes with --kql/,
    ],
  ])('%s', (args, error) => {
    const r = run([...T, ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(error);
  });
});

describe('the query evaluates exactly the policies the engine decides a PAT on by IP and user', () => {
  // The reviewer's shapes (review finding 7), as Graph policies.
  const OUTSIDE = { includeLocations: ['All'], excludeLocations: ['AllTrusted'] };
  const shape = (
    id: string,
    conditions: Record<string, unknown>,
    grant = ['block'],
    state = 'enabled',
  ) => ({
    id,
    displayName: id,
    state,
    conditions: {
      users: { includeUsers: ['All'] },
      applications: { includeApplications: ['499b84ac-1321-427f-aa17-267ca6975798'] },
      clientAppTypes: ['all'],
      ...conditions,
    },
    grantControls: { operator: 'OR', builtInControls: grant },
  });
  const shapes = [
    shape('block-outside', { locations: OUTSIDE }),
    shape('mfa-outside', { locations: OUTSIDE }, ['mfa']),
    shape('block-outside-but-breakglass', {
      users: { includeUsers: ['All'], excludeUsers: ['breakglass@contoso.com'] },
      locations: OUTSIDE,
    }),
    shape('block-alice-outside', {
      users: { includeUsers: ['alice@contoso.com'] },
      locations: OUTSIDE,
    }),
    shape('include-trusted-block', { locations: { includeLocations: ['AllTrusted'] } }),
    shape('browser-block-outside', { locations: OUTSIDE, clientAppTypes: ['browser'] }),
    shape('mobile-block-outside', {
      locations: OUTSIDE,
      clientAppTypes: ['mobileAppsAndDesktopClients'],
    }),
    shape('plain-block', {}),
    shape('plain-mfa', {}, ['mfa']),
    shape('compliant-outside', { locations: OUTSIDE }, ['compliantDevice']),
    shape('ro', { locations: OUTSIDE }, ['mfa'], 'enabledForReportingButNotEnforced'),
    shape('block-devicecode-outside', {
      locations: OUTSIDE,
      authenticationFlows: { transferMethods: 'deviceCodeFlow' },
    }),
    shape('block-outside-excl-breakglass-group', {
      users: { includeUsers: ['All'], excludeGroups: ['grp-breakglass'] },
      locations: OUTSIDE,
    }),
    shape('block-android-outside', {
      locations: OUTSIDE,
      platforms: { includePlatforms: ['android'] },
    }),
    shape('block-devs-outside', {
      users: { includeGroups: ['grp-developers'] },
      locations: OUTSIDE,
    }),
  ];
  const parsed = parsePolicies({ value: shapes });
  if (!parsed.ok) throw new Error(parsed.error);
  const trusted = LOCATIONS.find((l) => l.kind === 'ip' && l.isTrusted)!;
  const inside = trusted.ipRanges.find((r) => !r.includes(':'))!.replace(/\.0\/\d+$/, '.7');

  /** Policies the engine refuses a PAT by, from inside or outside, with no fact missing. */
  function engineSet(p: Policy, a: Assumptions): boolean {
    const w: World = { locations: LOCATIONS, policies: [p], org: { ipValidation: true } };
    const user = p.users.includeUsers.find((x) => x !== 'All') ?? 'someone@contoso.com';
    return ['192.0.2.1', inside].some((ip) => {
      const r = evaluate(w, { flow: 'pat', ip, user, at: AT, token: { kind: 'pat' } }, a);
      if (!r.ok) throw new Error(r.error);
      return r.value.policies.some(
        (x) =>
          x.id === p.id &&
          x.applies &&
          x.enforced &&
          ['block', 'mfa', 'unsatisfiable'].includes(x.effect),
      );
    });
  }
  it.each(readings.map((a, i) => [i, a] as const))('reading %s', (_i, a) => {
    for (const p of parsed.value) {
      const q = impactKql(
        { locations: LOCATIONS, policies: [p], org: { ipValidation: true } },
        {
          table: 'AzureDevOpsAuditing',
          assumptions: a,
          at: AT,
        },
      );
      const evaluated = q.includes(`// evaluated: "${p.displayName}"`);
      expect([p.displayName, evaluated]).toEqual([p.displayName, engineSet(p, a)]);
      if (!evaluated)
        expect(q).toMatch(new RegExp(`// not evaluated: "${p.displayName}": .*\\bR\\d+\\)`));
    }
  });
  it('each skipped policy names its rule', () => {
    const q = impactKql(
      { locations: LOCATIONS, policies: parsed.value, org: { ipValidation: true } },
      { table: 'AzureDevOpsAuditing', assumptions: DEFAULT_ASSUMPTIONS, at: AT },
    );
    expect(q).toMatch(/not evaluated: "block-devicecode-outside": .*\(R21\)/);
    expect(q).toMatch(/not evaluated: "browser-block-outside": .*R8\)/);
    expect(q).toMatch(/not evaluated: "block-android-outside": .*\(R22\)/);
    expect(q).toMatch(
      /not evaluated: "block-outside-excl-breakglass-group": depends on group membership.*\(R22\)/,
    );
    expect(q).toMatch(/not evaluated: "plain-mfa": .*\(R7\)/);
    expect(kustoErrors(q)).toEqual([]);
  });
  it('a sign-in table: the org policy does not change web sign-ins, and says so', () => {
    const q = impactKql(
      { locations: LOCATIONS, policies: parsed.value, org: { ipValidation: true } },
      { table: 'SigninLogs', assumptions: DEFAULT_ASSUMPTIONS, at: AT },
    );
    expect(q).toMatch(/The org policy does not change web sign-ins/);
    expect(q).toMatch(/\| where Flow == "oauth"/);
    expect(q).toMatch(/not evaluated: "plain-mfa": .*\(R15\)/);
    expect(kustoErrors(q)).toEqual([]);
  });
});
