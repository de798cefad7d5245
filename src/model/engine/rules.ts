// Every rule the engine applies, with its id, a statement in PAT Fence's own words, its sources
// and how sure we are (the Rules and sources page, #/rules). The UI shows these next to each trace step.
// Here: each rule's words (statement, and caveat for assumption/article rules); its name, flows,
// sources and status are in ruleBasics.ts, which the engine reads on every decision.
import { RULE_BASICS, RULE_IDS } from './ruleBasics';
import type { Rule, RuleId } from './types';

const words: Record<RuleId, Pick<Rule, 'statement' | 'caveat'>> = {
  // Entra checks every sign-in
  R1: {
    statement:
      'At an interactive sign-in, Microsoft Entra evaluates every enabled Conditional Access policy that targets Azure DevOps, whatever the organisation policy says.',
  },
  // Azure DevOps re-checks web requests
  R2: {
    statement:
      'Azure DevOps itself also enforces Conditional Access on every web (interactive) request, using the IP that reaches it. Before 2025 this second check depended on the organisation policy.',
  },
  // Web sessions re-checked hourly
  R3: {
    statement:
      'A web session is re-checked at least every hour, when Entra issues a fresh token; Continuous Access Evaluation can revoke it within minutes when the IP changes.',
  },
  // IP fence on PATs (org policy on)
  R4: {
    statement:
      'With the organisation policy on, Azure DevOps checks IP-based Conditional Access policies on non-interactive requests: a PAT used by git, the REST API or the CLI.',
  },
  // No check on PATs (org policy off)
  R5: {
    statement:
      'With the organisation policy off, PATs and SSH keys get no Conditional Access check at all: a valid token works from any IP.',
  },
  // A PAT cannot answer MFA
  R6: {
    statement:
      'A PAT or SSH request cannot answer an MFA prompt or prove anything else. If an IP-conditioned policy applies to it and asks for MFA or any other grant, the request is blocked.',
  },
  // MFA-only policies skip PATs
  R7: {
    statement:
      'A policy with no location condition (such as a plain "require MFA") is not an IP fence, so it is not evaluated for PATs and SSH keys.',
    caveat:
      'A Microsoft maintainer said such policies are not evaluated for PATs; a 2019 whitepaper said they fail (block) instead. Default: not evaluated. Switch: mfa-only-policy-on-pat=blocked.',
  },
  // Device and other conditions skip PATs
  R8: {
    statement:
      'Device compliance and other non-IP conditions cannot be known on a PAT call, so policies that depend on them are not evaluated for PATs and SSH keys.',
    caveat:
      'Microsoft documentation is silent. Default: not evaluated. Switch: device-policy-on-pat=blocked.',
  },
  // IPv4 and IPv6, mapped forms apart
  R9: {
    statement:
      'IPv4 and IPv6 addresses are both checked. Microsoft advises listing the IPv4-mapped form (::ffff:a.b.c.d) of trusted IPv4 addresses too, so the two forms are treated as different addresses.',
    caveat:
      'Supporting both families is documented; whether ::ffff:a.b.c.d matches a.b.c.d is not. Default: distinct. Switch: ipv4-mapped=equivalent.',
  },
  // Split tunnel: both IPs count
  R10: {
    statement:
      'With a split-tunnel VPN, the IP Entra sees at sign-in can differ from the IP that reaches Azure DevOps; for web flows both must be allowed.',
  },
  // SSH keys fenced like PATs
  R11: {
    statement: 'SSH keys are covered by the same IP validation as PATs.',
    caveat: 'Documented in older sources (2021); current documentation mentions PATs only.',
  },
  // PATs made before the switch
  R12: {
    statement:
      'PATs created before the organisation policy was turned on keep working from anywhere, says the source article. Rotate PATs after turning the policy on, whichever way this really behaves. SSH keys are not exempt.',
    caveat:
      'Only the source article (and community pages that repeat it) says this. Microsoft\'s only "new PATs only" sentence (release notes, sprint 188) is about the PAT lifetime and scope policies, not Conditional Access. Switch: existing PATs are checked too.',
  },
  // VS403463 refusal
  R13: {
    statement:
      'A PAT or SSH request refused by the IP check answers HTTP 403 with a VssServiceException whose message starts "VS403463: The conditional access policy defined by your Microsoft Entra administrator has failed."',
    caveat:
      'Microsoft does not document this answer; public reports quote it (typeKey VssServiceException, eventId 3000). Older responses say "Azure Active Directory administrator".',
  },
  // Entra sign-in error codes
  R14: {
    statement:
      'When Conditional Access blocks an Entra sign-in the error is AADSTS53003 (BlockedByConditionalAccess); an unmet compliant-device grant is AADSTS53000, an unmet domain-joined grant AADSTS53001, and an MFA requirement a non-interactive token request cannot meet AADSTS50076.',
  },
  // Every applicable policy must pass
  R15: {
    statement:
      'Every policy that applies must be satisfied, and any applicable block wins. Inside one policy, grant controls combine with OR (require one) or AND (require all).',
  },
  // Report-only and disabled policies
  R16: {
    statement:
      'Report-only policies are evaluated and logged but never enforced. Disabled policies are ignored.',
  },
  // Named locations and ranges
  R17: {
    statement:
      'A location condition includes and excludes named locations, All, or AllTrusted; exclusion beats inclusion. Entra uses the public egress IP, never X-Forwarded-For, and refuses IPv4 ranges of /8 or wider.',
  },
  // Policies must target Azure DevOps
  R18: {
    statement:
      'A policy covers Azure DevOps only if it targets the Azure DevOps resource (499b84ac-1321-427f-aa17-267ca6975798) or All resources. Since September 2025 a policy on Azure Resource Manager no longer covers Azure DevOps.',
  },
  // Sign-in frequency binds PATs
  R19: {
    statement:
      'Sign-in frequency can bind PAT use: when the user last signed in interactively longer ago than the policy allows, they must sign in again before the PAT works.',
    caveat: 'Documented, but vaguely: Microsoft does not say exactly when the check happens.',
  },
  // Microsoft-hosted agents
  R20: {
    statement:
      "With the organisation policy on, a pipeline on a Microsoft-hosted agent that calls Azure DevOps with a PAT is blocked unless the agents' egress IPs are allowed. The pipeline's own System.AccessToken is not affected.",
    caveat:
      'Seen in community reports; Microsoft documentation is silent. The egress IPs of Microsoft-hosted agents change weekly.',
  },
  // Authentication flows (device code)
  R21: {
    statement:
      'A policy on authentication flows (device code flow, authentication transfer) matches only sign-ins that use those protocols. A browser sign-in, a PAT, an SSH key or an ordinary OAuth sign-in never matches it, so a "block device code flow" policy does not block them.',
  },
  // Facts the request may not carry
  R22: {
    statement:
      'Group membership, the country of the IP, the device platform, a device filter, sign-in risk, user risk, insider risk and the authentication flow are inputs, as in Entra\'s What If. A policy whose condition needs a fact the request does not give is treated as not applying and listed under "depends on" with the outcome it would lead to; it never silently blocks or allows. Risks default to none; the country comes from the request, never from an IP database.',
  },
  // Trusted IPs and unknown countries
  R23: {
    statement:
      '"All trusted locations" also covers the legacy per-user MFA trusted IPs, which no Graph export contains. A country location with "include unknown countries and regions" matches a request whose country is unknown.',
  },
  // Expired or revoked token
  T1: {
    statement:
      'An expired or revoked PAT or SSH key is refused (HTTP 401) before any Conditional Access check.',
  },
  // PAT scopes
  T2: {
    statement:
      'A PAT works only for what its scopes allow: a request outside them is refused after the Conditional Access check, even from a trusted IP.',
  },
};

export const RULES: Record<RuleId, Rule> = Object.fromEntries(
  RULE_IDS.map((id) => [id, { ...RULE_BASICS[id], ...words[id] }]),
) as Record<RuleId, Rule>;

export { RULE_IDS };
