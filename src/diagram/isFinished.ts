// Whether the player has reached the end of a decision's trace, so the outcome shows.
import type { Decision } from '../model/engine/types';

export function isFinished(decision: Decision, step: number): boolean {
  return step >= 0 && step >= decision.trace.length - 1;
}
