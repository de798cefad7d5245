// Imports Conditional Access policies exported from Microsoft Graph
// (GET /identity/conditionalAccess/policies) into the engine's Policy shape, and cross-checks them
// against the imported named locations.
import { readConditions, readObject } from './graphConditions';
import {
  Issues,
  checkDuplicateIds,
  isRecord,
  itemPath,
  readBoolean,
  readString,
  readStrings,
  requireString,
  show,
  unwrapCollection,
  type Json,
} from './graphFields';
import type { ImportResult } from './importResult';
import type { NamedLocation, Policy, PolicyState, SignInFrequency } from '../engine/types';

const STATES: readonly PolicyState[] = ['enabled', 'disabled', 'enabledForReportingButNotEnforced'];

function readState(item: Json, path: string, issues: Issues): PolicyState | undefined {
  const state = requireString(item, 'state', path, issues);
  if (state === undefined) return undefined;
  if ((STATES as readonly string[]).includes(state)) return state as PolicyState;
  issues.error(`${path}.state`, `${show(state)} is not one of ${STATES.join(', ')}`);
  return undefined;
}

function readGrantControls(item: Json, path: string, issues: Issues): Policy['grantControls'] {
  const grant = readObject(item, 'grantControls', path, issues);
  if (grant === undefined) return null;
  const at = `${path}.grantControls`;
  const operator = grant.operator ?? 'OR';
  if (operator !== 'OR' && operator !== 'AND') {
    issues.error(`${at}.operator`, `${show(operator)} is not OR or AND`);
  }
  const controls = readStrings(grant, 'builtInControls', at, issues);
  const strength = grant.authenticationStrength;
  if (strength !== undefined && strength !== null) {
    const name = isRecord(strength) && strength.displayName ? ` ${show(strength.displayName)}` : '';
    issues.warn(`${at}.authenticationStrength`, `authentication strength${name} treated as MFA`);
    if (!controls.includes('mfa')) controls.push('mfa');
  }
  for (const key of ['termsOfUse', 'customAuthenticationFactors']) {
    if (readStrings(grant, key, at, issues).length && !controls.includes(key)) controls.push(key);
  }
  return { operator: operator === 'AND' ? 'AND' : 'OR', builtInControls: controls };
}

function readSignInFrequency(
  item: Json,
  path: string,
  issues: Issues,
): SignInFrequency | undefined {
  const session = readObject(item, 'sessionControls', path, issues);
  const at = `${path}.sessionControls`;
  const sif = session && readObject(session, 'signInFrequency', at, issues);
  if (!sif) return undefined;
  const where = `${at}.signInFrequency`;
  const isEnabled = readBoolean(sif, 'isEnabled', where, issues, true);
  if (sif.frequencyInterval === 'everyTime') return { isEnabled, value: 0, type: 'hours' };
  const { value, type } = sif;
  if (!isEnabled && (value === undefined || value === null)) {
    return { isEnabled, value: 0, type: 'hours' };
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    issues.error(
      `${where}.value`,
      value === undefined || value === null
        ? 'missing'
        : `${show(value)} is not a whole number above 0`,
    );
    return undefined;
  }
  if (type !== 'hours' && type !== 'days') {
    issues.error(
      `${where}.type`,
      type === undefined || type === null ? 'missing' : `${show(type)} is not hours or days`,
    );
    return undefined;
  }
  return { isEnabled, value, type };
}

/** `value[4] ("Block outside HQ")`: the index finds the policy, the name tells which it is. */
function policyPath(index: string, item: unknown): string {
  const name = isRecord(item) && typeof item.displayName === 'string' ? item.displayName : '';
  return name ? `${index} (${show(name)})` : index;
}

function readPolicy(item: unknown, path: string, issues: Issues): Policy | undefined {
  if (!isRecord(item)) {
    issues.error(path, `expected a policy object, got ${show(item)}`);
    return undefined;
  }
  const id = requireString(item, 'id', path, issues);
  let displayName = readString(item, 'displayName', path, issues);
  if ((item.displayName === undefined || item.displayName === null) && id !== undefined) {
    issues.warn(`${path}.displayName`, `missing; using the id ${show(id)}`);
    displayName = id;
  }
  const state = readState(item, path, issues);
  const cond = readObject(item, 'conditions', path, issues);
  if (cond === undefined && (item.conditions === undefined || item.conditions === null)) {
    issues.error(`${path}.conditions`, 'missing');
  }
  const conditions = cond && readConditions(cond, `${path}.conditions`, issues);
  const grantControls = readGrantControls(item, path, issues);
  const signInFrequency = readSignInFrequency(item, path, issues);
  if (!id || !displayName || !state || !conditions) return undefined;
  const policy: Policy = { id, displayName, state, ...conditions, grantControls };
  if (signInFrequency) policy.signInFrequency = signInFrequency;
  return policy;
}

/** Parses Graph Conditional Access policies (`{"value":[...]}`, a bare array, or that JSON as text). */
export function parsePolicies(json: unknown): ImportResult<Policy[]> {
  const collection = unwrapCollection(json, 'policies');
  if (typeof collection === 'string') return { ok: false, error: collection, warnings: [] };
  const { items, base } = collection;
  const issues = new Issues();
  const policies: Policy[] = [];
  const paths = items.map((item, i) => policyPath(itemPath(base, i), item));
  items.forEach((item, i) => {
    const policy = readPolicy(item, paths[i]!, issues);
    if (policy) policies.push(policy);
  });
  const ids = items.map((it) => (isRecord(it) && typeof it.id === 'string' ? it.id : undefined));
  checkDuplicateIds(ids, (i) => paths[i]!, issues);
  return issues.finish(policies);
}

/** Location references that are keywords, not named-location ids (R17). */
const KEYWORDS = new Set(['All', 'AllTrusted']);
/** Graph's id for the legacy "MFA trusted IPs" location, which the namedLocations list omits. */
const MFA_TRUSTED_IPS = '00000000-0000-0000-0000-000000000000';

/** Warnings for policies that reference named locations missing from `locations`. */
export function crossCheck(locations: NamedLocation[], policies: Policy[]): string[] {
  const known = new Set(locations.map((l) => l.id));
  const warnings: string[] = [];
  for (const p of policies) {
    if (!p.locations) continue;
    const refs = [
      ...p.locations.includeLocations.map((id) => ['includes', id] as const),
      ...p.locations.excludeLocations.map((id) => ['excludes', id] as const),
    ];
    const seen = new Set<string>();
    for (const [verb, id] of refs) {
      if (KEYWORDS.has(id) || known.has(id) || seen.has(verb + id)) continue;
      seen.add(verb + id);
      const hint =
        id === MFA_TRUSTED_IPS ? ' (the legacy MFA trusted IPs, which Graph does not export)' : '';
      warnings.push(
        `Policy ${show(p.displayName)} ${verb} named location ${show(id)}${hint}, ` +
          'which is not among the imported locations; it will match no IP',
      );
    }
  }
  return warnings;
}
