import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNamedLocations } from '../../src/model/graph/graphLocations';

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/graph/namedLocations.json', import.meta.url), 'utf8'),
);

const V4 = '#microsoft.graph.iPv4CidrRange';
const V6 = '#microsoft.graph.iPv6CidrRange';
const IP = '#microsoft.graph.ipNamedLocation';
const COUNTRY = '#microsoft.graph.countryNamedLocation';
const v4 = (cidrAddress: string) => ({ '@odata.type': V4, cidrAddress });
const v6 = (cidrAddress: string) => ({ '@odata.type': V6, cidrAddress });
const ipLoc = (id: string, ...ipRanges: unknown[]) => ({
  '@odata.type': IP,
  id,
  displayName: `Loc ${id}`,
  isTrusted: false,
  ipRanges,
});

describe('parseNamedLocations on the shared fixture', () => {
  const r = parseNamedLocations(fixture);
  it('imports every location, normalising the range with host bits', () => {
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((l) => [l.displayName, l.kind, l.isTrusted])).toEqual([
      ['HQ Amsterdam', 'ip', true],
      ['VPN egress (GlobalProtect)', 'ip', true],
      ['Branch office Lisbon', 'ip', false],
      ['Self-hosted build agents', 'ip', true],
      ['Sanctioned countries', 'country', false],
    ]);
    expect(r.value[0]!.ipRanges).toEqual(['203.0.113.0/25', '2001:db8:10::/48']);
    expect(r.value[1]!.ipRanges).toEqual(['198.51.100.16/28', '2001:db8:20::/48']);
    expect(r.value[4]).toMatchObject({
      ipRanges: [],
      countries: ['KP', 'IR', 'SY', 'CU'],
      includeUnknownCountriesAndRegions: false,
    });
  });
  it('warns only about the host bits', () => {
    expect(r.warnings).toEqual([
      'value[1].ipRanges[0].cidrAddress: "198.51.100.20/28" has host bits set; imported as 198.51.100.16/28',
    ]);
  });
});

describe('parseNamedLocations accepts', () => {
  it.each<[string, unknown, string[]]>([
    ['a bare array', [ipLoc('a', v4('192.0.2.0/24'))], ['192.0.2.0/24']],
    [
      'extra @odata fields and unknown fields',
      {
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#…',
        '@odata.nextLink': 'https://graph.microsoft.com/v1.0/…?$skiptoken=x',
        value: [{ ...ipLoc('a', { ...v4('192.0.2.0/24'), extra: 1 }), futureField: { x: 1 } }],
      },
      ['192.0.2.0/24'],
    ],
    [
      'JSON text with a BOM',
      '\uFEFF' + JSON.stringify([ipLoc('a', v6('2001:DB8::/32'))]),
      ['2001:db8::/32'],
    ],
    [
      'a location without @odata.type (inferred from ipRanges)',
      [{ id: 'a', displayName: 'A', ipRanges: [{ cidrAddress: '198.51.100.0/24' }] }],
      ['198.51.100.0/24'],
    ],
  ])('%s', (_name, json, ranges) => {
    const r = parseNamedLocations(json);
    expect(r).toMatchObject({ ok: true, warnings: [] });
    if (r.ok) expect(r.value[0]!.ipRanges).toEqual(ranges);
  });

  it('infers a country location without @odata.type and upper-cases codes', () => {
    const r = parseNamedLocations([
      {
        id: 'c',
        displayName: 'C',
        countriesAndRegions: ['nl'],
        includeUnknownCountriesAndRegions: true,
      },
    ]);
    expect(r.ok && r.value[0]).toEqual({
      id: 'c',
      displayName: 'C',
      kind: 'country',
      isTrusted: false,
      ipRanges: [],
      countries: ['NL'],
      includeUnknownCountriesAndRegions: true,
      countryLookupMethod: 'clientIpAddress',
    });
  });

  it('accepts an empty list', () => {
    expect(parseNamedLocations({ value: [] })).toEqual({ ok: true, value: [], warnings: [] });
  });
});

describe('parseNamedLocations warns but imports', () => {
  it.each<[string, unknown, RegExp]>([
    [
      'host bits set',
      [ipLoc('a', v4('203.0.113.77/24'))],
      /^\[0\]\.ipRanges\[0\]\.cidrAddress: "203.0.113.77\/24" has host bits set; imported as 203.0.113.0\/24/,
    ],
    [
      'IPv6 text in an iPv4CidrRange',
      [ipLoc('a', v4('2001:db8::/48'))],
      /IPv6 range in an iPv4CidrRange/,
    ],
    [
      'IPv4 text in an iPv6CidrRange',
      [ipLoc('a', v6('192.0.2.0/24'))],
      /IPv4 range in an iPv6CidrRange/,
    ],
    [
      'a missing displayName',
      [{ '@odata.type': IP, id: 'x1', ipRanges: [] }],
      /^\[0\]\.displayName: missing; using the id "x1"/,
    ],
    ['an empty ipRanges', [ipLoc('a')], /ipRanges: empty/],
    [
      'a GPS country lookup',
      [
        {
          '@odata.type': COUNTRY,
          id: 'c',
          displayName: 'C',
          countriesAndRegions: ['NL'],
          countryLookupMethod: 'authenticatorAppGps',
        },
      ],
      /GPS/,
    ],
  ])('%s', (_name, json, warning) => {
    const r = parseNamedLocations(json);
    expect(r.ok).toBe(true);
    expect(r.warnings.some((w) => warning.test(w))).toBe(true);
  });

  it('does not warn about an IPv4 /9, the widest range Entra accepts', () => {
    const r = parseNamedLocations([ipLoc('a', v4('11.0.0.0/9'), v6('2000::/8'))]);
    expect(r.ok && r.value[0]!.ipRanges).toEqual(['11.0.0.0/9', '2000::/8']);
    expect(r.warnings).toEqual([]);
  });

  it('skips a named location of an unknown kind with a warning', () => {
    const r = parseNamedLocations({
      value: [{ '@odata.type': '#microsoft.graph.futureNamedLocation', id: 'g' }, ipLoc('a')],
    });
    expect(r.ok && r.value.map((l) => l.id)).toEqual(['a']);
    expect(r.warnings[0]).toMatch(/^value\[0\]: skipped "#microsoft.graph.futureNamedLocation"/);
  });
});

