// Analyses one policy against one request, as Entra's What If does for a sign-in ("interactive")
// or as Azure DevOps's IP validation does for a PAT or SSH call ("ip-only", R4–R8), or for a call
// with an Entra token ("token-ip": IP-conditioned policies only, grants met by the token's claims).
import {
  clientAppCondition,
  targetsAzureDevOps,
  targetsClientApp,
  targetsUser,
} from './assignments';
import { matchFacts, platformCondition, type Missing } from './factMatch';
import { grantLabel, interactiveGrant, nonInteractiveGrant, type GrantVerdict } from './grants';
import { matchLocations, type LocationContext } from './locationMatch';
import type { AccessRequest, Assumptions, Policy, PolicyAnalysis, RuleId } from './types';

export type Mode = 'interactive' | 'ip-only' | 'token-ip';

export interface PolicyRun {
  analysis: PolicyAnalysis;
  /** The rule that settled this policy's effect, for the trace. */
  rule: RuleId;
  /** Targets Azure DevOps and is not disabled: worth a trace step of its own. */
  candidate: boolean;
  unknowns: string[];
  /** R22: the facts the request lacks that would make this policy apply. */
  missing?: Missing[];
  /** R14: Entra's code for an unmet device grant. */
  code?: GrantVerdict['code'];
}

function run(
  policy: Policy,
  applies: boolean,
  effect: PolicyAnalysis['effect'],
  reason: string,
  rule: RuleId,
  by: PolicyAnalysis['evaluatedBy'],
  candidate = true,
  unknowns: string[] = [],
): PolicyRun {
  return {
    analysis: {
      id: policy.id,
      displayName: policy.displayName,
      applies,
      reason,
      enforced: policy.state === 'enabled',
      effect,
      evaluatedBy: by,
    },
    rule,
    candidate,
    unknowns,
  };
}

export function analysePolicy(
  policy: Policy,
  req: AccessRequest,
  loc: LocationContext,
  mode: Mode,
  assumptions: Assumptions,
  /** R22's "what if": take every fact this policy needs and the request lacks as matching. */
  assume = false,
): PolicyRun {
  const by = mode === 'interactive' && !loc.atAzureDevOps ? 'entra' : 'ado';
  const app = targetsAzureDevOps(policy, req.at);
  if (!app.match) return run(policy, false, 'not-applicable', app.reason, 'R18', 'none', false);
  if (policy.state === 'disabled')
    return run(policy, false, 'not-applicable', 'disabled: ignored', 'R16', 'none', false);
  const user = targetsUser(policy, req, assume);
  if (!user.match && !user.missing)
    return run(policy, false, 'not-applicable', user.reason, 'R15', by);
  const missing: Missing[] = [...(user.missing ?? [])];

  const unknowns: string[] = [];
  if (mode !== 'ip-only') {
    const client = targetsClientApp(policy, req.flow);
    if (!client.match) return run(policy, false, 'not-applicable', client.reason, 'R15', by);
    const facts = matchFacts(policy, req, assume);
    if (facts.out)
      return run(policy, false, 'not-applicable', facts.out.reason, facts.out.rule, by);
    missing.push(...facts.missing);
    if (policy.otherConditions.length) {
      unknowns.push(
        `"${policy.displayName}": ${policy.otherConditions.join(', ')} assumed to match this sign-in`,
      );
    }
    if (mode === 'token-ip' && !policy.locations) {
      const why = 'no location condition: Entra already enforced it when it issued the token';
      return run(policy, false, 'not-evaluated', why, 'R15', by);
    }
  } else {
    // R21/R22 hold on a PAT or SSH call too: it is never a device code sign-in, a known fact (risk
    // defaults to none) that rules the policy out wins, and a missing one goes to dependsOn.
    const facts = matchFacts(policy, req, assume);
    if (facts.out)
      return run(policy, false, 'not-applicable', facts.out.reason, facts.out.rule, by);
    // A device filter is about the device, which a PAT call never shows: R8, not a missing fact.
    missing.push(...facts.missing.filter((m) => m.fact !== 'deviceFilter'));
    if (!policy.locations) return nonIpPolicy(policy, assumptions, missing);
    // R8 also covers an IP fence that further depends on what a PAT call cannot show.
    const unknowable = unknowableOnPat(policy);
    if (unknowable.length) {
      const what = unknowable.join(', ');
      if (assumptions['device-policy-on-pat'] === 'ignored') {
        const why = `it also depends on ${what}, which a PAT or SSH call cannot show: not evaluated (device-policy-on-pat=ignored, an assumption, R8)`;
        return run(policy, false, 'not-evaluated', why, 'R8', by, true, unknowns);
      }
      unknowns.push(
        `"${policy.displayName}": ${what} cannot be known on a PAT call; only its IP condition is checked (device-policy-on-pat=blocked, R8)`,
      );
    }
  }
  const refs = policy.locations
    ? [...policy.locations.includeLocations, ...policy.locations.excludeLocations]
    : [];
  const absent = refs.filter(
    (ref) => ref !== 'All' && ref !== 'AllTrusted' && !loc.compiled.locationsById.has(ref),
  );
  for (const ref of absent) {
    unknowns.push(
      `"${policy.displayName}" names location ${ref}, which is not among the named locations: it matches no IP`,
    );
  }

  const where = matchLocations(policy, { ...loc, assumeCountry: assume });
  if (where.applies === 'out')
    return run(
      policy,
      false,
      'not-applicable',
      `does not apply: ${where.detail}`,
      'R17',
      by,
      true,
      unknowns,
    );
  if (where.applies === 'unknown') missing.push({ fact: 'country', condition: where.missing! });
  if (missing.length) return dependsOnFacts(policy, by, unknowns, missing);
  const grant =
    mode === 'ip-only' ? nonInteractiveGrant(policy) : interactiveGrant(policy, req, assume);
  const prefix = policy.locations ? `applies (${where.detail}); ` : 'applies; ';
  if (grant.effect === 'unknown' && grant.missing) {
    // R22 read for grants: one the request cannot show is never silently met nor refused.
    const r = run(policy, false, 'unknown', prefix + grant.detail, 'R22', by, true, unknowns);
    return { ...r, missing: [{ fact: 'grant', condition: grant.missing }] };
  }
  const refused =
    grant.effect === 'block' || grant.effect === 'unsatisfiable' || grant.effect === 'mfa';
  const rule: RuleId =
    mode === 'ip-only' && grant.effect === 'unsatisfiable'
      ? 'R6'
      : refused
        ? (loc.enforcedBy ?? 'R15')
        : 'R15';
  const r = run(policy, true, grant.effect, prefix + grant.detail, rule, by, true, unknowns);
  return grant.code ? { ...r, code: grant.code } : r;
}

