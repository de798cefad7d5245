// One impact run, as the worker does it but callable anywhere (tests, the bench): read the
// tenant and the sign-ins, then analyse in slices, reporting progress and checking for a cancel
// between slices. Never throws on input: every problem comes back as one message.
import { ASSUMPTION_CHOICES, DEFAULT_ASSUMPTIONS } from '../model/engine/assumptions';
import { parseNamedLocations } from '../model/graph/graphLocations';
import { crossCheck, parsePolicies } from '../model/graph/graphPolicies';
import { PROGRESS_EVERY } from '../model/impact/impact';
import { ImpactAnalysis } from '../model/impact/impactAnalysis';
import { impactRange } from '../model/impact/impactRange';
import {
  BLOCKS_SHOWN,
  REMEDY_BLOCKS,
  blockGroups,
  remedyEffects,
  suggestRemedies,
} from '../model/impact/remedies';
import type { GroupCounts } from '../model/impact/impactGroups';
import { worldFromLog } from '../model/impact/logs/logWorld';
import type { DatedWorld } from '../model/impact/logs/logWorld';
import type { LogInfo } from '../model/impact/logs/logInfo';
import type { ImpactReport, RowDefaults } from '../model/impact/impactTypes';
import {
  MAX_SIGNIN_TEXT,
  linkPatDates,
  type RowProblem,
  type SigninImport,
} from '../model/impact/signinRows';
import { analysable } from '../model/impact/rowsToAnalyse';
import { decodeText } from '../model/graph/decodeText';
import { CSV_FILE_LIMIT, formatSize } from '../model/lab/labFiles';
import { guardText } from '../model/share/tokenGuard';
import { instant } from '../model/engine/time';
import { FLOWS, type Assumptions, type World } from '../model/engine/types';
import type { ImpactInput, Progress } from './protocol';
import { readSigninRowsInChunks } from './signinChunks';
import { JSON_FILE, streamSigninFile } from './signinFile';

export interface JobHooks {
  onProgress?: (p: Progress) => void;
  isCancelled?: () => boolean;
  /** Awaited between slices; by default a macrotask, so that a worker receives messages. */
  pause?: () => Promise<void>;
  now?: () => number;
}

export type JobOutcome =
  | {
      status: 'done';
      report: ImpactReport;
      /** Every group by IP, for the export (the report holds those a table shows). */
      ipGroups: GroupCounts;
      timings: { parseMs: number; analyseMs: number };
    }
  | { status: 'cancelled' }
  | { status: 'error'; message: string };

/** Problems kept for the page to list (the count covers them all). */
export const MAX_ROW_PROBLEMS = 200;
const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve));

function checkAssumptions(a: Assumptions): string | undefined {
  for (const [name, { values }] of Object.entries(ASSUMPTION_CHOICES)) {
    const v = (a as unknown as Record<string, unknown>)[name];
    if (!values.includes(v as string))
      return `assumptions: ${name} takes ${values.join(' or ')}, not ${JSON.stringify(v)}`;
  }
  return undefined;
}

function readWorld(input: ImpactInput, warnings: string[]): World | string {
  if (input.world) return input.world;
  const locations = parseNamedLocations(input.locationsJson);
  if (!locations.ok) return `Named locations: ${locations.error}`;
  const policies = parsePolicies(input.policiesJson);
  if (!policies.ok) return `Policies: ${policies.error}`;
  warnings.push(...locations.warnings.map((w) => `Named locations: ${w}`));
  warnings.push(...policies.warnings.map((w) => `Policies: ${w}`));
  warnings.push(...crossCheck(locations.value, policies.value));
  if (input.enabledAt !== undefined && instant(input.enabledAt) === undefined)
    return `enabledAt: "${input.enabledAt}" is not a date (ISO 8601)`;
  const org: World['org'] = { ipValidation: true };
  if (input.enabledAt !== undefined) org.enabledAt = input.enabledAt;
  return { locations: locations.value, policies: policies.value, org };
}

/** What a job feeds its analysis with: the tenant as given, the readings, the row defaults. */
interface Feed {
  world: World;
  assumptions: Assumptions;
  defaults: RowDefaults;
  hooks: JobHooks & { pause: () => Promise<void>; now: () => number };
}

/** The rows analysed, with what reading them found. */
interface Fed {
  analysis: ImpactAnalysis;
  /** The tenant the rows were decided in (dated by the log when it records the switch). */
  world: World;
  log?: LogInfo;
  enabledAt?: DatedWorld['enabledAt'];
  /** The first problems, how many there were, and how many rows they skipped (rowsToAnalyse). */
  problems: { list: RowProblem[]; count: number; skippedRows: number };
  warnings: string[];
  timings: { parseMs: number; analyseMs: number };
  tokensRemoved?: boolean;
  encodingNotice?: string;
}

const failed = (message: string): JobOutcome => ({ status: 'error', message });
const CANCELLED: JobOutcome = { status: 'cancelled' };

