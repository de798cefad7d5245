// Reads a large sign-in CSV slice by slice with the model's readSigninRows, so that a worker can
// report progress and notice a cancel between slices. Slices end on record boundaries (found with
// the same quoting rules as csv.ts) and row numbers are shifted back to the whole file's.
import { detectSeparator, withoutSepHint } from '../model/impact/csvCursor';
import type { ImportResult } from '../model/graph/importResult';
import { mergeLogInfo } from '../model/impact/logs/logInfo';
import {
  MAX_SIGNIN_TEXT,
  isJsonText,
  linkPatDates,
  readSigninRange,
  readSigninRows,
  type SigninImport,
  type SigninRow,
} from '../model/impact/signinRows';

/**
 * What reaches these readers was screened by the one token guard already (the page's picker or a
 * guarded stream in the worker, the command line's reader), so readSigninRows does not rescan it.
 */
const SCREENED = true;

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Where `what` next occurs in text from i, or text.length. */
const find = (text: string, what: string, i: number): number => {
  const at = text.indexOf(what, i);
  return at < 0 ? text.length : at;
};

/**
 * From `start` (the beginning of a record), the end (just past its line break) of the first record
 * that ends at or after `target`, and how many records that covers. `end` is text.length when the
 * text runs out first (or a quote is never closed: csv.ts then reports it).
 *
 * Quotes and line breaks are found with indexOf (a native scan), not character by character: a
 * slice of a large file is scanned here once before it is read. A quote opens a quoted field only
 * at the start of a field (after a separator or a line break outside quotes, or at `start`); any
 * other quote is text, as csv.ts has it.
 */
