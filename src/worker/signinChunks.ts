// Reads a large sign-in CSV slice by slice with the model's readSigninRows, so that a worker can
// report progress and notice a cancel between slices. Slices end on record boundaries (found with
// the same quoting rules as csv.ts) and row numbers are shifted back to the whole file's.
import { CsvCursor, detectSeparator, withoutSepHint } from '../model/impact/csvCursor';
import { detectKind } from '../model/impact/logs/detectKind';
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
  // A BOM that starts the text is not the first field's (CsvCursor skips it): a quote after it
  // opens a quoted field.
  let recordStart = start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : start;
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

/**
 * Why a header (its record's text) is not one of a log PAT Fence knows, as readCsvLog says it;
 * undefined when it is one.
 */
function headerError(header: string, separator: number): string | undefined {
  const csv = new CsvCursor(header, separator);
  const names = csv.next() ? csv.fields() : [];
  if (names.every((n) => n.trim() === ''))
    return 'The sign-in file is empty: expected a header row with an "IP address" column.';
  const kind = detectKind(names);
  return 'error' in kind ? kind.error : undefined;
}

/** A slice's size as given, but at least one character (a read of none would never end). */
const atLeastOne = (chars: number) => (chars >= 1 ? chars : 1);

/**
 * Characters a record (or the header) may run on for while more text comes, left open by a quote
 * or with no line break: 16 Mi. Past that it is refused, not carried to the end of the file.
 */
const MAX_OPEN_CHARS = 16 << 20;
const MAX_OPEN_WORDS = `over ${MAX_OPEN_CHARS / (1 << 20)} million characters`;

/** Text kept back from a slice's end, where a record may still be partial. */
const TAIL = 65_536;

/** Slice size: about 100 ms of readSigninRows at today's speed. */
export const CHUNK_CHARS = 1_000_000;

/**
 * Sign-in CSV text that arrives in pieces of any length (a file read from disk, decoded as it
 * comes): each run of whole records is read with readSigninRows and handed to `onRows` with row
 * numbers of the whole file, so a caller can analyse and drop rows as it goes.
 */
export class SigninStream {
  #header: string | undefined;
  /** Excel's `sep=` first line, once taken off the carried text (put back for a whole read). */
  #hint = '';
  #hintRead = false;
  #separator = COMMA;
  /**
   * The text not read yet, after the header once it is known: each slice read is cut from here
   * with the header in front, so it is not joined to the header (an 8 MB copy) per slice.
   */
  #carry = '';
  /** Where the carried records start in #carry (the header's length, once known). */
  #from = 0;
  /** Data records before the carried text, and the lines they took. */
  #before = 0;
  #linesBefore = 0;
  /** Carried characters (after the header) needed before a slice is tried again (see #slices). */
  #openNeeded = 0;
  /** Characters carried before the header's end is looked for again (see #headerWait). */
  #headerNeeded = 0;
  /**
   * Why the header is not one of a known log's, or undefined when it is. With any other header no
   * row is read: a whole read reports a CSV error anywhere in the file before the header's
   * message, so whole records are only counted and dropped (#skipRecords) until the end.
   */
  #headerError: string | undefined;
  #rows = 0;
  readonly #warnings = new Set<string>();
  #log: SigninImport['log'];
  readonly #onRows: (part: SigninImport) => void;
  readonly #chunkChars: number;

  /** `onRows` gets each slice's rows and problems, numbered as in the whole file. */
  constructor(onRows: (part: SigninImport) => void, chunkChars = CHUNK_CHARS) {
    this.#onRows = onRows;
    this.#chunkChars = atLeastOne(chunkChars);
  }

