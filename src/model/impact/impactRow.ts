// Reads one row back out of a report's columns, for tables and exports.
import { INVALID_DECISION, type FastDecision, type ImpactReport } from './impactTypes';
import { FLOWS, type Flow } from '../engine/types';

/** One row of a report, readable: decisions are null for rows evaluate() would refuse. */
export interface ImpactRowView {
  row: number;
  ip: string;
  user: string | undefined;
  flow: Flow | undefined;
  off: FastDecision | null;
  on: FastDecision | null;
}

export function impactRow(report: ImpactReport, i: number): ImpactRowView {
  const r = report.rows;
  const decision = (d: number) => (d === INVALID_DECISION ? null : report.decisions[d]!);
  return {
    row: r.row[i]!,
    ip: report.ips[r.ip[i]!]!,
    user: report.users[r.user[i]!] || undefined,
    flow: FLOWS[r.flow[i]!],
    off: decision(r.off[i]!),
    on: decision(r.on[i]!),
  };
}
