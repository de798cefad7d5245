import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNamedLocations } from '../../src/model/graph/graphLocations';
import { allTrustedWarning, crossCheck, parsePolicies } from '../../src/model/graph/graphPolicies';
import type { Policy } from '../../src/model/engine/types';
import { nonIpConditions } from '../../src/model/engine/policyAnalysis';

const read = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/graph/${name}`, import.meta.url), 'utf8'));

const ADO = '499b84ac-1321-427f-aa17-267ca6975798';
const ARM = '797f4846-ba00-4fd7-ba43-dac1f8f63013';
const BREAK_GLASS = 'a7d3c2e1-5f4b-4e8a-b6c9-0d1e2f3a4b5c';

/** A minimal Graph policy; `patch` replaces top-level fields, `conditions` merges into conditions. */
function graphPolicy(
  patch: Record<string, unknown> = {},
  conditions: Record<string, unknown> = {},
) {
  return {
    id: 'p1',
    displayName: 'Block outside HQ',
    state: 'enabled',
    conditions: {
      users: { includeUsers: ['All'] },
      applications: { includeApplications: [ADO] },
      clientAppTypes: ['all'],
      ...conditions,
    },
    grantControls: { operator: 'OR', builtInControls: ['block'] },
    ...patch,
  };
}
const one = (patch?: Record<string, unknown>, conditions?: Record<string, unknown>) =>
  parsePolicies([graphPolicy(patch, conditions)]);

describe('parsePolicies on the shared fixture', () => {
  const r = parsePolicies(read('policies.json'));
  const byName = (prefix: string): Policy => {
    if (!r.ok) throw new Error(r.error);
    return r.value.find((p) => p.displayName.startsWith(prefix))!;
  };
  it('imports all seven policies without warnings', () => {
    expect(r).toMatchObject({ ok: true, warnings: [] });
    expect(r.ok && r.value).toHaveLength(7);
  });
  it.each<[string, Partial<Policy>]>([
    [
      'CA001',
      {
        state: 'enabled',
        applications: { includeApplications: [ADO], excludeApplications: [] },
        locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] },
        grantControls: { operator: 'OR', builtInControls: ['block'] },
        otherConditions: [],
      },
    ],
    ['CA002', { grantControls: { operator: 'OR', builtInControls: ['mfa'] } }],
    [
      'CA003',
      {
        locations: undefined,
        clientAppTypes: ['browser', 'mobileAppsAndDesktopClients'],
        grantControls: {
          operator: 'OR',
          builtInControls: ['compliantDevice', 'domainJoinedDevice'],
        },
      },
    ],
    ['CA004', { state: 'enabledForReportingButNotEnforced' }],
    ['CA005', { state: 'disabled' }],
    ['CA006', { applications: { includeApplications: [ARM], excludeApplications: [] } }],
    [
      'CA007',
      {
        grantControls: null,
        locations: undefined,
        signInFrequency: { isEnabled: true, value: 8, type: 'hours' },
      },
    ],
  ])('%s', (prefix, expected) => {
    expect(byName(prefix)).toMatchObject(expected);
  });
  it('keeps the break-glass exclusion', () => {
    expect(byName('CA007').users.excludeUsers).toEqual([BREAK_GLASS]);
  });
  it('cross-checks cleanly against the shared named locations', () => {
    const locations = parseNamedLocations(read('namedLocations.json'));
    expect(locations.ok && r.ok && crossCheck(locations.value, r.value)).toEqual([]);
  });
});

describe('parsePolicies maps', () => {
  it('a minimal policy with defaults for every absent list', () => {
    const r = parsePolicies({
      value: [graphPolicy({}, { users: {}, applications: {}, clientAppTypes: undefined })],
    });
    expect(r).toEqual({
      ok: true,
      warnings: [],
      value: [
        {
          id: 'p1',
          displayName: 'Block outside HQ',
          state: 'enabled',
          users: {
            includeUsers: [],
            excludeUsers: [],
            includeGroups: [],
            excludeGroups: [],
            includeRoles: [],
            excludeRoles: [],
          },
          applications: { includeApplications: [], excludeApplications: [] },
          locations: undefined,
          clientAppTypes: ['all'],
          otherConditions: [],
          grantControls: { operator: 'OR', builtInControls: ['block'] },
        },
      ],
    });
  });

  it.each<[string, Record<string, unknown>, Policy['locations']]>([
    ['absent locations', {}, undefined],
    ['null locations', { locations: null }, undefined],
    [
      'present locations',
      { locations: { includeLocations: ['All'], excludeLocations: ['x'] } },
      { includeLocations: ['All'], excludeLocations: ['x'] },
    ],
    ['present but empty locations (how Graph says none)', { locations: {} }, undefined],
  ])('%s', (_name, conditions, locations) => {
    const r = one({}, conditions);
    expect(r.ok && r.value[0]!.locations).toEqual(locations);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    [
      'nothing extra (Graph nulls and empty lists)',
      {
        platforms: null,
        devices: null,
        userRiskLevels: [],
        signInRiskLevels: [],
        servicePrincipalRiskLevels: [],
        insiderRiskLevels: null,
        clientApplications: null,
        authenticationFlows: null,
      },
      [],
    ],
    [
      'device platforms',
      { platforms: { includePlatforms: ['android', 'iOS'], excludePlatforms: [] } },
      ['device platforms'],
    ],
    ['empty platforms object', { platforms: { includePlatforms: [], excludePlatforms: [] } }, []],
    [
      'device filter',
      { devices: { deviceFilter: { mode: 'exclude', rule: 'device.isCompliant -eq True' } } },
      ['device filter'],
    ],
    ['user risk', { userRiskLevels: ['high'] }, ['user risk']],
    ['sign-in risk', { signInRiskLevels: ['high', 'medium'] }, ['sign-in risk']],
    [
      'service principal risk',
      { servicePrincipalRiskLevels: ['high'] },
      ['service principal risk'],
    ],
    ['insider risk', { insiderRiskLevels: 'elevated' }, ['insider risk']],
    [
      'workload identities',
      { clientApplications: { includeServicePrincipals: ['ServicePrincipalsInMyTenant'] } },
      ['workload identities'],
    ],
    [
      'authentication flows',
      { authenticationFlows: { transferMethods: 'deviceCodeFlow' } },
      ['authentication flows'],
    ],
    [
      'application filter',
      {
        applications: {
          includeApplications: ['All'],
          applicationFilter: { mode: 'include', rule: 'x' },
        },
      },
      ['application filter'],
    ],
    [
      'several',
      {
        platforms: { includePlatforms: ['all'], excludePlatforms: ['iOS'] },
        signInRiskLevels: ['low'],
      },
      ['device platforms', 'sign-in risk'],
    ],
    // Every platform and no exclusion narrows nothing (a review finding).
    ['platforms: all, excluding none', { platforms: { includePlatforms: ['all'] } }, []],
    [
      'client app types: all four',
      { clientAppTypes: ['browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'other'] },
      [],
    ],
  ])('other conditions: %s', (_name, conditions, labels) => {
    const r = one({}, conditions);
    expect(r.ok && nonIpConditions(r.value[0]!)).toEqual(labels);
  });

  it.each<[string, Record<string, unknown>, Partial<Policy>]>([
    [
      'authentication flows (a flags string)',
      { authenticationFlows: { transferMethods: 'deviceCodeFlow,authenticationTransfer' } },
      { authenticationFlows: ['deviceCodeFlow', 'authenticationTransfer'] },
    ],
    [
      'platforms',
      { platforms: { includePlatforms: ['all'], excludePlatforms: ['iOS'] } },
      { platforms: { includePlatforms: ['all'], excludePlatforms: ['iOS'] } },
    ],
    ['sign-in risk', { signInRiskLevels: ['high'] }, { signInRiskLevels: ['high'] }],
    ['user risk', { userRiskLevels: ['medium', 'high'] }, { userRiskLevels: ['medium', 'high'] }],
    [
      'insider risk',
      { insiderRiskLevels: 'moderate,elevated' },
      { insiderRiskLevels: ['moderate', 'elevated'] },
    ],
    [
      'device filter',
      { devices: { deviceFilter: { mode: 'include', rule: 'device.model -eq "Kiosk"' } } },
      { deviceFilter: { mode: 'include', rule: 'device.model -eq "Kiosk"' }, otherConditions: [] },
    ],
  ])('fact conditions (R21, R22): %s', (_name, conditions, fields) => {
    const r = one({}, conditions);
    expect(r.ok && r.value[0]).toMatchObject(fields);
  });

  it.each<[string, unknown, Policy['grantControls'], RegExp | null]>([
    ['null grant controls', null, null, null],
    [
      'AND operator',
      { operator: 'AND', builtInControls: ['mfa', 'compliantDevice'] },
      { operator: 'AND', builtInControls: ['mfa', 'compliantDevice'] },
      null,
    ],
    [
      'absent operator defaults to OR',
      { builtInControls: ['mfa'] },
      { operator: 'OR', builtInControls: ['mfa'] },
      null,
    ],
    [
      'authentication strength as MFA',
      {
        operator: 'OR',
        builtInControls: [],
        authenticationStrength: {
          id: '00000000-0000-0000-0000-000000000004',
          displayName: 'Phishing-resistant MFA',
        },
      },
      { operator: 'OR', builtInControls: ['mfa'] },
      /authentication strength "Phishing-resistant MFA" treated as MFA/,
    ],
    [
      'authentication strength with mfa already',
      { builtInControls: ['mfa'], authenticationStrength: {} },
      { operator: 'OR', builtInControls: ['mfa'] },
      /treated as MFA/,
    ],
    [
      'terms of use',
      { operator: 'AND', builtInControls: ['mfa'], termsOfUse: ['tou-1'] },
      { operator: 'AND', builtInControls: ['mfa', 'termsOfUse'] },
      null,
    ],
    [
      'custom factors',
      { builtInControls: [], customAuthenticationFactors: ['duo'] },
      { operator: 'OR', builtInControls: ['customAuthenticationFactors'] },
      null,
    ],
  ])('grant controls: %s', (_name, grantControls, expected, warning) => {
    const r = one({ grantControls });
    expect(r.ok && r.value[0]!.grantControls).toEqual(expected);
    if (warning) expect(r.warnings.join('\n')).toMatch(warning);
    else expect(r.warnings).toEqual([]);
  });

  it.each<[string, unknown, Policy['signInFrequency']]>([
    ['no session controls', null, undefined],
    [
      'other session controls only',
      { persistentBrowser: { mode: 'never', isEnabled: true } },
      undefined,
    ],
    [
      '8 hours',
      {
        signInFrequency: {
          value: 8,
          type: 'hours',
          frequencyInterval: 'timeBased',
          isEnabled: true,
        },
      },
      { isEnabled: true, value: 8, type: 'hours' },
    ],
    [
      '30 days',
      { signInFrequency: { value: 30, type: 'days', isEnabled: true } },
      { isEnabled: true, value: 30, type: 'days' },
    ],
    [
      'every time',
      {
        signInFrequency: {
          value: null,
          type: null,
          frequencyInterval: 'everyTime',
          isEnabled: true,
        },
      },
      { isEnabled: true, value: 0, type: 'hours' },
    ],
    [
      'disabled without a value',
      { signInFrequency: { value: null, type: null, isEnabled: false } },
      { isEnabled: false, value: 0, type: 'hours' },
    ],
  ])('sign-in frequency: %s', (_name, sessionControls, expected) => {
    const r = one({ sessionControls });
    expect(r.ok && r.value[0]!.signInFrequency).toEqual(expected);
  });

  it('uses the id as name when displayName is missing, with a warning', () => {
    const r = one({ displayName: undefined });
    expect(r.ok && r.value[0]!.displayName).toBe('p1');
    expect(r.warnings).toEqual(['[0].displayName: missing; using the id "p1"']);
  });

  it('warns that guest and external user conditions are not simulated', () => {
    const r = one(
      {},
      {
        users: {
          includeUsers: ['All'],
          excludeGuestsOrExternalUsers: { guestOrExternalUserTypes: 'b2bCollaborationGuest' },
        },
      },
    );
    expect(r.ok).toBe(true);
    expect(r.warnings[0]).toMatch(/users: guest and external user conditions are not simulated/);
  });
});

describe('parsePolicies refuses', () => {
  const five = (bad: Record<string, unknown>) => ({
    '@odata.context': 'x',
    value: [1, 2, 3, 4]
      .map((n) => graphPolicy({ id: `p${n}` }))
      .concat(graphPolicy({ id: 'p5', ...bad })),
  });
  it.each<[string, unknown, RegExp]>([
    [
      'a missing conditions',
      five({ conditions: undefined }),
      /^value\[4\] \("Block outside HQ"\)\.conditions: missing$/,
    ],
    [
      'null conditions',
      five({ conditions: null }),
      /^value\[4\] \("Block outside HQ"\)\.conditions: missing$/,
    ],
    [
      'conditions not an object',
      five({ conditions: [] }),
      /conditions: expected an object, got \[\]/,
    ],
    [
      'a missing id and no name to make one from',
      five({ id: undefined, displayName: undefined }),
      /^value\[4\]\.id: missing, and there is no displayName to make one from$/,
    ],
    ['a missing state', five({ state: undefined }), /\.state: missing$/],
    [
      'an unknown state',
      five({ state: 'on' }),
      /^value\[4\] \("Block outside HQ"\)\.state: "on" is not one of enabled, disabled, enabledForReportingButNotEnforced$/,
    ],
    ['a state in the wrong case', five({ state: 'Enabled' }), /state: "Enabled" is not one of/],
    [
      'a bad operator',
      five({ grantControls: { operator: 'XOR', builtInControls: [] } }),
      /grantControls\.operator: "XOR" is not OR or AND/,
    ],
    [
      'a non-array include list',
      five({ conditions: { users: { includeUsers: 'All' } } }),
      /conditions\.users\.includeUsers: expected an array of strings, got "All"/,
    ],
    [
      'a non-string group id',
      five({ conditions: { users: { includeGroups: [5] } } }),
      /conditions\.users\.includeGroups\[0\]: expected a string, got 5/,
    ],
    [
      'a sign-in frequency without a value',
      five({ sessionControls: { signInFrequency: { type: 'hours', isEnabled: true } } }),
      /signInFrequency\.value: missing/,
    ],
    [
      'a time-based sign-in frequency with null value and type',
      five({ sessionControls: { signInFrequency: { value: null, type: null, isEnabled: true } } }),
      /signInFrequency\.value: missing/,
    ],
    [
      'a sign-in frequency of 0',
      five({ sessionControls: { signInFrequency: { value: 0, type: 'hours', isEnabled: true } } }),
      /signInFrequency\.value: 0 is not a whole number above 0/,
    ],
    [
      'a sign-in frequency in minutes',
      five({
        sessionControls: { signInFrequency: { value: 5, type: 'minutes', isEnabled: true } },
      }),
      /signInFrequency\.type: "minutes" is not hours or days/,
    ],
    [
      'duplicate ids',
      five({ id: 'p2' }),
      /^value\[4\] \("Block outside HQ"\)\.id: "p2" duplicates the id of value\[1\]/,
    ],
    ['a non-object item', [graphPolicy(), 'x'], /^\[1\]: expected a policy object, got "x"/],
    [
      'a non-collection',
      { policies: [] },
      /^policies: expected Graph output .* or one policy, got an object without id, /,
    ],
  ])('%s', (_name, json, error) => {
    const r = parsePolicies(json);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });

  it('names a policy without displayName by its index only', () => {
    const r = parsePolicies([graphPolicy({ displayName: undefined, conditions: undefined })]);
    expect(!r.ok && r.error).toBe('[0].conditions: missing');
  });
});

describe('messages cut what they quote', () => {
  it('the R23 AllTrusted warning quotes a 200,000-character name cut to 200', () => {
    const graph = JSON.parse(
      readFileSync('tests/fixtures/cli/policies-block-outside.json', 'utf8'),
    );
    graph.value[0].displayName = 'A'.repeat(200_000);
    const r = parsePolicies(graph);
    const w = allTrustedWarning(r.ok ? r.value : []);
    expect(w).toBeDefined();
    expect(w!.length).toBeLessThan(600);
    expect(w).toContain(`"${'A'.repeat(200)}…"`);
  });
});
