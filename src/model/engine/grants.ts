// Grant controls (R15): what a policy that applies asks for, and whether the request can give it.
import type { AccessRequest, Policy, PolicyEffect } from './types';

export interface GrantVerdict {
  effect: PolicyEffect;
  detail: string;
}

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
  if (onlyMfaMissing)
    return { effect: 'mfa', detail: `${describeGrant(policy)}: Entra prompts for MFA` };
  return { effect: 'unsatisfiable', detail: `${describeGrant(policy)}: not met by this device` };
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

const DEVICE_CONTROLS = new Set(['compliantDevice', 'domainJoinedDevice']);

/** R8 vs R7: a policy with no location condition whose grants are all about the device. */
export function isDevicePolicy(policy: Policy): boolean {
  const c = policy.grantControls?.builtInControls ?? [];
  return c.length > 0 && c.every((x) => DEVICE_CONTROLS.has(x));
}
