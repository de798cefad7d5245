// Which scenarios show which rule, for the Rules and sources page: a play or variant shows a rule
// when its expected `decidedBy` names it or the engine's trace for it uses it.
import { RULE_IDS } from '../engine/rules';
import type { RuleId } from '../engine/types';
import { runPlay, type Scenario } from './scenario';

export interface RuleShowing {
  scenario: string;
  scenarioTitle: string;
  play: string;
  playTitle: string;
  /** Set when only a variant of the play (a switch flipped) shows the rule. */
  variant?: string;
  variantLabel?: string;
}

/** Every rule id, each with its showings in catalog order (one per play or variant, no repeats). */
export function showingsByRule(scenarios: readonly Scenario[]): Record<RuleId, RuleShowing[]> {
  const out = Object.fromEntries(RULE_IDS.map((id) => [id, [] as RuleShowing[]])) as Record<
    RuleId,
    RuleShowing[]
  >;
  for (const s of scenarios) {
    for (const play of s.plays) {
      const base = { scenario: s.id, scenarioTitle: s.title, play: play.id, playTitle: play.title };
      const played = rulesOf(s, play.id, play.expect.decidedBy);
      for (const r of played) out[r].push(base);
      for (const v of s.variants.filter((x) => x.play === play.id)) {
        for (const r of rulesOf(s, play.id, v.expect.decidedBy, v.id))
          if (!played.has(r)) out[r].push({ ...base, variant: v.id, variantLabel: v.label });
      }
    }
  }
  return out;
}

function rulesOf(s: Scenario, playId: string, decidedBy?: RuleId, variantId?: string) {
  const rules = new Set<RuleId>();
  if (decidedBy) rules.add(decidedBy);
  const play = s.plays.find((p) => p.id === playId)!;
  const variant = variantId ? s.variants.find((v) => v.id === variantId) : undefined;
  const decision = runPlay(s, play, variant);
  if (decision.ok) for (const step of decision.value.trace) rules.add(step.rule);
  return rules;
}
