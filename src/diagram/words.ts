// The diagram's words: what each box says, the outcome's words, the accessible name and the text
// alternative that follows the trace step by step.
import type { Action, Decision, Flow, Outcome } from '../model/engine/types';
import type { ActorKind, NodeBox, NodeId, ResourceKind } from './types';
import { STAGE_LONG } from './stages';
import { isFinished } from './progress';

// The words in each box. Kept short enough to fit the narrowest box at the smallest font.
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

/** The addresses a request carries: what reaches Azure DevOps and, if different, what Entra sees. */
export interface RequestIps {
  ip?: string;
  signinIp?: string;
}

/** A long IPv6 address cut in the middle for a narrow box: "2001:db8:1…ffff:1234". */
export function shortIp(ip: string, max = 22): string {
  return ip.length <= max ? ip : `${ip.slice(0, max - 10)}…${ip.slice(-9)}`;
}

export function nodeLabels(
  actor: ActorKind,
  flow: Flow,
  orgPolicyOn: boolean,
  resource: ResourceKind,
  ips: RequestIps = {},
): Record<NodeId, NodeText> {
  const { ip } = ips;
  const signinIp = ips.signinIp && ips.signinIp !== ip ? ips.signinIp : undefined;
  const viaEntra = flow === 'web' || flow === 'oauth';
  // Each box names the IP it sees; a split tunnel's actor carries both when they fit one line
  // (the Entra box names its own). The actor's box always has the full address.
  const both = signinIp ? `${signinIp} · ${ip}` : ip;
  const actorIps = ip ? (both && both.length <= 30 ? both : ip) : ACTOR[actor][1];
  return {
    actor: { label: ACTOR[actor][0], sublabel: actorIps, pill: CREDENTIAL[flow] },
    entra: {
      label: 'Microsoft Entra',
      sublabel: ip && viaEntra ? `sees ${shortIp(signinIp ?? ip)}` : 'Conditional Access',
      pill: entraRole(flow, orgPolicyOn),
    },
    ado: {
      label: 'Azure DevOps',
      sublabel: ip ? `sees ${shortIp(ip)}` : 'organisation',
      pill: `IP CA validation: ${orgPolicyOn ? 'On' : 'Off'}`,
    },
    resource: { label: RESOURCE[resource][0], sublabel: RESOURCE[resource][1] },
  };
}

// Which resource box to draw for a request's action: code → repository, pipelines, work items.
export function resourceFor(action?: Action): ResourceKind {
  if (action === 'run-pipeline') return 'pipeline';
  if (action === 'create-work-item' || action === 'read-work-items') return 'boards';
  return 'repo';
}

// The words for an outcome, shared by the badge and the text alternative.
export const OUTCOME_WORD: Record<Outcome, string> = {
  allowed: 'Allowed',
  blocked: 'Blocked',
  'mfa-required': 'MFA required',
};

/** "HTTP 403 · VS403463", the answer the client sees. */
export function responseLine(decision: Pick<Decision, 'status' | 'code'>): string {
  return decision.code ? `HTTP ${decision.status} · ${decision.code}` : `HTTP ${decision.status}`;
}

// The diagram's accessible name: who sends what, to where, under which org policy.
export function diagramTitle(nodes: NodeBox[], flow: Flow, orgPolicyOn: boolean): string {
  const actor = nodes.find((n) => n.id === 'actor');
  const resource = nodes.find((n) => n.id === 'resource');
  const who = actor ? `${actor.label} (${actor.sublabel})` : 'the actor';
  const what = actor?.pill ?? `a ${flow} request`;
  const where = resource ? `${resource.label} in Azure DevOps` : 'Azure DevOps';
  return `Route of a request: ${who}, ${what}, to ${where}; IP CA validation ${orgPolicyOn ? 'on' : 'off'}`;
}

// describeStep: the diagram's text alternative — where the request is, what the current check
// decided and why, and the outcome once the trace is finished.
const RESULT = {
  pass: 'passed',
  fail: 'failed',
  skip: 'skipped',
  challenge: 'asks for MFA',
} as const;
const sentence = (s: string) => (s && !/[.!?]$/.test(s) ? `${s}.` : s);

export function describeStep(decision: Decision, step: number): string {
  const n = decision.trace.length;
  const checks = n === 1 ? '1 check' : `${n} checks`;
  if (step < 0) return `Not started: the request waits at the client, with ${checks} ahead.`;
  const outcome =
    `Outcome: ${OUTCOME_WORD[decision.outcome]} (${responseLine(decision)}). ${sentence(decision.message)}`.trim();
  const current = decision.trace[Math.min(step, n - 1)];
  if (!current || step >= n) return `Finished after ${checks}. ${outcome}`;
  const where = STAGE_LONG[current.stage];
  const text =
    `Step ${step + 1} of ${n}, at ${where}: ${RESULT[current.result]} (rule ${current.rule}). ${sentence(current.detail)}`.trim();
  return isFinished(decision, step) ? `${text} ${outcome}` : text;
}
