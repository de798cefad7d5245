// The page's handle on the impact worker: run() returns the report as a promise, cancel() stops
// the run. The worker is created on first use; one that does not answer a cancel promptly (busy
// in a long synchronous step) is terminated and replaced on the next run.
import type { ImpactCsvKind } from '../model/impact/impactCsv';
import type { ImpactReport } from '../model/impact/impactTypes';
import type { FromWorker, ImpactInput, Progress, ToWorker } from './protocol';
import { ReportPages } from './reportPages';

/** The part of a Worker the client uses, so that tests can hand it an in-process stand-in. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export class ImpactCancelledError extends Error {
  override name = 'ImpactCancelledError';
  constructor() {
    super('The impact analysis was cancelled.');
  }
}

/** How long a cancelled worker gets to say so before it is terminated. */
export const CANCEL_GRACE_MS = 500;

const createWorker = (): WorkerLike =>
  new Worker(new URL('../worker/impactWorker.ts', import.meta.url), { type: 'module' });

interface Pending {
  id: number;
  message: ToWorker;
  resolve: (report: ImpactReport) => void;
  reject: (error: Error) => void;
  onProgress?: (p: Progress) => void;
  pages: ReportPages;
}

export class ImpactClient {
  readonly #create: () => WorkerLike;
  #worker: WorkerLike | undefined;
  #nextId = 1;
  #pending: Pending | undefined;
  #graceTimer: ReturnType<typeof setTimeout> | undefined;
  /** The run whose report the worker keeps, and an export waiting for its file. */
  #doneId: number | undefined;
  #export: { resolve: (blob: Blob) => void; reject: (e: Error) => void } | undefined;

  constructor(create: () => WorkerLike = createWorker) {
    this.#create = create;
  }

  get busy(): boolean {
    return this.#pending !== undefined;
  }

  /** Starts a run; a run still going is cancelled first. */
  run(input: ImpactInput, onProgress?: (p: Progress) => void): Promise<ImpactReport> {
    this.cancel();
    const id = this.#nextId++;
    const message = { ...input, type: 'run', id } as ToWorker;
    return new Promise<ImpactReport>((resolve, reject) => {
      this.#pending = { id, message, resolve, reject, onProgress, pages: new ReportPages() };
      this.#ensureWorker().postMessage(message);
    });
  }

  /**
   * The CSV export of the last report run() gave (with its range: not a remedy trial), made in
   * the worker from the whole report; rejects when the worker no longer has it.
   */
  exportCsv(kind: ImpactCsvKind): Promise<Blob> {
    const id = this.#doneId;
    if (id === undefined || !this.#worker || this.#export)
      return Promise.reject(new Error('no report to export in the worker'));
    const worker = this.#worker;
    return new Promise<Blob>((resolve, reject) => {
      this.#export = { resolve, reject };
      worker.postMessage({ type: 'export', id, kind });
    });
  }

  /** Stops the current run, if any; its promise rejects with ImpactCancelledError. */
  cancel(): void {
    const pending = this.#pending;
    if (!pending) return;
    this.#pending = undefined;
    pending.reject(new ImpactCancelledError());
    const worker = this.#worker;
    if (!worker) return;
    worker.postMessage({ type: 'cancel', id: pending.id });
    clearTimeout(this.#graceTimer);
    this.#graceTimer = setTimeout(() => {
      if (this.#worker !== worker) return;
      this.#drop();
      // A run started since then went to the stuck worker: start it again on a fresh one.
      if (this.#pending) this.#ensureWorker().postMessage(this.#pending.message);
    }, CANCEL_GRACE_MS);
  }

  /** Ends the worker; the client can still be used (a new worker starts on the next run). */
  dispose(): void {
    this.cancel();
    this.#drop();
  }

  #ensureWorker(): WorkerLike {
    if (this.#worker) return this.#worker;
    const worker = this.#create();
    worker.onmessage = (event) => this.#receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.#drop();
      this.#fail(`The impact worker stopped: ${event.message || 'it could not be started'}`);
    };
    this.#worker = worker;
    return worker;
  }

  #receive(msg: FromWorker): void {
    if (msg.type === 'file') {
      const waiting = this.#export;
      this.#export = undefined;
      if (msg.blob) waiting?.resolve(msg.blob);
      else waiting?.reject(new Error(msg.error));
      return;
    }
    if (msg.type === 'cancelled') {
      clearTimeout(this.#graceTimer); // it listened: keep it
      return;
    }
    const pending = this.#pending;
    if (!pending || msg.id !== pending.id) return; // a run cancelled earlier
    if (msg.type === 'progress') {
      const { phase, done, total, rows } = msg;
      pending.onProgress?.(
        rows === undefined ? { phase, done, total } : { phase, done, total, rows },
      );
    } else if (msg.type === 'page') {
      pending.pages.add(msg.field, msg.items);
    } else if (msg.type === 'result') {
      this.#pending = undefined;
      if ((pending.message as { range?: boolean }).range !== false) this.#doneId = pending.id;
      pending.resolve(pending.pages.complete(msg.report));
    } else {
      this.#fail(msg.message);
    }
  }

  #fail(message: string): void {
    const pending = this.#pending;
    this.#pending = undefined;
    pending?.reject(new Error(message));
  }

  #drop(): void {
    clearTimeout(this.#graceTimer);
    this.#doneId = undefined;
    this.#export?.reject(new Error('the impact worker stopped'));
    this.#export = undefined;
    this.#worker?.terminate();
    this.#worker = undefined;
  }
}
