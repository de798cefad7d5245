// One impact analysis at a time, through the same worker code path as the benchmark
// (ImpactClient → impactWorker → runImpactJob): progress, cancel, and the last good report kept
// when a new run fails or is cancelled.
import type { ImpactCsvKind } from '../../model/impact/impactCsv';
import type { ImpactReport } from '../../model/impact/impactTypes';
import { applyRemedy, type Remedy } from '../../model/impact/remedies';
import type { Assumptions, Flow, World } from '../../model/engine/types';
import { ImpactCancelledError, ImpactClient } from '../../worker/impactClient';
import type { Progress } from '../../worker/protocol';
import { cut } from '../../model/graph/visibleText';
import { tokenNotice } from '../share/tokenNotice.svelte';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** A remedy tried on the report on screen: its newly refused count, recomputed. */
export interface RemedyTrial {
  remedy: Remedy;
  status: 'running' | 'done' | 'error';
  before: number;
  after?: number;
  error?: string;
}

export interface RunInput {
  /** The text (pasted), or the file itself, which the worker reads (no copy on the page). */
  csvText?: string;
  file?: File;
  source: string;
  world: World;
  assumptions: Assumptions;
  at: string;
  defaultFlow: Flow;
}

/** The sign-ins of a run as the worker takes them. */
const sign = (input: RunInput): { file: File } | { csvText: string } =>
  input.file ? { file: input.file } : { csvText: input.csvText ?? '' };

export class ImpactRun {
  #client: ImpactClient | undefined;
  status = $state<RunStatus>('idle');
  progress = $state.raw<Progress | undefined>();
  report = $state.raw<ImpactReport | undefined>();
  /** The file the report on screen came from. */
  source = $state('');
  error = $state<string | undefined>();
  /** The input of the report on screen (remedies rerun it with a changed tenant). */
  input = $state.raw<RunInput | undefined>();
  trial = $state.raw<RemedyTrial | undefined>();

  async run(input: RunInput): Promise<void> {
    this.#client ??= new ImpactClient();
    this.status = 'running';
    this.error = undefined;
    this.progress = input.file
      ? { phase: 'read', done: 0, total: input.file.size, rows: 0 }
      : { phase: 'parse', done: 0, total: 1 };
    try {
      const report = await this.#client.run(
        {
          ...sign(input),
          world: input.world,
          assumptions: input.assumptions,
          at: input.at,
          defaultFlow: input.defaultFlow,
        },
        (p) => (this.progress = p),
      );
      // The worker guarded the file's text as it read it; the one notice says where.
      if (report.inputs?.tokensRemoved) tokenNotice.flag(`“${cut(input.source, 120)}”`);
      this.report = report;
      this.source = input.source;
      this.input = input;
      this.trial = undefined;
      this.status = 'done';
    } catch (e) {
      if (e instanceof ImpactCancelledError) {
        this.status = 'cancelled';
        return;
      }
      this.status = 'error';
      // The worker's messages name the input (e.g. "Sign-ins: No IP column…"); say which file.
      const message = `${input.source}: ${(e as Error).message.replace(/^Sign-ins: /, '')}`;
      this.error = /[.!?)]$/.test(message) ? message : `${message}.`;
    }
  }

  /** Reruns the report on screen with `remedy` applied to its tenant; the report stays. */
  async tryRemedy(remedy: Remedy): Promise<void> {
    const input = this.input;
    const before = this.report?.newlyBlocked ?? 0;
    if (!input || this.status === 'running') return;
    this.#client ??= new ImpactClient();
    this.trial = { remedy, status: 'running', before };
    try {
      const r = await this.#client.run({
        ...sign(input),
        world: applyRemedy(input.world, remedy),
        assumptions: input.assumptions,
        at: input.at,
        defaultFlow: input.defaultFlow,
        range: false,
      });
      this.trial = { remedy, status: 'done', before, after: r.newlyBlocked };
    } catch (e) {
      this.trial = { remedy, status: 'error', before, error: (e as Error).message };
    }
  }

  /**
   * The CSV export of the report on screen, made in the worker from the whole report (the page
   * holds only the groups its tables show); a Blob, or undefined when the worker lost it.
   */
  async exportCsv(kind: ImpactCsvKind): Promise<Blob | undefined> {
    try {
      return await this.#client?.exportCsv(kind);
    } catch {
      return undefined;
    }
  }

  /** A refusal before the worker saw anything (type, size, unreadable file). */
  refuse(message: string) {
    this.status = 'error';
    this.error = message;
  }

  cancel() {
    this.#client?.cancel();
  }

  dispose() {
    this.#client?.dispose();
  }
}
