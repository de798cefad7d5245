// What every decision needs of each rule: its short name, flows, sources and status (FACTS
// R1–R23, T1–T2). The rule's words, its statement and caveat, are in rules.ts, which joins both
// into RULES; apart so that a page showing only verdicts (the landing page) carries no rule's prose.
import type { Rule, RuleId } from './types';

export type RuleBasics = Omit<Rule, 'statement' | 'caveat'>;

const basics: RuleBasics[] = [
  {
    id: 'R1',
    name: 'Entra checks every sign-in',
    flows: ['web'],
    sources: ['ADO-CAP', 'ADO-POL', 'ART'],
    status: 'documented',
  },
  {
    id: 'R2',
    name: 'Azure DevOps re-checks web requests',
    flows: ['web'],
    sources: ['ADO-CAP', 'ADO-POL'],
    status: 'documented',
  },
  {
    id: 'R3',
    name: 'Web sessions re-checked hourly',
    flows: ['web'],
    sources: ['ADO-POL', 'ENT-NET', 'ADO-CAE'],
    status: 'documented',
  },
  {
    id: 'R4',
    name: 'IP fence on PATs (org policy on)',
    flows: ['pat'],
    sources: ['ADO-CAP', 'ART'],
    status: 'documented',
  },
  {
    id: 'R5',
    name: 'No check on PATs (org policy off)',
    flows: ['pat', 'ssh'],
    sources: ['ADO-IPV6', 'ART'],
    status: 'documented',
  },
  {
    id: 'R6',
    name: 'A PAT cannot answer MFA',
    flows: ['pat', 'ssh'],
    sources: ['ADO-MCA', 'ADO-POL', 'ART'],
    status: 'documented',
  },
  {
    id: 'R7',
    name: 'MFA-only policies skip PATs',
    flows: ['pat', 'ssh'],
    sources: ['DOCS-8209', 'WHITEPAPER'],
    status: 'assumption',
  },
  {
    id: 'R8',
    name: 'Device and other conditions skip PATs',
    flows: ['pat', 'ssh'],
    sources: ['ADO-CAP'],
    status: 'assumption',
  },
  {
    id: 'R9',
    name: 'IPv4 and IPv6, mapped forms apart',
    flows: ['web', 'pat', 'ssh', 'oauth'],
    sources: ['ADO-CAP', 'ADO-IPV6'],
    status: 'assumption',
    statusNote: 'documented advice; matching = assumption (default: distinct)',
  },
  {
    id: 'R10',
    name: 'Split tunnel: both IPs count',
    flows: ['web'],
    sources: ['ADO-CAP', 'ADO-RN202'],
    status: 'documented',
  },
  {
    id: 'R11',
    name: 'SSH keys fenced like PATs',
    flows: ['ssh'],
    sources: ['ART', 'ADO-IPV6'],
    status: 'documented',
  },
  {
    id: 'R12',
    name: 'PATs made before the switch',
    flows: ['pat'],
    sources: ['ART'],
    status: 'article',
  },
  {
    id: 'R13',
    name: 'VS403463 refusal',
    flows: ['pat', 'ssh'],
    sources: ['COE-6694'],
    status: 'observed',
  },
  {
    id: 'R14',
    name: 'Entra sign-in error codes',
    flows: ['web', 'oauth'],
    sources: ['ENT-CODES'],
    status: 'documented',
  },
  {
    id: 'R15',
    name: 'Every applicable policy must pass',
    flows: ['web', 'pat', 'ssh', 'oauth'],
    sources: ['ENT-POL'],
    status: 'documented',
  },
  {
    id: 'R16',
    name: 'Report-only and disabled policies',
    flows: ['web', 'pat', 'ssh', 'oauth'],
    sources: ['ENT-RO'],
    status: 'documented',
  },
  {
    id: 'R17',
    name: 'Named locations and ranges',
    flows: ['web', 'pat', 'ssh', 'oauth'],
    sources: ['GRAPH', 'ENT-NET'],
    status: 'documented',
  },
  {
    id: 'R18',
    name: 'Policies must target Azure DevOps',
    flows: ['web', 'pat', 'ssh', 'oauth'],
    sources: ['ADO-CAP'],
    status: 'documented',
  },
  {
    id: 'R19',
    name: 'Sign-in frequency binds PATs',
    flows: ['pat'],
    sources: ['ADO-POL'],
    status: 'documented',
  },
  {
    id: 'R20',
    name: 'Microsoft-hosted agents',
    flows: ['pat'],
    sources: ['CLI-24108', 'DOCS-4845'],
    status: 'observed',
  },
  {
    id: 'R21',
    name: 'Authentication flows (device code)',
    flows: ['web', 'pat', 'ssh', 'oauth'],
    sources: ['ENT-FLOWS'],
    status: 'documented',
  },
  {
    id: 'R22',
    name: 'Facts the request may not carry',
    flows: ['web', 'pat', 'ssh', 'oauth'],
    sources: ['ENT-WHATIF'],
    status: 'documented',
  },
  {
    id: 'R23',
    name: 'Trusted IPs and unknown countries',
    flows: ['web', 'pat', 'ssh', 'oauth'],
    sources: ['ENT-NET', 'GRAPH'],
    status: 'documented',
  },
  {
    id: 'T1',
    name: 'Expired or revoked token',
    flows: ['pat', 'ssh'],
    sources: ['ADO-PAT'],
    status: 'documented',
  },
  {
    id: 'T2',
    name: 'PAT scopes',
    flows: ['pat'],
    sources: ['ADO-PAT', 'ART'],
    status: 'documented',
  },
];

export const RULE_BASICS: Record<RuleId, RuleBasics> = Object.fromEntries(
  basics.map((r) => [r.id, r]),
) as Record<RuleId, RuleBasics>;

export const RULE_IDS: readonly RuleId[] = basics.map((r) => r.id);
