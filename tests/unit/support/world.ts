// Builders for engine tests: a small Contoso tenant and policies with sensible defaults.
import { AZURE_DEVOPS_APP_ID } from '../../../src/model/engine/azureDevOps';
import type { AccessRequest, NamedLocation, Policy, World } from '../../../src/model/engine/types';

export const HQ = 'loc-hq';
export const VPN = 'loc-vpn';
export const BRANCH = 'loc-branch';
export const NORDICS = 'loc-nordics';

export const IP = {
  hq: '203.0.113.10',
  vpn: '198.51.100.20',
  branch: '192.0.2.33',
  home: '100.64.12.7',
  cafe: '8.8.4.4',
  hq6: '2001:db8:10::42',
  home6: '2001:db8:99::1',
  hqMapped: '::ffff:203.0.113.10',
} as const;

export const locations: NamedLocation[] = [
  {
    id: HQ,
    displayName: 'HQ',
    kind: 'ip',
    isTrusted: true,
    ipRanges: ['203.0.113.0/24', '2001:db8:10::/48'],
    countries: [],
    includeUnknownCountriesAndRegions: false,
  },
  {
    id: VPN,
    displayName: 'VPN egress',
    kind: 'ip',
    isTrusted: true,
    ipRanges: ['198.51.100.0/25'],
    countries: [],
    includeUnknownCountriesAndRegions: false,
  },
  {
    id: BRANCH,
    displayName: 'Branch office',
    kind: 'ip',
    isTrusted: false,
    ipRanges: ['192.0.2.0/24'],
    countries: [],
    includeUnknownCountriesAndRegions: false,
  },
  {
    id: NORDICS,
    displayName: 'Nordics',
    kind: 'country',
    isTrusted: false,
    ipRanges: [],
    countries: ['NO', 'SE'],
    includeUnknownCountriesAndRegions: false,
  },
];

export function policy(p: Partial<Policy> & { id: string }): Policy {
  return {
    displayName: p.id,
    state: 'enabled',
    users: {
      includeUsers: ['All'],
      excludeUsers: [],
      includeGroups: [],
      excludeGroups: [],
      includeRoles: [],
      excludeRoles: [],
    },
    applications: { includeApplications: [AZURE_DEVOPS_APP_ID], excludeApplications: [] },
    clientAppTypes: ['all'],
    otherConditions: [],
    grantControls: { operator: 'OR', builtInControls: ['block'] },
    ...p,
  };
}

export const outsideTrusted = { includeLocations: ['All'], excludeLocations: ['AllTrusted'] };

export const blockOutside = policy({
  id: 'block-outside',
  displayName: 'Block Azure DevOps outside trusted',
  locations: outsideTrusted,
});
export const mfaOutside = policy({
  id: 'mfa-outside',
  displayName: 'MFA outside trusted',
  locations: outsideTrusted,
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
});
export const mfaEverywhere = policy({
  id: 'mfa-all',
  displayName: 'Require MFA',
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
});
export const compliantDevice = policy({
  id: 'device',
  displayName: 'Require compliant device',
  grantControls: { operator: 'OR', builtInControls: ['compliantDevice'] },
});

export function world(policies: Policy[], org: World['org'] = { ipValidation: true }): World {
  return { locations, policies, org };
}

export const AT = '2026-11-01T10:00:00Z';

export function pat(ip: string, extra: Partial<AccessRequest> = {}): AccessRequest {
  return {
    flow: 'pat',
    client: 'git',
    ip,
    at: AT,
    user: 'dev@contoso.com',
    token: { kind: 'pat', created: '2026-10-01T00:00:00Z', expires: '2027-01-01T00:00:00Z' },
    ...extra,
  };
}
export function web(ip: string, extra: Partial<AccessRequest> = {}): AccessRequest {
  return { flow: 'web', client: 'browser', ip, at: AT, user: 'dev@contoso.com', ...extra };
}
