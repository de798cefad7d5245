// Trace progress: what the diagram shows once the trace has been played up to `step` — whether it
// is finished, each stage's badge, where the token rests and which box refused the request.
import type { Decision, Stage } from '../model/engine/types';
import type { CheckState, Checkpoint, NodeId } from './types';
import { STAGES, STOP_NODE } from './stages';

// Whether the player has reached the end of a decision's trace, so the outcome shows.
export function isFinished(decision: Decision, step: number): boolean {
  return step >= 0 && step >= decision.trace.length - 1;
}

// The state of each Stage's badge after the trace has been shown up to `step`: a failure wins,
// then a pass, then a skip; stages not reached yet are pending.
// A challenge (Entra's MFA prompt) ranks below a failure: it is a question, not a refusal.
const RANK: Record<CheckState, number> = { pending: 0, skip: 1, pass: 2, challenge: 3, fail: 4 };

export function checkStates(decision: Decision, step: number): Record<Stage, CheckState> {
  const states = Object.fromEntries(STAGES.map((s) => [s, 'pending'])) as Record<Stage, CheckState>;
  decision.trace.slice(0, Math.max(0, step + 1)).forEach((s) => {
    if (RANK[s.result] > RANK[states[s.stage]]) states[s.stage] = s.result;
  });
  return states;
}

// How far along the route (0–1) the token should be once the trace is shown up to `step`: waiting
// just before the gate of the furthest stage being checked, held before the first gate that
// failed, and at the resource only when the finished decision allows the request. Several steps
// at one stage keep it at that gate, so it never steps back.
export function tokenTarget(decision: Decision, step: number, checkpoints: Checkpoint[]): number {
  const hold = (stage: Stage) => checkpoints.find((c) => c.stage === stage)?.holdBefore ?? 0;
  const shown = decision.trace.slice(0, Math.max(0, step + 1));
  const failed = shown.find((s) => s.result === 'fail');
  if (isFinished(decision, step) && decision.outcome === 'allowed') return 1;
  if (failed) return hold(failed.stage);
  if (isFinished(decision, step)) return hold(decision.stoppedAt);
  return shown.reduce((t, s) => Math.max(t, hold(s.stage)), 0);
}

// The box that refused the request, once the trace is finished and the outcome is not allowed:
// the stage of the first failed step, or the decision's stopping stage when no step failed. An MFA
// prompt (a challenge step, nothing failed) refuses nothing: no box is marked.
export function refusedBy(decision: Decision, step: number): NodeId | null {
  if (!isFinished(decision, step) || decision.outcome === 'allowed') return null;
  const failed = decision.trace.find((s) => s.result === 'fail');
  if (!failed && decision.trace.some((s) => s.result === 'challenge')) return null;
  return STOP_NODE[failed?.stage ?? decision.stoppedAt];
}
