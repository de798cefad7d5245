// Impact analysis: what turning the organisation policy on would do to a list of real sign-ins.
// Every row is decided with the policy off and on by the engine itself, once per class of rows it
// cannot tell apart (batchDecider.ts), so a million rows take about a second.
import { ImpactAnalysis } from './impactAnalysis';
import type { ImpactReport, RowDefaults } from './impactTypes';
import type { SigninRow } from './signinRows';
import type { Assumptions, World } from '../engine/types';

export { ImpactAnalysis } from './impactAnalysis';
export { BatchDecider } from './batchDecider';
export { sortGroups, type GroupOrder } from './impactGroups';
export { rowRequest } from './impactRequest';
export { impactRow, type ImpactRowView } from './impactRow';
export { impactToCsv, type ImpactCsvKind } from './impactCsv';
export * from './impactTypes';

/** Rows between two progress reports (and shouldStop checks). */
export const PROGRESS_EVERY = 50_000;

export function analyseImpact(
  world: World,
  rows: readonly SigninRow[],
  assumptions: Assumptions,
  opts: RowDefaults,
  onProgress?: (done: number, total: number) => void,
  shouldStop?: () => boolean,
): ImpactReport {
  const analysis = new ImpactAnalysis(world, assumptions, opts, rows.length);
  for (let from = 0; from < rows.length; from += PROGRESS_EVERY) {
    if (shouldStop?.()) break;
    analysis.add(rows, from, Math.min(rows.length, from + PROGRESS_EVERY));
    onProgress?.(analysis.processed, rows.length);
  }
  return analysis.finish();
}
