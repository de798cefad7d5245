// Reads a large sign-in CSV slice by slice with the model's readSigninRows, so that a worker can
// report progress and notice a cancel between slices. Slices end on record boundaries (found with
// the same quoting rules as csv.ts) and row numbers are shifted back to the whole file's.
import type { ImportResult } from '../model/graph/importResult';
import { mergeLogInfo } from '../model/impact/logs/logInfo';
import {
  MAX_SIGNIN_TEXT,
  isJsonText,
  linkPatDates,
  readSigninRows,
  type SigninImport,
  type SigninRow,
} from '../model/impact/signinRows';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * From `start` (the beginning of a record), the end (just past its line break) of the first record
 * that ends at or after `target`, and how many records that covers. `end` is text.length when the
 * text runs out first (or a quote is never closed: csv.ts then reports it).
 */
export function recordsUntil(
  text: string,
  start: number,
  target: number,
): { end: number; records: number } {
  const n = text.length;
  let records = 0;
  let fieldStart = true;
  let i = start;
  let recordStart = start;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (fieldStart && c === QUOTE) {
      // A quoted field: "" is a quote, a lone " closes it; what follows up to a comma is plain.
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) return { end: n, records };
        if (text.charCodeAt(q + 1) === QUOTE) i = q + 2;
        else {
          i = q + 1;
          break;
        }
      }
      fieldStart = false;
      continue;
    }
    if (c === COMMA) fieldStart = true;
    else if (c === LF || c === CR) {
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      records++;
      recordStart = i;
      fieldStart = true;
      if (i >= target) return { end: i, records };
      continue;
    } else fieldStart = false;
    i++;
  }
  return { end: n, records: records + (n > recordStart ? 1 : 0) };
}

export interface ChunkHooks {
  /** Characters read so far, of the whole text. */
  onProgress?: (done: number, total: number) => void;
  shouldStop?: () => boolean;
  /** Awaited between slices (the worker lets its messages in). */
  pause?: () => Promise<void>;
}

/** Slice size: about 100 ms of readSigninRows at today's speed. */
export const CHUNK_CHARS = 1_000_000;

/** readSigninRows(text), slice by slice; undefined when stopped. */
export async function readSigninRowsInChunks(
  text: string,
  hooks: ChunkHooks = {},
  chunkChars = CHUNK_CHARS,
): Promise<ImportResult<SigninImport> | undefined> {
  if (text.length <= chunkChars || text.length > MAX_SIGNIN_TEXT || isJsonText(text))
    return readSigninRows(text);
  const header = recordsUntil(text, 0, 0);
  const headerText = text.slice(0, header.end);
  const rows: SigninRow[] = [];
  const problems: SigninImport['problems'] = [];
  const warnings = new Set<string>();
  let log: SigninImport['log'];
  let start = header.end;
  let before = 0; // data records before this slice
  while (start < text.length) {
    if (hooks.shouldStop?.()) return undefined;
    const slice = recordsUntil(text, start, start + chunkChars);
    const part = readSigninRows(headerText + text.slice(start, slice.end));
    // A slice can only fail where the whole file fails; ask the whole file for the exact message.
    if (!part.ok) return readSigninRows(text);
    for (const row of part.value.rows) {
      row.row += before;
      rows.push(row);
    }
    for (const p of part.value.problems) problems.push({ ...p, row: p.row + before });
    const info = part.value.log;
    if (info) {
      for (const a of info.apart) a.rows = a.rows.map((n) => n + before);
      for (const s of info.audit?.policySwitches ?? []) s.row += before;
      if (log) mergeLogInfo(log, info);
      else log = info;
    }
    if (part.value.rows.length) part.warnings.forEach((w) => warnings.add(w));
    before += slice.records;
    start = slice.end;
    hooks.onProgress?.(start, text.length);
    await hooks.pause?.();
  }
  if (rows.length === 0) return readSigninRows(text);
  const value: SigninImport = log ? { rows, problems, log } : { rows, problems };
  linkPatDates(value);
  return { ok: true, value, warnings: [...warnings] };
}
