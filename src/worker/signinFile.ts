// Reads a log file of any size where it lies: the File the page posted (structured cloning hands
// over a reference, never its bytes) is read a slice at a time, decoded by the command line's
// decoder (TextStreamDecoder: UTF-8 with or without a BOM, UTF-16 with one, Windows-1252 with a
// notice), passed through the token guard, and cut into whole records by SigninStream, which reads
// them with the model's CSV reader. Each slice's rows go to `onRows` and are dropped there, so
// memory holds one slice of rows, not the file.
import { TextStreamDecoder } from '../model/graph/decodeText';
import type { ImportResult } from '../model/graph/importResult';
import { isJsonText, type SigninImport } from '../model/impact/signinRows';
import { TokenStreamGuard } from '../model/share/tokenGuardStreams';
import type { TokenKind } from '../model/share/secretScan';
import { SigninStream } from './signinChunks';

/** Bytes read from the file at a time: a slice is read and decided in about a tenth of a second. */
export const FILE_SLICE_BYTES = 2 * 1024 * 1024;

export interface FileHooks {
  /** Bytes of the file read so far, and rows handed to onRows so far. */
  onProgress?: (bytes: number, total: number, rows: number) => void;
  shouldStop?: () => boolean;
  /** Awaited between slices (the worker lets its messages in, a cancel among them). */
  pause?: () => Promise<void>;
}

export interface FileRead {
  rows: number;
  log: SigninImport['log'];
  /** How the file was decoded, when the reader should know (Windows-1252). */
  notice?: string;
  /** Kinds of token the guard removed from the text (the rows never saw them). */
  tokens: TokenKind[];
}

/** What a JSON log is: read whole (it needs a full parse), so the caller reads it another way. */
export const JSON_FILE = 'json';

/**
 * Streams `file` into `onRows`; undefined when stopped, JSON_FILE when the file is a JSON log
 * (not streamed: the caller reads it whole, within the JSON limit), else the read or one error.
 */
export async function streamSigninFile(
  file: Blob,
  onRows: (part: SigninImport) => void,
  hooks: FileHooks = {},
  sliceBytes = FILE_SLICE_BYTES,
): Promise<ImportResult<FileRead> | typeof JSON_FILE | undefined> {
  const fail = (error: string): ImportResult<FileRead> => ({ ok: false, error, warnings: [] });
  const decoder = new TextStreamDecoder();
  const guard = new TokenStreamGuard();
  let rows = 0;
  const stream = new SigninStream((part) => {
    rows += part.rows.length;
    onRows(part);
  });
  // The first slice is at least what the decoder looks at to tell the encoding (a megabyte).
  const first = Math.max(sliceBytes, 1 << 20);
  for (let at = 0; at < file.size;) {
    if (hooks.shouldStop?.()) return undefined;
    const end = Math.min(file.size, at === 0 ? first : at + sliceBytes);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.slice(at, end).arrayBuffer());
    } catch {
      return fail('the browser could not read this file (was it moved or changed?)');
    }
    const text = decoder.push(bytes);
    if (!text.ok) return fail(text.error);
    if (at === 0 && isJsonText(text.value)) return JSON_FILE;
    const error = stream.push(guard.push(text.value));
    if (error !== undefined) return fail(error);
    at = end;
    hooks.onProgress?.(at, file.size, rows);
    await hooks.pause?.();
  }
  const rest = decoder.end();
  if (!rest.ok) return fail(rest.error);
  const error = stream.push(guard.push(rest.value) + guard.end());
  if (error !== undefined) return fail(error);
  const done = stream.end();
  if (!done.ok) return done;
  const value: FileRead = { rows, log: done.value.log, tokens: guard.found };
  if (decoder.notice) value.notice = decoder.notice;
  return { ok: true, value, warnings: done.warnings };
}
