// The lab's redaction switch, for screenshots of a real tenant: every name and id of a named
// location or policy, every user and group named in a policy, any other GUID and any e-mail
// address or UPN is replaced, consistently, by a neutral alias in the text shown.
import { AZURE_DEVOPS_APP_ID, AZURE_RESOURCE_MANAGER_APP_ID } from '../engine/azureDevOps';
import type { Decision, World } from '../engine/types';

export type Mask = (text: string) => string;

/** Public, well-known ids that say nothing about a tenant. */
const PUBLIC_IDS = new Set(
  [AZURE_DEVOPS_APP_ID, AZURE_RESOURCE_MANAGER_APP_ID].map((s) => s.toLowerCase()),
);
const KEYWORDS = new Set(['All', 'AllTrusted', 'None', 'GuestsOrExternalUsers']);
const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const EMAIL = "[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Builds a mask for `world` plus extra user names (the actor, a CSV's users). */
export function makeMask(world: Pick<World, 'locations' | 'policies'>, users: string[] = []): Mask {
  const alias = new Map<string, string>();
  const add = (original: string, to: string): boolean => {
    const key = original.trim();
    if (key.length < 2 || KEYWORDS.has(key) || alias.has(key)) return false;
    alias.set(key, to);
    return true;
  };
  world.locations.forEach((l, i) => {
    add(l.displayName, `Location ${i + 1}`);
    add(l.id, `location-${i + 1}`);
  });
  world.policies.forEach((p, i) => {
    add(p.displayName, `Policy ${i + 1}`);
    add(p.id, `policy-${i + 1}`);
  });
  let n = 0;
  const people = world.policies.flatMap((p) => [
    ...p.users.includeUsers,
    ...p.users.excludeUsers,
    ...p.users.includeGroups,
    ...p.users.excludeGroups,
  ]);
  for (const u of [...people, ...users]) if (add(u, `user-${n + 1}`)) n++;
  const known = [...alias.keys()].sort((a, b) => b.length - a.length).map(escape);
  const pattern = new RegExp(
    `(?<![A-Za-z0-9])(?:${[...known, GUID, EMAIL].join('|')})(?![A-Za-z0-9])`,
    'g',
  );
  return (text: string) =>
    String(text).replace(pattern, (match) => {
      const hit = alias.get(match);
      if (hit) return hit;
      if (PUBLIC_IDS.has(match.toLowerCase())) return match;
      const to = match.includes('@') ? `user-${++n}` : `id-${alias.size + 1}`;
      alias.set(match, to);
      return to;
    });
}

/** A copy of `d` whose every text and id is masked; the engine's verdict is unchanged. */
export function maskDecision(d: Decision, mask: Mask): Decision {
  return {
    ...d,
    message: mask(d.message),
    trace: d.trace.map((s) => ({
      ...s,
      detail: mask(s.detail),
      ...(s.policyId === undefined ? {} : { policyId: mask(s.policyId) }),
    })),
    policies: d.policies.map((p) => ({
      ...p,
      id: mask(p.id),
      displayName: mask(p.displayName),
      reason: mask(p.reason),
    })),
    unknowns: d.unknowns.map(mask),
    dependsOn: d.dependsOn.map((x) => ({
      ...x,
      id: mask(x.id),
      displayName: mask(x.displayName),
      condition: mask(x.condition),
    })),
  };
}
