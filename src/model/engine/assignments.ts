// Who and what a policy targets: users and groups (matched literally), the Azure DevOps resource
// (R18) and client app types. Locations are in locationMatch.ts.
import {
  ARM_STOPS_COVERING_ADO,
  AZURE_DEVOPS_APP_ID,
  AZURE_RESOURCE_MANAGER_APP_ID,
} from './azureDevOps';
import { instant } from './time';
import type { Missing } from './factMatch';
import type { AccessRequest, Fact, Flow, Policy } from './types';

export interface Match {
  match: boolean;
  reason: string;
}

// Case-insensitive membership; `v` is lower-cased once, not once per entry (2,000 policies ask this
// tens of thousands of times for one request).
const has = (list: string[], v: string | undefined) => {
  if (!v || list.length === 0) return false;
  const low = v.toLowerCase();
  return list.some((x) => x === v || x.toLowerCase() === low);
};
const intersects = (list: string[], vs: string[] | undefined) =>
  (vs ?? []).some((v) => has(list, v));

/** R18: the policy must target Azure DevOps (or All); ARM covered it only before September 2025. */
export function targetsAzureDevOps(policy: Policy, at: string): Match {
  const { includeApplications: inc, excludeApplications: exc } = policy.applications;
  if (has(exc, AZURE_DEVOPS_APP_ID)) return { match: false, reason: 'excludes Azure DevOps' };
  if (has(inc, 'All')) {
    return has(exc, 'All')
      ? { match: false, reason: 'excludes all resources' }
      : { match: true, reason: 'targets all resources' };
  }
  if (has(inc, AZURE_DEVOPS_APP_ID)) return { match: true, reason: 'targets Azure DevOps' };
  if (has(inc, AZURE_RESOURCE_MANAGER_APP_ID)) {
    const t = instant(at);
    const cut = instant(ARM_STOPS_COVERING_ADO)!;
    return t !== undefined && t < cut
      ? {
          match: true,
          reason:
            'targets Azure Resource Manager, which covered Azure DevOps before September 2025',
        }
      : {
          match: false,
          reason:
            'targets Azure Resource Manager, which no longer covers Azure DevOps (since September 2025)',
        };
  }
  return { match: false, reason: 'does not target Azure DevOps' };
}

export interface UserMatch extends Match {
  /** R22: set when the answer hangs on who the user is, their groups or their directory roles,
   * which the request does not give; `match` is then false and these say, in plain words, what
   * would make the policy target the user (each entry must hold). */
  missing?: Missing[];
}

const list = (ids: string[]) => ids.join(', ');
/** includeUsers entries that name users, not Graph's keywords. */
const named = (ids: string[]) => ids.filter((x) => !['all', 'none'].includes(x.toLowerCase()));

/**
 * Users, groups and directory roles, matched literally against ids and names (DESIGN.md); an
 * exclusion wins. Who the user is, their groups and their roles are facts a request may not give
 * (R22: group membership, and roles read the same way): a condition that needs a missing one makes
 * the policy depend on it, and `assume` takes each missing one as making the policy apply.
 */
export function targetsUser(policy: Policy, req: AccessRequest, assume = false): UserMatch {
  const u = policy.users;
  const who = req.user ?? 'the user';
  if (has(u.excludeUsers, req.user)) return { match: false, reason: `${who} is excluded` };
  if (intersects(u.excludeGroups, req.groups)) {
    return { match: false, reason: `${who} is in an excluded group` };
  }
  if (intersects(u.excludeRoles, req.roles)) {
    return { match: false, reason: `${who} holds an excluded directory role` };
  }
  const included = ((): UserMatch => {
    if (has(u.includeUsers, 'None')) return { match: false, reason: 'targets no users (None)' };
    if (has(u.includeUsers, 'All')) return { match: true, reason: 'targets all users' };
    if (has(u.includeUsers, req.user)) return { match: true, reason: `targets ${who}` };
    if (intersects(u.includeGroups, req.groups)) {
      return { match: true, reason: `targets a group ${who} is in` };
    }
    if (intersects(u.includeRoles, req.roles)) {
      return { match: true, reason: `targets a directory role ${who} holds` };
    }
    // Any one of the included users, groups or roles would do: one condition, "or".
    const users = req.user === undefined ? named(u.includeUsers) : [];
    const either: [Fact, string, string][] = [];
    if (users.length) either.push(['user', `the user is ${list(users)}`, list(users)]);
    if (u.includeGroups.length && req.groups === undefined)
      either.push(['groups', `${who} is in ${list(u.includeGroups)}`, list(u.includeGroups)]);
    if (u.includeRoles.length && req.roles === undefined)
      either.push(['roles', `${who} holds ${list(u.includeRoles)}`, list(u.includeRoles)]);
    if (!either.length) return { match: false, reason: `does not target ${who}` };
    const targets = either.map((e) => e[2]).join(', ');
    if (assume) return { match: true, reason: `targets ${targets}, assumed to cover ${who}` };
    const [fact, ...rest] = either.map((e) => e[0]);
    return {
      match: false,
      reason: `targets ${targets}; the request does not say whether that covers ${who}`,
      missing: [{ fact: fact!, also: rest, condition: either.map((e) => e[1]).join(' or ') }],
    };
  })();
  if (assume || (!included.match && !included.missing)) return included;
  // Every exclusion the request cannot answer must also not hold: "and".
  const unless: Missing[] = [];
  const excluded: string[] = [];
  if (named(u.excludeUsers).length && req.user === undefined) {
    unless.push({ fact: 'user', condition: `the user is not ${list(u.excludeUsers)}` });
    excluded.push(list(u.excludeUsers));
  }
  if (u.excludeGroups.length && req.groups === undefined) {
    unless.push({ fact: 'groups', condition: `${who} is not in ${list(u.excludeGroups)}` });
    excluded.push(list(u.excludeGroups));
  }
  if (u.excludeRoles.length && req.roles === undefined) {
    unless.push({ fact: 'roles', condition: `${who} holds none of ${list(u.excludeRoles)}` });
    excluded.push(list(u.excludeRoles));
  }
  if (!unless.length) return included;
  return {
    match: false,
    reason: `excludes ${excluded.join(', ')}; the request does not say whether ${who} is among them`,
    missing: [...(included.missing ?? []), ...unless],
  };
}

const CLIENT_APP_TYPE: Record<Flow, string | undefined> = {
  web: 'browser',
  oauth: 'mobileAppsAndDesktopClients',
  pat: undefined,
  ssh: undefined,
};

/** Graph's client app types; a policy that lists them all narrows nothing, like "all". */
const EVERY_CLIENT_APP_TYPE = [
  'browser',
  'mobileAppsAndDesktopClients',
  'exchangeActiveSync',
  'other',
];

/** The client app types a policy narrows to: [] when it names none, "all", or all four. */
export function clientAppCondition(policy: Policy): string[] {
  const types = policy.clientAppTypes;
  if (types.length === 0 || has(types, 'all')) return [];
  return EVERY_CLIENT_APP_TYPE.every((t) => has(types, t)) ? [] : types;
}

/** Client app types are an Entra condition; on PAT/SSH they cannot be known (R8). */
export function targetsClientApp(policy: Policy, flow: Flow): Match {
  const want = CLIENT_APP_TYPE[flow];
  const types = clientAppCondition(policy);
  if (!want || types.length === 0) {
    return { match: true, reason: 'any client app' };
  }
  return has(types, want)
    ? { match: true, reason: `targets ${want} clients` }
    : { match: false, reason: `targets ${types.join(', ')} clients only` };
}
