// The --json shape of one decision, as DESIGN.md fixes it: outcome, status, code, message, trace,
// policies, assumptions, dependsOn. A few extra fields (stage, policyId, effect, decidedBy) help
// scripts. A step where Entra asks for MFA keeps `result: "fail"`, as before, and adds
// `challenge: true`: existing names and meanings never change.
import { RULES } from '../model/engine/rules';
import type { Decision } from '../model/engine/types';

export function decisionJson(d: Decision) {
  return {
    outcome: d.outcome,
    status: d.status,
    code: d.code,
    message: d.message,
    trace: d.trace.map((s) => ({
      rule: s.rule,
      result: s.result === 'challenge' ? ('fail' as const) : s.result,
      ...(s.result === 'challenge' ? { challenge: true } : {}),
      detail: s.detail,
      sources: [...s.sources],
      stage: s.stage,
      ruleStatus: RULES[s.rule].status,
      ...(s.policyId === undefined ? {} : { policyId: s.policyId }),
    })),
    policies: d.policies.map((p) => ({
      id: p.id,
      displayName: p.displayName,
      applies: p.applies,
      reason: p.reason,
      enforced: p.enforced,
      effect: p.effect,
      evaluatedBy: p.evaluatedBy,
    })),
    assumptions: { ...d.assumptions },
    decidedBy: d.decidedBy,
    stoppedAt: d.stoppedAt,
    unknowns: [...d.unknowns],
    dependsOn: d.dependsOn.map((x) => ({
      id: x.id,
      displayName: x.displayName,
      fact: x.fact,
      facts: [...x.facts],
      condition: x.condition,
      outcome: x.outcome,
    })),
  };
}

export type DecisionJson = ReturnType<typeof decisionJson>;