/** Text or rows already at hand: read whole (in slices), then analysed in slices. */
async function analyseRows(input: ImpactInput, feed: Feed): Promise<Fed | JobOutcome> {
  const { onProgress, isCancelled = () => false, pause, now } = feed.hooks;
  const parseStart = now();
  let signins: SigninImport;
  const warnings: string[] = [];
  if (input.csvText !== undefined) {
    const read = await readSigninRowsInChunks(input.csvText, {
      onProgress: (done, total) => onProgress?.({ phase: 'parse', done, total }),
      shouldStop: isCancelled,
      pause,
    });
    if (!read) return CANCELLED;
    if (!read.ok) return failed(`Sign-ins: ${read.error}`);
    warnings.push(...read.warnings.map((w) => `Sign-ins: ${w}`));
    signins = read.value;
  } else if (Array.isArray(input.rows)) {
    signins = { rows: input.rows, problems: [] };
  } else return failed('Sign-ins: give either csvText or rows');
  const parseMs = now() - parseStart;
  // An audit export that records the org policy's switch gives R12 its real date.
  const { world, enabledAt } = worldFromLog(feed.world, signins.log);
  const analyseStart = now();
  // Rows with a bad cell are skipped and listed, as on the command line: never guessed at.
  const { rows, reads } = analysable(signins);
  const analysis = new ImpactAnalysis(world, feed.assumptions, feed.defaults, rows.length);
  for (let from = 0; from < rows.length; from += PROGRESS_EVERY) {
    if (isCancelled()) return CANCELLED;
    analysis.add(rows, from, Math.min(rows.length, from + PROGRESS_EVERY), reads);
    onProgress?.({ phase: 'analyse', done: analysis.processed, total: rows.length });
    if (analysis.processed < rows.length) await pause();
  }
  const problems = {
    list: signins.problems.slice(0, MAX_ROW_PROBLEMS),
    count: signins.problems.length,
    skippedRows: signins.rows.length - rows.length,
  };
  const fed: Fed = { analysis, world, problems, warnings, timings: { parseMs, analyseMs: 0 } };
  fed.timings.analyseMs = now() - analyseStart;
  if (signins.log) fed.log = signins.log;
  if (enabledAt) fed.enabledAt = enabledAt;
  return fed;
}

/** A file of any size (CSV_FILE_LIMIT), read and decided slice by slice where it lies. */
async function analyseFile(file: Blob, feed: Feed): Promise<Fed | JobOutcome> {
  const { onProgress, isCancelled = () => false, pause, now } = feed.hooks;
  if (file.size > CSV_FILE_LIMIT)
    return failed(
      `Sign-ins: the file is ${formatSize(file.size)}, over the ${formatSize(CSV_FILE_LIMIT)} limit for a CSV log; export a shorter period or split it.`,
    );
  const start = now();
  const problems: Fed['problems'] = { list: [], count: 0, skippedRows: 0 };
  /** PATs named by rows that came without a creation date (an audit export may date them). */
  const undated = new Set<string>();
  const first = new ImpactAnalysis(feed.world, feed.assumptions, feed.defaults, undefined);
  const read = await streamSigninFile(
    file,
    (part) => {
      for (const p of part.problems) if (problems.count++ < MAX_ROW_PROBLEMS) problems.list.push(p);
      const { rows, reads } = analysable(part);
      problems.skippedRows += part.rows.length - rows.length;
      for (const r of rows)
        if (r.authorizationId !== undefined && r.tokenCreated === undefined)
          undated.add(r.authorizationId);
      first.add(rows, 0, rows.length, reads);
    },
    {
      onProgress: (done, total, rows) => onProgress?.({ phase: 'read', done, total, rows }),
      shouldStop: isCancelled,
      pause,
    },
  );
  if (read === undefined) return CANCELLED;
  if (read === JSON_FILE) return analyseJsonFile(file, feed);
  if (!read.ok) return failed(`Sign-ins: ${read.error}`);
  const { log } = read.value;
  const warnings = read.warnings.map((w) => `Sign-ins: ${w}`);
  const tokens = read.value.tokens.length > 0;
  const dated = worldFromLog(feed.world, log);
  const created = log?.audit?.patCreated ?? {};
  // Read once more only when the whole file knew more than its rows did as they came: the PAT
  // creation dates of rows above their Token.PatCreateEvent, or the org policy's switch date.
  const again =
    [...undated].some((id) => created[id] !== undefined) ||
    dated.world.org.enabledAt !== feed.world.org.enabledAt;
  let analysis = first;
  if (again) {
    analysis = new ImpactAnalysis(dated.world, feed.assumptions, feed.defaults, undefined);
    const second = await streamSigninFile(
      file,
      (part) => {
        if (log) linkPatDates({ ...part, log });
        const { rows, reads } = analysable(part);
        analysis.add(rows, 0, rows.length, reads);
      },
      {
        onProgress: (done, total, rows) => onProgress?.({ phase: 'reread', done, total, rows }),
        shouldStop: isCancelled,
        pause,
      },
    );
    if (second === undefined) return CANCELLED;
    if (second === JSON_FILE || !second.ok)
      return failed('Sign-ins: the file changed while it was read; choose it again.');
  }
  const fed: Fed = {
    analysis,
    world: dated.world,
    problems,
    warnings,
    timings: { parseMs: now() - start, analyseMs: 0 },
  };
  if (log) fed.log = log;
  if (dated.enabledAt) fed.enabledAt = dated.enabledAt;
  if (tokens) fed.tokensRemoved = true;
  if (read.value.notice) fed.encodingNotice = read.value.notice;
  return fed;
}

