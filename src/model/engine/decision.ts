// Turns the verdict a flow reached into a Decision: status, code and the realistic message.
import type { CompiledWorld } from './compiledWorld';
import type { ParsedIp } from '../ip/ip';
import { AADSTS53003, MESSAGES, VS403463 } from './messages';
import type { PolicyRun } from './policyAnalysis';
import type { Trace } from './trace';
import type {
  AccessRequest,
  Assumptions,
  Decision,
  Outcome,
  PolicyAnalysis,
  RuleId,
  Stage,
} from './types';

export interface FlowContext {
  compiled: CompiledWorld;
  req: AccessRequest;
  ip: ParsedIp;
  signinIp: ParsedIp;
  assumptions: Assumptions;
  trace: Trace;
}

export interface Verdict {
  outcome: Outcome;
  status: number;
  code: Decision['code'];
  message: string;
  stoppedAt: Stage;
  decidedBy: RuleId;
  policies: PolicyRun[];
}

export const allowed = (decidedBy: RuleId, policies: PolicyRun[]): Verdict => ({
  outcome: 'allowed',
  status: 200,
  code: null,
  message: MESSAGES.allowed,
  stoppedAt: 'resource',
  decidedBy,
  policies,
});

export const adoBlock = (decidedBy: RuleId, policies: PolicyRun[]): Verdict => ({
  outcome: 'blocked',
  status: 403,
  code: 'VS403463',
  message: VS403463,
  stoppedAt: 'ado',
  decidedBy,
  policies,
});

/** Entra's answer at sign-in to the worst failing policy. */
export function entraVerdict(worst: PolicyRun, policies: PolicyRun[]): Verdict {
  const effect = worst.analysis.effect;
  if (effect === 'mfa') {
    return {
      outcome: 'mfa-required',
      status: 401,
      code: null,
      message: MESSAGES.mfa,
      stoppedAt: 'entra',
      decidedBy: 'R15',
      policies,
    };
  }
  if (effect === 'block') {
    return {
      outcome: 'blocked',
      status: 400,
      code: 'AADSTS53003',
      message: AADSTS53003,
      stoppedAt: 'entra',
      decidedBy: 'R14',
      policies,
    };
  }
  return {
    outcome: 'blocked',
    status: 400,
    code: null,
    message: MESSAGES.device,
    stoppedAt: 'entra',
    decidedBy: 'R15',
    policies,
  };
}

export const refused = (
  status: number,
  message: string,
  stoppedAt: Stage,
  decidedBy: RuleId,
  policies: PolicyRun[] = [],
): Verdict => ({
  outcome: 'blocked',
  status,
  code: null,
  message,
  stoppedAt,
  decidedBy,
  policies,
});

/** Per policy, the most telling analysis: Azure DevOps's if it ran, else Entra's. */
function mergeAnalyses(runs: PolicyRun[]): PolicyAnalysis[] {
  const byId = new Map<string, PolicyAnalysis>();
  for (const r of runs) {
    const prev = byId.get(r.analysis.id);
    // Runs come in check order (Entra, then Azure DevOps): the last check that ran wins.
    if (!prev || r.analysis.evaluatedBy !== 'none') {
      byId.set(r.analysis.id, r.analysis);
    }
  }
  return [...byId.values()];
}

export function finish(v: Verdict, trace: Trace, assumptions: Assumptions): Decision {
  return {
    outcome: v.outcome,
    status: v.status,
    code: v.code,
    message: v.message,
    stoppedAt: v.stoppedAt,
    decidedBy: v.decidedBy,
    trace: trace.steps,
    policies: mergeAnalyses(v.policies),
    assumptions: { ...assumptions },
    unknowns: trace.unknowns,
  };
}
