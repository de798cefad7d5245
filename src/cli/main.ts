// The what-if command line as a function: arguments in, exit code out, output through injected
// streams, so tests can run it in-process. 0 when a decision was made, 2 on bad input (one line).
import { evaluate } from '../model/engine/evaluate';
import type { Result } from '../model/engine/types';
import { parseArgs } from './args';
import { runBatchFile } from './batch';
import type { Write } from './byteOut';
import { decisionJson } from './decisionJson';
import { writeBatch, writeBatchJson } from './formatBatch';
import { writeBatchNdjson } from './formatBatchNdjson';
import { formatDecision } from './formatDecision';
import { cut, visible } from '../model/graph/visibleText';
import { loadWorld, type LoadedWorld } from './loadWorld';
import { impactKql } from '../model/impact/kql';
import { readOptions, type BatchOptions, type KqlOptions, type SingleOptions } from './options';
import { buildRequest, buildWorld, ignoredTokenFlags } from './request';
import { USAGE } from './usage';
import { guardText } from '../model/share/tokenGuard';

export interface CliIo {
  /** Receives whole chunks of text, each ending with a line break. */
  stdout(text: string): void;
  /** The same as UTF-8 bytes, when the caller can take them (a batch report skips encoding). */
  stdoutBytes?(chunk: Uint8Array): void;
  stderr(text: string): void;
  /** The clock, read only when --at is absent: the engine itself never reads it. */
  now(): Date;
}

const PROGRAM = 'pat-fence whatif';

/**
 * Exactly one line, whatever the message holds: at most 1,000 characters (each echoed value is
 * already cut to 200), with control characters escaped so a terminal shows them, not obeys them,
 * and no token (an argument such as --ip <PAT> is echoed in its error).
 */
const oneLine = (text: string) =>
  visible(
    cut(guardText(text).value, 1000)
      .replace(/\s*\n\s*/g, ' ')
      .trim(),
  );

/** The output as text, or as a function that writes it piece by piece (a batch of any size). */
type RunResult = Result<{
  out: string | ((write: Write) => void);
  warnings: string[];
}>;

function runSingle(o: SingleOptions, loaded: LoadedWorld, io: CliIo): RunResult {
  const world = buildWorld(loaded, o.validation, o.enabledAt);
  const req = buildRequest(o, o.at ?? io.now().toISOString());
  const r = evaluate(world, req, o.assumptions);
  if (!r.ok) return r;
  const warnings = [...loaded.warnings, ...ignoredTokenFlags(o)];
  // Files are screened on the way in; arguments (--user <PAT>) are screened here, on the way out.
  const out = guardText(
    o.json
      ? JSON.stringify(decisionJson(r.value), null, 2) + '\n'
      : formatDecision(r.value, req, world, warnings.length),
  ).value;
  return { ok: true, value: { out, warnings } };
}

function runBatchMode(o: BatchOptions, loaded: LoadedWorld, io: CliIo): RunResult {
  const at = o.at ?? io.now().toISOString();
  /** The file's name in the report: a path is an argument, screened like the rest. */
  const shownPath = guardText(o.batchFile).value;
  const batch = runBatchFile(loaded, o.batchFile, {
    validation: o.validation,
    enabledAt: o.enabledAt,
    assumptions: o.assumptions,
    at,
  });
  if (!batch.ok) return batch;
  const report = batch.value;
  const warnings = [...loaded.warnings, ...report.warnings];
  // An audit export's own record of the switch dates R12 unless --validation-enabled-at is given.
  const { headline, ...more } = report.extras;
  const json = { ...more, verdict: headline.verdict, coverage: headline.coverage };
  const out = (write: Write) =>
    o.ndjson
      ? writeBatchNdjson(report, write, json)
      : o.json
        ? writeBatchJson(report, write, json)
        : writeBatch(report, shownPath, write, warnings.length, report.extras);
  return { ok: true, value: { out, warnings } };
}

function runKql(o: KqlOptions, loaded: LoadedWorld, io: CliIo): RunResult {
  const world = buildWorld(loaded, true, o.enabledAt);
  const at = o.at ?? io.now().toISOString();
  const out = impactKql(world, { table: o.table, assumptions: o.assumptions, at });
  return { ok: true, value: { out, warnings: [...loaded.warnings] } };
}

function run(argv: readonly string[], io: CliIo): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  const fail = (error: string) => {
    io.stderr(`${PROGRAM}: ${oneLine(error)}\n`);
    return 2;
  };
  // Arguments pass the one token guard before anything reads them: a value is echoed in its
  // error cut short, and a cut token would no longer be recognised (files are screened on reading).
  const args = parseArgs(argv.map((a) => guardText(a).value));
  if (!args.ok) return fail(args.error);
  const options = readOptions(args.value);
  if (!options.ok) return fail(options.error);
  const o = options.value;
  const loaded = loadWorld(o.locationsFile, o.policiesFile);
  if (!loaded.ok) return fail(loaded.error);
  const result =
    o.mode === 'batch'
      ? runBatchMode(o, loaded.value, io)
      : o.mode === 'kql'
        ? runKql(o, loaded.value, io)
        : runSingle(o, loaded.value, io);
  if (!result.ok) return fail(result.error);
  // Warnings only once a decision is made, so that a failure stays a single line on stderr.
  for (const w of result.value.warnings) io.stderr(`warning: ${oneLine(w)}\n`);
  const out = result.value.out;
  if (typeof out === 'string') io.stdout(out);
  else {
    const write: Write = (text) => io.stdout(text);
    if (io.stdoutBytes) write.bytes = (chunk) => io.stdoutBytes!(chunk);
    out(write);
  }
  return 0;
}

/** `argv` is what follows the script name (process.argv.slice(2)). Never throws. */
export function main(argv: readonly string[], io: CliIo): number {
  try {
    return run(argv, io);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`${PROGRAM}: internal error: ${oneLine(message)}\n`);
    return 2;
  }
}
