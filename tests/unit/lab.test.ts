// The lab's pure helpers: file checks before reading, JSON errors that say where, imports that
// name their source, redaction that masks consistently, and the diagram's actor.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/model/engine/evaluate';
import { labActorKind } from '../../src/model/lab/labActor';
import {
  FILE_LIMITS,
  checkFile,
  checkFileSize,
  checkFileType,
  looksBinary,
} from '../../src/model/lab/labFiles';
import { importExport } from '../../src/model/lab/labImport';
import { parseJsonText } from '../../src/model/lab/labJson';
import { makeMask, maskDecision } from '../../src/model/lab/labRedact';
import type { World } from '../../src/model/engine/types';

const fixture = (p: string) => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');
const MB = 1024 * 1024;

describe('checkFileSize', () => {
  it.each([
    [
      'signins.csv',
      1024 * MB + 1,
      'csv',
      /signins\.csv: 1 GB is over the 1 GB limit for a CSV/,
    ],
    [
      'audit.csv',
      1536 * MB,
      'log',
      /audit\.csv: 1\.5 GB is over the 1 GB limit for a log export/,
    ],
    [
      'audit.json',
      100 * MB + 1,
      'log',
      /audit\.json: 100\.0 MB is over the 100\.0 MB limit for a JSON log, which is read whole; nothing was read\. Export CSV instead \(up to 1 GB\)/,
    ],
    [
      'policies.json',
      10 * MB + 1,
      'json',
      /policies\.json: 10\.0 MB is over the 10\.0 MB limit for a Graph JSON/,
    ],
    ['empty.csv', 0, 'csv', /empty/],
  ] as const)('refuses %s of %d bytes', (name, size, kind, message) => {
    const r = checkFileSize(name, size, kind);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
  it.each([
    ['csv', FILE_LIMITS.csv],
    ['log', 250 * MB],
    ['json', FILE_LIMITS.json],
  ] as const)('accepts a %s file exactly at the limit', (kind, size) => {
    expect(checkFileSize('x', size, kind).ok).toBe(true);
  });
});

describe('checkFileType', () => {
  it.each([
    ['shot.png', 'image/png', 'json', false],
    ['shot.png', '', 'csv', false],
    ['report.pdf', 'application/pdf', 'csv', false],
    ['signins.csv', 'text/csv', 'csv', true],
    ['signins.csv', 'application/vnd.ms-excel', 'csv', true],
    ['signins.csv', '', 'csv', true],
    ['policies.json', 'application/json', 'json', true],
    ['policies', '', 'json', true],
    ['signin.json', 'application/json', 'evidence', true],
  ] as const)('%s (%s) as %s → %s', (name, mime, kind, ok) => {
    const r = checkFileType(name, mime, kind);
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.error).toMatch(new RegExp(`^${name.replace('.', '\\.')}: this is`));
  });
  it('checks the type before the size', () => {
    const r = checkFile({ name: 'big.png', size: 300 * MB, type: 'image/png' }, 'csv');
    expect(!r.ok && r.error).toMatch(/image\/png/);
  });
  it('spots binary content', () => {
    expect(looksBinary('\u0089PNG\r\n\u001a\n\u0000\u0000')).toBe(true);
    expect(looksBinary('ip\n1.2.3.4')).toBe(false);
  });
});

describe('parseJsonText', () => {
  it.each([
    ['{"value": [', /x\.json: not valid JSON/],
    ['{\n  "value": [\n    {,}\n  ]\n}', /x\.json: not valid JSON at line 3, column 6/],
    ['   ', /x\.json: empty/],
  ])('%j', (text, message) => {
    const r = parseJsonText(text, 'x.json');
    expect(!r.ok && r.error).toMatch(message);
  });
  it('never echoes the text', () => {
    const r = parseJsonText('{"secretName": oops}', 'x.json');
    expect(!r.ok && r.error).not.toMatch(/secretName/);
  });
});

describe('importExport', () => {
  it('imports the Graph fixtures with their warnings prefixed', () => {
    const l = importExport(
      'locations',
      fixture('graph/namedLocations.json'),
      'namedLocations.json',
    );
    const p = importExport('policies', fixture('graph/policies.json'), 'policies.json');
    expect(l.ok && l.value.length).toBeGreaterThan(2);
    expect(p.ok && p.value.length).toBeGreaterThan(3);
    for (const w of [...l.warnings, ...p.warnings])
      expect(w).toMatch(/^(namedLocations|policies)\.json: /);
  });
  it.each([
    [
      'policies',
      '[{"id":"p1","displayName":"No conditions","state":"enabled"}]',
      /p\.json: \[0\] \("No conditions"\)\.conditions: missing/,
    ],
    [
      'locations',
      '{"value":[{"id":"l1","displayName":"HQ","ipRanges":[{"cidrAddress":"10.0.0.0/33"}]}]}',
      /p\.json: value\[0\]\.ipRanges\[0\]\.cidrAddress: "10\.0\.0\.0\/33" is not a valid CIDR/,
    ],
    ['locations', '{"nope":1}', /p\.json: named locations: expected Graph output/],
    ['policies', '\u0089PNG\u0000\u0000', /p\.json: a binary file/],
  ] as const)('%s: %s', (kind, text, message) => {
    const r = importExport(kind as 'policies', text, 'p.json');
    expect(!r.ok && r.error).toMatch(message);
  });
});

const world: World = {
  locations: [
    {
      id: 'loc-9f',
      displayName: 'HQ Amsterdam',
      kind: 'ip',
      isTrusted: true,
      ipRanges: ['203.0.113.0/24'],
      countries: [],
      includeUnknownCountriesAndRegions: false,
    },
  ],
  policies: [
    {
      id: '5d8e7a41-2c93-4b6f-a1e0-94f3c2d7b815',
      displayName: 'CA001 Block',
      state: 'enabled',
      users: {
        includeUsers: ['All'],
        excludeUsers: ['breakglass@contoso.com'],
        includeGroups: [],
        excludeGroups: [],
        includeRoles: [],
        excludeRoles: [],
      },
      applications: {
        includeApplications: ['499b84ac-1321-427f-aa17-267ca6975798'],
        excludeApplications: [],
      },
      locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] },
      clientAppTypes: ['all'],
      otherConditions: [],
      grantControls: { operator: 'OR', builtInControls: ['block'] },
    },
  ],
  org: { ipValidation: true },
};

