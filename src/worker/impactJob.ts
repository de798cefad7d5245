// One impact run, as the worker does it but callable anywhere (tests, the bench): read the
// tenant and the sign-ins, then analyse in slices, reporting progress and checking for a cancel
// between slices. Never throws on input: every problem comes back as one message.
import { ASSUMPTION_CHOICES, DEFAULT_ASSUMPTIONS } from '../model/engine/assumptions';
import { parseNamedLocations } from '../model/graph/graphLocations';
import { crossCheck, parsePolicies } from '../model/graph/graphPolicies';
import { PROGRESS_EVERY } from '../model/impact/impact';
import { ImpactAnalysis } from '../model/impact/impactAnalysis';
import { impactRange } from '../model/impact/impactRange';
import { BLOCKS_SHOWN, groupByBlock, suggestRemedies } from '../model/impact/remedies';
import { worldFromLog } from '../model/impact/logs/logWorld';
import type { ImpactReport } from '../model/impact/impactTypes';
import { MAX_SIGNIN_TEXT, type SigninImport } from '../model/impact/signinRows';
import { instant } from '../model/engine/time';
import { FLOWS, type Assumptions, type World } from '../model/engine/types';
import type { ImpactInput, Progress } from './protocol';
import { readSigninRowsInChunks } from './signinChunks';

export interface JobHooks {
  onProgress?: (p: Progress) => void;
  isCancelled?: () => boolean;
  /** Awaited between slices; by default a macrotask, so that a worker receives messages. */
  pause?: () => Promise<void>;
  now?: () => number;
}

export type JobOutcome =
  | { status: 'done'; report: ImpactReport; timings: { parseMs: number; analyseMs: number } }
  | { status: 'cancelled' }
  | { status: 'error'; message: string };

const MAX_ROW_PROBLEMS = 200;
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

  const parseStart = now();
  let signins: SigninImport;
  let csvText = input.csvText;
  if (input.file !== undefined) {
    if (input.file.size > MAX_SIGNIN_TEXT)
      return fail(
        'Sign-ins: The sign-in file is over 100 MB; export a shorter period or split it.',
      );
    try {
      csvText = await input.file.text();
    } catch {
      return fail('Sign-ins: the browser could not read this file.');
    }
  }
  if (csvText !== undefined) {
    const read = await readSigninRowsInChunks(csvText, {
      onProgress: (done, total) => onProgress?.({ phase: 'parse', done, total }),
      shouldStop: isCancelled,
      pause,
    });
    if (!read) return { status: 'cancelled' };
    if (!read.ok) return fail(`Sign-ins: ${read.error}`);
    warnings.push(...read.warnings.map((w) => `Sign-ins: ${w}`));
    signins = read.value;
  } else if (Array.isArray(input.rows)) {
    signins = { rows: input.rows, problems: [] };
  } else return fail('Sign-ins: give either csvText or rows');
  const parseMs = now() - parseStart;
  // An audit export that records the org policy's switch gives R12 its real date.
  const { world, enabledAt } = worldFromLog(given, signins.log);

  const analyseStart = now();
  const { rows } = signins;
  const analysis = new ImpactAnalysis(
    world,
    assumptions,
    { at: input.at, defaultFlow },
    rows.length,
  );
  for (let from = 0; from < rows.length; from += PROGRESS_EVERY) {
    if (isCancelled()) return { status: 'cancelled' };
    analysis.add(rows, from, Math.min(rows.length, from + PROGRESS_EVERY));
    onProgress?.({ phase: 'analyse', done: analysis.processed, total: rows.length });
    if (analysis.processed < rows.length) await pause();
  }
  if (isCancelled()) return { status: 'cancelled' };
  const report = analysis.finish();
  if (signins.log) report.log = signins.log;
  if (enabledAt) report.enabledAt = enabledAt;
  if (input.range !== false) {
    report.range = impactRange(analysis, assumptions);
    const blocks = groupByBlock(report.byIp);
    report.remedies = suggestRemedies(report, world, 5, blocks);
    report.blocks = blocks.slice(0, BLOCKS_SHOWN);
  }
  report.inputs = {
    warnings,
    rowProblems: signins.problems.slice(0, MAX_ROW_PROBLEMS),
    rowProblemCount: signins.problems.length,
  };
  return { status: 'done', report, timings: { parseMs, analyseMs: now() - analyseStart } };
}
