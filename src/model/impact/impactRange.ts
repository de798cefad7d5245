// Disputed rules as a range: the impact under each reading of R12 (existing PATs exempt or
// enforced), R7 (policies without a location condition) and R8 (device policies), so a report
// says "between A and B newly refused" rather than resting on one default.
import type { AssumptionName, Assumptions, RuleId } from '../engine/types';
import type { DependingOn, Readings } from './batchDecider';

export interface RangeReading {
  assumption: AssumptionName;
  rule: RuleId;
  /** Newly refused under the lenient reading with only this one switched to its strict value. */
  strictValue: string;
  newlyBlocked: number;
}

export interface ImpactRange {
  /**
   * Every disputed rule read leniently (exempt, ignored, ignored), PATs without a creation date
   * read as created before the org policy went on.
   */
  low: number;
  /**
   * Every disputed rule read strictly (enforced, blocked, blocked), plus the rows a policy left
   * out for want of a fact the log does not carry (groups, country, …) would newly refuse (R22).
   */
  high: number;
  /** R22 under the analysis's own readings: "up to N more if <fact>", by fact. */
  dependsOn: DependingOn;
  /** The disputed rules that change the count, each on its own. */
  readings: RangeReading[];
}

const DISPUTED: readonly [AssumptionName, RuleId, string, string][] = [
  ['existing-pats', 'R12', 'exempt', 'enforced'],
  ['mfa-only-policy-on-pat', 'R7', 'ignored', 'blocked'],
  ['device-policy-on-pat', 'R8', 'ignored', 'blocked'],
];

/** What the range needs of an analysis: newly refused among its rows under other readings. */
export interface Reanalysis {
  newlyBlockedUnder(assumptions: Assumptions, readings?: Readings): number;
  dependingOn(assumptions: Assumptions, readings?: Readings): DependingOn;
}

/**
 * The range for the rows an analysis (made with `assumptions`) has decided. Each reading is
 * decided once per class of requests the analysis met (ImpactAnalysis.newlyBlockedUnder), not once
 * per row: the whole range costs a few hundred evaluations, whatever the log's size.
 */
export function impactRange(analysis: Reanalysis, assumptions: Assumptions): ImpactRange {
  const lenient: Assumptions = { ...assumptions };
  const strict: Assumptions = { ...assumptions };
  for (const [name, , soft, hard] of DISPUTED) {
    (lenient as unknown as Record<string, string>)[name] = soft;
    (strict as unknown as Record<string, string>)[name] = hard;
  }
  // The lenient end also reads a PAT the log gives no creation date for as older than the org
  // policy (it may be): R12 exempts it. The enable date only sorts dated PATs.
  const undated: Readings = { undatedPatsBefore: true };
  const low = analysis.newlyBlockedUnder(lenient, undated);
  const strictNewly = analysis.newlyBlockedUnder(strict);
  const high = strictNewly + analysis.dependingOn(strict).total;
  const dependsOn = analysis.dependingOn(assumptions);
  const readings: RangeReading[] = [];
  if (low !== strictNewly) {
    for (const [name, rule, , hard] of DISPUTED) {
      const n = analysis.newlyBlockedUnder({ ...lenient, [name]: hard } as Assumptions, undated);
      if (n !== low) readings.push({ assumption: name, rule, strictValue: hard, newlyBlocked: n });
    }
  }
  return { low, high, readings, dependsOn };
}
