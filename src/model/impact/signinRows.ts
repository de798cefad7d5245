// Reads a log of real requests into rows the impact analysis can evaluate: the Azure DevOps audit
// export, the Entra sign-in export (CSV or JSON), their Log Analytics tables, or a hand-made CSV
// with an `ip` column (logs/*). Bad cells are reported per row, and their rows skipped by the
// analysis (rowsToAnalyse); the rest of the file still imports.
import type { ImportResult } from '../graph/importResult';
import type { Flow } from '../engine/types';
import type { LogInfo } from './logs/logInfo';
import { readCsvLog } from './logs/readCsvLog';
import { withoutSepHint } from './csvCursor';
import { readJsonLog } from './logs/readJsonLog';
import { TOKEN_REMOVED_WARNING, guardText } from '../share/tokenGuard';
import { uncountSkipped } from './rowsToAnalyse';

export interface SigninRow {
  /** 1-based record number in the file: the header is row 1, so the first data row is 2. */
  row: number;
  /** The IP that reaches Azure DevOps. */
  ip: string;
  /** The IP Entra saw at sign-in, when the log gives a different one (R10). */
  signinIp?: string;
  flow?: Flow;
  user?: string;
  /** ISO 8601, normalised to UTC. */
  tokenCreated?: string;
  /** ISO 8601, normalised to UTC. */
  at?: string;
  client?: string;
  /** ISO 3166 alpha-2, from the log's Location (R22). */
  country?: string;
  /** The audit log's PAT id (`PAT_… authorizationId: <id>`), to find its creation date. */
  authorizationId?: string;
}

export interface RowProblem {
  row: number;
  /** The column as it is named in the file. */
  field: string;
  message: string;
}

export interface SigninImport {
  /** Every row read, bad cells dropped; rowsToAnalyse leaves out the rows with a problem. */
  rows: SigninRow[];
  problems: RowProblem[];
  /** Which log it was and what was read from it (absent for rows handed in already read). */
  log?: LogInfo;
  /** What the reader already read from `rows`, so the analysis need not read it again. */
  reads?: RowReads;
  /**
   * Of a read of records from a place (readSigninRange): where it stopped, just past the last
   * record read, how many records it read, blank ones included, and how many lines they took.
   */
  span?: { end: number; records: number; lines: number };
}

/**
 * Per row, what the reader read while checking it: the instant (ms since 1970) of its `at` and
 * of its `tokenCreated`, NaN where it did not (no time, or one in another form, which was
 * normalised); the number of its `ip` when that is canonical IPv4 text (scanIpv4), -1 when it is
 * not. Good only for `rows`, the very array they were read with: whoever filters or joins rows
 * gets none (analysable() filters them along), and then the cells are read again.
 */
export interface RowReads {
  readonly rows: readonly SigninRow[];
  readonly at: Float64Array;
  readonly created: Float64Array;
  readonly ipv4: Float64Array;
}

/** Files beyond this are refused before parsing (the UI also checks the file size first). */
export const MAX_SIGNIN_TEXT = 100 * 1024 * 1024;

/** Whether the text is a JSON log rather than a CSV. */
export function isJsonText(text: string): boolean {
  const m = /^\uFEFF?\s*([[{])/.exec(text.slice(0, 64));
  return m !== null;
}

/** Gives PAT rows of an audit export the creation date of their PAT, when the export has it. */
export function linkPatDates(value: SigninImport): void {
  const created = value.log?.audit?.patCreated;
  if (!created) return;
  for (const r of value.rows) {
    if (r.authorizationId === undefined || r.tokenCreated !== undefined) continue;
    const at = created[r.authorizationId];
    if (at !== undefined) r.tokenCreated = at;
  }
}

/**
 * The records of a CSV log's text from `start` through the first record that ends at or after
 * `end`, read as readSigninRows reads a CSV of its header and those records: for a slice of a
 * large file, read where it lies (`span` says where the slice ended). The text must start with
 * the header (no `sep=` line) and have passed the token guard; start is a record boundary after
 * the header, and end is past start (at least one record is read). `separator`: the one sniffed
 * from the whole text's header, so every slice is read with it.
 */
export function readSigninRange(
  text: string,
  start: number,
  end: number,
  separator?: number,
): ImportResult<SigninImport> {
  return finishRead(readCsvLog(text, { start, end }, separator));
}

/** What every read does once its rows are in: PAT dates linked, skipped rows uncounted. */
function finishRead(r: ImportResult<SigninImport>): ImportResult<SigninImport> {
  if (r.ok) {
    linkPatDates(r.value);
    // Rows with a problem are skipped (rowsToAnalyse): the per-flow counts leave them out too.
    uncountSkipped(r.value);
  }
  return r;
}

/**
 * `screened`: the caller already passed the text through the one token guard (the page's picker,
 * the command line's reader, a guarded stream), so it is not scanned twice.
 */
export function readSigninRows(raw: string, screened = false): ImportResult<SigninImport> {
  if (raw.length > MAX_SIGNIN_TEXT) {
    const error = 'The sign-in file is over 100 MB; export a shorter period or split it.';
    return { ok: false, error, warnings: [] };
  }
  // The one token guard before any cell is read, whoever calls: no user, client or message can
  // hold a token (the page and the command line screen files already; this is the last line).
  const g = screened ? { value: raw, found: [] } : guardText(raw);
  const text = g.value;
  const r = finishRead(isJsonText(text) ? readJsonLog(text) : readCsvLog(withoutSepHint(text)));
  if (g.found.length) r.warnings.unshift(`The file ${TOKEN_REMOVED_WARNING}.`);
  return r;
}
