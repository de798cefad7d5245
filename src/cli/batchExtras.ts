// What the batch report says besides each row's outcome: which log it read (columns used and
// ignored, rows counted apart), what that log can hold, the range over the disputed rules, and
// remedies with their effect recomputed. All of it from the analysis, never from kept rows, so a
// file of any size gets all of it. Same model code as the lab.
import type { ImpactAnalysis } from '../model/impact/impactAnalysis';
import { impactRange, type ImpactRange } from '../model/impact/impactRange';
import type { ImpactReport } from '../model/impact/impactTypes';
import { headline, type Headline } from '../model/impact/logs/coverage';
import type { LogInfo } from '../model/impact/logs/logInfo';
import type { DatedWorld } from '../model/impact/logs/logWorld';
import { remedyEffects, suggestRemedies, type RemedyEffect } from '../model/impact/remedies';
import type { Assumptions } from '../model/engine/types';

export type { RemedyEffect };

/** Remedies a report lists. */
const REMEDIES = 3;

export interface BatchExtras {
  kind: LogInfo['kind'] | undefined;
  log: LogInfo | undefined;
  enabledAt: DatedWorld['enabledAt'];
  range: ImpactRange;
  headline: Headline;
  remedies: RemedyEffect[];
}

/** `dated`: the tenant the analysis decided in, dated by the log when it records the switch. */
export function batchExtras(
  analysis: ImpactAnalysis,
  impact: ImpactReport,
  dated: DatedWorld,
  log: LogInfo | undefined,
  assumptions: Assumptions,
  skipped = 0,
): BatchExtras {
  const range = impactRange(analysis, assumptions);
  const { world } = dated;
  const remedies = remedyEffects(analysis, impact, world, suggestRemedies(impact, world, REMEDIES));
  return {
    kind: log?.kind,
    log,
    enabledAt: dated.enabledAt,
    range,
    headline: headline(impact.newlyBlocked, log, range, 'pat', skipped),
    remedies,
  };
}
