// Which rules made a decision what it is: the rule that decided it, and every step that failed or
// was skipped on the way. A learner's "why" is right when it names one of these.
import type { Decision, RuleId } from '../engine/types';

export function decisiveRules(d: Decision): RuleId[] {
  const rules = new Set<RuleId>([d.decidedBy]);
  for (const s of d.trace) if (s.result !== 'pass') rules.add(s.rule);
  return [...rules];
}
