// Batch what-if: every sign-in of a CSV evaluated with the organisation policy off and on, so an
// admin sees who would be cut off by turning it on. Rows with bad cells are reported and skipped.
import { evaluate } from '../model/engine/evaluate';
import type { RowProblem, SigninRow } from '../model/impact/signinRows';
import type {
  AccessRequest,
  Assumptions,
  Client,
  Decision,
  Outcome,
  RuleId,
} from '../model/engine/types';
import type { LoadedWorld } from './loadWorld';
import { buildWorld, tokenFor } from './request';

export type Counts = Record<Outcome, number>;

export interface BatchRow {
  row: number;
  ip: string;
  flow: AccessRequest['flow'];
  user: string | null;
  off: Outcome;
  on: Outcome;
  /** From the evaluation with the policy on: with it off, PATs and SSH keys get no check (R5). */
  code: Decision['code'];
  rule: RuleId;
}

export interface BatchReport {
  /** The state given with --validation, which the report marks as today's. */
  current: 'on' | 'off';
  rows: BatchRow[];
  summary: { off: Counts; on: Counts; newlyBlocked: number };
  problems: RowProblem[];
}

export interface BatchSettings {
  validation: boolean;
  enabledAt?: string;
  assumptions: Assumptions;
  /** For rows without their own time: --at, or now. */
  at: string;
}

const CLIENTS: readonly Client[] = ['browser', 'git', 'az-cli', 'rest', 'ssh', 'pipeline-agent'];

function requestFor(row: SigninRow, at: string): AccessRequest {
  const flow = row.flow ?? 'pat';
  const req: AccessRequest = { flow, ip: row.ip, at: row.at ?? at };
  if (row.user !== undefined) req.user = row.user;
  const client = row.client?.toLowerCase() as Client | undefined;
  if (client && CLIENTS.includes(client)) req.client = client;
  const token = tokenFor(flow, row.tokenCreated);
  if (token) req.token = token;
  return req;
}

const zero = (): Counts => ({ allowed: 0, blocked: 0, 'mfa-required': 0 });

/** The engine's message starts with the request field it is about ("ip: …", "token.created: …"). */
function problemFrom(row: number, error: string): RowProblem {
  const m = /^([\w.]+): (.*)$/s.exec(error);
  return m ? { row, field: m[1]!, message: m[2]! } : { row, field: 'row', message: error };
}

export function runBatch(
  loaded: LoadedWorld,
  signins: { rows: SigninRow[]; problems: RowProblem[] },
  s: BatchSettings,
): BatchReport {
  const worlds = {
    off: buildWorld(loaded, false, s.enabledAt),
    on: buildWorld(loaded, true, s.enabledAt),
  };
  const bad = new Set(signins.problems.map((p) => p.row));
  const problems = [...signins.problems];
  const rows: BatchRow[] = [];
  const summary = { off: zero(), on: zero(), newlyBlocked: 0 };
  for (const row of signins.rows) {
    if (bad.has(row.row)) continue;
    const req = requestFor(row, s.at);
    const off = evaluate(worlds.off, req, s.assumptions);
    const on = evaluate(worlds.on, req, s.assumptions);
    if (!off.ok || !on.ok) {
      problems.push(problemFrom(row.row, off.ok ? (on.ok ? '' : on.error) : off.error));
      continue;
    }
    summary.off[off.value.outcome]++;
    summary.on[on.value.outcome]++;
    if (off.value.outcome === 'allowed' && on.value.outcome === 'blocked') summary.newlyBlocked++;
    rows.push({
      row: row.row,
      ip: row.ip,
      flow: req.flow,
      user: row.user ?? null,
      off: off.value.outcome,
      on: on.value.outcome,
      code: on.value.code,
      rule: on.value.decidedBy,
    });
  }
  problems.sort((a, b) => a.row - b.row);
  return { current: s.validation ? 'on' : 'off', rows, summary, problems };
}
