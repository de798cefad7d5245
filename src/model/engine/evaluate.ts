// evaluate(world, request, assumptions): what Microsoft Entra and Azure DevOps would do with one
// request, and why. Pure: no DOM, no clock (time comes in the request), never throws on input.
import { DEFAULT_ASSUMPTIONS } from './assumptions';
import { compileWorld } from './compiledWorld';
import { finish, type Verdict } from './decision';
import { evaluateInteractive } from './interactiveFlow';
import { ipv4FromMapped, parseIp, type ParsedIp } from '../ip/ip';
import type { PolicyRun } from './policyAnalysis';
import { isUnknownCountry } from './locationMatch';
import { instant } from './time';
import { evaluateToken } from './tokenFlow';
import { QuietTrace, Trace } from './trace';
import {
  AUTH_FLOWS,
  FLOWS,
  INSIDER_RISKS,
  PLATFORMS,
  RISK_LEVELS,
  UNKNOWN_COUNTRY,
  type AccessRequest,
  type Assumptions,
  type Decision,
  type DependsOn,
  type Outcome,
  type Result,
  type World,
} from './types';

export interface EvaluateOptions {
  /** R22: work out what each policy left out for want of a fact would do (evaluate(): default
   * true; evaluateWith(): default false). Each entry costs one more run of the flows. */
  dependsOn?: boolean;
}

export function evaluate(
  world: World,
  req: AccessRequest,
  assumptions: Assumptions = DEFAULT_ASSUMPTIONS,
  options: EvaluateOptions = {},
): Result<Decision> {
  return evaluateWith(world, req, assumptions, new Trace(), {
    dependsOn: options.dependsOn ?? true,
  });
}

/**
 * evaluate() writing its steps to the given trace: the batch path passes a QuietTrace, which keeps
 * only what deciding needs, so the same rule code runs without building the readable trace.
 * `dependsOn` is off here unless asked for (each entry is one more run of the flows).
 */
export function evaluateWith(
  world: World,
  req: AccessRequest,
  assumptions: Assumptions,
  trace: Trace,
  options: EvaluateOptions = {},
): Result<Decision> {
  if (!FLOWS.includes(req.flow))
    return { ok: false, error: `flow: "${req.flow}" is not one of ${FLOWS.join(', ')}` };
  const ip = parseIp(req.ip);
  if (!ip.ok) return { ok: false, error: `ip: ${ip.error}` };
  const signin = req.signinIp === undefined ? ip : parseIp(req.signinIp);
  if (!signin.ok) return { ok: false, error: `signinIp: ${signin.error}` };
  if (instant(req.at) === undefined)
    return { ok: false, error: `at: "${req.at}" is not a date and time (ISO 8601)` };
  for (const key of ['created', 'expires'] as const) {
    const v = req.token?.[key];
    if (v !== undefined && instant(v) === undefined)
      return { ok: false, error: `token.${key}: "${v}" is not a date (ISO 8601)` };
  }
  const enabledAt = world.org.enabledAt;
  if (enabledAt !== undefined && instant(enabledAt) === undefined) {
    return { ok: false, error: `org.enabledAt: "${enabledAt}" is not a date (ISO 8601)` };
  }

  const facts = checkFacts(req);
  if (facts) return { ok: false, error: facts };

  const decision = decide(world, req, ip.value, signin.value, assumptions, trace);
  if (options.dependsOn === true) {
    decision.dependsOn = dependsOn(
      decision.runs,
      (id) => decide(world, req, ip.value, signin.value, assumptions, new QuietTrace(), id).outcome,
    );
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { runs, ...out } = decision;
  return { ok: true, value: out };
}

/** The R21/R22 facts, when given, must be values Entra's What If knows. */
function checkFacts(req: AccessRequest): string | undefined {
  const choices: [keyof AccessRequest, readonly string[]][] = [
    ['platform', PLATFORMS],
    ['signInRisk', RISK_LEVELS],
    ['userRisk', RISK_LEVELS],
    ['insiderRisk', INSIDER_RISKS],
    ['authFlow', AUTH_FLOWS],
  ];
  for (const [key, values] of choices) {
    const v = req[key];
    if (v !== undefined && !values.includes(v as string))
      return `${key}: "${String(v)}" is not one of ${values.join(', ')}`;
  }
  if (
    req.country !== undefined &&
    !/^[A-Za-z]{2}$/.test(req.country) &&
    !isUnknownCountry(req.country)
  )
    return `country: "${req.country}" is not a two-letter ISO 3166 code or ${UNKNOWN_COUNTRY}`;
  return undefined;
}

/** R22: each enforced policy that did not apply for want of a fact, once, with what it would do. */
function dependsOn(runs: PolicyRun[], outcomeIf: (id: string) => Outcome): DependsOn[] {
  const seen = new Set<string>();
  const out: DependsOn[] = [];
  for (const r of runs) {
    const a = r.analysis;
    if (!r.missing?.length || !a.enforced || seen.has(a.id)) continue;
    seen.add(a.id);
    const facts = [...new Set(r.missing.flatMap((m) => [m.fact, ...(m.also ?? [])]))];
    out.push({
      id: a.id,
      displayName: a.displayName,
      fact: facts[0]!,
      facts,
      condition: r.missing.map((m) => m.condition).join(', and '),
      outcome: outcomeIf(a.id),
    });
  }
  return out;
}

/** One run of the flows; `assumeFor` takes that policy's missing facts as matching (R22). */
function decide(
  world: World,
  req: AccessRequest,
  ip: ParsedIp,
  signinIp: ParsedIp,
  assumptions: Assumptions,
  trace: Trace,
  assumeFor?: string,
): Decision & { runs: PolicyRun[] } {
  const compiled = compileWorld(world);
  const mapped = [ip, signinIp].find((a) => ipv4FromMapped(a));
  if (mapped) {
    const v4 = ipv4FromMapped(mapped)!.text;
    const how =
      assumptions['ipv4-mapped'] === 'equivalent'
        ? `it also matches ranges that hold ${v4} (ipv4-mapped=equivalent)`
        : `it matches only IPv6 ranges that list it, not ranges that hold ${v4} (ipv4-mapped=distinct)`;
    trace.add('R9', 'pass', 'client', `${mapped.text} is the IPv4-mapped form of ${v4}: ${how}.`);
  }
  const ctx = { compiled, req, ip, signinIp, assumptions, trace, assumeFor };
  const verdict: Verdict =
    req.flow === 'pat' || req.flow === 'ssh' ? evaluateToken(ctx) : evaluateInteractive(ctx);
  return { ...finish(verdict, trace, assumptions), runs: verdict.policies };
}

/** For callers that have already validated the request (tests, scenarios): throws on bad input. */
export function evaluateOrThrow(
  world: World,
  req: AccessRequest,
  assumptions?: Assumptions,
  options?: EvaluateOptions,
): Decision {
  const r = evaluate(world, req, assumptions, options);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
