// crossCheck: policies that point at named locations the import does not contain.
import { describe, expect, it } from 'vitest';
import { crossCheck } from '../../src/model/graph/graphPolicies';
import type { NamedLocation, Policy } from '../../src/model/engine/types';

describe('crossCheck', () => {
  const loc = (id: string): NamedLocation => ({
    id,
    displayName: id,
    kind: 'ip',
    isTrusted: true,
    ipRanges: [],
    countries: [],
    includeUnknownCountriesAndRegions: false,
  });
  const policy = (include: string[], exclude: string[] = [], name = 'P'): Policy => ({
    id: name.toLowerCase(),
    displayName: name,
    state: 'enabled',
    users: {
      includeUsers: ['All'],
      excludeUsers: [],
      includeGroups: [],
      excludeGroups: [],
      includeRoles: [],
      excludeRoles: [],
    },
    applications: { includeApplications: ['All'], excludeApplications: [] },
    locations: { includeLocations: include, excludeLocations: exclude },
    clientAppTypes: ['all'],
    otherConditions: [],
    grantControls: { operator: 'OR', builtInControls: ['block'] },
  });
  it.each<[string, NamedLocation[], Policy[], RegExp[]]>([
    ['keywords only', [], [policy(['All'], ['AllTrusted'])], []],
    ['known ids', [loc('hq')], [policy(['hq'], ['hq'])], []],
    ['a policy without locations', [], [{ ...policy([]), locations: undefined }], []],
    [
      'an unknown include',
      [loc('hq')],
      [policy(['nope'], [], 'Block')],
      [/^Policy "Block" includes named location "nope", which is not among the imported locations/],
    ],
    ['an unknown exclude', [], [policy(['All'], ['vpn'])], [/excludes named location "vpn"/]],
    [
      'the legacy MFA trusted IPs',
      [],
      [policy(['All'], ['00000000-0000-0000-0000-000000000000'])],
      [/legacy MFA trusted IPs/],
    ],
    [
      'one warning per reference, per policy',
      [],
      [policy(['x', 'x'], ['x']), policy(['x'])],
      [/includes .*"x"/, /excludes .*"x"/, /includes .*"x"/],
    ],
  ])('%s', (_name, locations, policies, expected) => {
    const warnings = crossCheck(locations, policies);
    expect(warnings).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(warnings[i]).toMatch(re));
  });
});
