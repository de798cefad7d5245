// The lab actor's R21/R22 facts as typed: groups and directory roles ("" unknown, "none" none, else
// a list), country ("unknown": maps to none, R23),
// platform, risks and the authentication flow. Checked like the other fields, then put on the request.
import {
  AUTH_FLOWS,
  INSIDER_RISKS,
  PLATFORMS,
  RISK_LEVELS,
  UNKNOWN_COUNTRY,
  type AccessRequest,
  type AuthFlow,
  type InsiderRisk,
  type Platform,
  type RiskLevel,
} from '../engine/types';
import type { SandboxActor } from './sandboxTypes';

export type ActorFactKey =
  | 'groups'
  | 'roles'
  | 'country'
  | 'platform'
  | 'signInRisk'
  | 'userRisk'
  | 'insiderRisk'
  | 'authFlow';
export const ACTOR_FACT_KEYS: readonly ActorFactKey[] = [
  'groups',
  'roles',
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
  if (cc && !/^[A-Za-z]{2}$/.test(cc) && cc.toLowerCase() !== UNKNOWN_COUNTRY)
    errors.country = `"${cc}" is not a two-letter ISO 3166 country code (e.g. NO, US) or ${UNKNOWN_COUNTRY}`;
  for (const key of ['groups', 'roles'] as const) {
    const ids = text(a, key);
    if (ids && ids.toLowerCase() !== 'none' && ids.split(',').some((g) => !g.trim()))
      errors[key] = `"${ids}" has an empty ${key === 'groups' ? 'group' : 'role'} id`;
  }
  for (const [key, values] of Object.entries(CHOICES) as [ActorFactKey, string[]][]) {
    const v = text(a, key);
    if (v && !values.includes(v)) errors[key] = `"${v}" is not one of ${values.join(', ')}`;
  }
  return errors;
}

/** Adds the given facts to the request; empty fields stay unknown (or the default none). */
export function withActorFacts(a: SandboxActor, req: AccessRequest): AccessRequest {
  const out = { ...req };
  for (const key of ['groups', 'roles'] as const) {
    const ids = text(a, key);
    if (ids) out[key] = ids.toLowerCase() === 'none' ? [] : ids.split(',').map((g) => g.trim());
  }
  const cc = text(a, 'country');
  if (cc) out.country = cc.toLowerCase() === UNKNOWN_COUNTRY ? UNKNOWN_COUNTRY : cc.toUpperCase();
  if (text(a, 'platform')) out.platform = text(a, 'platform') as Platform;
  if (text(a, 'signInRisk')) out.signInRisk = text(a, 'signInRisk') as RiskLevel;
  if (text(a, 'userRisk')) out.userRisk = text(a, 'userRisk') as RiskLevel;
  if (text(a, 'insiderRisk')) out.insiderRisk = text(a, 'insiderRisk') as InsiderRisk;
  if (text(a, 'authFlow')) out.authFlow = text(a, 'authFlow') as AuthFlow;
  return out;
}
