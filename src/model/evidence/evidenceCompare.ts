// Does the engine's verdict agree with what really happened? One short explanation either way,
// with a hint when a switchable assumption (R7, R8, R12) or the org policy explains a difference.
import type { Comparison, Evidence } from './evidenceTypes';
import type { Decision, PolicyAnalysis } from '../engine/types';

const FAILING: PolicyAnalysis['effect'][] = ['block', 'mfa', 'unsatisfiable'];

const say = (outcome: string, code: string | null | undefined) =>
  `${outcome === 'mfa-required' ? 'asks for MFA' : outcome === 'allowed' ? 'allows it' : 'blocks it'}${code ? ` (${code})` : ''}`;

function hint(evidence: Evidence, d: Decision): string {
  const observed = evidence.observed.outcome;
  if (d.decidedBy === 'R12' && observed !== 'allowed')
    return ' The replay let an old PAT through (R12, from the article only): this suggests existing PATs are enforced; try existing-pats=enforced.';
  if (d.decidedBy === 'R5' && evidence.observed.code === 'VS403463')
    return ' VS403463 comes only from Azure DevOps’s IP check, so the organisation policy is on: turn it on in the lab.';
  if ((d.decidedBy === 'R7' || d.decidedBy === 'R8') && observed === 'allowed')
    return ` The block comes from an assumption (${d.decidedBy}); try ${d.decidedBy === 'R7' ? 'mfa-only-policy-on-pat' : 'device-policy-on-pat'}=ignored.`;
  // R22: a fact the evidence does not carry (who the user is, groups, country) may be the gap.
  const would = d.dependsOn.filter((x) => x.outcome === observed);
  if (would.length)
    return ` The evidence does not say everything a policy needs: the replay ${say(would[0]!.outcome, null)} too if ${would.map((x) => `${x.condition} ("${x.displayName}")`).join(', or if ')}.`;
  const check =
    ' Check that the imported policies and named locations are current, and that the IP is the one the service saw (a VPN split tunnel can change it, R10).';
  return d.outcome === 'allowed' && observed !== 'allowed' ? check + notEvaluated(d) : check;
}

/** Policies without a location condition that the engine skipped for a PAT (R7, R8). */
function notEvaluated(d: Decision): string {
  const skipped = d.trace.filter(
    (s) => (s.rule === 'R7' || s.rule === 'R8') && s.result === 'skip' && s.policyId,
  );
  if (!skipped.length) return '';
  const name = (id: string) => d.policies.find((p) => p.id === id)?.displayName ?? id;
  const names = skipped.map((s) => `"${name(s.policyId!)}"`).join(', ');
  const settings = [
    ...new Set(
      skipped.map((s) =>
        s.rule === 'R7' ? 'mfa-only-policy-on-pat=blocked' : 'device-policy-on-pat=blocked',
      ),
    ),
  ];
  return ` Not evaluated for PATs because it has no location condition (an assumption): ${names}; if it should apply, try ${settings.join(' or ')}.`;
}

/** Policies named on one side only: Entra's failed ones against the replay's failing ones. */
function policyNote(evidence: Evidence, d: Decision): string {
  const observed = evidence.observed.policies?.filter((p) => p.result === 'failure');
  if (!observed) return '';
  const engine = d.policies.filter((p) => p.enforced && p.applies && FAILING.includes(p.effect));
  const ids = new Set(engine.map((p) => p.id.toLowerCase()));
  const seen = new Set(observed.map((p) => p.id.toLowerCase()));
  const onlyObserved = observed.filter((p) => !ids.has(p.id.toLowerCase()));
  const onlyEngine = engine.filter((p) => !seen.has(p.id.toLowerCase()));
  const names = (ps: { displayName: string }[]) => ps.map((p) => `"${p.displayName}"`).join(', ');
  const notes: string[] = [];
  if (onlyObserved.length)
    notes.push(`Entra also names ${names(onlyObserved)}, which the replay does not`);
  if (onlyEngine.length)
    notes.push(`the replay also names ${names(onlyEngine)}, which Entra does not`);
  return notes.length ? ` Policies differ: ${notes.join('; ')}.` : '';
}

export function compareWithEngine(evidence: Evidence, decision: Decision): Comparison {
  const { outcome, code } = evidence.observed;
  const what = evidence.kind === 'vs403463' ? 'Azure DevOps' : 'Entra';
  if (outcome === undefined)
    return {
      matches: null,
      explanation: `The evidence does not say what happened, so there is nothing to compare; the replay ${say(decision.outcome, decision.code)}.`,
    };
  const knownCode = code === 'VS403463' || code === 'AADSTS53003';
  const sameCode = !knownCode || !decision.code || code === decision.code;
  const because = decision.outcome === 'allowed' ? '' : `, rule ${decision.decidedBy}`;
  if (outcome === decision.outcome && sameCode) {
    return {
      matches: true,
      explanation: `Matches: ${what} ${say(outcome, code)} and so does the replay${because}.${policyNote(evidence, decision)}`,
    };
  }
  const detail =
    outcome === decision.outcome
      ? ` Both refuse, but at a different check: ${code} is ${code === 'VS403463' ? 'Azure DevOps’s IP check' : 'Entra at sign-in'}, ${decision.code} is ${decision.code === 'VS403463' ? 'Azure DevOps’s IP check' : 'Entra at sign-in'}.`
      : '';
  return {
    matches: false,
    explanation: `Does not match: ${what} ${say(outcome, code)} but the replay ${say(decision.outcome, decision.code)}${because}.${detail}${hint(evidence, decision)}`,
  };
}
