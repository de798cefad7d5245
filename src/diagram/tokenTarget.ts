// How far along the route (0–1) the token should be once the trace is shown up to `step`: waiting
// just before the gate of the furthest stage being checked, held before the first gate that
// failed, and at the resource only when the finished decision allows the request. Several steps
// at one stage keep it at that gate, so it never steps back.
import type { Decision, Stage } from '../model/engine/types';
import type { Checkpoint } from './types';
import { isFinished } from './isFinished';

export function tokenTarget(decision: Decision, step: number, checkpoints: Checkpoint[]): number {
  const hold = (stage: Stage) => checkpoints.find((c) => c.stage === stage)?.holdBefore ?? 0;
  const shown = decision.trace.slice(0, Math.max(0, step + 1));
  const failed = shown.find((s) => s.result === 'fail');
  if (isFinished(decision, step) && decision.outcome === 'allowed') return 1;
  if (failed) return hold(failed.stage);
  if (isFinished(decision, step)) return hold(decision.stoppedAt);
  return shown.reduce((t, s) => Math.max(t, hold(s.stage)), 0);
}
