// Real exports as they are: the shared text decoder, one object per file, folders of files,
// [] and null as "not set", compliant-network locations, template ids and R23's AllTrusted note.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/model/graph/decodeText';
import {
  importLocationFiles,
  importPolicyFiles,
  type SourceFile,
} from '../../src/model/graph/graphFiles';
import { crossCheck, parsePolicies, slugOf } from '../../src/model/graph/graphPolicies';
import { parseNamedLocations } from '../../src/model/graph/graphLocations';

const REAL = new URL('../fixtures/graph-real/', import.meta.url);
const file = (name: string): SourceFile => ({
  name,
  bytes: new Uint8Array(readFileSync(new URL(name, REAL))),
});
const folder = (name: string) =>
  readdirSync(new URL(`${name}/`, REAL))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => file(`${name}/${f}`));

const bytes = (...b: number[]) => new Uint8Array(b);
const utf16le = (t: string) => new Uint8Array(Buffer.from(t, 'utf16le'));
const utf16be = (t: string) => utf16le(t).map((_, i, a) => a[i ^ 1]!);

describe('decodeText', () => {
  it.each<[string, Uint8Array, string, string]>([
    ['UTF-8', new TextEncoder().encode('{"a":"é"}'), 'UTF-8', '{"a":"é"}'],
    ['UTF-8 with BOM', bytes(0xef, 0xbb, 0xbf, 0x7b, 0x7d), 'UTF-8 with BOM', '{}'],
    [
      'UTF-16 LE with BOM',
      bytes(0xff, 0xfe, ...utf16le('{"a":"é"}\r\n')),
      'UTF-16 LE',
      '{"a":"é"}\r\n',
    ],
    ['UTF-16 BE with BOM', bytes(0xfe, 0xff, ...utf16be('[1]')), 'UTF-16 BE', '[1]'],
    ['empty', bytes(), 'UTF-8', ''],
  ])('%s', (_n, input, encoding, text) => {
    expect(decodeText(input)).toEqual({ ok: true, value: { text, encoding } });
  });

  it.each<[string, Uint8Array, RegExp]>([
    [
      'UTF-16 LE without a BOM',
      utf16le('{"value": []}'),
      /^looks like UTF-16 LE text without a byte order mark; save it as UTF-8/,
    ],
    ['UTF-16 BE without a BOM', utf16be('{"value": []}'), /^looks like UTF-16 BE text without/],
    ['UTF-32 LE', bytes(0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0), /^UTF-32 text is not supported/],
    [
      'a PNG',
      bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d),
      /^a binary file, not text$/,
    ],
    [
      'UTF-16 cut short',
      bytes(0xff, 0xfe, 0x7b, 0x00, 0x7d),
      /^UTF-16 LE text with an odd number of bytes/,
    ],
    [
      'a lone surrogate in UTF-16',
      bytes(0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00),
      /^not valid UTF-16 LE text/,
    ],
  ])('refuses %s', (_n, input, error) => {
    const r = decodeText(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });
});

