// The vocabulary of the impact analysis: what one sign-in row gets from the batch path, and the
// report that compares every row with the organisation policy off and on.
import type { ImpactRange } from './impactRange';
import type { LogInfo } from './logs/logInfo';
import type { BlockGroup, RemedyEffect } from './remedies';
import type { RowProblem } from './signinRows';
import type { Assumptions, Decision, Flow, Outcome, RuleId } from '../engine/types';

/** The parts of a Decision the impact analysis needs; shared (interned) objects, never mutated. */
export interface FastDecision {
  readonly outcome: Outcome;
  readonly code: Decision['code'];
  readonly decidedBy: RuleId;
  /** The policy that blocked or asked for MFA, when one did. */
  readonly policyId: string | null;
}

export interface RowDefaults {
  /** ISO 8601 time for rows that carry none. */
  at: string;
  /** Flow for rows that carry none (a sign-in export without a flow column): usually 'pat'. */
  defaultFlow: Flow;
}

export type OutcomeCounts = Record<Outcome, number>;

/** Who or what decided, and how often, within one group. */
export interface ImpactDecider extends FastDecision {
  displayName: string | null;
  count: number;
}

/** Rows refused (blocked or asked for MFA) with the org policy on, grouped by user or by IP. */
export interface ImpactGroup {
  /** The UPN or the IP as written in the file; '' for rows that name no user. */
  key: string;
  count: number;
  /** Of `count`, the rows that were allowed with the org policy off. */
  newlyBlocked: number;
  flows: Partial<Record<Flow, number>>;
  /** Row numbers of the first few rows, to look them up in the file. */
  examples: number[];
  /** Most frequent first. */
  deciders: ImpactDecider[];
}

/**
 * One entry per analysed row, column by column (typed arrays, cheap to keep for a million rows
 * and to transfer from a worker). `ip`/`user` index `ImpactReport.ips`/`users`; `off`/`on`
 * index `ImpactReport.decisions`, or are INVALID_DECISION for rows that could not be evaluated.
 */
export interface ImpactRows {
  count: number;
  row: Uint32Array;
  ip: Uint32Array;
  user: Uint32Array;
  /** Index into FLOWS, or UNKNOWN_FLOW for a row whose flow evaluate() refuses. */
  flow: Uint8Array;
  off: Uint16Array;
  on: Uint16Array;
}

export const INVALID_DECISION = 0xffff;
export const UNKNOWN_FLOW = 0xff;

export interface ImpactReport {
  /** Rows handed in. */
  total: number;
  /** Rows looked at (less than total when stopped early). */
  processed: number;
  complete: boolean;
  at: string;
  assumptions: Assumptions;
  off: OutcomeCounts;
  on: OutcomeCounts;
  /** Allowed with the org policy off, blocked or asked for MFA with it on. */
  newlyBlocked: number;
  newlyBlockedByFlow: Record<Flow, number>;
  invalid: number;
  /** The first few invalid rows, with evaluate()'s message. */
  invalidExamples: { row: number; message: string }[];
  /** Sorted by count, largest first. */
  byUser: ImpactGroup[];
  byIp: ImpactGroup[];
  rows: ImpactRows;
  ips: string[];
  users: string[];
  decisions: FastDecision[];
  /** The enforced policies that target Azure DevOps: the only ones that can decide a row. */
  policies: { id: string; displayName: string }[];
  /** Which log it was, its columns and the rows counted apart (when read from a file). */
  log?: LogInfo;
  /** Newly refused under each reading of the disputed rules R12, R7, R8. */
  range?: ImpactRange;
  /**
   * Refused traffic by address block (the busiest first, at most BLOCKS_SHOWN) and the remedies
   * for it, worked out where the report is made (the worker), not on the page's thread.
   */
  blocks?: BlockGroup[];
  remedies?: RemedyEffect[];
  /** How many groups byUser and byIp have, when they hold only the first of them (the page's). */
  groupTotals?: { byUser: number; byIp: number };
  /** When the org policy went on, as used, and whether the audit log said so (R12). */
  enabledAt?: { at: string; from: 'audit-log' | 'input'; row?: number };
  /** Filled by the worker job: what importing the CSV and Graph exports had to say. */
  inputs?: {
    warnings: string[];
    /** The first bad cells of the log (up to 200), each with its row: those rows were skipped. */
    rowProblems: RowProblem[];
    rowProblemCount: number;
    /** Rows left out of the analysis for a bad cell (rowsToAnalyse); not in `total`. */
    skippedRows: number;
    /** The token guard removed something from the file's text (in the worker, before reading). */
    tokensRemoved?: boolean;
    /** How the file's bytes were read, when the reader should know (Windows-1252). */
    encodingNotice?: string;
  };
}
