// Per-policy facts for the impact fast path, worked out once per world with the engine's own
// helpers (assignments, grants) so that the per-row loop only compares small numbers.
import { targetsAzureDevOps, targetsClientApp } from '../engine/assignments';
import { ARM_STOPS_COVERING_ADO } from '../engine/azureDevOps';
import { interactiveGrant, nonInteractiveGrant } from '../engine/grants';
import { isR8Policy } from '../engine/policyAnalysis';
import { instant } from '../engine/time';
import type { AccessRequest, Assumptions, Policy, PolicyEffect, RuleId } from '../engine/types';

/** Effects that fail a request, ranked as sweepPolicies ranks them; 0 means "does not fail". */
export const NONE = 0;
export const BLOCK = 1;
export const UNSATISFIABLE = 2;
export const MFA = 3;

export function effectCode(effect: PolicyEffect): number {
  return effect === 'block'
    ? BLOCK
    : effect === 'unsatisfiable'
      ? UNSATISFIABLE
      : effect === 'mfa'
        ? MFA
        : NONE;
}

/** Whether the policy targets Azure DevOps: never, always, or only before the ARM cut-off (R18). */
export const APP_NEVER = 0;
export const APP_ALWAYS = 1;
export const APP_BEFORE_CUTOFF = 2;
export const ARM_CUTOFF_MS = instant(ARM_STOPS_COVERING_ADO)!;

export interface CompiledPolicy {
  /** Position in world.policies: the order sweepPolicies breaks ties in. */
  index: number;
  id: string;
  displayName: string;
  app: number;
  hasLocations: boolean;
  web: boolean;
  oauth: boolean;
  /** PAT/SSH/OAuth at Azure DevOps (ip-only): effect when the location selects the IP. */
  ipOnly: number;
  ipOnlyRule: RuleId;
  /** Entra at sign-in: MFA not yet done, device not known compliant. */
  entra: number;
  /** Azure DevOps re-checking a web request after sign-in: MFA done. */
  adoWeb: number;
}

const probe = (at: string, mfaDone: boolean): AccessRequest => ({
  flow: 'web',
  ip: '0.0.0.0',
  at,
  mfaDone,
});

function appTarget(policy: Policy): number {
  const before = targetsAzureDevOps(policy, '2000-01-01T00:00:00Z').match;
  const after = targetsAzureDevOps(policy, ARM_STOPS_COVERING_ADO).match;
  if (before === after) return before ? APP_ALWAYS : APP_NEVER;
  return APP_BEFORE_CUTOFF;
}

/** R7/R8 for a policy without a location condition; location policies follow R6/R15. */
function ipOnlyEffect(policy: Policy, assumptions: Assumptions): [number, RuleId] {
  const grant = effectCode(nonInteractiveGrant(policy).effect);
  if (policy.locations) return [grant, grant === UNSATISFIABLE ? 'R6' : 'R15'];
  const device = isR8Policy(policy);
  const setting = device
    ? assumptions['device-policy-on-pat']
    : assumptions['mfa-only-policy-on-pat'];
  return [setting === 'ignored' ? NONE : grant, device ? 'R8' : 'R7'];
}

/**
 * The policies that can fail a request: enforced (report-only and disabled ones never do, R16)
 * and possibly targeting Azure DevOps (R18), in world order.
 */
export function compilePolicies(policies: Policy[], assumptions: Assumptions): CompiledPolicy[] {
  const out: CompiledPolicy[] = [];
  policies.forEach((policy, index) => {
    const app = appTarget(policy);
    if (app === APP_NEVER || policy.state !== 'enabled') return;
    const [ipOnly, ipOnlyRule] = ipOnlyEffect(policy, assumptions);
    out.push({
      index,
      id: policy.id,
      displayName: policy.displayName,
      app,
      hasLocations: policy.locations !== undefined,
      web: targetsClientApp(policy, 'web').match,
      oauth: targetsClientApp(policy, 'oauth').match,
      ipOnly,
      ipOnlyRule,
      entra: effectCode(interactiveGrant(policy, probe('', false)).effect),
      adoWeb: effectCode(interactiveGrant(policy, probe('', true)).effect),
    });
  });
  return out;
}
