// The impact of a real log, end to end in the model and the CLI: coverage sentence, the range over
// the disputed rules, remedies with their effect recomputed, and the Graph body for the change.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCidr } from '../../src/model/ip/ip';
import { main } from '../../src/cli/main';
import { DEFAULT_ASSUMPTIONS } from '../../src/model/engine/assumptions';
import type { World } from '../../src/model/engine/types';
import { parseNamedLocations } from '../../src/model/graph/graphLocations';
import { parsePolicies } from '../../src/model/graph/graphPolicies';
import { analyseImpact, ImpactAnalysis } from '../../src/model/impact/impact';
import { impactRange } from '../../src/model/impact/impactRange';
import { headline } from '../../src/model/impact/logs/coverage';
import { worldFromLog } from '../../src/model/impact/logs/logWorld';
import {
  applyRemedy,
  blockOf,
  groupByBlock,
  namedLocationPatch,
  suggestRemedies,
} from '../../src/model/impact/remedies';
import { rowsToAnalyse } from '../../src/model/impact/rowsToAnalyse';
import { readSigninRows } from '../../src/model/impact/signinRows';

const D = 'tests/fixtures/logs';
const json = (f: string): unknown => JSON.parse(readFileSync(`${D}/${f}`, 'utf8'));
const loc = parseNamedLocations(json('locations.json'));
const pol = parsePolicies(json('policies.json'));
if (!loc.ok || !pol.ok) throw new Error('fixtures');
const POLICIES = pol.value;
const LOCATIONS = loc.value;
const tenant = (policies = POLICIES): World => ({
  locations: LOCATIONS,
  policies,
  org: { ipValidation: true, enabledAt: '2026-01-15T00:00:00Z' },
});
const AT = '2025-11-05T00:00:00Z';
const defaults = { at: AT, defaultFlow: 'pat' as const };

function analyse(file: string, policies = POLICIES) {
  const r = readSigninRows(readFileSync(`${D}/${file}`, 'utf8'));
  if (!r.ok) throw new Error(r.error);
  const { world, enabledAt } = worldFromLog(tenant(policies), r.value.log);
  // As the lab and the CLI do: rows with a bad cell are skipped, not decided.
  const rows = rowsToAnalyse(r.value);
  const analysis = new ImpactAnalysis(world, DEFAULT_ASSUMPTIONS, defaults, rows.length);
  analysis.add(rows);
  const report = analysis.finish();
  const range = impactRange(analysis, DEFAULT_ASSUMPTIONS);
  return { ...r.value, world, enabledAt, report, range };
}

describe('coverage next to the numbers', () => {
  it.each<[string, boolean, RegExp]>([
    [
      'ado-audit.csv',
      false,
      /newly refuse between 3 and 5 of the audited requests.*Reads with a PAT/,
    ],
    ['la-azuredevopsauditing.csv', false, /between 3 and 5/],
    ['entra-signin.csv', true, /^This log holds no PAT traffic: "0 newly refused"/],
    ['entra-signin-noninteractive.json', true, /^This log holds no PAT traffic/],
    ['la-signinlogs.csv', true, /^This log holds no PAT traffic/],
    ['plain.csv', false, /newly refuse (between \d+ and \d+|\d+) of the requests in this log\.$/],
  ])('%s', (file, noPat, verdict) => {
    const a = analyse(file);
    const h = headline(a.report.newlyBlocked, a.log, a.range, 'pat');
    expect(h.noPatTraffic).toBe(noPat);
    expect(h.verdict).toMatch(verdict);
    expect(h.verdict).not.toMatch(/safe/i);
    expect(h.coverage).toMatch(noPat ? /no PAT or SSH use at all/ : /./);
  });
  it('the audit coverage says reads are never logged', () => {
    expect(analyse('ado-audit.csv').log!.coverage).toMatch(
      /Token access events are not currently logged/,
    );
  });
  it('a plain CSV whose rows have no flow holds PAT traffic only if the default flow is one', () => {
    const a = analyse('plain.csv');
    expect(
      headline(
        0,
        { ...a.log!, flows: { web: 1, pat: 0, ssh: 0, oauth: 0, unset: 3 } },
        undefined,
        'web',
      ).noPatTraffic,
    ).toBe(true);
    expect(
      headline(
        0,
        { ...a.log!, flows: { web: 1, pat: 0, ssh: 0, oauth: 0, unset: 3 } },
        undefined,
        'pat',
      ).noPatTraffic,
    ).toBe(false);
  });
});

