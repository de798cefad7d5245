// The state of each Stage's badge after the trace has been shown up to `step`: a failure wins,
// then a pass, then a skip; stages not reached yet are pending.
import type { Decision, Stage } from '../model/engine/types';
import type { CheckState } from './types';
import { STAGES } from './stages';

const RANK: Record<CheckState, number> = { pending: 0, skip: 1, pass: 2, fail: 3 };

export function checkStates(decision: Decision, step: number): Record<Stage, CheckState> {
  const states = Object.fromEntries(STAGES.map((s) => [s, 'pending'])) as Record<Stage, CheckState>;
  decision.trace.slice(0, Math.max(0, step + 1)).forEach((s) => {
    if (RANK[s.result] > RANK[states[s.stage]]) states[s.stage] = s.result;
  });
  return states;
}
