// Every rule the engine applies, with its id, a statement in PAT Fence's own words, its sources
// and how sure we are (the Rules and sources page, #/rules). The UI shows these next to each trace step.
import type { Rule, RuleId } from './types';

const rules: Rule[] = [
  {
    id: 'R1',
    statement:
      'At an interactive sign-in, Microsoft Entra evaluates every enabled Conditional Access policy that targets Azure DevOps, whatever the organisation policy says.',
    flows: ['web', 'oauth'],
    sources: ['ADO-CAP', 'ADO-POL', 'ART'],
    status: 'documented',
  },
  {
    id: 'R2',
    statement:
      'Azure DevOps itself also enforces Conditional Access on every web (interactive) request, using the IP that reaches it. Before 2025 this second check depended on the organisation policy.',
    flows: ['web'],
    sources: ['ADO-CAP', 'ADO-POL'],
    status: 'documented',
  },
  {
    id: 'R3',
    statement:
      'A web session is re-checked at least every hour, when Entra issues a fresh token; Continuous Access Evaluation can revoke it within minutes when the IP changes.',
    flows: ['web'],
    sources: ['ADO-POL', 'ENT-NET', 'ADO-CAE'],
    status: 'documented',
  },
  {
    id: 'R4',
    statement:
      'With the organisation policy on, Azure DevOps checks IP-based Conditional Access policies on non-interactive requests: a PAT used by git, the REST API or the CLI.',
    flows: ['pat', 'oauth'],
    sources: ['ADO-CAP', 'ART'],
    status: 'documented',
  },
  {
    id: 'R5',
    statement:
      'With the organisation policy off, PATs and SSH keys get no Conditional Access check at all: a valid token works from any IP.',
    flows: ['pat', 'ssh'],
    sources: ['ADO-IPV6', 'ART'],
    status: 'documented',
  },
  {
    id: 'R6',
    statement:
      'A PAT or SSH request cannot answer an MFA prompt or prove anything else. If an IP-conditioned policy applies to it and asks for MFA or any other grant, the request is blocked.',
    flows: ['pat', 'ssh'],
    sources: ['ADO-MCA', 'ADO-POL', 'ART'],
    status: 'documented',
  },
  {
    id: 'R7',
    statement:
      'A policy with no location condition (such as a plain "require MFA") is not an IP fence, so it is not evaluated for PATs and SSH keys.',
    flows: ['pat', 'ssh'],
    sources: ['DOCS-8209', 'WHITEPAPER'],
    status: 'assumption',
    caveat:
      'A Microsoft maintainer said such policies are not evaluated for PATs; a 2019 whitepaper said they fail (block) instead. Default: not evaluated. Switch: mfa-only-policy-on-pat=blocked.',
  },
  {
    id: 'R8',
    statement:
      'Device compliance and other non-IP conditions cannot be known on a PAT call, so policies that depend on them are not evaluated for PATs and SSH keys.',
    flows: ['pat', 'ssh'],
    sources: ['ADO-CAP'],
    status: 'assumption',
    caveat:
      'Microsoft documentation is silent. Default: not evaluated. Switch: device-policy-on-pat=blocked.',
  },
  {
    id: 'R9',
    statement:
      'IPv4 and IPv6 addresses are both checked. Microsoft advises listing the IPv4-mapped form (::ffff:a.b.c.d) of trusted IPv4 addresses too, so the two forms are treated as different addresses.',
    flows: ['web', 'pat', 'ssh', 'oauth'],
    sources: ['ADO-CAP', 'ADO-IPV6'],
    status: 'assumption',
    caveat:
      'Supporting both families is documented; whether ::ffff:a.b.c.d matches a.b.c.d is not. Default: distinct. Switch: ipv4-mapped=equivalent.',
  },
  {
    id: 'R10',
    statement:
      'With a split-tunnel VPN, the IP Entra sees at sign-in can differ from the IP that reaches Azure DevOps; for web flows both must be allowed.',
    flows: ['web'],
    sources: ['ADO-CAP', 'ADO-RN202'],
    status: 'documented',
  },
  {
    id: 'R11',
    statement: 'SSH keys are covered by the same IP validation as PATs.',
    flows: ['ssh'],
    sources: ['ART', 'ADO-IPV6'],
    status: 'documented',
    caveat: 'Documented in older sources (2021); current documentation mentions PATs only.',
  },
  {
    id: 'R12',
    statement:
      'PATs created before the organisation policy was turned on keep working from anywhere. Rotate PATs after turning the policy on, whichever way this really behaves.',
    flows: ['pat'],
    sources: ['ART'],
    status: 'article',
    caveat:
      'Only the source article says this; Microsoft does not. Switch: existing-pats=enforced.',
  },
  {
    id: 'R13',
    statement:
      'A PAT or SSH request refused by the IP check answers HTTP 403 with a VssServiceException whose message starts "VS403463: The conditional access policy defined by your Microsoft Entra administrator has failed."',
    flows: ['pat', 'ssh', 'oauth', 'web'],
    sources: ['OBSERVED'],
    status: 'documented',
    caveat:
      'Documented by observation; older responses say "Azure Active Directory administrator".',
  },
  {
    id: 'R14',
    statement:
      'When Conditional Access blocks an Entra sign-in, the error is AADSTS53003 (BlockedByConditionalAccess).',
    flows: ['web', 'oauth'],
    sources: ['ENT-ERR'],
    status: 'documented',
  },
  {
    id: 'R15',
    statement:
      'Every policy that applies must be satisfied, and any applicable block wins. Inside one policy, grant controls combine with OR (require one) or AND (require all).',
    flows: ['web', 'pat', 'ssh', 'oauth'],
    sources: ['ENT-POL'],
    status: 'documented',
  },
  {
    id: 'R16',
    statement:
      'Report-only policies are evaluated and logged but never enforced. Disabled policies are ignored.',
    flows: ['web', 'pat', 'ssh', 'oauth'],
    sources: ['ENT-RO'],
    status: 'documented',
  },
  {
    id: 'R17',
    statement:
      'A location condition includes and excludes named locations, All, or AllTrusted; exclusion beats inclusion. Entra uses the public egress IP, never X-Forwarded-For, and refuses IPv4 ranges of /8 or wider.',
    flows: ['web', 'pat', 'ssh', 'oauth'],
    sources: ['GRAPH', 'ENT-NET'],
    status: 'documented',
  },
  {
    id: 'R18',
    statement:
      'A policy covers Azure DevOps only if it targets the Azure DevOps resource (499b84ac-1321-427f-aa17-267ca6975798) or All resources. Since September 2025 a policy on Azure Resource Manager no longer covers Azure DevOps.',
    flows: ['web', 'pat', 'ssh', 'oauth'],
    sources: ['ADO-CAP'],
    status: 'documented',
  },
  {
    id: 'R19',
    statement:
      'Sign-in frequency can bind PAT use: when the user last signed in interactively longer ago than the policy allows, they must sign in again before the PAT works.',
    flows: ['pat'],
    sources: ['ADO-POL'],
    status: 'documented',
    caveat: 'Documented, but vaguely: Microsoft does not say exactly when the check happens.',
  },
  {
    id: 'R20',
    statement:
      "With the organisation policy on, a pipeline on a Microsoft-hosted agent that calls Azure DevOps with a PAT is blocked unless the agents' egress IPs are allowed. The pipeline's own System.AccessToken is not affected.",
    flows: ['pat'],
    sources: ['COMMUNITY'],
    status: 'article',
    caveat:
      'Observed in community reports; Microsoft documentation is silent. The egress IPs of Microsoft-hosted agents change weekly.',
  },
  {
    id: 'T1',
    statement:
      'An expired or revoked PAT is refused (HTTP 401) before any Conditional Access check.',
    flows: ['pat', 'ssh'],
    sources: ['ADO-PAT'],
    status: 'documented',
  },
  {
    id: 'T2',
    statement:
      'A PAT works only for what its scopes allow: a request outside them is refused after the Conditional Access check, even from a trusted IP.',
    flows: ['pat'],
    sources: ['ART', 'ADO-PAT'],
    status: 'documented',
  },
];

export const RULES: Record<RuleId, Rule> = Object.fromEntries(
  rules.map((r) => [r.id, r]),
) as Record<RuleId, Rule>;

export const RULE_IDS: readonly RuleId[] = rules.map((r) => r.id);
