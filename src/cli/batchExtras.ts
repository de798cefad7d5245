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
import { topGroups } from '../model/impact/impactGroups';
import {
  BLOCKS_SHOWN,
  REMEDY_BLOCKS,
  blockGroups,
  remedyEffects,
  suggestRemedies,
  type RemedyEffect,
} from '../model/impact/remedies';
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
  /** Refused traffic with the policy on, by address block (/24, /48): the busiest, and of how many. */
  blocks: { top: BlockSummary[]; of: number };
  /** The same by user, most newly refused first. */
  users: { top: UserSummary[]; of: number };
  remedies: RemedyEffect[];
}

export interface BlockSummary {
  block: string;
  refused: number;
  newlyRefused: number;
  /** The first few addresses seen in it, of how many. */
  ips: string[];
  addresses: number;
}
export interface UserSummary {
  user: string;
  refused: number;
  newlyRefused: number;
}

/** Users a report lists. */
const USERS_SHOWN = 10;

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
  // Blocks from the rows, not from per-IP groups (the report has none); enough of them for the
  // remedies, which skip blocks no refusing policy's location can take.
  const grouped = blockGroups(impact, REMEDY_BLOCKS);
  const suggested = suggestRemedies(impact, world, REMEDIES, grouped.top);
  const remedies = remedyEffects(analysis, impact, world, suggested);
  const blocks = grouped.top.slice(0, BLOCKS_SHOWN).map((b) => ({
    block: b.block,
    refused: b.count,
    newlyRefused: b.newlyBlocked,
    ips: b.ips.slice(0, 3),
    addresses: b.ips.length,
  }));
  const users = topGroups(impact.byUser, 'newlyBlocked', 'desc', USERS_SHOWN).map((g) => ({
    user: g.key,
    refused: g.count,
    newlyRefused: g.newlyBlocked,
  }));
  return {
    kind: log?.kind,
    log,
    enabledAt: dated.enabledAt,
    range,
    headline: headline(impact.newlyBlocked, log, range, 'pat', skipped),
    blocks: { top: blocks, of: grouped.of },
    users: { top: users, of: impact.byUser.length },
    remedies,
  };
}
