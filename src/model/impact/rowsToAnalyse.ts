// Which rows of a log the impact analysis decides, one rule for the lab's worker and the command
// line: a row with any reported problem is skipped and listed, never decided with its bad cell
// dropped (flow "telnet" read as the default flow, a PAT, would be a guess).
import type { RowReads, RowProblem, SigninImport, SigninRow } from './signinRows';

/** The rows to analyse: every row read but those a problem was reported for. */
export function rowsToAnalyse({
  rows,
  problems,
}: Pick<SigninImport, 'rows' | 'problems'>): SigninRow[] {
  if (problems.length === 0) return rows;
  const bad = new Set(problems.map((p) => p.row));
  return rows.filter((r) => !bad.has(r.row));
}

/**
 * rowsToAnalyse, with what the reader read for those rows (RowReads, filtered along with them),
 * when it read it for this very list.
 */
export function analysable(part: SigninImport): { rows: SigninRow[]; reads?: RowReads } {
  const rows = rowsToAnalyse(part);
  const x = part.reads;
  if (!x || x.rows !== part.rows) return { rows };
  if (rows === part.rows) return { rows, reads: x };
  const at = new Float64Array(rows.length);
  const created = new Float64Array(rows.length);
  const ipv4 = new Float64Array(rows.length);
  let j = 0;
  for (let i = 0; i < part.rows.length && j < rows.length; i++) {
    if (part.rows[i] !== rows[j]) continue;
    at[j] = x.at[i]!;
    created[j] = x.created[i]!;
    ipv4[j] = x.ipv4[i]!;
    j++;
  }
  return { rows, reads: { rows, at, created, ipv4 } };
}

/** The row numbers the problems skip, each once, in file order (a row may have several). */
export function skippedRowNumbers(problems: readonly RowProblem[]): number[] {
  return [...new Set(problems.map((p) => p.row))].sort((a, b) => a - b);
}

/**
 * Takes the skipped rows out of the log's per-flow counts, which the coverage sentence reads
 * ("this log holds no PAT traffic"): a row that is not decided must not count as read PAT traffic.
 */
export function uncountSkipped(value: SigninImport): void {
  const flows = value.log?.flows;
  if (!flows || value.problems.length === 0) return;
  const bad = new Set(value.problems.map((p) => p.row));
  const info = value.log!;
  const entra = info.kind === 'entra-signin' || info.kind === 'entra-signin-la';
  for (const r of value.rows) {
    if (!bad.has(r.row)) continue;
    flows[r.flow ?? 'unset']--;
    // An Entra row's client is its Client app cell: none means it was counted in noClientApp.
    if (entra && r.client === undefined) info.noClientApp--;
  }
}
