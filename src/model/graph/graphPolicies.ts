// Imports Conditional Access policies exported from Microsoft Graph
// (GET /identity/conditionalAccess/policies) into the engine's Policy shape, and cross-checks them
// against the imported named locations.
import { readConditions, readObject } from './graphConditions';
import {
  Issues,
  checkDuplicateIds,
  isRecord,
  readBoolean,
  readString,
  readStrings,
  requireString,
  show,
  unwrapCollection,
  type Item,
  type Json,
} from './graphFields';
import type { ImportResult } from './importResult';
import { cut } from './visibleText';
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
function policyPath(item: Item): string {
  const v = item.value;
  const name = isRecord(v) && typeof v.displayName === 'string' ? v.displayName : '';
  // A file holding one policy is named by the file; its fields need no index.
  return name && item.path ? `${item.path} (${show(name)})` : item.path;
}

/** A stable id from a display name: lower case, ASCII letters and digits, dashes. */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug || 'policy';
}

/** `slug`, or `slug-2`, `slug-3`… whichever is not taken yet (and takes it). */
function uniqueId(slug: string, taken: Set<string>): string {
  let id = slug;
  for (let n = 2; taken.has(id); n++) id = `${slug}-${n}`;
  taken.add(id);
  return id;
}

/** The id, or for a template without one an id made from its display name (with a warning). */
function readId(item: Json, path: string, issues: Issues, taken: Set<string>): string | undefined {
  if (item.id !== undefined && item.id !== null && item.id !== '')
    return requireString(item, 'id', path, issues);
  const name = typeof item.displayName === 'string' ? item.displayName.trim() : '';
  if (!name) {
    issues.error(`${path}.id`, 'missing, and there is no displayName to make one from');
    return undefined;
  }
  const id = uniqueId(slugOf(name), taken);
  issues.warn(
    `${path}.id`,
    `missing (as in a template); using ${show(id)}, made from the display name`,
  );
  return id;
}

function readPolicy(
  item: unknown,
  path: string,
  issues: Issues,
  taken: Set<string>,
): Policy | undefined {
  if (!isRecord(item)) {
    issues.error(path, `expected a policy object, got ${show(item)}`);
    return undefined;
  }
  const id = readId(item, path, issues, taken);
  let displayName = readString(item, 'displayName', path, issues);
  if ((item.displayName === undefined || item.displayName === null) && id !== undefined) {
    issues.warn(`${path}.displayName`, `missing; using the id ${show(id)}`);
    displayName = id;
  }
  const state = readState(item, path, issues);
  // An empty list is "not set" for a condition block, but a policy cannot lack all conditions.
  const cond = Array.isArray(item.conditions)
    ? void issues.error(`${path}.conditions`, `expected an object, got ${show(item.conditions)}`)
    : readObject(item, 'conditions', path, issues);
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

export const POLICY_SHAPE = {
  what: 'policies',
  one: 'one policy',
  keys: ['id', 'displayName', 'state', 'conditions', 'grantControls'],
} as const;

/** Reads the items of one or more files into policies (errors and warnings in `issues`). */
export function readPolicyItems(items: Item[], issues: Issues): Policy[] {
  const ids = items.map(({ value: v }) =>
    isRecord(v) && typeof v.id === 'string' ? v.id : undefined,
  );
  // Ids made for templates must not collide with any real id, wherever it appears.
  const taken = new Set(ids.filter((id): id is string => id !== undefined));
  const paths = items.map(policyPath);
  const policies: Policy[] = [];
  const source = issues.source;
  items.forEach((item, i) => {
    issues.source = item.source;
    const policy = readPolicy(item.value, paths[i]!, issues, taken);
    if (policy) policies.push(policy);
  });
  issues.source = source;
  checkDuplicateIds(ids, items, (i) => paths[i]!, issues);
  return policies;
}

/** Parses Graph Conditional Access policies (`{"value":[...]}`, a bare array, one object, or that JSON as text). */
export function parsePolicies(json: unknown): ImportResult<Policy[]> {
  const items = unwrapCollection(json, POLICY_SHAPE);
  if (typeof items === 'string') return { ok: false, error: items, warnings: [] };
  const issues = new Issues();
  return issues.finish(readPolicyItems(items, issues));
}

/** Location references that are keywords, not named-location ids (R17). */
const KEYWORDS = new Set(['All', 'AllTrusted']);
/** Graph's id for the legacy "MFA trusted IPs" location, which the namedLocations list omits. */
const MFA_TRUSTED_IPS = '00000000-0000-0000-0000-000000000000';

/**
 * R23: `AllTrusted` also means the legacy MFA service's trusted IPs, which no Graph export holds;
 * one warning naming the policies that use it, or undefined.
 */
export function allTrustedWarning(policies: Policy[]): string | undefined {
  const users = policies.filter(
    (p) =>
      p.locations?.includeLocations.includes('AllTrusted') ||
      p.locations?.excludeLocations.includes('AllTrusted'),
  );
  if (users.length === 0) return undefined;
  const names = users.slice(0, 3).map((p) => JSON.stringify(cut(p.displayName)));
  const more = users.length > 3 ? ` and ${users.length - 3} more` : '';
  return (
    `${names.join(', ')}${more} use${users.length === 1 ? 's' : ''} AllTrusted, which in Entra ` +
    "also covers the legacy MFA service's trusted IPs; no export contains those, so here " +
    'AllTrusted means only the imported named locations marked trusted (R23)'
  );
}

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
