// Batch what-if: every sign-in of a log decided with the organisation policy off and on, so an
// admin sees who would be cut off by turning it on. The same pipeline as the lab's worker: a CSV
// is read as a stream in slices (SigninStream, readSigninRows) and each slice is decided
// (ImpactAnalysis, which asks the engine) and dropped, so millions of rows never sit in memory; a
// JSON log is read whole. The range, the remedies and the log's own dates come from the analysis,
// whatever the file's size. Rows with a bad cell are reported and skipped.
import { ImpactAnalysis } from '../model/impact/impactAnalysis';
import { INVALID_DECISION, type ImpactReport } from '../model/impact/impactTypes';
import { analysable } from '../model/impact/rowsToAnalyse';
import type { LogInfo } from '../model/impact/logs/logInfo';
import { worldFromLog } from '../model/impact/logs/logWorld';
import {
  MAX_SIGNIN_TEXT,
  isJsonText,
  linkPatDates,
  readSigninRows,
  type RowProblem,
  type SigninImport,
} from '../model/impact/signinRows';
import type { Assumptions, Outcome, Result, World } from '../model/engine/types';
import { SigninStream } from '../worker/signinChunks';
import { batchExtras, type BatchExtras } from './batchExtras';
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
  /** Which log it was, the range, the remedies. */
  extras: BatchExtras;
}

export interface BatchSettings {
  validation: boolean;
  /** --validation-enabled-at: wins over the date an audit export records. */
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

/**
 * Characters of CSV text read per slice: small enough that a slice's rows die young (a 1 MB slice
 * took the young generation's collections from 290 to 115 ms of a million-row batch). Since a
 * slice is read where it lies, with no scan for its end first, 200 KB did better again: in
 * alternating runs on the bench's million rows, 2.64 s against 2.94 s median wall, 3.2 against
 * 3.75 s cpu (100 KB and 400 KB were close to 200 KB; 30 KB was slower).
 */
const SLICE_CHARS = 200_000;

/** The analysis the batch report is made from, every invalid row kept with its message. */
export const batchAnalysis = (world: World, s: Pick<BatchSettings, 'assumptions' | 'at'>) =>
  new ImpactAnalysis(world, s.assumptions, { at: s.at, defaultFlow: 'pat' }, undefined, {
    invalidExamples: Infinity,
  });

/** Adds the rows the analysis decides: not those with a bad cell (already among `problems`). */
function addGood(analysis: ImpactAnalysis, part: SigninImport): number {
  const { rows, reads } = analysable(part);
  analysis.add(rows, 0, rows.length, reads);
  return part.rows.length - rows.length;
}

function report(
  analysis: ImpactAnalysis,
  problems: RowProblem[],
  s: BatchSettings,
  warnings: string[],
  dated: ReturnType<typeof worldFromLog>,
  log: LogInfo | undefined,
  /** Rows left out for a bad cell (the verdict says they are not counted). */
  skipped: number,
): BatchReport {
  // No per-IP groups: the report lists blocks (blockGroups), and a log of a million distinct
  // addresses would make a million groups.
  const impact = analysis.finish({ ipGroups: false });
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
    extras: batchExtras(analysis, impact, dated, log, s.assumptions, skipped),
  };
}

/** A JSON log: read whole (up to the JSON limit), then decided as the lab decides it. */
function jsonBatch(
  given: World,
  text: string,
  s: BatchSettings,
  where: string,
  warnings: string[],
): Result<BatchReport> {
  const signins = readSigninRows(text, true); // streamText screened it
  if (!signins.ok) return { ok: false, error: `${where}: ${signins.error}` };
  const { log } = signins.value;
  const dated = worldFromLog(given, log, s.enabledAt !== undefined);
  const analysis = batchAnalysis(dated.world, s);
  const skipped = addGood(analysis, signins.value);
  warnings.push(...signins.warnings.map((w) => `${where}: ${w}`));
  const problems = [...signins.value.problems];
  return { ok: true, value: report(analysis, problems, s, warnings, dated, log, skipped) };
}

