// The words in each box. Kept short enough to fit the narrowest box at the smallest font.
import type { Flow } from '../model/engine/types';
import type { ActorKind, NodeId, ResourceKind } from './types';

const ACTOR: Record<ActorKind, [string, string]> = {
  onprem: ['On-prem user', 'office network'],
  vpn: ['VPN user', 'through the VPN'],
  external: ['External user', 'from the internet'],
  pipeline: ['Pipeline agent', 'Microsoft-hosted'],
};

const CREDENTIAL: Record<Flow, string> = {
  pat: 'PAT · git / REST',
  ssh: 'SSH key · git',
  web: 'Browser sign-in',
  oauth: 'OAuth app token',
};

const RESOURCE: Record<ResourceKind, [string, string]> = {
  repo: ['Repository', 'Azure Repos'],
  pipeline: ['Pipeline', 'Azure Pipelines'],
  boards: ['Work items', 'Azure Boards'],
};

/** What Entra does for this request: signs it in, lends its IP policies to Azure DevOps, or nothing. */
function entraRole(flow: Flow, orgPolicyOn: boolean): string {
  if (flow === 'web' || flow === 'oauth') return 'signs the user in';
  return orgPolicyOn ? 'IP policies used' : 'bypassed';
}

export interface NodeText {
  label: string;
  sublabel: string;
  pill?: string;
}

export function nodeLabels(
  actor: ActorKind,
  flow: Flow,
  orgPolicyOn: boolean,
  resource: ResourceKind,
): Record<NodeId, NodeText> {
  return {
    actor: { label: ACTOR[actor][0], sublabel: ACTOR[actor][1], pill: CREDENTIAL[flow] },
    entra: {
      label: 'Microsoft Entra',
      sublabel: 'Conditional Access',
      pill: entraRole(flow, orgPolicyOn),
    },
    ado: {
      label: 'Azure DevOps',
      sublabel: 'organisation',
      pill: `IP CA validation: ${orgPolicyOn ? 'On' : 'Off'}`,
    },
    resource: { label: RESOURCE[resource][0], sublabel: RESOURCE[resource][1] },
  };
}
