// describeStep: the diagram's text alternative — where the request is, what the current check
// decided and why, and the outcome once the trace is finished.
import type { Decision } from '../model/engine/types';
import { STAGE_LONG } from './stages';
import { OUTCOME_WORD, responseLine } from './outcomeText';
import { isFinished } from './isFinished';

const RESULT = { pass: 'passed', fail: 'failed', skip: 'skipped' } as const;
const sentence = (s: string) => (s && !/[.!?]$/.test(s) ? `${s}.` : s);

export function describeStep(decision: Decision, step: number): string {
  const n = decision.trace.length;
  const checks = n === 1 ? '1 check' : `${n} checks`;
  if (step < 0) return `Not started: the request waits at the client, with ${checks} ahead.`;
  const outcome =
    `Outcome: ${OUTCOME_WORD[decision.outcome]} (${responseLine(decision)}). ${sentence(decision.message)}`.trim();
  const current = decision.trace[Math.min(step, n - 1)];
  if (!current || step >= n) return `Finished after ${checks}. ${outcome}`;
  const where = STAGE_LONG[current.stage];
  const text =
    `Step ${step + 1} of ${n}, at ${where}: ${RESULT[current.result]} (rule ${current.rule}). ${sentence(current.detail)}`.trim();
  return isFinished(decision, step) ? `${text} ${outcome}` : text;
}
