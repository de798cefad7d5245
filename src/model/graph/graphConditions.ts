// The `conditions` block of a Graph Conditional Access policy: who, which apps, which locations,
// which client app types, the facts a sign-in answers (graphFacts.ts), and a short label for
// every other condition the engine does not simulate.
import { readFactConditions, type FactConditions } from './graphFacts';
import { Issues, got, isRecord, readStrings, type Json } from './graphFields';
import type { Policy } from '../engine/types';

type Conditions = Pick<
  Policy,
  'users' | 'applications' | 'locations' | 'clientAppTypes' | 'otherConditions'
> &
  FactConditions;

/** Conditions the engine does not simulate, with the label shown to the user. */
const OTHER_CONDITIONS: [key: string, label: string][] = [
  ['devices', 'device filter'],
  ['servicePrincipalRiskLevels', 'service principal risk'],
  ['clientApplications', 'workload identities'],
];

/** Graph sends unset conditions as null, [] or objects of empty lists; only real ones count. */
function isSet(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return false;
  if (Array.isArray(v)) return v.some(isSet);
  if (isRecord(v)) return Object.entries(v).some(([k, x]) => !k.startsWith('@odata') && isSet(x));
  return true;
}

/**
 * Reads an optional object field. Absent, null and [] all mean "not set" (templates and some
 * exports spell an unset condition block `[]`) and give undefined; any other non-object is an error.
 */
export function readObject(obj: Json, key: string, path: string, issues: Issues): Json | undefined {
  const v = obj[key];
  if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) return undefined;
  if (isRecord(v)) return v;
  issues.error(`${path}.${key}`, `expected an object, got ${got(v)}`);
  return undefined;
}

function readUsers(cond: Json, path: string, issues: Issues): Policy['users'] {
  const at = `${path}.users`;
  const users = readObject(cond, 'users', path, issues) ?? {};
  if (isSet(users.includeGuestsOrExternalUsers) || isSet(users.excludeGuestsOrExternalUsers)) {
    issues.warn(at, 'guest and external user conditions are not simulated');
  }
  const list = (key: string) => readStrings(users, key, at, issues);
  return {
    includeUsers: list('includeUsers'),
    excludeUsers: list('excludeUsers'),
    includeGroups: list('includeGroups'),
    excludeGroups: list('excludeGroups'),
    includeRoles: list('includeRoles'),
    excludeRoles: list('excludeRoles'),
  };
}

function readApplications(cond: Json, path: string, issues: Issues): Policy['applications'] {
  const at = `${path}.applications`;
  // includeUserActions and includeAuthenticationContextClassReferences are kept and ignored.
  const apps = readObject(cond, 'applications', path, issues) ?? {};
  return {
    includeApplications: readStrings(apps, 'includeApplications', at, issues),
    excludeApplications: readStrings(apps, 'excludeApplications', at, issues),
  };
}

function readLocations(cond: Json, path: string, issues: Issues): Policy['locations'] {
  const locations = readObject(cond, 'locations', path, issues);
  if (locations === undefined) return undefined;
  const at = `${path}.locations`;
  const includeLocations = readStrings(locations, 'includeLocations', at, issues);
  const excludeLocations = readStrings(locations, 'excludeLocations', at, issues);
  // Empty lists on both sides is how Graph spells "no location condition".
  if (includeLocations.length === 0 && excludeLocations.length === 0) return undefined;
  return { includeLocations, excludeLocations };
}

function readOtherConditions(cond: Json, apps: unknown): string[] {
  const labels = OTHER_CONDITIONS.filter(([key]) => isSet(cond[key])).map(([, label]) => label);
  if (isRecord(apps) && isSet(apps.applicationFilter)) labels.push('application filter');
  return labels;
}

/** Reads `conditions` at `path` (already known to be an object). */
export function readConditions(cond: Json, path: string, issues: Issues): Conditions {
  const clientAppTypes = readStrings(cond, 'clientAppTypes', path, issues);
  const facts = readFactConditions(cond, path, issues);
  const other = readOtherConditions(cond, cond.applications);
  return {
    ...facts,
    users: readUsers(cond, path, issues),
    applications: readApplications(cond, path, issues),
    locations: readLocations(cond, path, issues),
    clientAppTypes: clientAppTypes.length ? clientAppTypes : ['all'],
    otherConditions: facts.deviceFilter ? other.filter((l) => l !== 'device filter') : other,
  };
}