/** A JSON log: parsed whole, so it keeps the JSON limit; decoded and guarded like a CSV. */
async function analyseJsonFile(file: Blob, feed: Feed): Promise<Fed | JobOutcome> {
  if (file.size > MAX_SIGNIN_TEXT)
    return failed(
      `Sign-ins: a JSON log is read whole, up to ${formatSize(MAX_SIGNIN_TEXT)}; this one is ${formatSize(file.size)}. Export CSV instead (up to ${formatSize(CSV_FILE_LIMIT)}), or a shorter period.`,
    );
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return failed('Sign-ins: the browser could not read this file.');
  }
  const text = decodeText(bytes);
  if (!text.ok) return failed(`Sign-ins: ${text.error}`);
  const g = guardText(text.value.text);
  const fed = await analyseRows({ csvText: g.value } as ImpactInput, feed);
  if ('status' in fed) return fed;
  if (text.value.notice) fed.encodingNotice = text.value.notice;
  if (g.found.length) fed.tokensRemoved = true;
  return fed;
}

export async function runImpactJob(input: ImpactInput, hooks: JobHooks = {}): Promise<JobOutcome> {
  const { onProgress, isCancelled = () => false, pause = macrotask } = hooks;
  const now = hooks.now ?? (() => performance.now());
  const fail = (message: string): JobOutcome => ({ status: 'error', message });
  if (instant(input.at) === undefined)
    return fail(`at: "${input.at}" is not a date and time (ISO 8601)`);
  const defaultFlow = input.defaultFlow ?? 'pat';
  if (!FLOWS.includes(defaultFlow))
    return fail(`defaultFlow: "${defaultFlow}" is not one of ${FLOWS.join(', ')}`);
  const assumptions = input.assumptions ?? DEFAULT_ASSUMPTIONS;
  const badAssumption = checkAssumptions(assumptions);
  if (badAssumption) return fail(badAssumption);
  const warnings: string[] = [];
  const given = readWorld(input, warnings);
  if (typeof given === 'string') return fail(given);

  const defaults = { at: input.at, defaultFlow };
  const feed = { world: given, assumptions, defaults, hooks: { ...hooks, pause, now } };
  const fed = input.file ? await analyseFile(input.file, feed) : await analyseRows(input, feed);
  if ('status' in fed) return fed;
  warnings.push(...fed.warnings);
  const { analysis, world, log, enabledAt, problems } = fed;
  const { parseMs } = fed.timings;
  const analyseStart = now() - fed.timings.analyseMs;
  if (isCancelled()) return { status: 'cancelled' };
  onProgress?.({ phase: 'report', done: 0, total: analysis.processed });
  // The groups by IP as counts: a log of a million refused addresses made a million group
  // objects here (2,000,000 of them: 1.7 GB and 22 s). The report holds those a table shows;
  // the export makes the rest piece by piece.
  const report = analysis.finish({ ipGroups: false });
  const ipGroups = analysis.ipGroupCounts(report);
  report.byIp = ipGroups.shown();
  if (report.byIp.length < ipGroups.size)
    report.groupTotals = { byUser: report.byUser.length, byIp: ipGroups.size };
  if (log) report.log = log;
  if (enabledAt) report.enabledAt = enabledAt;
  if (input.range !== false) {
    report.range = impactRange(analysis, assumptions);
    // Blocks from every row (not from the groups shown), as many as the command line weighs.
    const blocks = blockGroups(report, REMEDY_BLOCKS).top;
    // Each with its effect, recomputed from the analysis: trying one needs no second run.
    report.remedies = remedyEffects(
      analysis,
      report,
      world,
      suggestRemedies(report, world, 5, blocks),
    );
    report.blocks = blocks.slice(0, BLOCKS_SHOWN);
  }
  report.inputs = {
    warnings,
    rowProblems: problems.list,
    rowProblemCount: problems.count,
    skippedRows: problems.skippedRows,
  };
  if (fed.tokensRemoved) report.inputs.tokensRemoved = true;
  if (fed.encodingNotice) report.inputs.encodingNotice = fed.encodingNotice;
  const timings = { parseMs, analyseMs: now() - analyseStart };
  return { status: 'done', report, ipGroups, timings };
}
