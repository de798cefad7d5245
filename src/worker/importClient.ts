// The page's handle on the import worker: import() resolves with what importFiles returns. Where
// no Worker can be made (unit tests, a browser that refuses it) the same function runs in place,
// so the answer never depends on where it was computed.
import type { ImportResult } from '../model/graph/importResult';
import type { SourceFile } from '../model/graph/graphFiles';
import { importFiles, type ExportKind } from '../model/lab/labImport';
import type { NamedLocation, Policy } from '../model/engine/types';

export type ImportValue = NamedLocation[] | Policy[];

export interface ImportRequest {
  id: number;
  kind: ExportKind;
  files: SourceFile[];
}

export interface ImportReply {
  id: number;
  result: ImportResult<ImportValue>;
}

/** The part of a Worker the client uses, so that tests can hand it an in-process stand-in. */
export interface ImportWorkerLike {
  postMessage(message: ImportRequest, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ImportReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

const createWorker = (): ImportWorkerLike | undefined => {
  if (typeof Worker === 'undefined') return undefined;
  try {
    return new Worker(new URL('../worker/importWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    return undefined;
  }
};

export class ImportClient {
  readonly #create: () => ImportWorkerLike | undefined;
  #worker: ImportWorkerLike | undefined;
  #failed = false;
  #nextId = 1;
  readonly #pending = new Map<
    number,
    { resolve: (r: ImportResult<ImportValue>) => void; kind: ExportKind; files: SourceFile[] }
  >();

  constructor(create: () => ImportWorkerLike | undefined = createWorker) {
    this.#create = create;
  }

  import(kind: ExportKind, files: SourceFile[]): Promise<ImportResult<ImportValue>> {
    const worker = this.#ensureWorker();
    if (!worker) return Promise.resolve(importFiles(kind, files));
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, { resolve, kind, files });
      // Text is copied; bytes are handed over (the caller read them for this import only).
      const transfer = files.flatMap((f) => (f.bytes ? [f.bytes.buffer as ArrayBuffer] : []));
      worker.postMessage({ id, kind, files }, [...new Set(transfer)]);
    });
  }

  dispose(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
  }

  #ensureWorker(): ImportWorkerLike | undefined {
    if (this.#worker || this.#failed) return this.#worker;
    const worker = this.#create();
    if (!worker) {
      this.#failed = true;
      return undefined;
    }
    worker.onmessage = (event) => {
      const p = this.#pending.get(event.data.id);
      this.#pending.delete(event.data.id);
      p?.resolve(event.data.result);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.dispose();
      this.#failed = true;
      const pending = [...this.#pending.values()];
      this.#pending.clear();
      for (const p of pending)
        p.resolve({
          ok: false,
          error: `The import could not run in the background (${event.message || 'the worker stopped'}); try again.`,
          warnings: [],
        });
    };
    this.#worker = worker;
    return worker;
  }
}