describe('disputed rules as a range', () => {
  it('takes the switch date from the audit log and PAT dates from Token.PatCreateEvent (R12)', () => {
    const a = analyse('ado-audit.csv');
    expect(a.enabledAt).toEqual({ at: '2025-11-03T15:00:00.000Z', from: 'audit-log', row: 11 });
    expect(a.range).toEqual({
      low: 3,
      high: 5,
      readings: [
        { assumption: 'existing-pats', rule: 'R12', strictValue: 'enforced', newlyBlocked: 4 },
        // R7 alone changes nothing: the PAT the plain-MFA policy would block has no creation
        // date, so at the lenient end it may be older than the policy and R12 exempts it.
      ],
      dependsOn: { total: 0, byFact: [] },
    });
  });
  it('without a plain-MFA policy only R12 remains in dispute', () => {
    const a = analyse('ado-audit.csv', POLICIES.slice(0, 1));
    expect(a.range.readings.map((r) => r.rule)).toEqual(['R12']);
    expect([a.range.low, a.range.high]).toEqual([3, 4]);
  });
  it('an explicit date wins over the log when asked to', () => {
    const r = readSigninRows(readFileSync(`${D}/ado-audit.csv`, 'utf8'));
    if (!r.ok) throw new Error(r.error);
    expect(worldFromLog(tenant(), r.value.log, true).enabledAt).toEqual({
      at: '2026-01-15T00:00:00Z',
      from: 'input',
    });
  });
  it('is a single number when nothing is disputed', () => {
    const a = analyse('entra-signin.csv', POLICIES.slice(0, 1));
    expect(a.range).toEqual({ low: 0, high: 0, readings: [], dependsOn: { total: 0, byFact: [] } });
  });
});

describe('remedies', () => {
  it.each([
    ['20.42.0.17', '20.42.0.0/24'],
    ['2001:db8:99::7', '2001:db8:99::/48'],
    ['::ffff:203.0.113.14', '::ffff:203.0.113.0/120'],
    ['nope', undefined],
    ['0.0.0.0', '0.0.0.0/24'],
    ['255.255.255.255', '255.255.255.0/24'],
    ['010.1.2.3', undefined],
  ])('the block of %s is %s', (ip, block) => {
    expect(blockOf(ip)).toBe(block);
  });
  it('takes the same IPv4 block as parseCidr, on its fast path', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        const c = parseCidr(`${ip}/24`);
        expect(blockOf(ip)).toBe(c.ok ? c.value.cidr : undefined);
      }),
      { numRuns: 2000 },
    );
  });
  const a = analyse('ado-audit.csv');
  it('groups refused traffic by block and by user', () => {
    expect(
      groupByBlock(a.report.byIp).map((b) => [b.block, b.count, b.newlyBlocked, b.ips.length]),
    ).toEqual([
      ['20.42.0.0/24', 2, 2, 2],
      ['2001:db8:99::/48', 1, 1, 1],
      ['203.0.113.0/24', 2, 0, 1],
      ['198.51.100.0/24', 1, 0, 1],
    ]);
    expect(a.report.byUser.map((u) => [u.key, u.newlyBlocked])).toContainEqual([
      'ci-bot@contoso.com',
      2,
    ]);
  });
  it('offers to add a block to the location the blocking policy excludes, and recomputes', () => {
    const [first] = suggestRemedies(a.report, a.world);
    expect(first).toMatchObject({
      label: 'Add 20.42.0.0/24 to named location Offices',
      newlyBlocked: 2,
    });
    const after = analyseImpact(
      applyRemedy(a.world, first!),
      a.rows,
      DEFAULT_ASSUMPTIONS,
      defaults,
    );
    expect([a.report.newlyBlocked, after.newlyBlocked]).toEqual([3, 1]);
    expect(a.world.locations[0]!.ipRanges).not.toContain('20.42.0.0/24');
  });
  it('exports the Graph PATCH body with every range of the location', () => {
    expect(namedLocationPatch(a.world.locations[0]!, ['20.42.0.0/24'])).toEqual({
      '@odata.type': '#microsoft.graph.ipNamedLocation',
      displayName: 'Offices',
      isTrusted: true,
      ipRanges: [
        { '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: '203.0.113.0/24' },
        { '@odata.type': '#microsoft.graph.iPv6CidrRange', cidrAddress: '2001:db8:10::/48' },
        { '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: '20.42.0.0/24' },
      ],
    });
  });
});