/**
 * `whatif --batch FILE`: a log of any size. A CSV is read as a stream, decided slice by slice;
 * only the report's columns (25 bytes a row) stay in memory. When the whole file knows more than
 * its rows did as they came (an audit export's Token.PatCreateEvent below the rows of that PAT,
 * or the org policy's switch date, OrganizationPolicy.PolicyValueUpdated), it is read once more
 * with that knowledge, as the lab's worker does.
 */
export function runBatchFile(
  loaded: LoadedWorld,
  file: string,
  s: BatchSettings,
  /** Bytes read and characters decided at a time (tests make them small). */
  sizes: { pieceBytes?: number; sliceChars?: number } = {},
): Result<BatchReport> {
  const sliceChars = sizes.sliceChars ?? SLICE_CHARS;
  const where = `--batch ${file}`;
  const given = buildWorld(loaded, true, s.enabledAt);
  const problems: RowProblem[] = [];
  /** PATs named by rows that came without a creation date (the export may date them later). */
  const undated = new Set<string>();
  let analysis = batchAnalysis(given, s);
  let skipped = 0;
  const stream = new SigninStream((part) => {
    for (const p of part.problems) problems.push(p); // never spread: a slice can hold 100,000s
    for (const r of part.rows)
      if (r.authorizationId !== undefined && r.tokenCreated === undefined)
        undated.add(r.authorizationId);
    skipped += addGood(analysis, part);
  }, sliceChars);
  // Whether the file is a JSON log is known from its first characters; a JSON log is kept whole.
  let head: string | undefined = '';
  let json: string | undefined;
  const push = (text: string) => {
    const error = stream.push(text);
    return error === undefined ? undefined : `${where}: ${error}`;
  };
  const read = streamText(
    'batch',
    file,
    (text) => {
      if (json !== undefined) {
        if (json.length + text.length > MAX_SIGNIN_TEXT) return jsonTooBig(where);
        json += text;
        return undefined;
      }
      if (head === undefined) return push(text);
      head += text;
      if (/^\uFEFF?\s*$/.test(head)) return undefined; // nothing to tell by yet
      const start = head;
      head = undefined;
      if (!isJsonText(start)) return push(start);
      json = start;
      return json.length > MAX_SIGNIN_TEXT ? jsonTooBig(where) : undefined;
    },
    sizes.pieceBytes,
  );
  if (!read.ok) return read;
  const warnings: string[] = [];
  if (read.value.tokens) warnings.push(read.value.tokens);
  if (read.value.notice) warnings.push(read.value.notice);
  if (json !== undefined) return jsonBatch(given, json, s, where, warnings);
  if (head) {
    const error = push(head);
    if (error !== undefined) return { ok: false, error };
  }
  const end = stream.end();
  if (!end.ok) return { ok: false, error: `${where}: ${end.error}` };
  warnings.push(...end.warnings.map((w) => `${where}: ${w}`));
  const { log } = end.value;
  const dated = worldFromLog(given, log, s.enabledAt !== undefined);
  const created = log?.audit?.patCreated ?? {};
  const again =
    [...undated].some((id) => created[id] !== undefined) ||
    dated.world.org.enabledAt !== given.org.enabledAt;
  if (again) {
    analysis = batchAnalysis(dated.world, s);
    const second = new SigninStream((part) => {
      if (log) linkPatDates({ ...part, log });
      addGood(analysis, part);
    }, sliceChars);
    const reread = streamText(
      'batch',
      file,
      (text) => {
        const error = second.push(text);
        return error === undefined ? undefined : `${where}: ${error}`;
      },
      sizes.pieceBytes,
    );
    if (!reread.ok) return reread;
    const last = second.end();
    if (!last.ok) return { ok: false, error: `${where}: ${last.error}` };
  }
  return { ok: true, value: report(analysis, problems, s, warnings, dated, log, skipped) };
}

const jsonTooBig = (where: string) =>
  `${where}: a JSON log is read whole, up to ${MAX_SIGNIN_TEXT / 1024 / 1024} MB; export CSV instead (read as a stream, any size), or a shorter period`;
