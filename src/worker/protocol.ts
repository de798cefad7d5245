// Messages between the page and the impact worker. One run at a time per id; the page may cancel
// it. Everything here survives structured cloning (the report's columns are typed arrays).
import type { ImpactCsvKind } from '../model/impact/impactCsv';
import type { ImpactReport } from '../model/impact/impactTypes';
import type { SigninRow } from '../model/impact/signinRows';
import type { Assumptions, Flow, World } from '../model/engine/types';

/** Sign-ins: the CSV text as the user dropped it (parsed in the worker), or rows already read. */
export type RowsInput =
  | { csvText: string; rows?: undefined; file?: undefined }
  | { rows: SigninRow[]; csvText?: undefined; file?: undefined }
  /** The file itself: posting a File costs nothing, posting its text copies it on the page. */
  | { file: Blob; csvText?: undefined; rows?: undefined };

/** The tenant: a World, or Graph JSON exports (parsed or as text) and when the policy went on. */
export type WorldInput =
  | { world: World; locationsJson?: undefined; policiesJson?: undefined; enabledAt?: undefined }
  | { locationsJson: unknown; policiesJson: unknown; enabledAt?: string; world?: undefined };

export type ImpactInput = RowsInput &
  WorldInput & {
    assumptions?: Assumptions;
    /** ISO 8601 time for rows without one. */
    at: string;
    /** Flow for rows without one; 'pat' by default. */
    defaultFlow?: Flow;
    /** Also compute newly refused under each reading of R12, R7, R8 (default true). */
    range?: boolean;
  };

export type RunMessage = ImpactInput & { type: 'run'; id: number };
export interface CancelMessage {
  type: 'cancel';
  id: number;
}
/** The CSV export of the last full run's report, made in the worker from its whole report. */
export interface ExportMessage {
  type: 'export';
  /** The run whose report is on the page. */
  id: number;
  kind: ImpactCsvKind;
}
export type ToWorker = RunMessage | CancelMessage | ExportMessage;

/**
 * 'parse': characters of the CSV text read; 'analyse': rows analysed; 'read': bytes of a file
 * read and decided as they come (`rows` so far); 'reread': the same, a second time, when the
 * file's end dated rows read before it (PAT creation dates, the org policy's switch); 'report':
 * the report being made from `total` rows.
 */
export interface Progress {
  phase: 'parse' | 'analyse' | 'read' | 'reread' | 'report';
  done: number;
  total: number;
  rows?: number;
}

export type ProgressMessage = Progress & { type: 'progress'; id: number };
/** The report's long lists, which come in pages before the result (reportPages.ts). */
export type PagedField = 'ips' | 'users' | 'byUser' | 'byIp';
export interface PageMessage {
  type: 'page';
  id: number;
  field: PagedField;
  items: unknown[];
}
/**
 * The report, its paged lists empty: the pages sent before it fill them. Its byUser and byIp
 * hold only the groups a table can show (the first GROUPS_SHOWN in every order; groupTotals says
 * how many there are): the whole lists stay in the worker, which makes the exports from them.
 */
export interface ResultMessage {
  type: 'result';
  id: number;
  report: ImpactReport;
}
export interface ErrorMessage {
  type: 'error';
  id: number;
  /** One line that says what is wrong with which input; never a stack trace. */
  message: string;
}
/** The run stopped after a cancel message; no result follows. */
export interface CancelledMessage {
  type: 'cancelled';
  id: number;
}
/** The export asked for: a Blob (posted by reference, no copy), or why there is none. */
export type FileMessage = { type: 'file'; id: number; kind: ImpactCsvKind } & (
  { blob: Blob; error?: undefined } | { error: string; blob?: undefined }
);
export type FromWorker =
  ProgressMessage | PageMessage | ResultMessage | ErrorMessage | CancelledMessage | FileMessage;