  /** Adds text; reads every whole record once enough has come. An error stops the stream. */
  push(text: string): string | undefined {
    this.#carry += text;
    if (this.#header === undefined) {
      if (this.#carry.length < this.#headerNeeded) return undefined;
      // not whole yet
      if (recordsUntil(this.#carry, 0, 0).end >= this.#carry.length) return this.#headerWait();
      if (!this.#hintRead) {
        // Excel's `sep=;` first line is not the header (readSigninRows drops it the same way).
        const carry = withoutSepHint(this.#carry);
        this.#hint = this.#carry.slice(0, this.#carry.length - carry.length);
        this.#carry = carry;
        this.#hintRead = true;
        if (recordsUntil(this.#carry, 0, 0).end >= this.#carry.length) return this.#headerWait();
      }
      this.#separator = detectSeparator(this.#carry);
      const header = recordsUntil(this.#carry, 0, 0, this.#separator);
      if (header.end >= this.#carry.length) return this.#headerWait();
      // Kept to go in front of the text left after each slice: a header ended by a lone CR
      // would join an LF that starts that text into one CRLF (a blank line lost, every later
      // row numbered one too low), so it is kept ended by an LF, one character all the same.
      const h = this.#carry.slice(0, header.end);
      this.#header = h.endsWith('\r') ? h.slice(0, -1) + '\n' : h;
      this.#from = header.end;
      this.#headerError = headerError(h, this.#separator);
    }
    // Slices of about #chunkChars, however much text came at once: a slice's rows live until it
    // is analysed, and slices of a few MB kept tens of thousands of rows alive across the young
    // generation's collections, each of which copied them (a third of a million-row batch's GC).
    // Each slice is cut at a record boundary, and never within the last 64 KB, where the last
    // record may be partial.
    return this.#slices(true);
  }

  /**
   * The header has not ended yet: it is looked for again once the text has doubled (not at every
   * piece, which is quadratic in a file of one endless line), and past MAX_OPEN_CHARS refused.
   */
  #headerWait(): string | undefined {
    if (this.#carry.length > MAX_OPEN_CHARS)
      return `CSV row 1 (line 1): the header runs on for ${MAX_OPEN_WORDS} without ending (a log's header is one line of column names)`;
    this.#headerNeeded = 2 * this.#carry.length;
    return undefined;
  }

  /**
   * Reads the whole slices carried. `waiting`: not while a record left open by a quote is still
   * short of the length it must reach before it is looked at again (see #openNeeded).
   */
  #slices(waiting: boolean): string | undefined {
    if (this.#headerError !== undefined) return this.#skipRecords(waiting);
    const carry = this.#carry;
    const header = this.#header!;
    let start = this.#from;
    let error: string | undefined;
    while (error === undefined && carry.length - start >= this.#chunkChars + TAIL) {
      if (waiting && carry.length - start < this.#openNeeded) break;
      // The carried text starts with the header: each slice is read where it lies in it, not
      // copied out behind a copy of the header (a megabyte copied per slice). The reading itself
      // finds where the slice ends (the first record ending at or after the target), so the
      // text is not scanned once for the cut and again to read it.
      const target = start + this.#chunkChars;
      const part = readSigninRange(carry, start, target, this.#separator);
      if (!part.ok) {
        // Read again when more has come, unless the error is not about the record left open.
        if (recordsUntil(carry, start, target, this.#separator).end < carry.length) {
          error = this.#inFile(part.error);
          break;
        }
        // A quote not closed yet: looked at again once the text after it has doubled, so a
        // quote that never closes costs a few readings, not one per piece (quadratic); and past
        // MAX_OPEN_CHARS it is taken for what it must be, not carried to the end of the file.
        const open = carry.length - start;
        // The open record starts before the target, so its quoted field has run on for at least
        // what is carried past the target. At the end, the whole read says it is never closed.
        if (waiting && carry.length - target > MAX_OPEN_CHARS)
          error = this.#inFile(part.error).replace(
            /a quoted field is never closed$/,
            `a quoted field runs on for ${MAX_OPEN_WORDS} without its closing quote`,
          );
        this.#openNeeded = 2 * open;
        break;
      }
      const span = part.value.span!;
      if (span.end >= carry.length) {
        // The record at the target may go on in the next text: it has run on for TAIL characters
        // past the target with no line break. As with an open quote, it is read again once the
        // text after the slice's start has doubled, and past MAX_OPEN_CHARS it is refused.
        if (waiting && carry.length - target > MAX_OPEN_CHARS) error = this.#longRecord(start);
        if (waiting) this.#openNeeded = 2 * (carry.length - start);
        break;
      }
      this.#accept(part);
      this.#before += span.records;
      this.#linesBefore += span.lines;
      this.#openNeeded = 0;
      start = span.end;
    }
    if (start !== this.#from) this.#carry = header + carry.slice(start);
    return error;
  }

  /**
   * The message for the record that runs on to the carried text's end from before the slice's
   * target (read from `start`, a record boundary): its row and first line in the file.
   */
  #longRecord(start: number): string {
    const carry = this.#carry;
    const csv = new CsvCursor(carry, this.#separator);
    csv.next(); // the header
    csv.skipTo(start);
    let row = csv.records + 1;
    let line = csv.atLine;
    while (csv.next() && csv.at < carry.length) {
      row = csv.records + 1;
      line = csv.atLine;
    }
    return this.#inFile(
      `CSV row ${row} (line ${line}): a record runs on for ${MAX_OPEN_WORDS} without a line break`,
    );
  }

  /**
   * Under a header of no known kind: the whole records carried, up to the last TAIL characters,
   * are counted (rows and lines, for a CSV error's numbers) and dropped, so the end reads the
   * header and what is left as a whole read would, and the file is read once, not again at every
   * piece. A record left open (a quote, or no line break) is looked at again once the text after
   * it has doubled; past MAX_OPEN_CHARS the header's message is given, which holds whatever
   * follows.
   */
  #skipRecords(waiting: boolean): string | undefined {
    const carry = this.#carry;
    const start = this.#from;
    if (carry.length - start < this.#chunkChars + TAIL) return undefined;
    if (waiting && carry.length - start < this.#openNeeded) return undefined;
    const csv = new CsvCursor(carry, this.#separator);
    csv.next(); // the header
    csv.skipTo(start);
    const records = csv.records;
    const line = csv.atLine;
    const target = carry.length - TAIL;
    let cut = start;
    let cutRecords = records;
    let cutLine = line;
    while (csv.at < target && csv.next() && csv.at < carry.length) {
      cut = csv.at;
      cutRecords = csv.records;
      cutLine = csv.atLine;
    }
    if (cut === start) {
      if (!waiting) return undefined;
      if (carry.length - start > MAX_OPEN_CHARS) return this.#headerError;
      this.#openNeeded = 2 * (carry.length - start);
      return undefined;
    }
    this.#before += cutRecords - records;
    this.#linesBefore += cutLine - line;
    this.#openNeeded = 0;
    this.#carry = this.#header! + carry.slice(cut);
    return undefined;
  }

  /** Reads what is left; the import's warnings and which log it was (or its one error). */
  end(): ImportResult<{ rows: number; log: SigninImport['log'] }> {
    // The slices a quote not closed yet held back are read as they would have been, first.
    const held = this.#header === undefined ? undefined : this.#slices(false);
    if (held !== undefined) return { ok: false, error: held, warnings: [] };
    const text = this.#carry;
    if (this.#header === undefined) {
      // Small or empty, or no header's end: the whole text at once (with its `sep=` line back on,
      // so a second one is not taken off too), for readSigninRows's own messages.
      const r = readSigninRows(this.#hint + text, SCREENED);
      if (!r.ok) return r;
      this.#emit(r.value, 0);
      return { ok: true, value: { rows: this.#rows, log: this.#log }, warnings: r.warnings };
    }
    if (this.#rows === 0) {
      // No row yet: the header and what is left as one whole read, its warnings with it.
      const r = this.#whole(text);
      if (!r.ok) return { ...r, error: this.#inFile(r.error) };
      this.#emit(r.value, this.#before);
      return { ok: true, value: { rows: this.#rows, log: this.#log }, warnings: r.warnings };
    }
    const error = text.length === this.#from ? undefined : this.#read(text);
    this.#carry = this.#header;
    if (error !== undefined) return { ok: false, error, warnings: [] };
    const value = { rows: this.#rows, log: this.#log };
    return { ok: true, value, warnings: [...this.#warnings] };
  }

  /**
   * The carried text (the header, then whole records) read as readSigninRows reads a CSV, with
   * the separator sniffed once from the file's header.
   */
  #whole(text: string): ImportResult<SigninImport> {
    return readSigninRange(text, this.#from, Infinity, this.#separator);
  }

  /** Reads the header and the whole records that follow it. */
  #read(text: string): string | undefined {
    const part = this.#whole(text);
    if (!part.ok) return this.#inFile(part.error);
    this.#accept(part);
    return undefined;
  }

  /**
   * A CSV error of the carried text (the header and the records after #before) as the whole
   * file's: csvCursor numbers its row and line from the carried text's start.
   */
  #inFile(error: string): string {
    return error.replace(
      /^CSV row (\d+) \(line (\d+)\)/,
      (_m, row: string, line: string) =>
        `CSV row ${Number(row) + this.#before} (line ${Number(line) + this.#linesBefore})`,
    );
  }

  #accept(part: { value: SigninImport; warnings: string[] }): void {
    if (part.value.rows.length) part.warnings.forEach((w) => this.#warnings.add(w));
    this.#emit(part.value, this.#before);
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
  chunkChars = atLeastOne(chunkChars);
  if (text.length <= chunkChars || text.length > MAX_SIGNIN_TEXT || isJsonText(text))
    return readSigninRows(text, SCREENED);
  const original = text;
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
    // The reading finds where the slice ends: the first record ending at or after the target.
    const part = readSigninRange(text, start, start + chunkChars, separator);
    // A slice can only fail where the whole file fails; ask the whole file for the exact message.
    if (!part.ok) return readSigninRows(original, SCREENED);
    const slice = part.value.span!;
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
  if (rows.length === 0) return readSigninRows(original, SCREENED);
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
