// Strict IP and CIDR parsing: what is accepted, how it is normalised, and that every refusal
// names the offending value and says why.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import {
  entraRangeProblem,
  ipv4FromMapped,
  parseCidr,
  parseIp,
  type ParsedIp,
} from '../../src/model/ip/ip';
import { scanIpv6 } from '../../src/model/ip/ipScan';
import { parseIpv6Text, readIpv6Text } from '../../src/model/ip/ipText';

function ok<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(`expected ok, got: ${r.error}`);
  return r.value;
}

function words(ip: ParsedIp): [number, number, number, number] {
  return [ip.hi, ip.w1, ip.w2, ip.lo];
}

describe('parseIp accepts', () => {
  it.each([
    // input, family, normalised text, numeric words
    ['0.0.0.0', 4, '0.0.0.0', [0, 0, 0, 0]],
    ['203.0.113.7', 4, '203.0.113.7', [0xcb007107, 0, 0, 0]],
    ['255.255.255.255', 4, '255.255.255.255', [0xffffffff, 0, 0, 0]],
    ['  10.1.2.3\t', 4, '10.1.2.3', [0x0a010203, 0, 0, 0]],
    ['::', 6, '::', [0, 0, 0, 0]],
    ['::1', 6, '::1', [0, 0, 0, 1]],
    ['2001:db8::7', 6, '2001:db8::7', [0x20010db8, 0, 0, 7]],
    ['2001:DB8::A', 6, '2001:db8::a', [0x20010db8, 0, 0, 10]],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', 6, '2001:db8::1', [0x20010db8, 0, 0, 1]],
    ['2001:db8:0:0:1:0:0:1', 6, '2001:db8::1:0:0:1', [0x20010db8, 0, 0x10000, 1]],
    ['1:2:3:4:5:6:7::', 6, '1:2:3:4:5:6:7:0', [0x10002, 0x30004, 0x50006, 0x70000]],
    ['1:0:2:3:4:5:6:7', 6, '1:0:2:3:4:5:6:7', [0x10000, 0x20003, 0x40005, 0x60007]],
    [
      'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
      6,
      'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
      [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff],
    ],
    ['::ffff:1.2.3.4', 6, '::ffff:1.2.3.4', [0, 0, 0xffff, 0x01020304]],
    ['::FFFF:0102:0304', 6, '::ffff:1.2.3.4', [0, 0, 0xffff, 0x01020304]],
    ['0:0:0:0:0:ffff:203.0.113.7', 6, '::ffff:203.0.113.7', [0, 0, 0xffff, 0xcb007107]],
    ['64:ff9b::192.0.2.33', 6, '64:ff9b::c000:221', [0x0064ff9b, 0, 0, 0xc0000221]],
    // RFC 4291 reading (deprecated IPv4-compatible), not ipaddr.js's "::ffff:1.2.3.4".
    ['::1.2.3.4', 6, '::102:304', [0, 0, 0, 0x01020304]],
  ] as const)('%j → IPv%d %s', (input, family, text, expected) => {
    const ip = ok(parseIp(input));
    expect(ip.family).toBe(family);
    expect(ip.text).toBe(text);
    expect(words(ip)).toEqual(expected);
  });

  it.each(['2001:db8::7', '2001:db8:0:1:0:0:0:1', 'fe80::1:2', '1::', '::ffff:10.0.0.1'])(
    'normalises %s to the same value ipaddr.js reads',
    (input) => {
      const ip = ok(parseIp(input));
      const theirs = ipaddr.parse(input) as ipaddr.IPv6;
      const ours = ipaddr.parse(ip.text) as ipaddr.IPv6;
      expect(ours.toNormalizedString()).toBe(theirs.toNormalizedString());
    },
  );
});

