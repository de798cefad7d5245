// Grant controls (R15): what a policy that applies asks for, and whether the request can give it.
import type { AccessRequest, Policy, PolicyEffect } from './types';

export interface GrantVerdict {
  effect: PolicyEffect;
  detail: string;
  /** R14: the device state Entra reports as missing (AADSTS53000 compliant, 53001 domain joined). */
  code?: 'AADSTS53000' | 'AADSTS53001';
  /** effect 'unknown': what would make the policy refuse, in plain words (R22). */
  missing?: string;
}

const DEVICE_CODE: Record<string, GrantVerdict['code']> = {
  compliantDevice: 'AADSTS53000',
  domainJoinedDevice: 'AADSTS53001',
};

const LABEL: Record<string, string> = {
  block: 'block access',
  mfa: 'multifactor authentication',
  compliantDevice: 'a compliant device',
  domainJoinedDevice: 'a Microsoft Entra hybrid joined device',
  approvedApplication: 'an approved client app',
  compliantApplication: 'an app protection policy',
  passwordChange: 'a password change',
  termsOfUse: 'accepted terms of use',
  customAuthenticationFactors: 'a custom authentication factor',
};
export const grantLabel = (c: string) => LABEL[c] ?? c;

export function describeGrant(policy: Policy): string {
  const g = policy.grantControls;
  if (!g || g.builtInControls.length === 0) return 'no grant controls';
  if (g.builtInControls.includes('block')) return 'block access';
  const joiner = g.operator === 'AND' ? ' and ' : ' or ';
  return `require ${g.builtInControls.map(grantLabel).join(joiner)}`;
}

/** Grant controls no request fact answers: the engine cannot tell whether they are met (R22's
 * "never silently blocks or allows"), so a decision that hangs on one goes to "depends on". */
const KNOWN_CONTROLS = new Set(['block', 'mfa', 'compliantDevice', 'domainJoinedDevice']);
export const unknowableGrants = (policy: Policy): string[] =>
  (policy.grantControls?.builtInControls ?? []).filter((c) => !KNOWN_CONTROLS.has(c));

/** A report-only policy is only logged (R16): its words say what it would do. */
const blocks = (policy: Policy, what: string) =>
  policy.state === 'enabled'
    ? `so ${what} is blocked`
    : `so ${what} would be blocked if the policy were enforced`;

type Met = boolean | 'mfa';

/**
 * Interactive flows (web, oauth sign-in): the user can do MFA; the device state is known. Grants
 * the request cannot show (an approved or protected app, a password change, terms of use, custom
 * factors) are tried both ways: when the answer differs, the verdict is 'unknown' and `missing`
 * names them; `assumeUnmet` (R22's "what if") takes them as not met.
 */
export function interactiveGrant(
  policy: Policy,
  req: AccessRequest,
  assumeUnmet = false,
): GrantVerdict {
  const g = policy.grantControls;
  if (!g || g.builtInControls.length === 0)
    return { effect: 'satisfied', detail: 'no grant controls' };
  const controls = g.builtInControls;
  if (controls.includes('block'))
    return {
      effect: 'block',
      detail:
        policy.state === 'enabled' ? 'the policy blocks access' : 'the policy would block access',
    };
  const verdict = (unknown: boolean) =>
    grantOf(policy, req, (c) => {
      if (c === 'mfa') return req.mfaDone ? true : 'mfa';
      if (c === 'compliantDevice' || c === 'domainJoinedDevice') return !!req.deviceCompliant;
      return unknown;
    });
  const unmet = verdict(false);
  const unknown = unknowableGrants(policy);
  if (!unknown.length || assumeUnmet) return unmet;
  const met = verdict(true);
  if (met.effect === unmet.effect) return unmet;
  const words = unknown.map(grantLabel).join(g.operator === 'AND' ? ' and ' : ' or ');
  return {
    effect: 'unknown',
    detail: `${describeGrant(policy)}; the request does not say whether the sign-in gives ${words}`,
    missing: `the sign-in does not give ${words}`,
  };
}

function grantOf(policy: Policy, req: AccessRequest, met: (c: string) => Met): GrantVerdict {
  const g = policy.grantControls!;
  const controls = g.builtInControls;
  const results = controls.map(met);
  const ok =
    g.operator === 'AND' ? results.every((r) => r === true) : results.some((r) => r === true);
  if (ok) return { effect: 'satisfied', detail: `${describeGrant(policy)}: satisfied` };
  const onlyMfaMissing =
    g.operator === 'AND'
      ? results.every((r) => r === true || r === 'mfa')
      : results.some((r) => r === 'mfa');
  if (onlyMfaMissing) {
    const how =
      req.flow === 'oauth'
        ? 'a token request cannot answer an MFA prompt (AADSTS50076)'
        : 'Entra asks for MFA';
    return { effect: 'mfa', detail: `${describeGrant(policy)}: ${how}` };
  }
  const device = controls.find((c, i) => results[i] === false && DEVICE_CODE[c]);
  const verdict: GrantVerdict = {
    effect: 'unsatisfiable',
    detail: `${describeGrant(policy)}: not met${device ? ' by this device' : ''}`,
  };
  if (device) verdict.code = DEVICE_CODE[device];
  return verdict;
}

/** Non-interactive flows (PAT, SSH): nothing can be proven, so any grant control fails (R6). */
export function nonInteractiveGrant(policy: Policy): GrantVerdict {
  const g = policy.grantControls;
  if (!g || g.builtInControls.length === 0)
    return { effect: 'satisfied', detail: 'no grant controls' };
  if (g.builtInControls.includes('block'))
    return {
      effect: 'block',
      detail:
        policy.state === 'enabled' ? 'the policy blocks access' : 'the policy would block access',
    };
  return {
    effect: 'unsatisfiable',
    detail: `${describeGrant(policy)}: a PAT or SSH key cannot answer that, ${blocks(policy, 'the request')}`,
  };
}
