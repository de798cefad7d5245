// evaluate(world, request, assumptions): what Microsoft Entra and Azure DevOps would do with one
// request, and why. Pure: no DOM, no clock (time comes in the request), never throws on input.
import { DEFAULT_ASSUMPTIONS } from './assumptions';
import { compileWorld } from './compiledWorld';
import { finish, type Verdict } from './decision';
import { evaluateInteractive } from './interactiveFlow';
import { ipv4FromMapped, parseIp } from '../ip/ip';
import { instant } from './time';
import { evaluateToken } from './tokenFlow';
import { Trace } from './trace';
import {
  FLOWS,
  type AccessRequest,
  type Assumptions,
  type Decision,
  type Result,
  type World,
} from './types';

export function evaluate(
  world: World,
  req: AccessRequest,
  assumptions: Assumptions = DEFAULT_ASSUMPTIONS,
): Result<Decision> {
  return evaluateWith(world, req, assumptions, new Trace());
}

/**
 * evaluate() writing its steps to the given trace: the batch path passes a QuietTrace, which keeps
 * only what deciding needs, so the same rule code runs without building the readable trace.
 */
export function evaluateWith(
  world: World,
  req: AccessRequest,
  assumptions: Assumptions,
  trace: Trace,
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

  const compiled = compileWorld(world);
  const mapped = [ip.value, signin.value].find((a) => ipv4FromMapped(a));
  if (mapped) {
    const v4 = ipv4FromMapped(mapped)!.text;
    const how =
      assumptions['ipv4-mapped'] === 'equivalent'
        ? `it also matches ranges that hold ${v4} (ipv4-mapped=equivalent)`
        : `it matches only IPv6 ranges that list it, not ranges that hold ${v4} (ipv4-mapped=distinct)`;
    trace.add('R9', 'pass', 'client', `${mapped.text} is the IPv4-mapped form of ${v4}: ${how}.`);
  }
  const ctx = { compiled, req, ip: ip.value, signinIp: signin.value, assumptions, trace };
  const verdict: Verdict =
    req.flow === 'pat' || req.flow === 'ssh' ? evaluateToken(ctx) : evaluateInteractive(ctx);
  return { ok: true, value: finish(verdict, trace, assumptions) };
}

/** For callers that have already validated the request (tests, scenarios): throws on bad input. */
export function evaluateOrThrow(
  world: World,
  req: AccessRequest,
  assumptions?: Assumptions,
): Decision {
  const r = evaluate(world, req, assumptions);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
