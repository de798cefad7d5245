// Batch what-if: every sign-in of a log decided with the organisation policy off and on, so an
// admin sees who would be cut off by turning it on. The same pipeline as the lab's worker
// (readSigninRows in slices, then ImpactAnalysis, which asks the engine), fed from a file read as
// a stream so that millions of rows never sit in memory at once. Rows with bad cells are reported
// and skipped.
import { ImpactAnalysis } from '../model/impact/impactAnalysis';
import { INVALID_DECISION, type ImpactReport } from '../model/impact/impactTypes';
import type { RowProblem, SigninImport } from '../model/impact/signinRows';
import type { Assumptions, Outcome, Result, World } from '../model/engine/types';
import { SigninStream } from '../worker/signinChunks';
import { streamText } from './files';
import type { LoadedWorld } from './loadWorld';
import { buildWorld } from './request';

export type Counts = Record<Outcome, number>;

export interface BatchReport {
  /** The state given with --validation, which the report marks as today's. */
  current: 'on' | 'off';
  /** Every row read, decided or not (rows evaluate() refuses have INVALID_DECISION). */
  impact: ImpactReport;
  summary: { off: Counts; on: Counts; newlyBlocked: number };
  problems: RowProblem[];
  warnings: string[];
}

export interface BatchSettings {
  validation: boolean;
  enabledAt?: string;
  assumptions: Assumptions;
  /** For rows without their own time: --at, or now. */
  at: string;
}

/** The engine's message starts with the request field it is about ("ip: …", "token.created: …"). */
function problemFrom(row: number, error: string): RowProblem {
  const m = /^([\w.]+): (.*)$/s.exec(error);
  return m ? { row, field: m[1]!, message: m[2]! } : { row, field: 'row', message: error };
}

/** Characters of CSV text read per slice. */
const SLICE_CHARS = 4_000_000;

/** The analysis the batch report is made from, every invalid row kept with its message. */
export const batchAnalysis = (world: World, s: Pick<BatchSettings, 'assumptions' | 'at'>) =>
  new ImpactAnalysis(world, s.assumptions, { at: s.at, defaultFlow: 'pat' }, undefined, {
    invalidExamples: Infinity,
  });

const newAnalysis = (loaded: LoadedWorld, s: BatchSettings) =>
  batchAnalysis(buildWorld(loaded, true, s.enabledAt), s);

/** Adds rows to the analysis but those with a bad cell (already among `problems`). */
export function addGood(analysis: ImpactAnalysis, { rows, problems }: SigninImport): void {
  if (problems.length === 0) return analysis.add(rows);
  const bad = new Set(problems.map((p) => p.row));
  analysis.add(rows.filter((r) => !bad.has(r.row)));
}

function report(
  analysis: ImpactAnalysis,
  problems: RowProblem[],
  s: BatchSettings,
  warnings: string[],
): BatchReport {
  const impact = analysis.finish();
  for (const { row, message } of impact.invalidExamples) problems.push(problemFrom(row, message));
  problems.sort((a, b) => a.row - b.row);
  const outcome = impact.decisions.map((d) => d.outcome);
  let newlyBlocked = 0;
  const { off, on } = impact.rows;
  for (let i = 0; i < impact.rows.count; i++) {
    if (off[i] === INVALID_DECISION) continue;
    if (outcome[off[i]!] === 'allowed' && outcome[on[i]!] === 'blocked') newlyBlocked++;
  }
  return {
    current: s.validation ? 'on' : 'off',
    impact,
    summary: { off: impact.off, on: impact.on, newlyBlocked },
    problems,
    warnings,
  };
}

/**
 * Rows already read (a file that fits in memory). `analysed`: the same rows already analysed
 * (batchExtras does it, with the world the log dates), so they are not decided twice.
 */
export function runBatch(
  loaded: LoadedWorld,
  signins: SigninImport,
  s: BatchSettings,
  analysed?: ImpactAnalysis,
): BatchReport {
  let analysis = analysed;
  if (!analysis) {
    analysis = newAnalysis(loaded, s);
    addGood(analysis, signins);
  }
  return report(analysis, [...signins.problems], s, []);
}

/**
 * A file of any size, read as a stream: rows are decided slice by slice and dropped, so only the
 * report's columns (17 bytes a row) stay in memory.
 */
export function runBatchStream(
  loaded: LoadedWorld,
  file: string,
  s: BatchSettings,
): Result<BatchReport & { log: SigninImport['log'] }> {
  const analysis = newAnalysis(loaded, s);
  const problems: RowProblem[] = [];
  const stream = new SigninStream((part) => {
    problems.push(...part.problems);
    addGood(analysis, part);
  }, SLICE_CHARS);
  const where = `--batch ${file}`;
  const read = streamText('batch', file, (text) => {
    const error = stream.push(text);
    return error === undefined ? undefined : `${where}: ${error}`;
  });
  if (!read.ok) return read;
  const end = stream.end();
  if (!end.ok) return { ok: false, error: `${where}: ${end.error}` };
  const warnings = end.warnings.map((w) => `${where}: ${w}`);
  if (read.value.notice) warnings.unshift(read.value.notice);
  if (read.value.tokens) warnings.unshift(read.value.tokens);
  return { ok: true, value: { ...report(analysis, problems, s, warnings), log: end.value.log } };
}