describe('parseIp refuses, naming the value', () => {
  it.each([
    ['010.0.0.1', 'leading zeros are not allowed'],
    ['1.2.3.04', 'leading zeros are not allowed'],
    ['00.0.0.0', 'leading zeros are not allowed'],
    ['0x7f.0.0.1', 'hexadecimal'],
    ['0X7F000001', 'hexadecimal'],
    ['1.2.3', 'four decimal parts'],
    ['127.1', 'four decimal parts'],
    ['3232235777', 'four decimal parts'],
    ['1.2.3.4.5', 'four decimal parts'],
    ['1.2.3.4.', 'four decimal parts'],
    ['1..3.4', 'empty'],
    ['256.0.0.1', '256 is greater than 255'],
    ['1.2.3.1000', '1000 is greater than 255'],
    ['1.2.3.-4', 'expected an IPv4 address'],
    ['1.2.3.4:443', 'remove the port'],
    ['[2001:db8::1]:443', 'square brackets'],
    ['2001:db8::1]', 'not hexadecimal'],
    ['fe80::1%eth0', 'zone ids'],
    ['fe80::1%1', 'zone ids'],
    ['[::1]', 'square brackets'],
    ['', 'it is empty'],
    ['   ', 'it is empty'],
    ['203.0.113.0/24', 'a single address is expected'],
    ['2001:db8::/32', 'a single address is expected'],
    ['hello', 'expected an IPv4 address'],
    ['1 .2.3.4', 'expected an IPv4 address'],
    ['12345::1', 'more than 4 hex digits'],
    ['g::1', 'not hexadecimal'],
    ['1:::2', 'only one "::"'],
    ['1::2::3', 'only one "::"'],
    [':1:2:3:4:5:6:7', 'empty'],
    ['1:2:3:4:5:6:7:', 'empty'],
    ['1:2:3:4:5:6:7', 'eight groups'],
    ['1:2:3:4:5:6:7:8:9', 'eight groups'],
    ['1::2:3:4:5:6:7:8', 'at most seven'],
    ['::ffff:010.0.0.1', 'embedded IPv4 part: leading zeros'],
    ['::ffff:1.2.3', 'embedded IPv4 part: an IPv4 address has exactly four'],
    ['::1.2.3.4:5', 'may only be the last 32 bits'],
    ['1:2:3:4:5:6:7:1.2.3.4', 'eight groups'],
  ])('%j: %s', (input, reason) => {
    const r = parseIp(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain(`${JSON.stringify(input)} is not a valid IP address: `);
    expect(r.error).toContain(reason);
  });

  it('says exactly what is wrong with a leading zero', () => {
    expect(parseIp('010.0.0.1')).toEqual({
      ok: false,
      error: '"010.0.0.1" is not a valid IP address: leading zeros are not allowed',
    });
  });

  it('cuts a very long value short in the message', () => {
    const r = parseIp('1'.repeat(500));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.length).toBeLessThan(150);
  });
});

