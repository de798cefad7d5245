// What the batch report says besides each row's outcome: which log it read (columns used and
// ignored, rows counted apart), what that log can hold, the range over the disputed rules, and
// remedies with their effect recomputed. Same model code as the lab.
import { analyseImpact, type ImpactAnalysis } from '../model/impact/impact';
import { impactRange, type ImpactRange } from '../model/impact/impactRange';
import { headline, type Headline } from '../model/impact/logs/coverage';
import type { LogInfo } from '../model/impact/logs/logInfo';
import { worldFromLog } from '../model/impact/logs/logWorld';
import {
  applyRemedy,
  blockOf,
  namedLocationPatch,
  suggestRemedies,
  type Remedy,
} from '../model/impact/remedies';
import type { SigninImport } from '../model/impact/signinRows';
import type { Assumptions } from '../model/engine/types';
import type { LoadedWorld } from './loadWorld';
import { addGood, batchAnalysis } from './batch';
import { buildWorld } from './request';

export interface RemedyEffect extends Remedy {
  /** Newly refused rows before and after the change. */
  before: number;
  after: number;
  /** PATCH /identity/conditionalAccess/namedLocations/{locationId} with this body. */
  patch: object;
}

export interface BatchExtras {
  kind: LogInfo['kind'] | undefined;
  log: LogInfo | undefined;
  enabledAt: { at: string; from: 'audit-log' | 'input'; row?: number } | undefined;
  range: ImpactRange;
  headline: Headline;
  remedies: RemedyEffect[];
}

export function batchExtras(
  loaded: LoadedWorld,
  signins: SigninImport,
  s: { enabledAt?: string; assumptions: Assumptions; at: string },
): BatchExtras & { analysis: ImpactAnalysis } {
  const given = buildWorld(loaded, true, s.enabledAt);
  const { world, enabledAt } = worldFromLog(given, signins.log, s.enabledAt !== undefined);
  const defaults = { at: s.at, defaultFlow: 'pat' as const };
  // One analysis for the report, the range and the remedies (runBatch takes it as it is).
  const analysis = batchAnalysis(world, s);
  addGood(analysis, signins);
  const report = analysis.finish();
  const range = impactRange(analysis, s.assumptions);
  // Rows are decided one by one: a change to one block only changes the rows from that block.
  // The report's rows are the good rows in order; its IP column numbers the distinct addresses.
  const bad = new Set(signins.problems.map((p) => p.row));
  const rows = bad.size ? signins.rows.filter((r) => !bad.has(r.row)) : signins.rows;
  const blocks = report.ips.map(blockOf);
  const rowsIn = (block: string) => {
    const out: typeof rows = [];
    const ip = report.rows.ip;
    for (let i = 0; i < report.rows.count; i++) if (blocks[ip[i]!] === block) out.push(rows[i]!);
    return out;
  };
  const remedies = suggestRemedies(report, world, 3).map((r): RemedyEffect => {
    const some = rowsIn(r.block);
    const before = analyseImpact(world, some, s.assumptions, defaults).newlyBlocked;
    const after = analyseImpact(applyRemedy(world, r), some, s.assumptions, defaults);
    const loc = world.locations.find((l) => l.id === r.locationId)!;
    return {
      ...r,
      before: report.newlyBlocked,
      after: report.newlyBlocked - before + after.newlyBlocked,
      patch: namedLocationPatch(loc, [r.block]),
    };
  });
  return {
    kind: signins.log?.kind,
    log: signins.log,
    enabledAt,
    range,
    headline: headline(report.newlyBlocked, signins.log, range, 'pat'),
    remedies,
    analysis,
  };
}