/** R22: a fact the policy needs is missing, so it does not apply; the decision lists it. */
function dependsOnFacts(
  policy: Policy,
  by: PolicyAnalysis['evaluatedBy'],
  unknowns: string[],
  missing: Missing[],
): PolicyRun {
  const facts = missing.map((m) => m.condition).join(', and ');
  const reason = `does not apply for want of a fact: it applies only if ${facts}, which the request does not say`;
  const r = run(policy, false, 'unknown', reason, 'R22', by, true, unknowns);
  return { ...r, missing };
}

/** What a PAT or SSH call can never show, once R21/R22's facts are answered (R8). */
function unknowableOnPat(policy: Policy): string[] {
  const labels: string[] = [];
  const types = clientAppCondition(policy);
  if (types.length) labels.push(`client app types (${types.join(', ')})`);
  if (policy.deviceFilter) labels.push('device filter');
  return [...labels, ...policy.otherConditions];
}

const DEVICE_CONTROLS = new Set(['compliantDevice', 'domainJoinedDevice']);

/** Conditions besides locations and users that a PAT or SSH call cannot show (R8). */
export function nonIpConditions(policy: Policy): string[] {
  const labels: string[] = [];
  const types = clientAppCondition(policy);
  if (types.length) labels.push(`client app types (${types.join(', ')})`);
  if (policy.authenticationFlows?.length) labels.push('authentication flows');
  if (platformCondition(policy)) labels.push('device platforms');
  if (policy.signInRiskLevels?.length) labels.push('sign-in risk');
  if (policy.userRiskLevels?.length) labels.push('user risk');
  if (policy.insiderRiskLevels?.length) labels.push('insider risk');
  if (policy.deviceFilter) labels.push('device filter');
  return [...labels, ...policy.otherConditions];
}

/**
 * R7 vs R8 for a policy without a location condition: R7 only when it is a plain MFA (or
 * authentication strength) policy; anything else a PAT call cannot show — client app types,
 * platforms, risk, device filters, device state, a plain block — is R8's switch. A policy with
 * no grant controls asks for nothing either switch could refuse; it stays with R7.
 */
export function isR8Policy(policy: Policy): boolean {
  if (nonIpConditions(policy).length) return true;
  const c = policy.grantControls?.builtInControls ?? [];
  // No grant at all (a sign-in frequency policy): nothing for either switch to block; R7 as before.
  if (!c.length) return false;
  return !c.includes('mfa') || c.includes('block') || c.some((x) => DEVICE_CONTROLS.has(x));
}

/** Why a policy falls under R8, in a few words. */
function r8Why(policy: Policy): string {
  const conditions = nonIpConditions(policy);
  if (conditions.length)
    return `it depends on ${conditions.join(', ')}, which a PAT or SSH call cannot show`;
  const c = policy.grantControls?.builtInControls ?? [];
  // A plain block has no condition at all besides users and apps: it is R8's only because R7 is
  // about MFA policies, so say that, not that it depends on something a PAT call cannot show.
  if (c.includes('block')) return 'it blocks outright, and R7 covers only MFA policies';
  const device = c.filter((x) => DEVICE_CONTROLS.has(x));
  if (device.length)
    return `it asks for ${device.map(grantLabel).join(' or ')}, which a PAT or SSH call cannot show`;
  return `it asks for ${c.map(grantLabel).join(', ')}, not MFA, which a PAT or SSH call cannot show`;
}

function nonIpPolicy(policy: Policy, assumptions: Assumptions, missing: Missing[]): PolicyRun {
  const device = isR8Policy(policy);
  const rule: RuleId = device ? 'R8' : 'R7';
  const name = device ? 'device-policy-on-pat' : 'mfa-only-policy-on-pat';
  const why = device
    ? r8Why(policy)
    : policy.grantControls?.builtInControls.length
      ? 'it asks for MFA, which a PAT or SSH key cannot answer'
      : 'it has no grant controls';
  const head = `no location condition, so not an IP fence; ${why} (${rule})`;
  if (assumptions[name] === 'ignored') {
    return run(
      policy,
      false,
      'not-evaluated',
      `${head}: not evaluated (${name}=ignored, an assumption)`,
      rule,
      'ado',
    );
  }
  if (missing.length) return dependsOnFacts(policy, 'ado', [], missing);
  const grant = nonInteractiveGrant(policy);
  return run(
    policy,
    true,
    grant.effect,
    `${head}; evaluated because ${name}=blocked: ${grant.detail}`,
    rule,
    'ado',
  );
}
