// A remedy's effect is recomputed from what the analysis kept of each row (its class and its
// addresses), not from the rows: it must count exactly what a whole new analysis of the rows in the
// changed tenant counts, for every block a log has and every named location it could go into,
// with sign-in IPs that differ from the IP (R10) and addresses in both families.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASSUMPTION_CHOICES, DEFAULT_ASSUMPTIONS } from '../../src/model/engine/assumptions';
import type { Assumptions, Policy, World } from '../../src/model/engine/types';
import { parseNamedLocations } from '../../src/model/graph/graphLocations';
import { parsePolicies } from '../../src/model/graph/graphPolicies';
import { analyseImpact, ImpactAnalysis } from '../../src/model/impact/impact';
import { mappedCounterpart, parseCidr, parseIp } from '../../src/model/ip/ip';
import { compileRanges } from '../../src/model/ip/rangeSet';
import {
  addressesIn,
  applyRemedy,
  blockGroups,
  blockOf,
  groupByBlock,
  remedyEffects,
  type Remedy,
} from '../../src/model/impact/remedies';
import type { SigninRow } from '../../src/model/impact/signinRows';

const D = 'tests/fixtures/logs';
const json = (f: string): unknown => JSON.parse(readFileSync(`${D}/${f}`, 'utf8'));
const loc = parseNamedLocations(json('locations.json'));
const pol = parsePolicies(json('policies.json'));
if (!loc.ok || !pol.ok) throw new Error('fixtures');
const OFFICES = loc.value.find((l) => l.displayName === 'Offices')!;
const LAB = loc.value.find((l) => l.displayName === 'Lisbon lab')!;
const block = pol.value[0]!;
/** Block outside the lab too: a remedy into the lab location then changes a second policy. */
const outsideLab: Policy = {
  ...block,
  id: 'outside-lab',
  displayName: 'Block outside the lab for ops',
  users: { ...block.users, includeUsers: ['ops@contoso.com'] },
  locations: { includeLocations: ['All'], excludeLocations: [LAB.id] },
};
const WORLDS: World[] = [
  { locations: loc.value, policies: pol.value, org: { ipValidation: true } },
  {
    locations: loc.value,
    policies: [...pol.value, outsideLab],
    org: { ipValidation: true, enabledAt: '2025-11-01T00:00:00Z' },
  },
];

// Addresses in and next to the locations' ranges, so remedies move them across the boundary.
const IPS = [
  '203.0.113.9',
  '203.0.114.9',
  '203.0.114.200',
  '192.0.2.10',
  '192.0.2.200',
  '20.42.0.17',
  '20.42.0.99',
  '2001:db8:10::1',
  '2001:db8:11::1',
  '2001:db8:11:ff::2',
  '::ffff:20.42.0.5',
  '::ffff:142a:7',
  '::ffff:203.0.114.1',
];
const DATES = ['2025-10-01T00:00:00Z', '2025-11-04T08:00:00Z', '2025-12-01T00:00:00Z'];
const arbRow: fc.Arbitrary<SigninRow> = fc.record(
  {
    row: fc.integer({ min: 2, max: 100_000 }),
    ip: fc.constantFrom(...IPS),
    signinIp: fc.constantFrom(...IPS),
    flow: fc.constantFrom('pat', 'ssh', 'web', 'oauth'),
    user: fc.constantFrom('ops@contoso.com', 'ann@contoso.com'),
    tokenCreated: fc.constantFrom(...DATES),
    at: fc.constantFrom(...DATES),
    client: fc.constantFrom('git', 'browser', 'pipeline-agent'),
    country: fc.constantFrom('PT', 'US'),
  },
  { requiredKeys: ['row', 'ip'] },
) as fc.Arbitrary<SigninRow>;
const SEED = process.env.CI ? { seed: 20261202 } : {};
const defaults = { at: '2025-11-05T00:00:00Z', defaultFlow: 'pat' as const };

