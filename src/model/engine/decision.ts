// Turns the verdict a flow reached into a Decision: status, code and the realistic message.
import type { CompiledWorld } from './compiledWorld';
import type { ParsedIp } from '../ip/ip';
import { AADSTS50076, AADSTS53000, AADSTS53001, AADSTS53003, MESSAGES, VS403463 } from './messages';
import type { PolicyRun } from './policyAnalysis';
import type { Trace } from './trace';
import type {
  AccessRequest,
  Assumptions,
  Decision,
  Flow,
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
  /** R22's "what if": the policy whose missing facts are taken as matching. */
  assumeFor?: string;
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

const DEVICE_MESSAGE = { AADSTS53000, AADSTS53001 } as const;

/** Entra's answer at sign-in to the worst failing policy (R14, R15). */
export function entraVerdict(worst: PolicyRun, policies: PolicyRun[], flow: Flow): Verdict {
  const effect = worst.analysis.effect;
  const at = { stoppedAt: 'entra' as const, decidedBy: 'R15' as const, policies };
  if (effect === 'mfa') {
    // A browser gets a prompt; a token request gets an error it cannot answer (AADSTS50076).
    return flow === 'web'
      ? { ...at, outcome: 'mfa-required', status: 401, code: null, message: MESSAGES.mfa }
      : { ...at, outcome: 'mfa-required', status: 400, code: 'AADSTS50076', message: AADSTS50076 };
  }
  if (effect === 'block') {
    return { ...at, outcome: 'blocked', status: 400, code: 'AADSTS53003', message: AADSTS53003 };
  }
  const code = worst.code;
  return code
    ? { ...at, outcome: 'blocked', status: 400, code, message: DEVICE_MESSAGE[code] }
    : { ...at, outcome: 'blocked', status: 400, code: null, message: MESSAGES.device };
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

/**
 * The rule of the step that refused: the first failing step, or (an MFA prompt) the first
 * challenge; an allowed request keeps the rule its flow named.
 */
function refusingRule(v: Verdict, trace: Trace): RuleId {
  if (v.outcome === 'allowed') return v.decidedBy;
  return trace.firstFail ?? trace.firstChallenge ?? v.decidedBy;
}

export function finish(v: Verdict, trace: Trace, assumptions: Assumptions): Decision {
  return {
    outcome: v.outcome,
    status: v.status,
    code: v.code,
    message: v.message,
    stoppedAt: v.stoppedAt,
    decidedBy: refusingRule(v, trace),
    trace: trace.steps,
    policies: mergeAnalyses(v.policies),
    assumptions: { ...assumptions },
    unknowns: trace.unknowns,
    dependsOn: [],
  };
}
