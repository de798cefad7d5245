// Builds a Decision's ordered trace; each step carries its rule's sources (ruleBasics.ts).
import { RULE_BASICS } from './ruleBasics';
import type { RuleId, Stage, TraceStep } from './types';

export class Trace {
  readonly steps: TraceStep[] = [];
  readonly unknowns: string[] = [];
  /** The rule of the first failing step and of the first challenge: decidedBy for a refusal. */
  firstFail: RuleId | undefined;
  firstChallenge: RuleId | undefined;

  protected mark(rule: RuleId, result: TraceStep['result']) {
    if (result === 'fail') this.firstFail ??= rule;
    if (result === 'challenge') this.firstChallenge ??= rule;
  }

  add(rule: RuleId, result: TraceStep['result'], stage: Stage, detail: string, policyId?: string) {
    this.mark(rule, result);
    const step: TraceStep = {
      rule,
      result,
      stage,
      detail,
      sources: [...RULE_BASICS[rule].sources],
    };
    if (policyId !== undefined) step.policyId = policyId;
    this.steps.push(step);
  }

  unknown(note: string) {
    if (!this.unknowns.includes(note)) this.unknowns.push(note);
  }
}

/**
 * A trace that records no steps, only the policy of the last failing one (the policy that decided
 * a refusal): for deciding many requests in bulk, where nobody reads the steps.
 */
export class QuietTrace extends Trace {
  decisivePolicy: string | null = null;

  override add(
    rule: RuleId,
    result: TraceStep['result'],
    _s: Stage,
    _d: string,
    policyId?: string,
  ) {
    this.mark(rule, result);
    // An MFA prompt (challenge) decides an mfa-required outcome as a failure decides a refusal.
    if (result === 'fail' || result === 'challenge') this.decisivePolicy = policyId ?? null;
  }
}
