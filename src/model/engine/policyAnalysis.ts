// Analyses one policy against one request, as Entra's What If does for a sign-in ("interactive")
// or as Azure DevOps's IP validation does for a PAT or SSH call ("ip-only", R4–R8), or for a call
// with an Entra token ("token-ip": IP-conditioned policies only, grants met by the token's claims).
import { targetsAzureDevOps, targetsClientApp, targetsUser } from './assignments';
import { interactiveGrant, isDevicePolicy, nonInteractiveGrant } from './grants';
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
): PolicyRun {
  const by = mode === 'interactive' && !loc.atAzureDevOps ? 'entra' : 'ado';
  const app = targetsAzureDevOps(policy, req.at);
  if (!app.match) return run(policy, false, 'not-applicable', app.reason, 'R18', 'none', false);
  if (policy.state === 'disabled')
    return run(policy, false, 'not-applicable', 'disabled: ignored', 'R16', 'none', false);
  const user = targetsUser(policy, req);
  if (!user.match) return run(policy, false, 'not-applicable', user.reason, 'R15', by);

  const unknowns: string[] = [];
  if (mode !== 'ip-only') {
    const client = targetsClientApp(policy, req.flow);
    if (!client.match) return run(policy, false, 'not-applicable', client.reason, 'R15', by);
    if (policy.otherConditions.length) {
      unknowns.push(
        `"${policy.displayName}": ${policy.otherConditions.join(', ')} assumed to match this sign-in`,
      );
    }
    if (mode === 'token-ip' && !policy.locations) {
      const why = 'no location condition: Entra already enforced it when it issued the token';
      return run(policy, false, 'not-evaluated', why, 'R1', by);
    }
  } else {
    const extra = [...policy.otherConditions];
    if (!targetsClientApp(policy, 'web').match || !targetsClientApp(policy, 'oauth').match)
      extra.push('client app types');
    if (extra.length && policy.locations) {
      unknowns.push(
        `"${policy.displayName}": ${extra.join(', ')} cannot be known on a PAT call; only its IP condition is checked (R8)`,
      );
    }
    if (!policy.locations) return nonIpPolicy(policy, assumptions);
  }
  const refs = policy.locations
    ? [...policy.locations.includeLocations, ...policy.locations.excludeLocations]
    : [];
  const missing = refs.filter(
    (ref) => ref !== 'All' && ref !== 'AllTrusted' && !loc.compiled.locationsById.has(ref),
  );
  for (const ref of missing) {
    unknowns.push(
      `"${policy.displayName}" names location ${ref}, which is not among the named locations: it matches no IP`,
    );
  }

  const where = matchLocations(policy, loc);
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
  if (where.applies === 'unknown') {
    unknowns.push(`"${policy.displayName}": ${where.detail}`);
    return run(policy, false, 'unknown', where.detail, 'R17', by, true, unknowns);
  }
  const grant = mode === 'ip-only' ? nonInteractiveGrant(policy) : interactiveGrant(policy, req);
  const rule: RuleId =
    grant.effect === 'block'
      ? 'R15'
      : mode === 'ip-only' && grant.effect === 'unsatisfiable'
        ? 'R6'
        : 'R15';
  const prefix = policy.locations ? `applies (${where.detail}); ` : 'applies; ';
  return run(policy, true, grant.effect, prefix + grant.detail, rule, by, true, unknowns);
}

/**
 * R7/R8: a policy without a location condition is not an IP fence for PATs and SSH keys. R8 when
 * it depends on the device or on other conditions a PAT call cannot show; R7 otherwise.
 */
export function isR8Policy(policy: Policy): boolean {
  return isDevicePolicy(policy) || policy.otherConditions.length > 0;
}

function nonIpPolicy(policy: Policy, assumptions: Assumptions): PolicyRun {
  const device = isR8Policy(policy);
  const rule: RuleId = device ? 'R8' : 'R7';
  const setting = device
    ? assumptions['device-policy-on-pat']
    : assumptions['mfa-only-policy-on-pat'];
  if (setting === 'ignored') {
    return run(
      policy,
      false,
      'not-evaluated',
      'no location condition, so not an IP fence: its grant controls are not evaluated for PATs and SSH keys (assumption)',
      rule,
      'ado',
    );
  }
  const grant = nonInteractiveGrant(policy);
  const name = device ? 'device-policy-on-pat' : 'mfa-only-policy-on-pat';
  return run(
    policy,
    true,
    grant.effect,
    `no location condition, evaluated because ${name}=blocked: ${grant.detail}`,
    rule,
    'ado',
  );
}
