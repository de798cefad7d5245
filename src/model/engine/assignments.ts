// Who and what a policy targets: users and groups (matched literally), the Azure DevOps resource
// (R18) and client app types. Locations are in locationMatch.ts.
import {
  ARM_STOPS_COVERING_ADO,
  AZURE_DEVOPS_APP_ID,
  AZURE_RESOURCE_MANAGER_APP_ID,
} from './azureDevOps';
import { instant } from './time';
import type { AccessRequest, Flow, Policy } from './types';

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
  /** R22: set when the answer hangs on group membership the request does not give; `match` is
   * then false and this says, in plain words, what would make the policy target the user. */
  missing?: string;
}

const list = (ids: string[]) => ids.join(', ');

/** Users and groups, matched literally against ids and names (DESIGN.md). Exclusion wins.
 * Groups absent from the request are unknown (R22); `assumeGroups` takes them as matching. */
export function targetsUser(policy: Policy, req: AccessRequest, assumeGroups = false): UserMatch {
  const u = policy.users;
  const who = req.user ?? 'the user';
  const unknown = req.groups === undefined && !assumeGroups;
  if (has(u.excludeUsers, req.user)) return { match: false, reason: `${who} is excluded` };
  if (intersects(u.excludeGroups, req.groups)) {
    return { match: false, reason: `${who} is in an excluded group` };
  }
  const included = ((): UserMatch => {
    if (has(u.includeUsers, 'None')) return { match: false, reason: 'targets no users (None)' };
    if (has(u.includeUsers, 'All')) return { match: true, reason: 'targets all users' };
    if (has(u.includeUsers, req.user)) return { match: true, reason: `targets ${who}` };
    if (intersects(u.includeGroups, req.groups)) {
      return { match: true, reason: `targets a group ${who} is in` };
    }
    if (u.includeGroups.length && req.groups === undefined) {
      if (assumeGroups)
        return { match: true, reason: `targets ${list(u.includeGroups)}, assumed to hold ${who}` };
      const missing = `${who} is in ${list(u.includeGroups)}`;
      return {
        match: false,
        reason: `targets ${list(u.includeGroups)}; the request does not say whether ${who} is in it`,
        missing,
      };
    }
    if (u.includeRoles.length && !u.includeUsers.length && !u.includeGroups.length) {
      return { match: false, reason: 'targets directory roles only (the request names no role)' };
    }
    return { match: false, reason: `does not target ${who}` };
  })();
  if (!unknown || !u.excludeGroups.length || (!included.match && !included.missing))
    return included;
  const notIn = `${who} is not in ${list(u.excludeGroups)}`;
  const missing = included.missing
    ? `${included.missing} and not in ${list(u.excludeGroups)}`
    : notIn;
  return {
    match: false,
    reason: `excludes ${list(u.excludeGroups)}; the request does not say whether ${who} is in it`,
    missing,
  };
}

const CLIENT_APP_TYPE: Record<Flow, string | undefined> = {
  web: 'browser',
  oauth: 'mobileAppsAndDesktopClients',
  pat: undefined,
  ssh: undefined,
};

/** Client app types are an Entra condition; on PAT/SSH they cannot be known (R8). */
export function targetsClientApp(policy: Policy, flow: Flow): Match {
  const want = CLIENT_APP_TYPE[flow];
  const types = policy.clientAppTypes;
  if (!want || types.length === 0 || has(types, 'all')) {
    return { match: true, reason: 'any client app' };
  }
  return has(types, want)
    ? { match: true, reason: `targets ${want} clients` }
    : { match: false, reason: `targets ${types.join(', ')} clients only` };
}
