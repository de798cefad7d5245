// The lab's Graph import off the main thread: decoding, JSON parsing and validating a 10 MB export
// of 45,000 named locations takes the better part of a second, which would freeze the page. The
// page posts the files (bytes transferred) and gets back exactly what importFiles returns.
/// <reference lib="webworker" />
import { importFiles } from '../model/lab/labImport';
import type { ImportReply, ImportRequest } from './importClient';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<ImportRequest>) => {
  const { id, kind, files } = event.data;
  let reply: ImportReply;
  try {
    reply = { id, result: importFiles(kind, files) };
  } catch (e) {
    reply = {
      id,
      result: { ok: false, error: `The import failed: ${(e as Error).message}`, warnings: [] },
    };
  }
  scope.postMessage(reply);
};
