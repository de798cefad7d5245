// Every rule the engine applies, with its id, a statement in PAT Fence's own words, its sources
// and how sure we are (the Rules and sources page, #/rules). The UI shows these next to each trace step.
import type { Rule, RuleId } from './types';

const rules: Rule[] = [
  {
    id: 'R1',
    name: 'Entra checks every sign-in',
    statement:
      'At an interactive sign-in, Microsoft Entra evaluates every enabled Conditional Access policy that targets Azure DevOps, whatever the organisation policy says.',
    flows: ['web', 'oauth'],
    sources: ['ADO-CAP', 'ADO-POL', 'ART'],
    status: 'documented',
  },
  {
    id: 'R2',
    name: 'Azure DevOps re-checks web requests',
    statement:
      'Azure DevOps itself also enforces Conditional Access on every web (interactive) request, using the IP that reaches it. Before 2025 this second check depended on the organisation policy.',
    flows: ['web'],
    sources: ['ADO-CAP', 'ADO-POL'],
    status: 'documented',
  },
  {
    id: 'R3',
    name: 'Web sessions re-checked hourly',
    statement:
      'A web session is re-checked at least every hour, when Entra issues a fresh token; Continuous Access Evaluation can revoke it within minutes when the IP changes.',
    flows: ['web'],
    sources: ['ADO-POL', 'ENT-NET', 'ADO-CAE'],
    status: 'documented',
  },
  {
    id: 'R4',
    name: 'IP fence on PATs (org policy on)',
    statement:
      'With the organisation policy on, Azure DevOps checks IP-based Conditional Access policies on non-interactive requests: a PAT used by git, the REST API or the CLI.',
    flows: ['pat', 'oauth'],
    sources: ['ADO-CAP', 'ART'],
    status: 'documented',
  },
  {
    id: 'R5',
    name: 'No check on PATs (org policy off)',
    statement:
      'With the organisation policy off, PATs and SSH keys get no Conditional Access check at all: a valid token works from any IP.',
    flows: ['pat', 'ssh'],
    sources: ['ADO-IPV6', 'ART'],
    status: 'documented',
  },
  {
    id: 'R6',
    name: 'A PAT cannot answer MFA',
    statement:
      'A PAT or SSH request cannot answer an MFA prompt or prove anything else. If an IP-conditioned policy applies to it and asks for MFA or any other grant, the request is blocked.',
    flows: ['pat', 'ssh'],
    sources: ['ADO-MCA', 'ADO-POL', 'ART'],
    status: 'documented',
  },
  {
    id: 'R7',
    name: 'MFA-only policies skip PATs',
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
    name: 'Device and other conditions skip PATs',
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
    name: 'IPv4 and IPv6, mapped forms apart',
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
    name: 'Split tunnel: both IPs count',
    statement:
      'With a split-tunnel VPN, the IP Entra sees at sign-in can differ from the IP that reaches Azure DevOps; for web flows both must be allowed.',
    flows: ['web'],
    sources: ['ADO-CAP', 'ADO-RN202'],
    status: 'documented',
  },
  {
    id: 'R11',
    name: 'SSH keys fenced like PATs',
    statement: 'SSH keys are covered by the same IP validation as PATs.',
    flows: ['ssh'],
    sources: ['ART', 'ADO-IPV6'],
    status: 'documented',
    caveat: 'Documented in older sources (2021); current documentation mentions PATs only.',
  },
  {
    id: 'R12',
    name: 'PATs made before the switch',
    statement:
      'PATs created before the organisation policy was turned on keep working from anywhere, says the source article. Rotate PATs after turning the policy on, whichever way this really behaves. SSH keys are not exempt.',
    flows: ['pat'],
    sources: ['ART'],
    status: 'article',
    caveat:
      'Only the source article (and community pages that repeat it) says this. Microsoft\'s only "new PATs only" sentence (release notes, sprint 188) is about the PAT lifetime and scope policies, not Conditional Access. Switch: existing PATs are checked too.',
  },
  {
    id: 'R13',
    name: 'VS403463 refusal',
    statement:
      'A PAT or SSH request refused by the IP check answers HTTP 403 with a VssServiceException whose message starts "VS403463: The conditional access policy defined by your Microsoft Entra administrator has failed."',
    flows: ['pat', 'ssh', 'oauth', 'web'],
    sources: ['COE-6694'],
    status: 'observed',
    caveat:
      'Microsoft does not document this answer; public reports quote it (typeKey VssServiceException, eventId 3000). Older responses say "Azure Active Directory administrator".',
  },
  {
    id: 'R14',
    name: 'Entra sign-in error codes',
    statement:
      'When Conditional Access blocks an Entra sign-in the error is AADSTS53003 (BlockedByConditionalAccess); an unmet compliant-device grant is AADSTS53000, an unmet domain-joined grant AADSTS53001, and an MFA requirement a non-interactive token request cannot meet AADSTS50076.',
    flows: ['web', 'oauth'],
    sources: ['ENT-CODES'],
    status: 'documented',
  },
  {
    id: 'R15',
    name: 'Every applicable policy must pass',
    statement:
      'Every policy that applies must be satisfied, and any applicable block wins. Inside one policy, grant controls combine with OR (require one) or AND (require all).',
    flows: ['web', 'pat', 'ssh', 'oauth'],
    sources: ['ENT-POL'],
    status: 'documented',
  },
  {
    id: 'R16',
    name: 'Report-only and disabled policies',
    statement:
      'Report-only policies are evaluated and logged but never enforced. Disabled policies are ignored.',
    flows: ['web', 'pat', 'ssh', 'oauth'],
    sources: ['ENT-RO'],
    status: 'documented',
  },
  {
    id: 'R17',
    name: 'Named locations and ranges',
    statement:
      'A location condition includes and excludes named locations, All, or AllTrusted; exclusion beats inclusion. Entra uses the public egress IP, never X-Forwarded-For, and refuses IPv4 ranges of /8 or wider.',
    flows: ['web', 'pat', 'ssh', 'oauth'],
    sources: ['GRAPH', 'ENT-NET'],
    status: 'documented',
  },
  {
    id: 'R18',
    name: 'Policies must target Azure DevOps',
    statement:
      'A policy covers Azure DevOps only if it targets the Azure DevOps resource (499b84ac-1321-427f-aa17-267ca6975798) or All resources. Since September 2025 a policy on Azure Resource Manager no longer covers Azure DevOps.',
    flows: ['web', 'pat', 'ssh', 'oauth'],
    sources: ['ADO-CAP'],
    status: 'documented',
  },
  {
    id: 'R19',
    name: 'Sign-in frequency binds PATs',
    statement:
      'Sign-in frequency can bind PAT use: when the user last signed in interactively longer ago than the policy allows, they must sign in again before the PAT works.',
    flows: ['pat'],
    sources: ['ADO-POL'],
    status: 'documented',
    caveat: 'Documented, but vaguely: Microsoft does not say exactly when the check happens.',
  },
  {
    id: 'R20',
    name: 'Microsoft-hosted agents',
    statement:
      "With the organisation policy on, a pipeline on a Microsoft-hosted agent that calls Azure DevOps with a PAT is blocked unless the agents' egress IPs are allowed. The pipeline's own System.AccessToken is not affected.",
    flows: ['pat'],
    sources: ['CLI-24108', 'DOCS-4845'],
    status: 'observed',
    caveat:
      'Seen in community reports; Microsoft documentation is silent. The egress IPs of Microsoft-hosted agents change weekly.',
  },
  {
    id: 'R21',
    name: 'Authentication flows (device code)',
    statement:
      'A policy on authentication flows (device code flow, authentication transfer) matches only sign-ins that use those protocols. A browser sign-in, a PAT, an SSH key or an ordinary OAuth sign-in never matches it, so a "block device code flow" policy does not block them.',
    flows: ['web', 'pat', 'ssh', 'oauth'],
    sources: ['ENT-FLOWS'],
    status: 'documented',
  },
  {
    id: 'R22',
    name: 'Facts the request may not carry',
    statement:
      'Group membership, the country of the IP, the device platform, a device filter, sign-in risk, user risk, insider risk and the authentication flow are inputs, as in Entra\'s What If. A policy whose condition needs a fact the request does not give is treated as not applying and listed under "depends on" with the outcome it would lead to; it never silently blocks or allows. Risks default to none; the country comes from the request, never from an IP database.',
    flows: ['web', 'pat', 'ssh', 'oauth'],
    sources: ['ENT-WHATIF'],
    status: 'documented',
  },
  {
    id: 'R23',
    name: 'Trusted IPs and unknown countries',
    statement:
      '"All trusted locations" also covers the legacy per-user MFA trusted IPs, which no Graph export contains. A country location with "include unknown countries and regions" matches a request whose country is unknown.',
    flows: ['web', 'pat', 'ssh', 'oauth'],
    sources: ['ENT-NET', 'GRAPH'],
    status: 'documented',
  },
  {
    id: 'T1',
    name: 'Expired or revoked token',
    statement:
      'An expired or revoked PAT or SSH key is refused (HTTP 401) before any Conditional Access check.',
    flows: ['pat', 'ssh'],
    sources: ['ADO-PAT'],
    status: 'documented',
  },
  {
    id: 'T2',
    name: 'PAT scopes',
    statement:
      'A PAT works only for what its scopes allow: a request outside them is refused after the Conditional Access check, even from a trusted IP.',
    flows: ['pat'],
    sources: ['ADO-PAT', 'ART'],
    status: 'documented',
  },
];

export const RULES: Record<RuleId, Rule> = Object.fromEntries(
  rules.map((r) => [r.id, r]),
) as Record<RuleId, Rule>;

export const RULE_IDS: readonly RuleId[] = rules.map((r) => r.id);
