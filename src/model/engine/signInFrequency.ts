// R19: a sign-in frequency session control can bind PAT use. Checked only for policies that
// target the request and whose location condition (if any) selects its IP.
import { refused, type FlowContext, type Verdict } from './decision';
import { MESSAGES } from './messages';
import type { PolicyRun } from './policyAnalysis';
import { instant } from './time';

const HOUR = 3_600_000;

export function signInFrequencyCheck(ctx: FlowContext, runs: PolicyRun[]): Verdict | undefined {
  const { compiled, req, trace } = ctx;
  for (const run of runs) {
    const policy = compiled.world.policies.find((p) => p.id === run.analysis.id);
    const f = policy?.signInFrequency;
    if (!policy || !f?.isEnabled || policy.state !== 'enabled') continue;
    const selected = run.analysis.applies || run.analysis.effect === 'not-evaluated';
    if (!selected) continue;
    const limit = f.value * (f.type === 'days' ? 24 : 1) * HOUR;
    const last = instant(req.lastSignInAt);
    const unit = f.type === 'days' ? 'day' : 'hour';
    const span = f.value === 0 ? 'every sign-in' : `${f.value} ${unit}${f.value === 1 ? '' : 's'}`;
    if (last === undefined) {
      trace.unknown(
        `"${policy.displayName}" sets a sign-in frequency of ${span}; the request does not say when the user last signed in (R19).`,
      );
      trace.add(
        'R19',
        'skip',
        'ado',
        `"${policy.displayName}" sets a sign-in frequency of ${span}; the last interactive sign-in is unknown.`,
        policy.id,
      );
      continue;
    }
    if (instant(req.at)! - last > limit) {
      trace.add(
        'R19',
        'fail',
        'ado',
        `"${policy.displayName}": the last interactive sign-in is older than ${span}; the user must sign in again.`,
        policy.id,
      );
      return refused(401, MESSAGES.signInAgain, 'ado', 'R19', runs);
    }
    trace.add(
      'R19',
      'pass',
      'ado',
      `"${policy.displayName}": the last interactive sign-in is within ${span}.`,
      policy.id,
    );
  }
  return undefined;
}
