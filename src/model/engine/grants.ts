// Grant controls (R15): what a policy that applies asks for, and whether the request can give it.
import type { AccessRequest, Policy, PolicyEffect } from './types';

export interface GrantVerdict {
  effect: PolicyEffect;
  detail: string;
  /** R14: the device state Entra reports as missing (AADSTS53000 compliant, 53001 domain joined). */
  code?: 'AADSTS53000' | 'AADSTS53001';
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
};
export const grantLabel = (c: string) => LABEL[c] ?? c;

export function describeGrant(policy: Policy): string {
  const g = policy.grantControls;
  if (!g || g.builtInControls.length === 0) return 'no grant controls';
  if (g.builtInControls.includes('block')) return 'block access';
  const joiner = g.operator === 'AND' ? ' and ' : ' or ';
  return `require ${g.builtInControls.map(grantLabel).join(joiner)}`;
}

/** Interactive flows (web, oauth sign-in): the user can do MFA; the device state is known. */
export function interactiveGrant(policy: Policy, req: AccessRequest): GrantVerdict {
  const g = policy.grantControls;
  if (!g || g.builtInControls.length === 0)
    return { effect: 'satisfied', detail: 'no grant controls' };
  const controls = g.builtInControls;
  if (controls.includes('block')) return { effect: 'block', detail: 'the policy blocks access' };
  const met = (c: string): boolean | 'mfa' => {
    if (c === 'mfa') return req.mfaDone ? true : 'mfa';
    if (c === 'compliantDevice' || c === 'domainJoinedDevice') return !!req.deviceCompliant;
    return true; // app and password controls are outside this simulation: treated as met
  };
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
    detail: `${describeGrant(policy)}: not met by this device`,
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
    return { effect: 'block', detail: 'the policy blocks access' };
  return {
    effect: 'unsatisfiable',
    detail: `${describeGrant(policy)}: a PAT or SSH key cannot answer that, so the request is blocked`,
  };
}
