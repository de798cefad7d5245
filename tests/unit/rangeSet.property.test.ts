// The compiled range set must answer exactly what ipaddr.js answers range by range: an address is
// in the set iff it matches at least one CIDR. Ranges are generated to overlap, nest and touch,
// and probed at their edges (first, last, first−1, last+1) where off-by-one bugs live.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { parseCidr, parseIp } from '../../src/model/ip/ip';
import { compileRanges, compileRangesChecked } from '../../src/model/ip/rangeSet';

type Family = 4 | 6;
interface Range {
  family: Family;
  base: bigint; // may have host bits set, as Graph exports sometimes do
  prefix: number;
}

const WIDTH = { 4: 32, 6: 128 } as const;
const top = (f: Family) => (1n << BigInt(WIDTH[f])) - 1n;

/** Text for a numeric address, printed by ipaddr.js so the test does not trust our formatter. */
function text(family: Family, value: bigint): string {
  const bytes: number[] = [];
  for (let i = WIDTH[family] / 8 - 1; i >= 0; i--)
    bytes.push(Number((value >> BigInt(i * 8)) & 255n));
  return ipaddr.fromByteArray(bytes).toString();
}

function bounds(r: Range): { first: bigint; last: bigint } {
  const hostBits = BigInt(WIDTH[r.family] - r.prefix);
  const size = 1n << hostBits;
  const first = (r.base >> hostBits) << hostBits;
  return { first, last: first + size - 1n };
}

const cidrText = (r: Range) => `${text(r.family, r.base)}/${r.prefix}`;

// Addresses come from a few crowded neighbourhoods (so ranges collide) or from anywhere.
const v4Value = fc.oneof(
  fc.bigInt({ min: 0n, max: top(4) }),
  fc
    .tuple(fc.constantFrom(0x0a00n, 0xc0a8n, 0xcb00n), fc.bigInt({ min: 0n, max: 0xffffn }))
    .map(([hi, lo]) => (hi << 16n) | lo),
  fc.constantFrom(0n, top(4)),
);
const v6Value = fc.oneof(
  fc.bigInt({ min: 0n, max: top(6) }),
  fc
    .tuple(
      fc.constantFrom(0x20010db8n, 0xfe800000n, 0n),
      fc.bigInt({ min: 0n, max: (1n << 96n) - 1n }),
    )
    .map(([hi, lo]) => (hi << 96n) | lo),
  fc.bigInt({ min: 0n, max: 0xffffffffn }).map((v4) => (0xffffn << 32n) | v4), // ::ffff:a.b.c.d
  fc.constantFrom(0n, top(6)),
);
const seedRange: fc.Arbitrary<Range> = fc.oneof(
  fc.record({
    family: fc.constant<Family>(4),
    base: v4Value,
    prefix: fc.integer({ min: 0, max: 32 }),
  }),
  fc.record({
    family: fc.constant<Family>(4),
    base: v4Value,
    prefix: fc.integer({ min: 16, max: 32 }),
  }),
  fc.record({
    family: fc.constant<Family>(6),
    base: v6Value,
    prefix: fc.integer({ min: 0, max: 128 }),
  }),
  fc.record({
    family: fc.constant<Family>(6),
    base: v6Value,
    prefix: fc.integer({ min: 32, max: 128 }),
  }),
);

type Relation = 'inside' | 'next' | 'prev' | 'parent';
/** A range related to `r`: nested in it, the block right after or before it, or around it. */
function derive(r: Range, how: Relation, step: number, noise: bigint): Range | null {
  const { first, last } = bounds(r);
  const w = WIDTH[r.family];
  if (how === 'inside') {
    const prefix = Math.min(w, r.prefix + step);
    return { ...r, prefix, base: first + (noise % (last - first + 1n)) };
  }
  if (how === 'parent') return { ...r, prefix: Math.max(0, r.prefix - step) };
  if (how === 'next') return last === top(r.family) ? null : { ...r, base: last + 1n };
  return first === 0n ? null : { ...r, base: first - 1n };
}

const rangeList: fc.Arbitrary<Range[]> = fc
  .array(seedRange, { minLength: 0, maxLength: 10 })
  .chain((seeds) =>
    fc
      .array(
        fc.tuple(
          fc.nat(Math.max(0, seeds.length - 1)),
          fc.constantFrom<Relation>('inside', 'next', 'prev', 'parent'),
          fc.integer({ min: 1, max: 12 }),
          fc.bigInt({ min: 0n, max: top(6) }),
        ),
        { maxLength: seeds.length === 0 ? 0 : 10 },
      )
      .map((ops) => [
        ...seeds,
        ...ops.flatMap(([i, how, step, noise]) => {
          const d = derive(seeds[i] as Range, how, step, noise);
          return d ? [d] : [];
        }),
      ]),
  );

