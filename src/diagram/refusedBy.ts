// The box that refused the request, once the trace is finished and the outcome is not allowed:
// the stage of the first failed step, or the decision's stopping stage when no step failed.
import type { Decision } from '../model/engine/types';
import type { NodeId } from './types';
import { isFinished } from './isFinished';
import { STOP_NODE } from './stages';

export function refusedBy(decision: Decision, step: number): NodeId | null {
  if (!isFinished(decision, step) || decision.outcome === 'allowed') return null;
  const failed = decision.trace.find((s) => s.result === 'fail');
  return STOP_NODE[failed?.stage ?? decision.stoppedAt];
}
