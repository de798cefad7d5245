// One impact analysis at a time, through the same worker code path as the benchmark
// (ImpactClient → impactWorker → runImpactJob): progress, cancel, and the last good report kept
// when a new run fails or is cancelled.
import type { ImpactReport } from '../../model/impact/impactTypes';
import type { Assumptions, Flow, World } from '../../model/engine/types';
import { ImpactCancelledError, ImpactClient } from '../../worker/impactClient';
import type { Progress } from '../../worker/protocol';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface RunInput {
  csvText: string;
  source: string;
  world: World;
  assumptions: Assumptions;
  at: string;
  defaultFlow: Flow;
}

export class ImpactRun {
  #client: ImpactClient | undefined;
  status = $state<RunStatus>('idle');
  progress = $state.raw<Progress | undefined>();
  report = $state.raw<ImpactReport | undefined>();
  /** The file the report on screen came from. */
  source = $state('');
  error = $state<string | undefined>();

  async run(input: RunInput): Promise<void> {
    this.#client ??= new ImpactClient();
    this.status = 'running';
    this.error = undefined;
    this.progress = { phase: 'parse', done: 0, total: input.csvText.length };
    try {
      const report = await this.#client.run(
        {
          csvText: input.csvText,
          world: input.world,
          assumptions: input.assumptions,
          at: input.at,
          defaultFlow: input.defaultFlow,
        },
        (p) => (this.progress = p),
      );
      this.report = report;
      this.source = input.source;
      this.status = 'done';
    } catch (e) {
      if (e instanceof ImpactCancelledError) {
        this.status = 'cancelled';
        return;
      }
      this.status = 'error';
      // The worker's messages name the input (e.g. "Sign-ins: No IP column…"); say which file.
      this.error = `${input.source}: ${(e as Error).message.replace(/^Sign-ins: /, '')}`;
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