function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    now: () => new Date(AT),
  });
  return { code, out: out.join(''), err: err.join('') };
}
const TENANT = [
  '--locations',
  `${D}/locations.json`,
  '--policies',
  `${D}/policies.json`,
  '--validation',
  'off',
  '--at',
  AT,
];

describe('whatif --batch on real logs', () => {
  it.each<[string, string, RegExp[]]>([
    [
      'ado-audit.csv',
      'ado-audit',
      [
        /^Read .* as: Azure DevOps audit export \(CSV\)\./,
        /Columns used: "Timestamp" \(the time\)/,
        /Columns ignored: "Id", "CorrelationId"/,
        /Counted apart: 1 service principal .*, not a PAT: row 7\./,
        /Org policy switched on 2025-11-03T15:00:00.000Z .*row 11/,
        /between 3 and 5/,
        /Add 20\.42\.0\.0\/24 to named location Offices: newly refused 3 -> 1/,
      ],
    ],
    [
      'entra-signin.csv',
      'entra-signin',
      [
        /Entra sign-in export \(CSV\)/,
        /"Resource ID " \(which resource/,
        /Counted apart: 1 sign-in to a resource other than Azure DevOps: row 6\./,
        /This log holds no PAT traffic/,
        /no PAT or SSH use at all/,
      ],
    ],
  ])('%s: the readable report', (file, kind, patterns) => {
    const r = cli([...TENANT, '--batch', `${D}/${file}`]);
    expect(r.code).toBe(0);
    for (const p of patterns) expect(r.out).toMatch(new RegExp(p.source, 'm'));
    const j = cli([...TENANT, '--batch', `${D}/${file}`, '--json']);
    const o = JSON.parse(j.out);
    expect(o.kind).toBe(kind);
    expect(o.rows[0]).toHaveProperty('ip');
    expect(o.rows[0]).toHaveProperty('flow');
    expect(o.log.used.length).toBeGreaterThan(3);
  });
  it('--json carries the range, the remedies and their Graph bodies', () => {
    const o = JSON.parse(cli([...TENANT, '--batch', `${D}/ado-audit.json`, '--json']).out);
    expect(o.range).toMatchObject({ low: 3, high: 5 });
    expect(o.remedies[0]).toMatchObject({ block: '20.42.0.0/24', before: 3, after: 1 });
    expect(o.remedies[0].patch.ipRanges).toHaveLength(3);
  });
  it('a file of no known kind: exit 2, one line naming the columns it needed', () => {
    const r = cli([...TENANT, '--batch', `${D}/unknown.csv`]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(
      /unknown\.csv: No IP column, and not a log PAT Fence knows.*AuthenticationMechanism.*"Name", "Email", "Department"/,
    );
  });
});
