// Steps through CSV text one record at a time without building arrays per record: unquoted fields
// are kept as offsets into the text and only sliced when asked for. The CSV rules are csv.ts's
// (parseCsv is built on this), so a reader that takes a few columns of a big file pays for those.

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const SEMICOLON = 59;

const TAB = 9;

/**
 * The field separator of a CSV, sniffed from its header line: a comma, a semicolon (Excel writes
 * `;` where the comma is the decimal mark) or a tab (.tsv, Excel's "Unicode text"), whichever the
 * first record has most of outside quotes; a comma when there is none.
 */
/** Excel's separator hint, a first line `sep=;` (Excel hides it; it is not the header). */
const SEP_HINT = /^\uFEFF?sep=[^\r\n]?(?:\r\n|\n|\r)/i;

/**
 * The text without Excel's `sep=` first line, so the header is the first record and rows are
 * numbered as Excel shows them; the separator is then sniffed from the header as usual.
 */
export function withoutSepHint(text: string): string {
  const m =
    text.charCodeAt(0) === 0x73 || text.charCodeAt(0) === 0x53 || text.charCodeAt(0) === 0xfeff
      ? SEP_HINT.exec(text.slice(0, 16))
      : null;
  return m ? text.slice(m[0].length) : text;
}

export function detectSeparator(text: string): number {
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  let quoted = false;
  // As the reader has it, a quote opens a quoted field only at a field's start (the text's, or
  // after a separator, whichever it is); any other quote is text. So the count stops where the
  // header's record ends, and does not run on into the rows after a stray quote (which made the
  // separator depend on the rows, and so differ between a whole read and a slice's).
  let fieldStart = true;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else quoted = false;
      }
      continue;
    }
    const atStart = fieldStart;
    fieldStart = c === COMMA || c === SEMICOLON || c === TAB;
    if (c === QUOTE) quoted = atStart;
    else if (c === COMMA) commas++;
    else if (c === SEMICOLON) semicolons++;
    else if (c === TAB) tabs++;
    else if (c === LF || c === CR) break;
  }
  if (tabs > commas && tabs > semicolons) return TAB;
  return semicolons > commas ? SEMICOLON : COMMA;
}

/** Where `what` next occurs in text from i, or text.length. */
const find = (text: string, what: string, i: number): number => {
  const at = text.indexOf(what, i);
  return at < 0 ? text.length : at;
};

const countLines = (text: string, from: number, to: number): number => {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

export class CsvCursor {
  /** Fields in the current record. */
  count = 0;
  /** Records read so far, the current one included. */
  records = 0;
  /** Why reading stopped early (a quoted field is never closed), if it did. */
  error: string | undefined;
  private readonly text: string;
  /** The separator's character code (a comma, a semicolon or a tab). */
  readonly separator: number;
  private pos: number;
  private readonly sepText: string;
  // Where the next separator, LF and CR are at or after the reading position (text.length when
  // there is none), or before it once passed.
  private nextSep = -1;
  private nextLf = -1;
  private nextCr = -1;
  private line = 1;
  private done: boolean;
  // Per field of the current record: [start, end) in the text, or end -1 and the unquoted value.
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly values: string[] = [];

  constructor(text: string, separator = detectSeparator(text)) {
    this.text = text;
    this.separator = separator;
    this.sepText = String.fromCharCode(separator);
    this.pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.done = this.pos >= text.length;
  }

  /** Where the next record starts. */
  get at(): number {
    return this.pos;
  }

  /** The line the next record starts on (1 for the first; a quoted line break counts). */
  get atLine(): number {
    return this.line;
  }

  /**
   * Goes on reading at `pos`, which must be the start of a record at or after the reading
   * position (a slice of a large file, found with the same rules, read where it lies).
   */
  skipTo(pos: number): void {
    if (pos < this.pos) throw new Error('CsvCursor.skipTo: only forward');
    this.pos = pos;
    this.done = pos >= this.text.length;
  }

  /** Moves to the next record; false at the end of the text or on an error. */
  next(): boolean {
    if (this.done) return false;
    const { text, starts, ends, separator } = this;
    const n = text.length;
    let i = this.pos;
    let k = 0;
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        const end = this.quoted(i, k);
        if (end < 0) return false;
        i = end;
      } else {
        // The field ends at the nearest separator or line break, each found with indexOf (a
        // native scan) and kept until the reading passes it.
        if (this.nextSep < i) this.nextSep = find(text, this.sepText, i);
        if (this.nextLf < i) this.nextLf = find(text, '\n', i);
        if (this.nextCr < i) this.nextCr = find(text, '\r', i);
        starts[k] = i;
        i = Math.min(this.nextSep, this.nextLf, this.nextCr);
        ends[k] = i;
      }
      k++;
      if (i >= n) {
        this.done = true;
        break;
      }
      const c = text.charCodeAt(i);
      if (c === separator) {
        i++;
        continue;
      }
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      this.line++;
      if (i >= n) this.done = true;
      break;
    }
    this.count = k;
    this.records++;
    this.pos = i;
    return true;
  }

  /** Reads the quoted field opening at i as field k; where it ends, or -1 if it never closes. */
  private quoted(i: number, k: number): number {
    const text = this.text;
    const n = text.length;
    const openedAt = this.line;
    let field = '';
    let j = i + 1;
    for (;;) {
      const q = text.indexOf('"', j);
      if (q === -1) {
        this.error = `CSV row ${this.records + 1} (line ${openedAt}): a quoted field is never closed`;
        this.done = true;
        return -1;
      }
      field += text.slice(j, q);
      this.line += countLines(text, j, q);
      if (text.charCodeAt(q + 1) === QUOTE) {
        field += '"';
        j = q + 2;
      } else {
        i = q + 1;
        break;
      }
    }
    // Text between the closing quote and the next separator is kept, as spreadsheets do.
    const start = i;
    const separator = this.separator;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === separator || c === LF || c === CR) break;
    }
    this.values[k] = field + text.slice(start, i);
    this.ends[k] = -1;
    return i;
  }

  /** Field k of the current record (k < count). */
  field(k: number): string {
    const end = this.ends[k]!;
    return end < 0 ? this.values[k]! : this.text.slice(this.starts[k], end);
  }

  /** Field k trimmed, or undefined when it is missing or blank. */
  cell(k: number | undefined): string | undefined {
    if (k === undefined || k >= this.count) return undefined;
    const end = this.ends[k]!;
    if (end >= 0) {
      // Printable ASCII is never whitespace: a field that starts and ends with it is its own
      // trimmed text, sliced once (most cells of a log), with no trim() of a slice.
      const start = this.starts[k]!;
      if (start === end) return undefined;
      const text = this.text;
      const a = text.charCodeAt(start);
      const b = text.charCodeAt(end - 1);
      if (a > 32 && a < 127 && b > 32 && b < 127) return text.slice(start, end);
    }
    const v = this.field(k).trim();
    return v === '' ? undefined : v;
  }

  /** Every field of the current record. */
  fields(): string[] {
    const out = new Array<string>(this.count);
    for (let k = 0; k < this.count; k++) out[k] = this.field(k);
    return out;
  }

  /** Whether every field of the current record is blank once trimmed. */
  isBlank(): boolean {
    for (let k = 0; k < this.count; k++) {
      const end = this.ends[k]!;
      if (end >= 0) {
        const start = this.starts[k]!;
        if (start === end) continue;
        // Printable ASCII is never whitespace: most records are decided by one character.
        const c = this.text.charCodeAt(start);
        if (c > 32 && c < 127) return false;
      }
      if (this.field(k).trim() !== '') return false;
    }
    return true;
  }
}
