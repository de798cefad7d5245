// Exports an impact report as CSV for a spreadsheet: RFC 4180 quoting, and cells that a
// spreadsheet would run as a formula (= + - @, tab, carriage return) defused with a leading "'".
import { impactRow } from './impactRow';
import type { GroupCounts } from './impactGroups';
import type { ImpactGroup, ImpactReport } from './impactTypes';

/** 'rows': every row refused with the org policy on; 'users'/'ips': the groups. */
export type ImpactCsvKind = 'rows' | 'users' | 'ips';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: (string | number | null | undefined)[]) => cells.map(csvCell).join(',');

function* rowsCsv(report: ImpactReport): Generator<string> {
  const names = new Map(report.policies.map((p) => [p.id, p.displayName]));
  yield line([
    'row',
    'ip',
    'user',
    'flow',
    'outcome_off',
    'outcome_on',
    'newly_blocked',
    'code',
    'decided_by',
    'policy_id',
    'policy_name',
  ]);
  for (let i = 0; i < report.rows.count; i++) {
    const v = impactRow(report, i);
    if (!v.on || v.on.outcome === 'allowed') continue;
    yield line([
      v.row,
      v.ip,
      v.user,
      v.flow,
      v.off?.outcome,
      v.on.outcome,
      v.off?.outcome === 'allowed' ? 'yes' : 'no',
      v.on.code,
      v.on.decidedBy,
      v.on.policyId,
      v.on.policyId === null ? '' : names.get(v.on.policyId),
    ]);
  }
}

function* groupsCsv(groups: Iterable<ImpactGroup[]>, keyName: string): Generator<string> {
  yield line([
    keyName,
    'blocked_rows',
    'newly_blocked',
    'flows',
    'example_rows',
    'decided_by',
    'policy',
  ]);
  for (const piece of groups)
    for (const g of piece) {
      const top = g.deciders[0];
      const flows = Object.entries(g.flows).map(([f, n]) => `${f} ${n}`);
      yield line([
        g.key,
        g.count,
        g.newlyBlocked,
        flows.join('; '),
        g.examples.join(' '),
        top?.decidedBy,
        top?.displayName ?? top?.policyId,
      ]);
    }
}

const linesOf = (report: ImpactReport, kind: ImpactCsvKind, ipGroups?: GroupCounts) =>
  kind === 'rows'
    ? rowsCsv(report)
    : kind === 'users'
      ? groupsCsv([report.byUser], 'user')
      : groupsCsv(ipGroups ? ipGroups.inOrder() : [report.byIp], 'ip');

/**
 * The export in pieces of `lines` lines, each ending with its line end: a page builds a Blob from
 * them, yielding between pieces, so five million rows never freeze it in one task.
 */
export function* impactCsvPieces(
  report: ImpactReport,
  kind: ImpactCsvKind = 'rows',
  lines = 20_000,
  /** Every group by IP, when the report holds only those a table shows (the worker's). */
  ipGroups?: GroupCounts,
): Generator<string> {
  let piece: string[] = [];
  for (const l of linesOf(report, kind, ipGroups)) {
    piece.push(l);
    if (piece.length >= lines) {
      yield `${piece.join('\r\n')}\r\n`;
      piece = [];
    }
  }
  if (piece.length) yield `${piece.join('\r\n')}\r\n`;
}

/** CRLF line ends, as RFC 4180 says; a final line end so concatenated exports stay valid. */
export function impactToCsv(report: ImpactReport, kind: ImpactCsvKind = 'rows'): string {
  return [...impactCsvPieces(report, kind)].join('');
}