describe('the real-export fixtures', () => {
  it.each([
    ['locations-powershell-utf16le.json', 'UTF-16 LE', '{\r\n    "@odata.context":  '],
    ['locations-utf16be.json', 'UTF-16 BE', '[\n  {\n'],
    ['compliant-network.json', 'UTF-8 with BOM', '{\n  "@odata.type"'],
    ['policies-backup/CA010.json', 'UTF-16 LE', '{\r\n    "id":  "c1e5'],
    ['template-no-id.json', 'UTF-8', '{\n    "displayName"'],
  ])('%s is %s, as its tool writes it', (name, encoding, start) => {
    const r = decodeText(file(name).bytes!);
    expect(r.ok && r.value.encoding).toBe(encoding);
    expect(r.ok && r.value.text.startsWith(start)).toBe(true);
  });

  it('a PowerShell page imports every kind, the compliant network with one warning', () => {
    const r = importLocationFiles([file('locations-powershell-utf16le.json')]);
    expect(r.ok && r.value.map((l) => [l.displayName, l.kind, l.ipRanges, l.countries])).toEqual([
      ['Contoso HQ (Oslo)', 'ip', ['203.0.113.0/24', '2001:db8:10::/48'], []],
      ['Contoso VPN egress', 'ip', ['198.51.100.0/25'], []],
      ['Nordics', 'country', [], ['NO', 'SE', 'DK']],
      ['All Compliant Network locations', 'compliantNetwork', [], []],
    ]);
    expect(r.ok && r.value[2]!.countryLookupMethod).toBe('clientIpAddress');
    expect(r.warnings).toEqual([
      'locations-powershell-utf16le.json: value[3]: "All Compliant Network locations" is a Global Secure Access compliant network: it is recognised by the traffic path, never by an IP address, so here it matches no request; policies that exclude it apply everywhere',
    ]);
  });

  it('a folder of one-object UTF-16 policy files imports in name order, with R23 once', () => {
    const r = importPolicyFiles(folder('policies-backup'));
    expect(r.ok && r.value.map((p) => [p.id.slice(0, 8), p.state, p.locations ?? null])).toEqual([
      ['c1e5a9d3', 'enabled', { includeLocations: ['All'], excludeLocations: ['AllTrusted'] }],
      [
        'e4b2c8f1',
        'enabledForReportingButNotEnforced',
        { includeLocations: ['All'], excludeLocations: ['3d46dbda-8382-466a-856d-eb00cbc6b910'] },
      ],
      ['b7d3f9a2', 'enabled', null],
    ]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(
      /^"CA010 - Azure DevOps: block access outside trusted locations" uses AllTrusted, which in Entra also covers the legacy MFA service's trusted IPs; no export contains those/,
    );
  });

  it('policies that exclude the compliant network are understood: no missing-location warning', () => {
    const l = importLocationFiles(folder('locations-backup'));
    const p = importPolicyFiles(folder('policies-backup'));
    expect(l.ok && p.ok && crossCheck(l.value, p.value)).toEqual([]);
  });

  it('a template with [] and null conditions and no id gets a slug id', () => {
    const r = importPolicyFiles([file('template-no-id.json')]);
    expect(r.ok && r.value[0]).toMatchObject({
      id: 'block-legacy-authentication-template',
      locations: undefined,
      clientAppTypes: ['exchangeActiveSync', 'other'],
      users: { includeUsers: ['All'], includeGroups: [] },
    });
    expect(r.warnings).toEqual([
      'template-no-id.json: id: missing (as in a template); using "block-legacy-authentication-template", made from the display name',
    ]);
  });

  it('a UTF-16 BE country location keeps its GPS lookup and says what it needs', () => {
    const r = importLocationFiles([file('locations-utf16be.json')]);
    expect(r.ok && r.value[0]).toMatchObject({
      kind: 'country',
      countryLookupMethod: 'authenticatorAppGps',
    });
    expect(r.warnings[0]).toMatch(
      /^locations-utf16be\.json: \[0\]: looks the country up from the Authenticator app's GPS/,
    );
  });
});

const ADO = '499b84ac-1321-427f-aa17-267ca6975798';
const policy = (extra: Record<string, unknown> = {}, conditions: Record<string, unknown> = {}) => ({
  id: 'p1',
  displayName: 'Block outside HQ',
  state: 'enabled',
  conditions: {
    users: { includeUsers: ['All'] },
    applications: { includeApplications: [ADO] },
    locations: { includeLocations: ['All'], excludeLocations: ['hq'] },
    ...conditions,
  },
  grantControls: { operator: 'OR', builtInControls: ['block'] },
  ...extra,
});

describe('[] and null mean "not set" for every condition block', () => {
  const blocks = [
    'users',
    'applications',
    'locations',
    'platforms',
    'devices',
    'clientApplications',
    'authenticationFlows',
    'times',
    'userRiskLevels',
    'signInRiskLevels',
    'insiderRiskLevels',
    'servicePrincipalRiskLevels',
  ];
  it.each(blocks.flatMap((b) => [[b, []] as const, [b, null] as const]))(
    'conditions.%s = %j imports as not set',
    (block, value) => {
      const r = parsePolicies(policy({}, { [block]: value }));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const p = r.value[0]!;
      expect(p.otherConditions).toEqual([]);
      if (block === 'locations') expect(p.locations).toBeUndefined();
      if (block === 'users') expect(p.users.includeUsers).toEqual([]);
    },
  );
  it.each([
    ['grantControls', { grantControls: [] }],
    ['sessionControls', { sessionControls: [] }],
    ['grantControls null', { grantControls: null }],
  ])('%s as [] or null is not set', (_n, extra) => {
    const r = parsePolicies(policy(extra));
    expect(r.ok).toBe(true);
  });
  it('a non-empty list where an object belongs is still refused, with its path', () => {
    const r = parsePolicies(policy({}, { locations: ['hq'] }));
    expect(!r.ok && r.error).toBe('conditions.locations: expected an object, got ["hq"]');
  });
});

describe('shapes: a Graph page, a bare array, or one object', () => {
  it.each([
    ['a page', { value: [policy()] }, 'value[0] ("Block outside HQ")'],
    ['a bare array', [policy()], '[0] ("Block outside HQ")'],
    ['one object', policy(), ''],
  ])('%s', (_n, json, path) => {
    expect(parsePolicies(json).ok).toBe(true);
    const bad = parsePolicies(
      Array.isArray(json)
        ? [policy({ state: 'on' })]
        : 'value' in json
          ? { value: [policy({ state: 'on' })] }
          : policy({ state: 'on' }),
    );
    const where = path ? `${path}.state` : 'state';
    expect(!bad.ok && bad.error).toBe(
      `${where}: "on" is not one of enabled, disabled, enabledForReportingButNotEnforced`,
    );
  });
  it('one named location object', () => {
    const r = parseNamedLocations({
      id: 'hq',
      displayName: 'HQ',
      ipRanges: [{ cidrAddress: '203.0.113.0/24' }],
    });
    expect(r.ok && r.value.map((l) => l.id)).toEqual(['hq']);
  });
});

describe('template ids', () => {
  it.each([
    ['Block legacy authentication', 'block-legacy-authentication'],
    ['CA010 - Azure DevOps: block outside trusted', 'ca010-azure-devops-block-outside-trusted'],
    ['Ærlig – Grønn sone (Oslo)', 'rlig-gr-nn-sone-oslo'],
    ['Crème brûlée', 'creme-brulee'],
    ['!!!', 'policy'],
    ['x'.repeat(80), 'x'.repeat(64)],
  ])('%j → %j', (name, slug) => expect(slugOf(name)).toBe(slug));

  it('are unique across files and never take a real id', () => {
    const t = (name: string) => ({ displayName: name, state: 'disabled', conditions: {} });
    const r = importPolicyFiles([
      { name: 'a.json', text: JSON.stringify([t('Block'), t('Block')]) },
      { name: 'b.json', text: JSON.stringify({ ...t('Real'), id: 'block-3' }) },
      { name: 'c.json', text: JSON.stringify(t('Block')) },
    ]);
    expect(r.ok && r.value.map((p) => p.id)).toEqual(['block', 'block-2', 'block-3', 'block-4']);
    expect(r.warnings.map((w) => w.split(':')[0])).toEqual(['a.json', 'a.json', 'c.json']);
  });

  it('a template with neither id nor name is refused', () => {
    const r = importPolicyFiles([
      { name: 't.json', text: '{"state": "disabled", "conditions": {}}' },
    ]);
    expect(!r.ok && r.error).toBe(
      't.json: id: missing, and there is no displayName to make one from',
    );
  });
});

describe('every refusal names the file, the JSON path and what was expected', () => {
  const loc = (id: string, cidr: string) => ({
    '@odata.type': '#microsoft.graph.ipNamedLocation',
    id,
    displayName: id,
    ipRanges: [{ cidrAddress: cidr }],
  });
  it.each<[string, SourceFile[], string]>([
    [
      'a /8 in a page',
      [{ name: 'n.json', text: JSON.stringify({ value: [loc('a', '10.0.0.0/8')] }) }],
      'n.json: value[0].ipRanges[0].cidrAddress: "10.0.0.0/8" is refused: Entra accepts IPv4 ranges only with a mask longer than /8 (R17; /8 spans 10.0.0.0 to 10.255.255.255)',
    ],
    [
      'the same id in two files',
      [
        { name: 'a.json', text: JSON.stringify(loc('x', '203.0.113.0/24')) },
        { name: 'b.json', text: JSON.stringify([loc('x', '198.51.100.0/25')]) },
      ],
      'b.json: [0].id: "x" duplicates the id of a.json',
    ],
    [
      'a file that is not an export',
      [{ name: 'p.json', text: '{"policies": []}' }],
      'p.json: named locations: expected Graph output ({"value":[...]}), a bare array or one named location, got an object without @odata.type, id, displayName, ipRanges, countriesAndRegions (it has "policies")',
    ],
    [
      'an empty paste',
      [{ name: 'pasted text', text: '  ' }],
      'pasted text: empty: there is no JSON in it',
    ],
    [
      'a range cut to a string by ConvertTo-Json -Depth 2',
      [
        {
          name: 'd.json',
          text: JSON.stringify([
            {
              ...loc('a', ''),
              ipRanges: [
                '@{@odata.type=#microsoft.graph.iPv4CidrRange; cidrAddress=203.0.113.0/24}',
              ],
            },
          ]),
        },
      ],
      "d.json: [0].ipRanges[0]: expected an object with a cidrAddress, got a string cut short by PowerShell's ConvertTo-Json (its default -Depth is 2): export again with ConvertTo-Json -Depth 10",
    ],
  ])('%s', (_n, files, error) => {
    const r = importLocationFiles(files);
    expect(!r.ok && r.error).toBe(error);
  });
});
