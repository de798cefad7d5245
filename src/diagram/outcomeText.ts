// The words for an outcome, shared by the badge and the text alternative.
import type { Decision, Outcome } from '../model/engine/types';

export const OUTCOME_WORD: Record<Outcome, string> = {
  allowed: 'Allowed',
  blocked: 'Blocked',
  'mfa-required': 'MFA required',
};

/** "HTTP 403 · VS403463", the answer the client sees. */
export function responseLine(decision: Pick<Decision, 'status' | 'code'>): string {
  return decision.code ? `HTTP ${decision.status} · ${decision.code}` : `HTTP ${decision.status}`;
}
