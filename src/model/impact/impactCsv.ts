// Exports an impact report as CSV for a spreadsheet: RFC 4180 quoting, and cells that a
// spreadsheet would run as a formula (= + - @, tab, carriage return) defused with a leading "'".
import { impactRow } from './impactRow';
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

function rowsCsv(report: ImpactReport): string[] {
  const names = new Map(report.policies.map((p) => [p.id, p.displayName]));
  const out = [
    line([
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
    ]),
  ];
  for (let i = 0; i < report.rows.count; i++) {
    const v = impactRow(report, i);
    if (!v.on || v.on.outcome === 'allowed') continue;
    out.push(
      line([
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
      ]),
    );
  }
  return out;
}

function groupsCsv(groups: ImpactGroup[], keyName: string): string[] {
  const out = [
    line([
      keyName,
      'blocked_rows',
      'newly_blocked',
      'flows',
      'example_rows',
      'decided_by',
      'policy',
    ]),
  ];
  for (const g of groups) {
    const top = g.deciders[0];
    const flows = Object.entries(g.flows).map(([f, n]) => `${f} ${n}`);
    out.push(
      line([
        g.key,
        g.count,
        g.newlyBlocked,
        flows.join('; '),
        g.examples.join(' '),
        top?.decidedBy,
        top?.displayName ?? top?.policyId,
      ]),
    );
  }
  return out;
}

/** CRLF line ends, as RFC 4180 says; a final line end so concatenated exports stay valid. */
export function impactToCsv(report: ImpactReport, kind: ImpactCsvKind = 'rows'): string {
  const lines =
    kind === 'rows'
      ? rowsCsv(report)
      : kind === 'users'
        ? groupsCsv(report.byUser, 'user')
        : groupsCsv(report.byIp, 'ip');
  return `${lines.join('\r\n')}\r\n`;
}
