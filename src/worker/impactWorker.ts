// The impact analysis off the main thread: the page posts a run (CSV text and Graph exports
// included, so that parsing happens here too), gets progress, then the report or one error line.
/// <reference lib="webworker" />
import { impactCsvPieces, type ImpactCsvKind } from '../model/impact/impactCsv';
import { guardText } from '../model/share/tokenGuard';
import type { GroupCounts } from '../model/impact/impactGroups';
import type { ImpactReport } from '../model/impact/impactTypes';
import { runImpactJob } from './impactJob';
import type { FromWorker, RunMessage, ToWorker } from './protocol';
import { reportMessages } from './reportPages';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const running = new Set<number>();
/** The last full run's report (not a remedy's trial run), whole, and its IP groups, for the exports. */
let kept: { id: number; report: ImpactReport; ipGroups: GroupCounts } | undefined;
const cancelled = new Set<number>();

function post(message: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

async function run(msg: RunMessage): Promise<void> {
  const { id } = msg;
  try {
    const outcome = await runImpactJob(msg, {
      onProgress: (p) => post({ type: 'progress', id, ...p }),
      isCancelled: () => cancelled.has(id),
    });
    if (outcome.status === 'cancelled') post({ type: 'cancelled', id });
    else if (outcome.status === 'error') post({ type: 'error', id, message: outcome.message });
    else {
      if (msg.range !== false) kept = { id, report: outcome.report, ipGroups: outcome.ipGroups };
      for (const { message, transfer } of reportMessages(id, outcome.report))
        post(message, transfer);
    }
  } catch (e) {
    post({ type: 'error', id, message: `The impact analysis failed: ${(e as Error).message}` });
  } finally {
    running.delete(id);
    cancelled.delete(id);
  }
}

/** An export as a Blob, each piece (whole lines) through the one token guard on the way out. */
const csvBlob = (k: NonNullable<typeof kept>, kind: ImpactCsvKind) =>
  new Blob(
    [...impactCsvPieces(k.report, kind, undefined, k.ipGroups)].map(
      (piece) => guardText(piece).value,
    ),
  );

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  if (msg.type === 'cancel') {
    if (running.has(msg.id)) cancelled.add(msg.id);
  } else if (msg.type === 'export') {
    const { id, kind } = msg;
    if (kept?.id !== id) post({ type: 'file', id, kind, error: 'that report is no longer here' });
    else post({ type: 'file', id, kind, blob: csvBlob(kept, kind) });
  } else if (msg.type === 'run') {
    running.add(msg.id);
    void run(msg);
  }
};