describe('parseCidr accepts and normalises', () => {
  it.each([
    // input, family, prefix, cidr, hostBitsSet, first, last
    ['203.0.113.0/24', 4, 24, '203.0.113.0/24', false, '203.0.113.0', '203.0.113.255'],
    ['203.0.113.7/24', 4, 24, '203.0.113.0/24', true, '203.0.113.0', '203.0.113.255'],
    ['12.34.221.11/22', 4, 22, '12.34.220.0/22', true, '12.34.220.0', '12.34.223.255'],
    [' 10.0.0.0/8 ', 4, 8, '10.0.0.0/8', false, '10.0.0.0', '10.255.255.255'],
    ['0.0.0.0/0', 4, 0, '0.0.0.0/0', false, '0.0.0.0', '255.255.255.255'],
    ['255.255.255.255/0', 4, 0, '0.0.0.0/0', true, '0.0.0.0', '255.255.255.255'],
    ['128.0.0.0/1', 4, 1, '128.0.0.0/1', false, '128.0.0.0', '255.255.255.255'],
    ['1.2.3.4/31', 4, 31, '1.2.3.4/31', false, '1.2.3.4', '1.2.3.5'],
    ['1.2.3.5/31', 4, 31, '1.2.3.4/31', true, '1.2.3.4', '1.2.3.5'],
    ['1.2.3.4/32', 4, 32, '1.2.3.4/32', false, '1.2.3.4', '1.2.3.4'],
    ['::/0', 6, 0, '::/0', false, '::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
    [
      '2001:db8:10::/48',
      6,
      48,
      '2001:db8:10::/48',
      false,
      '2001:db8:10::',
      '2001:db8:10:ffff:ffff:ffff:ffff:ffff',
    ],
    [
      '2001:DB8:10::1/48',
      6,
      48,
      '2001:db8:10::/48',
      true,
      '2001:db8:10::',
      '2001:db8:10:ffff:ffff:ffff:ffff:ffff',
    ],
    [
      '2001:db8::/32',
      6,
      32,
      '2001:db8::/32',
      false,
      '2001:db8::',
      '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff',
    ],
    [
      '2001:db8::8000:0/97',
      6,
      97,
      '2001:db8::8000:0/97',
      false,
      '2001:db8::8000:0',
      '2001:db8::ffff:ffff',
    ],
    ['2001:db8::1/127', 6, 127, '2001:db8::/127', true, '2001:db8::', '2001:db8::1'],
    ['::1/128', 6, 128, '::1/128', false, '::1', '::1'],
    [
      '::ffff:203.0.113.9/120',
      6,
      120,
      '::ffff:203.0.113.0/120',
      true,
      '::ffff:203.0.113.0',
      '::ffff:203.0.113.255',
    ],
  ] as const)('%j → %s', (input, family, prefix, cidr, hostBitsSet, first, last) => {
    const c = ok(parseCidr(input));
    expect(c).toMatchObject({ family, prefix, cidr, hostBitsSet });
    expect(c.first.text).toBe(first);
    expect(c.last.text).toBe(last);
    expect(c.first.family).toBe(family);
  });

  it('agrees with ipaddr.js on the network address', () => {
    for (const input of ['12.34.221.11/22', '2001:db8:10::1/48', '::1/0', '9.9.9.9/13']) {
      const c = ok(parseCidr(input));
      const network = ipaddr.parse(c.first.text);
      const [, prefix] = ipaddr.parseCIDR(input);
      const theirs = input.includes(':')
        ? ipaddr.IPv6.networkAddressFromCIDR(input)
        : ipaddr.IPv4.networkAddressFromCIDR(input);
      expect(network.toNormalizedString()).toBe(theirs.toNormalizedString());
      expect(c.prefix).toBe(prefix);
    }
  });
});

describe('parseCidr refuses, naming the value', () => {
  it.each([
    ['10.0.0.0/33', 'the prefix /33 is out of range; IPv4 allows /0–/32'],
    ['2001:db8::/129', 'the prefix /129 is out of range; IPv6 allows /0–/128'],
    ['10.0.0.0/99999999999999999999', 'out of range'],
    ['10.0.0.0/08', 'leading zeros are not allowed in the prefix'],
    ['10.0.0.0/00', 'leading zeros are not allowed in the prefix'],
    ['10.0.0.0/', 'prefix length after "/" is missing'],
    ['10.0.0.0/x', 'not a decimal number'],
    ['10.0.0.0/+8', 'not a decimal number'],
    ['10.0.0.0/-1', 'not a decimal number'],
    ['10.0.0.0/ 8', 'not a decimal number'],
    ['10.0.0.0/0x10', 'not a decimal number'],
    ['10.0.0.0/8/9', 'only one "/"'],
    ['203.0.113.7', 'write "203.0.113.7/32"'],
    ['2001:db8::7', 'write "2001:db8::7/128"'],
    ['010.0.0.0/8', 'leading zeros are not allowed'],
    ['0x0a.0.0.0/8', 'hexadecimal'],
    ['10.0/16', 'four decimal parts'],
    ['10/8', 'four decimal parts'],
    ['fe80::%eth0/64', 'zone ids'],
    ['/24', 'it is empty'],
    ['', 'it is empty'],
    ['   ', 'it is empty'],
    ['anything', 'expected an address and a prefix length'],
  ])('%j: %s', (input, reason) => {
    const r = parseCidr(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain(`${JSON.stringify(input)} is not a valid CIDR range: `);
    expect(r.error).toContain(reason);
  });
});

describe('ipv4FromMapped', () => {
  it.each([
    ['::ffff:1.2.3.4', '1.2.3.4'],
    ['::ffff:0:0', '0.0.0.0'],
    ['::FFFF:FFFF:FFFF', '255.255.255.255'],
    ['0:0:0:0:0:ffff:cb00:7107', '203.0.113.7'],
    ['::1.2.3.4', null],
    ['::fffe:1.2.3.4', null],
    ['1::ffff:1.2.3.4', null],
    ['64:ff9b::1.2.3.4', null],
    ['1.2.3.4', null],
  ])('%s → %s', (input, expected) => {
    const v4 = ipv4FromMapped(ok(parseIp(input)));
    expect(v4?.text ?? null).toBe(expected);
    if (v4) expect(v4).toEqual(ok(parseIp(expected as string)));
  });
});

describe('entraRangeProblem (R17: IPv4 masks must be longer than /8)', () => {
  it.each([
    ['0.0.0.0/0', true],
    ['10.0.0.0/8', true],
    ['10.0.0.0/9', false],
    ['203.0.113.0/24', false],
    ['::/0', false],
    ['2001:db8::/8', false],
  ])('%s refused: %s', (input, refused) => {
    const problem = entraRangeProblem(ok(parseCidr(input)));
    expect(problem !== null).toBe(refused);
    if (problem) expect(problem).toContain(`"${input}"`);
  });
});

describe('parseIp reads what ipaddr.js prints', () => {
  // Zero-heavy bytes so that "::" compression, and its tie-breaking, get exercised.
  const byte = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, fc.nat(255));
  const address = fc.oneof(
    fc.array(byte, { minLength: 4, maxLength: 4 }),
    fc.array(byte, { minLength: 16, maxLength: 16 }),
    fc
      .array(fc.nat(255), { minLength: 4, maxLength: 4 })
      .map((v4) => [...Array(10).fill(0), 255, 255, ...v4]),
  );

  it('in every notation, to the same value, normalised as RFC 5952', () => {
    fc.assert(
      fc.property(address, (bytes) => {
        const addr = ipaddr.fromByteArray(bytes);
        const forms = [addr.toString()];
        if (addr instanceof ipaddr.IPv6) {
          const fixed = addr.parts.map((p) => p.toString(16).padStart(4, '0')).join(':');
          forms.push(addr.toNormalizedString(), fixed, fixed.toUpperCase());
        }
        const expectedText =
          addr instanceof ipaddr.IPv6 && addr.isIPv4MappedAddress()
            ? `::ffff:${addr.toIPv4Address().toString()}`
            : addr.toString();
        for (const form of forms) {
          const ip = ok(parseIp(form));
          expect(ip.family, form).toBe(bytes.length === 4 ? 4 : 6);
          expect(ip.text, form).toBe(expectedText);
          const back = words(ip).slice(0, bytes.length / 4);
          const got = back.flatMap((w) => [w >>> 24, (w >>> 16) & 255, (w >>> 8) & 255, w & 255]);
          expect(got, form).toEqual(bytes);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseIp on IPv4-ish noise', () => {
  // A reference for the strict IPv4 grammar, written the slow, obvious way.
  const strictV4 = (s: string) =>
    /^(0|[1-9][0-9]{0,2})(\.(0|[1-9][0-9]{0,2})){3}$/.test(s) &&
    s.split('.').every((p) => Number(p) <= 255);
  const noise = fc.string({ unit: fc.constantFrom('0', '1', '2', '5', '9', '.'), maxLength: 16 });

  it('accepts exactly the canonical dotted quads', () => {
    fc.assert(
      fc.property(noise, (s) => {
        const r = parseIp(s);
        expect(r.ok, s).toBe(strictV4(s));
        if (r.ok) expect(r.value.text).toBe(s);
        else expect(r.error).toContain(JSON.stringify(s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('scanIpv6, the one-pass reading of the common IPv6 forms', () => {
  // Noise over the characters an IPv6 text is made of, and real addresses in every notation
  // ipaddr.js prints (compressed, full, upper case), some with a group dropped or doubled.
  const noise = fc.string({
    unit: fc.constantFrom('0', '1', 'a', 'F', 'f', ':', ':', ':', '.', 'g', ' '),
    maxLength: 44,
  });
  const group = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, fc.nat(0xffff));
  const real = fc.array(group, { minLength: 8, maxLength: 8 }).chain((parts) => {
    const addr = new ipaddr.IPv6(parts);
    const full = parts.map((p) => p.toString(16)).join(':');
    return fc.constantFrom(
      addr.toString(),
      addr.toNormalizedString(),
      full.toUpperCase(),
      full.replace(/:[0-9a-f]+$/, ''),
      `${full}:1`,
      addr.toString().replace('::', ':::'),
    );
  });

  it('gives exactly the full reading for every text it takes, and takes every plain address', () => {
    fc.assert(
      fc.property(fc.oneof(noise, real), (s) => {
        const fast = scanIpv6(s);
        const full = readIpv6Text(s);
        if (fast !== undefined) expect(fast, s).toEqual(full);
        else if (typeof full !== 'string') expect(/^[0-9a-f:]*$/i.test(s), s).toBe(false);
        expect(parseIpv6Text(s), s).toEqual(full);
      }),
      { numRuns: 20_000 },
    );
  });
});