describe('makeMask', () => {
  const mask = makeMask(world, ['alice@contoso.com']);
  it.each([
    [
      'Blocked by CA001 Block (5d8e7a41-2c93-4b6f-a1e0-94f3c2d7b815)',
      'Blocked by Policy 1 (policy-1)',
    ],
    ['inside HQ Amsterdam', 'inside Location 1'],
    ['breakglass@contoso.com is excluded', 'user-1 is excluded'],
    ['alice@contoso.com', 'user-2'],
    ['bob@fabrikam.com and bob@fabrikam.com', 'user-3 and user-3'],
    [
      'app 499b84ac-1321-427f-aa17-267ca6975798 stays',
      'app 499b84ac-1321-427f-aa17-267ca6975798 stays',
    ],
    ['All and AllTrusted stay', 'All and AllTrusted stay'],
  ])('%s', (text, out) => expect(mask(text)).toBe(out));

  it('masks a whole decision without changing the verdict', () => {
    const r = evaluate(world, {
      flow: 'pat',
      ip: '192.0.2.1',
      at: '2026-01-01T00:00:00Z',
      user: 'alice@contoso.com',
      token: { kind: 'pat' },
    });
    if (!r.ok) throw new Error(r.error);
    const m = maskDecision(r.value, mask);
    expect(m.outcome).toBe(r.value.outcome);
    const text = JSON.stringify(m);
    for (const secret of ['CA001', 'HQ Amsterdam', 'alice@', '5d8e7a41'])
      expect(text).not.toContain(secret);
  });
});

describe('labActorKind', () => {
  it.each([
    ['203.0.113.7', undefined, 'onprem'],
    ['192.0.2.1', undefined, 'external'],
    ['192.0.2.1', 'pipeline-agent', 'pipeline'],
  ] as const)('%s %s → %s', (ip, client, kind) => {
    expect(labActorKind(world, { flow: 'pat', ip, at: '', ...(client ? { client } : {}) })).toBe(
      kind,
    );
  });
});
