// Whether the organisation policy was in force at the time of a request: it counts from the
// moment it was turned on (when that is known), not before — unless the question is "what if it
// is on" (onAtEveryRequest), where it is on at every request's time.
import { instant, shortDate } from './time';
import type { OrgPolicy } from './types';

export interface OrgInForce {
  on: boolean;
  /** Set when the policy is on today but was turned on after this request. */
  notYet?: string;
}

export function orgInForce(org: OrgPolicy, at: string): OrgInForce {
  if (!org.ipValidation) return { on: false };
  const since = instant(org.enabledAt);
  if (since !== undefined && !org.onAtEveryRequest && instant(at)! < since) {
    return {
      on: false,
      notYet: `it was turned on ${shortDate(org.enabledAt)}, after this request`,
    };
  }
  return { on: true };
}