describe('parseNamedLocations refuses', () => {
  it.each<[string, unknown, RegExp]>([
    ['null', null, /expected Graph output .* got null/],
    ['undefined', undefined, /expected Graph output .* got nothing/],
    ['a number', 3, /got a number/],
    [
      'an object that is no location and has no value',
      { locations: [] },
      /^named locations: expected .* or one named location, got an object without @odata.type, id, .* \(it has "locations"\)$/,
    ],
    ['a "value" that is not an array', { value: {} }, /"value" that is not an array/],
    [
      'an IPv4 /8 (R17)',
      [ipLoc('a', v4('10.0.0.0/8'))],
      /^\[0\]\.ipRanges\[0\]\.cidrAddress: "10.0.0.0\/8" is refused: Entra accepts IPv4 ranges only with a mask longer than \/8 \(R17; \/8 spans 10.0.0.0 to 10.255.255.255\)$/,
    ],
    ['an IPv4 /0 (R17)', [ipLoc('a', v4('0.0.0.0/0'))], /mask longer than \/8/],
    [
      'an IPv4 /8 typed with host bits',
      [ipLoc('a', v4('203.9.9.9/8'))],
      /"203.0.0.0\/8" is refused/,
    ],
    ['broken JSON text', '{"value": [', /not valid JSON/],
    ['a non-object item', { value: [42] }, /^value\[0\]: expected a named location object, got 42/],
    ['a missing id', { value: [{ '@odata.type': IP, ipRanges: [] }] }, /^value\[0\]\.id: missing/],
    ['an empty id', [{ ...ipLoc(''), id: ' ' }], /^\[0\]\.id: empty/],
    ['a numeric id', [{ ...ipLoc('a'), id: 7 }], /^\[0\]\.id: expected a string, got 7/],
    [
      'missing ipRanges',
      { value: [ipLoc('a'), ipLoc('b'), { '@odata.type': IP, id: 'c', displayName: 'C' }] },
      /^value\[2\]\.ipRanges: missing$/,
    ],
    [
      'ipRanges not an array',
      [{ ...ipLoc('a'), ipRanges: '192.0.2.0/24' }],
      /^\[0\]\.ipRanges: expected an array/,
    ],
    [
      'a missing cidrAddress',
      { value: [ipLoc('a'), ipLoc('b'), ipLoc('c', { '@odata.type': V4 })] },
      /^value\[2\]\.ipRanges\[0\]\.cidrAddress: missing$/,
    ],
    [
      'an invalid CIDR, naming path and value',
      {
        value: [
          ipLoc(
            'a',
            v4('192.0.2.0/24'),
            v4('198.51.100.0/24'),
            v4('203.0.113.0/24'),
            v4('10.0.0.0/33'),
          ),
        ],
      },
      /^value\[0\]\.ipRanges\[3\]\.cidrAddress: "10\.0\.0\.0\/33" is not a valid CIDR range/,
    ],
    ['a bare address', [ipLoc('a', v4('192.0.2.1'))], /"192\.0\.2\.1".*prefix length is missing/],
    [
      'a non-boolean isTrusted',
      [{ ...ipLoc('a'), isTrusted: 'yes' }],
      /^\[0\]\.isTrusted: expected true or false, got "yes"/,
    ],
    [
      'no kind at all',
      [{ id: 'a', displayName: 'A' }],
      /^\[0\]: no @odata.type, ipRanges or countriesAndRegions/,
    ],
    [
      'missing countries',
      [{ '@odata.type': COUNTRY, id: 'c', displayName: 'C' }],
      /^\[0\]\.countriesAndRegions: missing/,
    ],
    [
      'a bad country code',
      [
        {
          '@odata.type': COUNTRY,
          id: 'c',
          displayName: 'C',
          countriesAndRegions: ['NL', 'Netherlands'],
        },
      ],
      /^\[0\]\.countriesAndRegions\[1\]: "Netherlands" is not a two-letter code/,
    ],
    [
      'duplicate ids',
      { value: [ipLoc('a'), ipLoc('b'), ipLoc('a')] },
      /^value\[2\]\.id: "a" duplicates the id of value\[0\]/,
    ],
  ])('%s', (_name, json, error) => {
    const r = parseNamedLocations(json);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });

  it('counts further errors after the first', () => {
    const r = parseNamedLocations([ipLoc('a', v4('x'), v4('y'), v4('z'))]);
    expect(!r.ok && r.error).toMatch(
      /^\[0\]\.ipRanges\[0\]\.cidrAddress: "x" .*\(and 2 more errors\)$/,
    );
  });
});
