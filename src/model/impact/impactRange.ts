// Disputed rules as a range: the impact under each reading of R12 (existing PATs exempt or
// enforced), R7 (policies without a location condition) and R8 (device policies), so a report
// says "between A and B newly refused" rather than resting on one default.
import { analyseImpact } from './impact';
import type { RowDefaults } from './impactTypes';
import type { SigninRow } from './signinRows';
import { instant } from '../engine/time';
import type { AssumptionName, Assumptions, Flow, RuleId, World } from '../engine/types';

export interface RangeReading {
  assumption: AssumptionName;
  rule: RuleId;
  /** Newly refused under the lenient reading with only this one switched to its strict value. */
  strictValue: string;
  newlyBlocked: number;
}

export interface ImpactRange {
  /** Every disputed rule read leniently (exempt, ignored, ignored). */
  low: number;
  /** Every disputed rule read strictly (enforced, blocked, blocked). */
  high: number;
  /** The disputed rules that change the count, each on its own. */
  readings: RangeReading[];
}

const DISPUTED: readonly [AssumptionName, RuleId, string, string][] = [
  ['existing-pats', 'R12', 'exempt', 'enforced'],
  ['mfa-only-policy-on-pat', 'R7', 'ignored', 'blocked'],
  ['device-policy-on-pat', 'R8', 'ignored', 'blocked'],
];

/** Whether switching this rule can change any row's outcome at all (spares whole runs). */
function canMatter(name: AssumptionName, world: World, rows: readonly SigninRow[]): boolean {
  const enforced = world.policies.filter((p) => p.state === 'enabled');
  if (name === 'existing-pats') {
    const on = instant(world.org.enabledAt);
    if (on === undefined) return false;
    return rows.some((r) => {
      const c = instant(r.tokenCreated);
      return c !== undefined && c < on;
    });
  }
  return enforced.some((p) => !p.locations && p.grantControls !== null);
}

/**
 * `base`: the report already made with `assumptions`. The disputed rules only touch PAT and SSH
 * rows, so only those are analysed again; web and OAuth rows add the same count to every reading.
 */
export function impactRange(
  world: World,
  rows: readonly SigninRow[],
  assumptions: Assumptions,
  defaults: RowDefaults,
  base: { newlyBlocked: number; newlyBlockedByFlow: Record<Flow, number> },
): ImpactRange {
  const lenient: Assumptions = { ...assumptions };
  const strict: Assumptions = { ...assumptions };
  const token = (f: Flow) => f === 'pat' || f === 'ssh';
  const tokenRows = rows.filter((r) => token(r.flow ?? defaults.defaultFlow));
  const matters = DISPUTED.filter(([name]) => canMatter(name, world, tokenRows));
  for (const [name, , soft, hard] of DISPUTED) {
    (lenient as unknown as Record<string, string>)[name] = soft;
    (strict as unknown as Record<string, string>)[name] = hard;
  }
  const current = base.newlyBlocked;
  if (matters.length === 0) return { low: current, high: current, readings: [] };
  const others = current - base.newlyBlockedByFlow.pat - base.newlyBlockedByFlow.ssh;
  const newly = (a: Assumptions) =>
    others + analyseImpact(world, tokenRows, a, defaults).newlyBlocked;
  const low = newly(lenient);
  const high = newly(strict);
  const readings: RangeReading[] = [];
  if (low !== high) {
    for (const [name, rule, , hard] of matters) {
      const one = { ...lenient, [name]: hard } as Assumptions;
      const n = matters.length === 1 ? high : newly(one);
      if (n !== low) readings.push({ assumption: name, rule, strictValue: hard, newlyBlocked: n });
    }
  }
  return { low, high, readings };
}
