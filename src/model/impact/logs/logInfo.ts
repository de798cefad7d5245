// What reading a log found out besides its rows: which kind it is, which columns were used and
// which ignored, which rows were counted apart and why, and the audit events that date PATs.
import { FLOWS, type Flow } from '../../engine/types';
import type { AuditEvents } from './auditEvents';
import { mergeAuditEvents } from './auditEvents';
import { APART_LABELS, type ApartReason } from './classify';
import type { LogKind } from './logKinds';

export interface LogColumn {
  /** As written in the file (trailing spaces included). */
  name: string;
  use: string;
}

export interface ApartRows {
  reason: ApartReason;
  label: string;
  count: number;
  /** The first few row numbers. */
  rows: number[];
  /** For other mechanisms: the values seen, first few. */
  values?: string[];
}

export interface LogInfo {
  kind: LogKind;
  /** "Azure DevOps audit export (CSV)". */
  name: string;
  format: 'csv' | 'json';
  /** The Log Analytics table, when the file says or the kind implies it. */
  table?: 'AzureDevOpsAuditing' | 'SigninLogs' | 'AADNonInteractiveUserSignInLogs';
  coverage: string;
  /** Whether this kind of log can hold PAT and SSH traffic at all. */
  holdsPat: boolean;
  used: LogColumn[];
  ignored: string[];
  apart: ApartRows[];
  /** Rows read for analysis, per flow; `unset` had no flow (the chosen default applies). */
  flows: Record<Flow | 'unset', number>;
  /**
   * Entra rows read for analysis whose Client app cell is empty: read as OAuth, since only
   * "Browser" makes a row web; the report says how many, so the reading is never silent.
   */
  noClientApp: number;
  audit?: AuditEvents;
}

export const MAX_APART_EXAMPLES = 20;

export function noteApart(info: LogInfo, reason: ApartReason, row: number, value?: string): void {
  let a = info.apart.find((x) => x.reason === reason);
  if (!a) {
    a = { reason, label: APART_LABELS[reason], count: 0, rows: [] };
    info.apart.push(a);
  }
  a.count++;
  if (a.rows.length < MAX_APART_EXAMPLES) a.rows.push(row);
  if (value !== undefined) {
    a.values ??= [];
    if (a.values.length < 5 && !a.values.includes(value)) a.values.push(value);
  }
}

export const noFlows = (): LogInfo['flows'] => ({ web: 0, pat: 0, ssh: 0, oauth: 0, unset: 0 });

/** Merges the info of a later slice of the same file; its row numbers are already shifted. */
export function mergeLogInfo(a: LogInfo, b: LogInfo): void {
  for (const x of b.apart) {
    let y = a.apart.find((z) => z.reason === x.reason);
    if (!y) {
      y = { ...x, rows: [], count: 0 };
      if (x.values) y.values = [];
      a.apart.push(y);
    }
    y.count += x.count;
    y.rows = [...y.rows, ...x.rows].slice(0, MAX_APART_EXAMPLES);
    if (x.values) y.values = [...new Set([...(y.values ?? []), ...x.values])].slice(0, 5);
  }
  for (const f of [...FLOWS, 'unset'] as const) a.flows[f] += b.flows[f];
  a.noClientApp += b.noClientApp;
  if (b.table && !a.table) a.table = b.table;
  if (a.audit && b.audit) mergeAuditEvents(a.audit, b.audit);
}

/** Rows that can carry PAT or SSH traffic (explicit, or by the default flow for unset rows). */
export function patRows(info: LogInfo, defaultFlow: Flow): number {
  const unset = defaultFlow === 'pat' || defaultFlow === 'ssh' ? info.flows.unset : 0;
  return info.flows.pat + info.flows.ssh + unset;
}

/** What the report says of Entra rows without a Client app, if there are any. */
export function noClientAppNote(info: LogInfo | undefined): string | undefined {
  const n = info?.noClientApp ?? 0;
  if (!n) return undefined;
  return `${n} sign-in${n === 1 ? ' gives' : 's give'} no Client app: read as OAuth (only "Browser" makes an Entra sign-in web).`;
}
