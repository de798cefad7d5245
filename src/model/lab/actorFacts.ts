// The lab actor's R21/R22 facts as typed: groups ("" unknown, "none" none, else a list), country,
// platform, risks and the authentication flow. Checked like the other fields, then put on the request.
import {
  AUTH_FLOWS,
  INSIDER_RISKS,
  PLATFORMS,
  RISK_LEVELS,
  type AccessRequest,
  type AuthFlow,
  type InsiderRisk,
  type Platform,
  type RiskLevel,
} from '../engine/types';
import type { SandboxActor } from './sandboxTypes';

export type ActorFactKey =
  'groups' | 'country' | 'platform' | 'signInRisk' | 'userRisk' | 'insiderRisk' | 'authFlow';
export const ACTOR_FACT_KEYS: readonly ActorFactKey[] = [
  'groups',
  'country',
  'platform',
  'signInRisk',
  'userRisk',
  'insiderRisk',
  'authFlow',
];

const CHOICES: Partial<Record<ActorFactKey, readonly string[]>> = {
  platform: PLATFORMS,
  signInRisk: RISK_LEVELS,
  userRisk: RISK_LEVELS,
  insiderRisk: INSIDER_RISKS,
  authFlow: AUTH_FLOWS,
};

const text = (a: SandboxActor, key: ActorFactKey) => (a[key] ?? '').trim();

/** One message per bad fact field, keyed like the other actor fields. */
export function actorFactErrors(a: SandboxActor): Partial<Record<ActorFactKey, string>> {
  const errors: Partial<Record<ActorFactKey, string>> = {};
  const cc = text(a, 'country');
  if (cc && !/^[A-Za-z]{2}$/.test(cc))
    errors.country = `"${cc}" is not a two-letter ISO 3166 country code (e.g. NO, US)`;
  const groups = text(a, 'groups');
  if (groups && groups.toLowerCase() !== 'none' && groups.split(',').some((g) => !g.trim()))
    errors.groups = `"${groups}" has an empty group id`;
  for (const [key, values] of Object.entries(CHOICES) as [ActorFactKey, string[]][]) {
    const v = text(a, key);
    if (v && !values.includes(v)) errors[key] = `"${v}" is not one of ${values.join(', ')}`;
  }
  return errors;
}

/** Adds the given facts to the request; empty fields stay unknown (or the default none). */
export function withActorFacts(a: SandboxActor, req: AccessRequest): AccessRequest {
  const out = { ...req };
  const groups = text(a, 'groups');
  if (groups)
    out.groups = groups.toLowerCase() === 'none' ? [] : groups.split(',').map((g) => g.trim());
  const cc = text(a, 'country');
  if (cc) out.country = cc.toUpperCase();
  if (text(a, 'platform')) out.platform = text(a, 'platform') as Platform;
  if (text(a, 'signInRisk')) out.signInRisk = text(a, 'signInRisk') as RiskLevel;
  if (text(a, 'userRisk')) out.userRisk = text(a, 'userRisk') as RiskLevel;
  if (text(a, 'insiderRisk')) out.insiderRisk = text(a, 'insiderRisk') as InsiderRisk;
  if (text(a, 'authFlow')) out.authFlow = text(a, 'authFlow') as AuthFlow;
  return out;
}