export function recordsUntil(
  text: string,
  start: number,
  target: number,
  separator = COMMA,
): { end: number; records: number } {
  const n = text.length;
  let records = 0;
  let i = start;
  let recordStart = start;
  let nextQuote = -1;
  let nextLf = -1;
  let nextCr = -1;
  while (i < n) {
    if (nextQuote < i) nextQuote = find(text, '"', i);
    if (nextLf < i) nextLf = find(text, '\n', i);
    if (nextCr < i) nextCr = find(text, '\r', i);
    const brk = nextLf < nextCr ? nextLf : nextCr;
    const q = nextQuote;
    if (q < brk) {
      const before = q === recordStart ? -1 : text.charCodeAt(q - 1);
      if (before !== -1 && before !== separator && before !== LF && before !== CR) {
        // A quote inside an unquoted field is text: look past it.
        nextQuote = find(text, '"', q + 1);
        continue;
      }
      // A quoted field: "" is a quote, a lone " closes it; what follows up to a separator is plain.
      let j = q + 1;
      for (;;) {
        const close = text.indexOf('"', j);
        if (close < 0) return { end: n, records };
        if (text.charCodeAt(close + 1) === QUOTE) j = close + 2;
        else {
          i = close + 1;
          break;
        }
      }
      continue;
    }
    if (brk >= n) break;
    i = brk + (text.charCodeAt(brk) === CR && text.charCodeAt(brk + 1) === LF ? 2 : 1);
    records++;
    recordStart = i;
    if (i >= target) return { end: i, records };
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

/** Text kept back from a slice's end, where a record may still be partial. */
const TAIL = 65_536;

/** Slice size: about 100 ms of readSigninRows at today's speed. */
export const CHUNK_CHARS = 1_000_000;

/**
 * Sign-in CSV text that arrives in pieces of any length (a file read from disk, decoded as it
 * comes): each run of whole records is read with readSigninRows and handed to `onRows` with row
 * numbers of the whole file, so a caller can analyse and drop rows as it goes.
 *
 * A piece is read where it lies, with the header given apart (readSigninRange): it is never
 * joined to the text before it, which would copy every piece once more (a joined string is
 * flattened when first searched: 0.1 s of a 91 MB file). Only the records that straddle two
 * pieces, from the last cut in one to the first record end in the next, are joined.
 */
export class SigninStream {
  #header: string | undefined;
  #hintRead = false;
  #separator = COMMA;
  /** Before the header is known: the text so far. */
  #head = '';
  /**
   * Text after the last record read, from a record's start: the records (at most one slice and
   * a tail) not read yet when the piece they came in ended.
   */
  #rest = '';
  /** Data records before the text not read yet. */
  #before = 0;
  #rows = 0;
  readonly #warnings = new Set<string>();
  #log: SigninImport['log'];
  readonly #onRows: (part: SigninImport) => void;
  readonly #chunkChars: number;

  /** `onRows` gets each slice's rows and problems, numbered as in the whole file. */
  constructor(onRows: (part: SigninImport) => void, chunkChars = CHUNK_CHARS) {
    this.#onRows = onRows;
    this.#chunkChars = chunkChars;
  }

  /** Adds text; reads every whole record once enough has come. An error stops the stream. */
  push(text: string): string | undefined {
    if (this.#header === undefined) {
      this.#head += text;
      const head = this.#head;
      if (recordsUntil(head, 0, 0).end >= head.length) return undefined; // not whole yet
      let carry = head;
      if (!this.#hintRead) {
        // Excel's `sep=;` first line is not the header (readSigninRows drops it the same way).
        carry = this.#head = withoutSepHint(head);
        this.#hintRead = true;
        if (recordsUntil(carry, 0, 0).end >= carry.length) return undefined;
      }
      this.#separator = detectSeparator(carry);
      const header = recordsUntil(carry, 0, 0, this.#separator);
      if (header.end >= carry.length) return undefined;
      this.#header = carry.slice(0, header.end);
      this.#head = '';
      return this.#readPiece(carry, header.end);
    }
    return this.#readPiece(text, 0);
  }

  /**
   * Reads the whole records of `piece` from `from` on, with the text not read yet in front of
   * them: first the records that straddle the two, joined; then slices of about #chunkChars of
   * the piece where it lies. A slice ends at a record end the text after it confirms (a CR is
   * not known to end a record until the next character is in), and the last 64 KB of a piece are
   * left to be read with the next one. A slice's rows live until it is analysed: slices of a few
   * MB kept tens of thousands of rows alive across the young generation's collections, each of
   * which copied them (a third of a batch's GC).
   */
  #readPiece(piece: string, from: number): string | undefined {
    const sep = this.#separator;
    let start = from;
    const rest = this.#rest;
    if (rest !== '') {
      // Small pieces are gathered until a slice's worth has come, as one text.
      if (rest.length + piece.length - from < this.#chunkChars + TAIL) {
        this.#rest = rest + piece.slice(from);
        return undefined;
      }
      // The first record end past the text not read yet, with as much of the piece as it takes.
      for (
        let k = Math.min(TAIL, piece.length - from);
        ;
        k = Math.min(k * 2, piece.length - from)
      ) {
        const joined = rest + piece.slice(from, from + k);
        const cut = recordsUntil(joined, 0, rest.length, sep);
        if (cut.end < joined.length) {
          this.#rest = '';
          const error = this.#read(joined, 0, cut.end);
          this.#before += cut.records;
          if (error !== undefined) return error;
          start = from + (cut.end - rest.length);
          break;
        }
        if (from + k >= piece.length) {
          this.#rest = joined;
          return undefined;
        }
      }
    }
    let error: string | undefined;
    while (error === undefined && piece.length - start > TAIL) {
      const cut = recordsUntil(
        piece,
        start,
        Math.min(start + this.#chunkChars, piece.length - TAIL),
        sep,
      );
      if (cut.end >= piece.length) break;
      error = this.#read(piece, start, cut.end);
      this.#before += cut.records;
      start = cut.end;
    }
    this.#rest = piece.slice(start);
    return error;
  }

  /** Reads what is left; the import's warnings and which log it was (or its one error). */
  end(): ImportResult<{ rows: number; log: SigninImport['log'] }> {
    if (this.#header === undefined || this.#rows === 0) {
      // Small or empty: the whole text at once, for readSigninRows's own messages.
      const text = this.#header === undefined ? this.#head : this.#header + this.#rest;
      const r = readSigninRows(text, SCREENED);
      if (!r.ok) return r;
      this.#emit(r.value, this.#before);
      return { ok: true, value: { rows: this.#rows, log: this.#log }, warnings: r.warnings };
    }
    const rest = this.#rest;
    const error = rest === '' ? undefined : this.#read(rest, 0, rest.length);
    this.#rest = '';
    if (error !== undefined) return { ok: false, error, warnings: [] };
    const value = { rows: this.#rows, log: this.#log };
    return { ok: true, value, warnings: [...this.#warnings] };
  }

  /** Reads the records in [start, end) of `text`, a piece of the file after its header. */
  #read(text: string, start: number, end: number): string | undefined {
    const part = readSigninRange(text, start, end, this.#header);
    if (!part.ok) return part.error;
    if (part.value.rows.length) part.warnings.forEach((w) => this.#warnings.add(w));
    this.#emit(part.value, this.#before);
    return undefined;
  }

  #emit(part: SigninImport, before: number): void {
    const info = part.log;
    if (before) {
      for (const row of part.rows) row.row += before;
      for (const p of part.problems) p.row += before;
      if (info) {
        for (const a of info.apart) a.rows = a.rows.map((n) => n + before);
        for (const s of info.audit?.policySwitches ?? []) s.row += before;
      }
    }
    if (info) {
      if (this.#log) mergeLogInfo(this.#log, info);
      else this.#log = info;
    }
    this.#rows += part.rows.length;
    this.#onRows(part);
  }
}

/** readSigninRows(text), slice by slice; undefined when stopped. */
export async function readSigninRowsInChunks(
  text: string,
  hooks: ChunkHooks = {},
  chunkChars = CHUNK_CHARS,
): Promise<ImportResult<SigninImport> | undefined> {
  if (text.length <= chunkChars || text.length > MAX_SIGNIN_TEXT || isJsonText(text))
    return readSigninRows(text, SCREENED);
  text = withoutSepHint(text);
  const separator = detectSeparator(text);
  const header = recordsUntil(text, 0, 0, separator);
  const rows: SigninRow[] = [];
  const problems: SigninImport['problems'] = [];
  // What each slice's reader read, joined as its rows are (none if a slice has none).
  const at: Float64Array[] = [];
  const created: Float64Array[] = [];
  const ipv4: Float64Array[] = [];
  let timed = true;
  const warnings = new Set<string>();
  let log: SigninImport['log'];
  let start = header.end;
  let before = 0; // data records before this slice
  while (start < text.length) {
    if (hooks.shouldStop?.()) return undefined;
    const slice = recordsUntil(text, start, start + chunkChars, separator);
    const part = readSigninRange(text, start, slice.end);
    // A slice can only fail where the whole file fails; ask the whole file for the exact message.
    if (!part.ok) return readSigninRows(text, SCREENED);
    for (const row of part.value.rows) {
      row.row += before;
      rows.push(row);
    }
    const times = part.value.reads;
    if (times?.rows === part.value.rows) {
      at.push(times.at);
      created.push(times.created);
      ipv4.push(times.ipv4);
    } else timed = false;
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
  if (rows.length === 0) return readSigninRows(text, SCREENED);
  const value: SigninImport = log ? { rows, problems, log } : { rows, problems };
  if (timed)
    value.reads = {
      rows,
      at: joined(at, rows.length),
      created: joined(created, rows.length),
      ipv4: joined(ipv4, rows.length),
    };
  linkPatDates(value);
  return { ok: true, value, warnings: [...warnings] };
}

/** The arrays one after the other, in one of `n` entries. */
function joined(parts: readonly Float64Array[], n: number): Float64Array {
  const all = new Float64Array(n);
  let k = 0;
  for (const p of parts) {
    all.set(p, k);
    k += p.length;
  }
  return all;
}
