// The what-if lab's sandbox: a small tenant (named locations, policies from templates), the org
// policy and one actor, as a person edits them. Every field is text, exactly as typed, so a field
// can be invalid while the last valid configuration keeps driving the decision.
import type { Assumptions, Flow, PolicyState } from '../engine/types';
import { DEFAULT_ASSUMPTIONS } from '../engine/assumptions';

export interface SandboxLocation {
  id: string;
  name: string;
  trusted: boolean;
  /** CIDRs, one per line (commas also separate). */
  ranges: string;
}

export type PolicyTemplate =
  'block-outside-trusted' | 'mfa-outside-trusted' | 'mfa-everywhere' | 'compliant-device';

/** The resource a policy targets: Azure DevOps itself, All resources, or Azure Resource Manager. */
export type TargetResource = 'ado' | 'all' | 'arm';

export interface SandboxPolicy {
  id: string;
  template: PolicyTemplate;
  name: string;
  state: PolicyState;
  target: TargetResource;
  /** UPNs or ids, comma or line separated. */
  excludeUsers: string;
}

export interface SandboxActor {
  flow: Flow;
  ip: string;
  /** Web/OAuth only: the IP Entra sees at sign-in; empty means the same as `ip`. */
  signinIp: string;
  user: string;
  /** PAT/SSH: when the token was created and expires (ISO 8601); empty means unknown. */
  tokenCreated: string;
  tokenExpires: string;
  /** When the request happens (ISO 8601): the engine never reads the clock. */
  at: string;
  /** R21/R22 facts (actorFacts.ts); absent or empty means unknown, or none for the risks and flow. */
  groups?: string;
  roles?: string;
  country?: string;
  platform?: string;
  signInRisk?: string;
  userRisk?: string;
  insiderRisk?: string;
  authFlow?: string;
}

export interface SandboxConfig {
  locations: SandboxLocation[];
  policies: SandboxPolicy[];
  org: { on: boolean; enabledAt: string };
  actor: SandboxActor;
  assumptions: Assumptions;
}

export function defaultSandbox(): SandboxConfig {
  return {
    locations: [
      // The scenarios' Contoso (a unit test keeps the two equal): Lee on the VPN at 198.51.100.37
      // and Dana at HQ get the same answer in the lab as in the player. HQ has no IPv6 prefix,
      // as in the scenarios before the IPv6 gap is fixed.
      { id: 'loc-hq', name: 'Contoso HQ (Oslo)', trusted: true, ranges: '203.0.113.0/24' },
      { id: 'loc-vpn', name: 'Contoso VPN egress', trusted: true, ranges: '198.51.100.0/25' },
    ],
    policies: [
      {
        id: 'pol-1',
        template: 'block-outside-trusted',
        name: 'Block Azure DevOps outside trusted locations',
        state: 'enabled',
        target: 'ado',
        excludeUsers: '',
      },
    ],
    org: { on: true, enabledAt: '2026-01-15T00:00:00Z' },
    actor: {
      flow: 'pat',
      ip: '192.0.2.44',
      signinIp: '',
      user: 'alice@contoso.com',
      tokenCreated: '2026-02-01T00:00:00Z',
      tokenExpires: '2026-05-01T00:00:00Z',
      at: '2026-03-02T09:30:00Z',
    },
    assumptions: { ...DEFAULT_ASSUMPTIONS },
  };
}