/** Each range's edges and the addresses just outside them, plus random addresses. */
function probes(ranges: Range[], extra: [Family, bigint][]): [Family, bigint][] {
  const out: [Family, bigint][] = [...extra];
  for (const r of ranges) {
    const { first, last } = bounds(r);
    out.push([r.family, first], [r.family, last], [r.family, r.base]);
    if (first > 0n) out.push([r.family, first - 1n]);
    if (last < top(r.family)) out.push([r.family, last + 1n]);
    // The same IPv4 address written as IPv4-mapped IPv6 must NOT match an IPv4 range here.
    if (r.family === 4) out.push([6, (0xffffn << 32n) | first]);
  }
  return out;
}

/** The oracle: ipaddr.js, one range at a time. */
function ipaddrMatchesAny(addrText: string, rangeTexts: string[]): boolean {
  const addr = ipaddr.parse(addrText);
  return rangeTexts.some((r) => {
    const cidr = ipaddr.parseCIDR(r);
    return cidr[0].kind() === addr.kind() && addr.match(cidr);
  });
}

const randomProbes = fc.array(
  fc.oneof(
    v4Value.map((v): [Family, bigint] => [4, v]),
    v6Value.map((v): [Family, bigint] => [6, v]),
  ),
  { maxLength: 20 },
);

describe('compileRanges agrees with ipaddr.js', () => {
  it('for random, overlapping and adjacent IPv4 and IPv6 ranges, probed at their edges', () => {
    fc.assert(
      fc.property(rangeList, randomProbes, (ranges, extra) => {
        const rangeTexts = ranges.map(cidrText);
        const set = compileRanges(rangeTexts);
        const checked = compileRangesChecked(rangeTexts);
        expect(checked.ok).toBe(true);
        if (!checked.ok) return;
        expect(set.size).toBeLessThanOrEqual(ranges.length);
        for (const [family, value] of probes(ranges, extra)) {
          const addrText = text(family, value);
          const parsed = parseIp(addrText);
          expect(parsed.ok).toBe(true);
          if (!parsed.ok) return;
          const expected = ipaddrMatchesAny(addrText, rangeTexts);
          expect(set.contains(parsed.value), addrText).toBe(expected);
          expect(set.containsText(addrText), addrText).toBe(expected);
          expect(checked.value.contains(parsed.value), addrText).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('whether the ranges come as text or as parsed Cidr values', () => {
    fc.assert(
      fc.property(rangeList, randomProbes, (ranges, extra) => {
        const texts = ranges.map(cidrText);
        const cidrs = texts.map((t) => {
          const c = parseCidr(t);
          if (!c.ok) throw new Error(c.error);
          return c.value;
        });
        const fromText = compileRanges(texts);
        const fromCidr = compileRanges(cidrs);
        expect(fromCidr.size).toBe(fromText.size);
        for (const [family, value] of probes(ranges, extra)) {
          const t = text(family, value);
          expect(fromCidr.containsText(t), t).toBe(fromText.containsText(t));
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('compileRanges examples', () => {
  it.each([
    // ranges, merged interval count
    [[], 0],
    [['203.0.113.0/25', '203.0.113.128/25'], 1], // adjacent halves
    [['203.0.113.0/24', '203.0.113.7/32'], 1], // nested
    [['203.0.113.0/24', '203.0.115.0/24'], 2], // a gap between
    [['203.0.113.0/24', '203.0.114.0/24', '203.0.115.0/24'], 1], // a chain
    [['0.0.0.0/1', '128.0.0.0/1'], 1],
    [['255.255.255.255/32', '255.255.255.254/32'], 1],
    [['0.0.0.0/0', '::/0'], 2], // families never merge
    [['2001:db8::/33', '2001:db8:8000::/33'], 1],
    [['::ffff:0:0/96', '0.0.0.0/0'], 2],
    [['::/1', '8000::/1', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128'], 1],
  ])('%j → %d interval(s)', (ranges, size) => {
    expect(compileRanges(ranges).size).toBe(size);
  });

  it.each([
    ['203.0.113.7', true],
    [' 203.0.113.7 ', true],
    ['203.0.114.0', false],
    ['::ffff:203.0.113.7', false], // IPv4-mapped is IPv6 here; mapping is the caller's job (R9)
    ['2001:db8:10:ffff::1', true],
    ['2001:db8:11::', false],
    ['203.0.113.07', false], // invalid text is never "inside"
    ['', false],
    ['203.0.113.0/24', false],
  ])('containsText(%j) is %s', (ip, expected) => {
    const set = compileRanges(['203.0.113.0/24', '2001:db8:10::/48']);
    expect(set.containsText(ip)).toBe(expected);
  });

  it('reports the first invalid range instead of skipping it', () => {
    expect(compileRangesChecked(['203.0.113.0/24', '10.0.0.0/33', 'nope'])).toEqual({
      ok: false,
      error:
        '"10.0.0.0/33" is not a valid CIDR range: the prefix /33 is out of range; IPv4 allows /0–/32',
    });
  });

  it('throws on unvalidated input given to compileRanges (a programming error)', () => {
    expect(() => compileRanges(['203.0.113.0/24', '010.0.0.0/8'])).toThrow(/"010\.0\.0\.0\/8"/);
  });
});