describe('remedy effects from the analysis, without the rows', { timeout: 120_000 }, () => {
  it('equal a new analysis of every row in the changed tenant', () => {
    fc.assert(
      fc.property(
        fc.array(arbRow, { minLength: 1, maxLength: 80 }),
        fc.constantFrom(...WORLDS),
        fc.constantFrom(...ASSUMPTION_CHOICES['ipv4-mapped'].values),
        fc.constantFrom(...ASSUMPTION_CHOICES['existing-pats'].values),
        (rows, world, mapped, pats) => {
          const a = { ...DEFAULT_ASSUMPTIONS, 'ipv4-mapped': mapped, 'existing-pats': pats };
          const analysis = new ImpactAnalysis(world, a as Assumptions, defaults, rows.length);
          analysis.add(rows);
          const report = analysis.finish();
          const blocks = new Set(
            rows
              .flatMap((r) => (r.signinIp ? [r.ip, r.signinIp] : [r.ip]))
              .map((ip) => blockOf(ip)!),
          );
          for (const b of blocks)
            for (const l of [OFFICES, LAB]) {
              const r = { block: b, locationId: l.id } as Remedy;
              const [effect] = remedyEffects(analysis, report, world, [r]);
              const redone = analyseImpact(applyRemedy(world, r), rows, a as Assumptions, defaults);
              expect(effect!.before).toBe(report.newlyBlocked);
              expect(effect!.after).toBe(redone.newlyBlocked);
            }
        },
      ),
      { numRuns: 80, ...SEED },
    );
  });
});

describe('blocks from the rows, without per-IP groups', () => {
  it('equal groupByBlock over the per-IP groups, in order, for any limit', () => {
    fc.assert(
      fc.property(
        fc.array(arbRow, { minLength: 0, maxLength: 150 }),
        fc.constantFrom(...WORLDS),
        fc.integer({ min: 1, max: 12 }),
        (rows, world, limit) => {
          const analysis = new ImpactAnalysis(world, DEFAULT_ASSUMPTIONS, defaults, rows.length);
          analysis.add(rows);
          const full = analysis.finish();
          const lean = analysis.finish({ ipGroups: false });
          expect(lean.byIp).toEqual([]);
          const { byIp: _a, ...rest } = lean;
          const { byIp: _b, ...fullRest } = full;
          expect(rest).toEqual(fullRest);
          const all = groupByBlock(full.byIp);
          expect(blockGroups(lean, limit)).toEqual({ top: all.slice(0, limit), of: all.length });
        },
      ),
      { numRuns: 150, ...SEED },
    );
  });
});

describe('addressesIn: which addresses a block holds, told by their own block where it can', () => {
  const arbIp = fc.oneof(
    fc.ipV4(),
    fc.ipV6(),
    fc.ipV4().map((v4) => `::ffff:${v4}`),
    fc.constantFrom(...IPS, '::ffff:142a:7', '0:0:0:0:0:ffff:142a:5', '::1', 'not an ip'),
  );
  it('agrees with asking the range sets, in both of R9 forms', () => {
    fc.assert(
      fc.property(fc.array(arbIp, { minLength: 1, maxLength: 40 }), fc.nat(), (ips, pick) => {
        const blocks = ips.map(blockOf);
        const known = blocks.filter((b): b is string => b !== undefined);
        const extra = ['::/48', '20.42.0.0/16', '::ffff:20.42.0.0/112'];
        const block = [...known, ...extra][pick % (known.length + extra.length)]!;
        const got = addressesIn(ips, blocks, block);
        const c = parseCidr(block);
        if (!c.ok) throw new Error(block);
        const set = compileRanges([c.value]);
        for (let i = 0; i < ips.length; i++) {
          const p = parseIp(ips[i]!);
          const twin = p.ok ? mappedCounterpart(p.value) : null;
          const want = p.ok && (set.contains(p.value) || (twin !== null && set.contains(twin)));
          expect(got[i], `${ips[i]} in ${block}`).toBe(want ? 1 : 0);
        }
      }),
      { numRuns: 400, ...SEED },
    );
  });
});
