// Runs every policy of the world through analysePolicy and writes the trace steps that a person
// reading the trace needs: a summary of what was left out (R18, R16), then one step per policy.
import type { CompiledWorld } from './compiledWorld';
import type { LocationContext } from './locationMatch';
import { analysePolicy, type Mode, type PolicyRun } from './policyAnalysis';
import type { Trace } from './trace';
import type { AccessRequest, Assumptions, PolicyAnalysis, Stage } from './types';

export interface Sweep {
  runs: PolicyRun[];
  /** Enforced policies that apply and are not satisfied, worst first (block before others). */
  failing: PolicyRun[];
}

const BAD: PolicyAnalysis['effect'][] = ['block', 'unsatisfiable', 'mfa'];
const rank = (r: PolicyRun) => BAD.indexOf(r.analysis.effect);

export function sweepPolicies(
  compiled: CompiledWorld,
  req: AccessRequest,
  loc: LocationContext,
  mode: Mode,
  assumptions: Assumptions,
  trace: Trace,
  stage: Stage,
  /** R22's "what if": the policy whose missing facts are taken as matching. */
  assumeFor?: string,
): Sweep {
  const runs = compiled.world.policies.map((p) =>
    analysePolicy(p, req, loc, mode, assumptions, p.id === assumeFor),
  );
  const total = runs.length;
  const offTarget = runs.filter((r) => r.analysis.evaluatedBy === 'none' && r.rule === 'R18');
  const disabled = runs.filter((r) => r.rule === 'R16' && !r.candidate);
  const candidates = runs.filter((r) => r.candidate);

  trace.add(
    'R18',
    candidates.length ? 'pass' : 'skip',
    stage,
    total === 0
      ? 'There are no Conditional Access policies.'
      : `${candidates.length + disabled.length} of ${total} ${total === 1 ? 'policy targets' : 'policies target'} Azure DevOps` +
          (offTarget.length
            ? `; left out: ${offTarget.map((r) => `"${r.analysis.displayName}" (${r.analysis.reason})`).join(', ')}`
            : '.'),
  );
  if (disabled.length) {
    trace.add(
      'R16',
      'skip',
      stage,
      `Disabled, so ignored: ${disabled.map((r) => `"${r.analysis.displayName}"`).join(', ')}.`,
    );
  }

  // An MFA prompt at sign-in is a question the user can still answer, not a refusal.
  const prompt = mode === 'interactive' && stage === 'entra' && req.flow === 'web';
  for (const r of candidates) {
    for (const u of r.unknowns) trace.unknown(u);
    const a = r.analysis;
    const name = `"${a.displayName}"`;
    if (r.missing?.length && a.enforced) {
      trace.add('R22', 'skip', stage, `${name} ${a.reason}: see "depends on".`, a.id);
    } else if (r.missing?.length) {
      trace.add('R16', 'skip', stage, `${name} is report-only and ${a.reason}.`, a.id);
    } else if (!BAD.includes(a.effect)) {
      // R21: an authentication-flows policy is skipped outright; it never matches this sign-in.
      const skipped = a.effect === 'not-evaluated' || a.effect === 'unknown' || r.rule === 'R21';
      const result = skipped ? 'skip' : 'pass';
      trace.add(r.rule, result, stage, `${name}: ${a.reason}.`, a.id);
    } else if (!a.enforced) {
      trace.add(
        'R16',
        'skip',
        stage,
        `${name} is report-only: it ${a.reason}, but that is only logged, not enforced.`,
        a.id,
      );
    } else {
      const result = prompt && a.effect === 'mfa' ? 'challenge' : 'fail';
      trace.add(r.rule, result, stage, `${name}: ${a.reason}.`, a.id);
    }
  }

  const failing = candidates
    .filter((r) => r.analysis.enforced && BAD.includes(r.analysis.effect))
    .sort((a, b) => rank(a) - rank(b));
  return { runs, failing };
}
