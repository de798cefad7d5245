// The compare view's model: both lanes come from the engine, for every flow and org policy state,
// and agree with what scenarios/fence.json states; the fence check's words and the IP bits.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compare,
  isCompareScenario,
  landingCopy,
  laneActors,
  type Comparison,
} from '../../src/model/content/compare';
import type { Scenario } from '../../src/model/content/scenario';
import { validateScenario } from '../../src/model/content/scenarioCheck';
import { explainIp, rangeList } from '../../src/model/ip/explain';
import { formatCompareLink, parseCompareLink } from '../../src/model/share/compareLink';
import { compareMermaid } from '../../src/model/share/compareMermaid';
import { fenceLayout } from '../../src/diagram/fence';
import { smallText, textWidth } from '../../src/diagram/text';

function fence(): Scenario {
  const json = JSON.parse(
    readFileSync(new URL('../../scenarios/fence.json', import.meta.url), 'utf8'),
  );
  const r = validateScenario(json, 'fence.json');
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
const s = fence();
function run(flow: 'pat' | 'web' | 'ssh', on: boolean): Comparison {
  const c = compare(s, flow, on);
  if ('error' in c) throw new Error(c.error);
  return c;
}

describe('scenarios/fence.json as the compare view', () => {
  it('is tagged compare, with an inside and an outside actor for every flow', () => {
    expect(isCompareScenario(s)).toBe(true);
    for (const flow of ['pat', 'web', 'ssh'] as const) {
      const a = laneActors(s, flow)!;
      expect([a.inside.id, a.outside.id]).toEqual(['dana-office', 'kim-cafe']);
    }
  });

  // The article's two pictures, plus the IP-only rule for the browser (R6 vs R15).
  it.each([
    ['pat', true, ['allowed', 'blocked'], ['HTTP 200', 'VS403463'], ['R4', 'R6']],
    ['pat', false, ['allowed', 'allowed'], ['HTTP 200', 'HTTP 200'], ['R5', 'R5']],
    ['ssh', true, ['allowed', 'blocked'], ['HTTP 200', 'VS403463'], ['R11', 'R6']],
    ['ssh', false, ['allowed', 'allowed'], ['HTTP 200', 'HTTP 200'], ['R5', 'R5']],
    ['web', true, ['allowed', 'mfa-required'], ['HTTP 200', 'MFA prompt'], ['R2', 'R15']],
    ['web', false, ['allowed', 'mfa-required'], ['HTTP 200', 'MFA prompt'], ['R2', 'R15']],
  ] as const)('%s, org policy on=%s: %j', (flow, on, outcomes, results, rules) => {
    const c = run(flow, on);
    expect(c.lanes.map((l) => l.decision.outcome)).toEqual(outcomes);
    expect(c.lanes.map((l) => l.result)).toEqual(results);
    expect(c.lanes.map((l) => l.rule.id)).toEqual(rules);
    // Each lane agrees with the expectation its play or variant states in the file.
    for (const l of c.lanes) {
      const stated = l.variant?.expect ?? l.play.expect;
      expect(l.decision.outcome).toBe(stated.outcome);
      expect(l.decision.decidedBy).toBe(stated.decidedBy);
    }
  });

  it.each([
    [
      'pat',
      true,
      [
        '203.0.113.24 is in 203.0.113.0/24',
        '100.64.12.7 is not in 203.0.113.0/24 or 198.51.100.0/25',
      ],
    ],
    [
      'pat',
      false,
      [
        '203.0.113.24: not checked, the org policy is off',
        '100.64.12.7: not checked, the org policy is off',
      ],
    ],
    [
      'web',
      false,
      [
        '203.0.113.24 is in 203.0.113.0/24',
        '100.64.12.7 is not in 203.0.113.0/24 or 198.51.100.0/25',
      ],
    ],
  ] as const)('the fence check in words: %s on=%s', (flow, on, lines) => {
    const c = run(flow, on);
    expect(c.lanes.map((l) => l.check)).toEqual(lines);
  });

  it('names the refusing rule by its short name', () => {
    expect(run('pat', true).lanes[1]!.rule).toEqual({ id: 'R6', name: 'A PAT cannot answer MFA' });
  });

  it('says what is missing instead of throwing', () => {
    const bare = { ...s, plays: s.plays.filter((p) => p.request.flow !== 'ssh') };
    expect(compare(bare, 'ssh', true)).toEqual({ error: expect.stringContaining('ssh') });
    const noOff = { ...s, variants: [] };
    expect(compare(noOff, 'pat', false)).toEqual({
      error: expect.stringContaining('org policy off'),
    });
  });

  it('exports Mermaid with every IP and answer, uncut', () => {
    const text = compareMermaid('PAT', [run('pat', true), run('pat', false)]);
    for (const bit of ['203.0.113.24', '100.64.12.7', 'VS403463', 'Org policy off'])
      expect(text).toContain(bit);
    expect(text).not.toContain('…');
  });
});

describe('explainIp: in or out of the range, and why', () => {
  it.each([
    ['203.0.113.24', '203.0.113.0/24', true, 24, 3],
    ['100.64.12.7', '203.0.113.0/24', false, 0, 3],
    ['198.51.100.200', '198.51.100.0/25', false, 24, 4],
    ['198.51.100.37', '198.51.100.0/25', true, 25, 4],
    ['2001:db8:10::5', '2001:db8:10::/48', true, 48, 3],
    ['2001:db8:11::5', '2001:db8:10::/48', false, 47, 3],
  ])('%s against %s: inside=%s after %i matching bits', (ip, cidr, inside, matching, groups) => {
    const ex = explainIp(ip, [cidr])!;
    const r = ex.ranges[0]!;
    expect([r.inside, r.matching, r.groups.length]).toEqual([inside, matching, groups]);
    expect(ex.inside).toBe(inside);
  });

  it('shows the bits as cidr.xyz does: octets for IPv4, hextets for IPv6', () => {
    const r = explainIp('203.0.113.24', ['203.0.113.0/24'])!.ranges[0]!;
    expect(r.groups.map((g) => g.label)).toEqual(['203', '0', '113']);
    expect(r.groups[0]).toMatchObject({ address: '11001011', network: '11001011', prefixBits: 8 });
    const v6 = explainIp('2001:db8:10::5', ['2001:db8:10::/48'])!.ranges[0]!;
    expect(v6.groups.map((g) => g.label)).toEqual(['2001', 'db8', '10']);
  });

  it('never matches across families (an IPv4-mapped address is IPv6, R9)', () => {
    const ex = explainIp('::ffff:203.0.113.24', ['203.0.113.0/24'])!;
    expect(ex.ranges[0]).toMatchObject({ familyMismatch: true, inside: false });
    expect(explainIp('not an ip', ['203.0.113.0/24'])).toBeNull();
  });

  it.each([
    [[], 'no range'],
    [['a'], 'a'],
    [['a', 'b'], 'a or b'],
    [['a', 'b', 'c'], 'a, b or c'],
  ])('rangeList(%j)', (list, text) => expect(rangeList(list)).toBe(text));
});

describe('the compare deep link', () => {
  it.each([
    ['', { flow: 'pat', policy: 'on' }, 0],
    ['flow=web&policy=both', { flow: 'web', policy: 'both' }, 0],
    ['flow=ssh&policy=off&scenario=fence', { flow: 'ssh', policy: 'off', scenario: 'fence' }, 0],
    ['flow=oauth&policy=maybe', { flow: 'pat', policy: 'on' }, 2],
  ])('#/compare?%s', (q, link, problems) => {
    const r = parseCompareLink(new URLSearchParams(q));
    expect(r.link).toEqual(link);
    expect(r.problems).toHaveLength(problems);
    expect(parseCompareLink(new URLSearchParams(formatCompareLink(r.link))).link).toEqual(r.link);
  });
  it('leaves out defaults, so the landing page stays #/', () => {
    expect(formatCompareLink({ flow: 'pat', policy: 'on' })).toEqual({});
  });
});

describe('fenceLayout', () => {
  const lane = (inside: boolean, ip: string) => ({
    label: inside ? 'Dana · office' : 'Kim · internet',
    ip,
    inside,
    credential: 'PAT · git',
    gate: inside ? ('pass' as const) : ('fail' as const),
    result: inside ? 'HTTP 200' : 'VS403463',
    check: `${ip} is not in 203.0.113.0/24`,
  });
  const ranges = ['203.0.113.0/24', '198.51.100.0/25', '2001:db8:10::/48', '2001:db8:20::/48'];
  it.each([358, 640, 1300])(
    'at %i px: boxes inside the picture, the inside actor in the fence',
    (width) => {
      const l = fenceLayout({
        width,
        ranges,
        lanes: [lane(true, '203.0.113.24'), lane(false, '2001:db8:99::1234')],
        target: { label: 'Azure DevOps', sublabel: 'IP CA validation', pill: 'On' },
      });
      const [a, b] = l.lanes;
      const fenced = l.boundary;
      expect(a!.box.y).toBeGreaterThan(fenced.y);
      expect(a!.box.y + a!.box.h).toBeLessThanOrEqual(fenced.y + fenced.h);
      expect(b!.box.y).toBeGreaterThan(fenced.y + fenced.h);
      for (const x of l.lanes) {
        expect(x.box.x + x.box.w).toBeLessThan(x.gateX);
        expect(x.gateX).toBeLessThan(l.target.x);
      }
      expect(l.target.x + l.target.w).toBeLessThanOrEqual(l.width);
      // Every range is written out, never "+N more".
      expect(l.boundary.lines.join(' ')).not.toContain('more');
      for (const r of ranges) expect(l.boundary.lines.join(', ')).toContain(r);
      // A check too long for its line is written under the picture, whole, inside the width.
      const input = [lane(true, '203.0.113.24'), lane(false, '2001:db8:99::1234')];
      l.lanes.forEach((x, i) => {
        const noted = l.notes.filter((n) => n.lane === i);
        expect(x.checkLabel === null).toBe(noted.length > 0);
        if (noted.length) {
          const said = noted.map((n) => n.text).join(' ');
          expect(said).toContain(input[i]!.check);
          expect(said).toContain(input[i]!.result);
        }
      });
      // Never some checks on their lines and others underneath.
      expect(new Set(l.lanes.map((x) => x.checkLabel === null)).size).toBe(1);
      for (const n of l.notes) {
        expect(n.x + textWidth(n.text, smallText(l.fontSize))).toBeLessThanOrEqual(l.width);
        expect(n.y).toBeLessThan(l.height);
      }
      const notesH = l.notes.length ? l.notes.at(-1)!.y - l.notes[0]!.y + 2 * l.fontSize : 0;
      expect(l.height - notesH).toBeLessThan(width < 600 ? 320 : 420);
    },
  );
});

describe('landingCopy (what the first page carries)', () => {
  const copy = landingCopy(s);
  const seen = (c: Comparison | { error: string }) =>
    'error' in c
      ? c
      : c.lanes.map((l) => [l.side, l.actor.id, l.decision, l.check, l.result, l.rule]);
  it.each(
    (['pat', 'web', 'ssh'] as const).flatMap((flow) => [true, false].map((on) => [flow, on])),
  )('%s, policy on %s: the lanes are the same as the full scenario’s', (flow, on) => {
    expect(seen(compare(copy, flow as 'pat', on as boolean))).toEqual(
      seen(compare(s, flow as 'pat', on as boolean)),
    );
  });
  it('leaves out the words only the player shows, and is much smaller', () => {
    expect(copy.plays.every((p) => p.narration.length === 0 && p.takeaway === '')).toBe(true);
    expect(
      copy.plays.every((p) => p.title === '') && copy.variants.every((v) => v.label === ''),
    ).toBe(true);
    expect(copy.variants.every((v) => v.narration.length === 0)).toBe(true);
    expect(JSON.stringify(copy).length).toBeLessThan(JSON.stringify(s).length * 0.7);
  });
});
