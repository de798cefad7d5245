// Output of a batch report (a million rows makes ~130 MB) written as UTF-8 bytes into one big
// buffer: each row copies a few cached cells and the row number's digits, instead of building a
// string per row, joining pieces and encoding each piece again on the way out. Pieces are handed
// on whole lines, as CliIo promises, to a byte sink when there is one (the real process) or as
// text to a text sink (tests, in-process callers).

/** Where output goes: text, and optionally the same as UTF-8 bytes (faster, skips encoding). */
export type Write = ((text: string) => void) & { bytes?: (chunk: Uint8Array) => void };

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const NL = 10;
const SPACE = 32;

/** Bytes per piece handed to the sink. */
const PIECE_BYTES = 1 << 20;

export class ByteOut {
  #buf = new Uint8Array(PIECE_BYTES + 4096);
  #view = new DataView(this.#buf.buffer);
  #pos = 0;
  readonly #write: Write;

  constructor(write: Write) {
    this.#write = write;
  }

  /** Room for n more bytes in the buffer (grown for a line longer than a piece). */
  #room(n: number): void {
    if (this.#pos + n <= this.#buf.length) return;
    const grown = new Uint8Array(Math.max(this.#buf.length * 2, this.#pos + n));
    grown.set(this.#buf.subarray(0, this.#pos));
    this.#buf = grown;
    this.#view = new DataView(grown.buffer);
  }

  /** Appends text as UTF-8 (an ASCII loop; the encoder for the rest of a string past ASCII). */
  text(s: string): void {
    const n = s.length;
    this.#room(n * 3);
    const b = this.#buf;
    let p = this.#pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        p += encoder.encodeInto(i === 0 ? s : s.slice(i), b.subarray(p)).written;
        break;
      }
      b[p++] = c;
    }
    this.#pos = p;
  }

  /** Appends bytes made once (a cell repeated on many rows). */
  bytes(u: Uint8Array): void {
    this.#room(u.length);
    this.#buf.set(u, this.#pos);
    this.#pos += u.length;
  }

  /**
   * Appends src[start, start + n) (a cell kept in a CellArena; `view` is a DataView of src's
   * buffer): four bytes at a time, which measured twice as fast as a byte loop or set() of a
   * subarray for cells of 20-40 bytes.
   */
  range(src: Uint8Array, view: DataView, start: number, n: number): void {
    this.#room(n);
    const b = this.#buf;
    const out = this.#view;
    const p = this.#pos;
    let k = 0;
    for (; k + 4 <= n; k += 4) out.setUint32(p + k, view.getUint32(start + k, true), true);
    for (; k < n; k++) b[p + k] = src[start + k]!;
    this.#pos = p + n;
  }

  /**
   * Appends a non-negative integer's digits, padded with spaces to `width` characters, after
   * `indent` spaces.
   */
  int(v: number, width = 0, indent = 0): void {
    this.#room(Math.max(width, 16) + indent);
    const b = this.#buf;
    for (let k = 0; k < indent; k++) b[this.#pos++] = SPACE;
    let p = this.#pos;
    if (v < 0x80000000) {
      // Row numbers: integer steps, no function per digit.
      let digits = 1;
      for (let x = v; x >= 10; x = (x / 10) | 0) digits++;
      const end = p + digits;
      let x = v;
      let at = end;
      do {
        const q = (x / 10) | 0;
        b[--at] = 48 + (x - q * 10);
        x = q;
      } while (x > 0);
      p = end;
      for (let k = digits; k < width; k++) b[p++] = SPACE;
      this.#pos = p;
      return;
    }
    let digits = 1;
    for (let x = v; x >= 10; x = Math.floor(x / 10)) digits++;
    p += digits;
    const end = p;
    let x = v;
    do {
      const q = Math.floor(x / 10);
      b[--p] = 48 + (x - q * 10);
      x = q;
    } while (x > 0);
    p = end;
    for (let k = digits; k < width; k++) b[p++] = SPACE;
    this.#pos = p;
  }

  /** Ends a line; the buffer goes to the sink once it holds a piece. */
  line(): void {
    this.#room(1);
    this.#buf[this.#pos++] = NL;
    if (this.#pos >= PIECE_BYTES) this.flush();
  }

  /** A place where a piece may end (after a whole record): the buffer goes out if it is full. */
  mark(): void {
    if (this.#pos >= PIECE_BYTES) this.flush();
  }

  /** Hands what is buffered to the sink (call at the end, after a line break). */
  flush(): void {
    if (this.#pos === 0) return;
    const chunk = this.#buf.subarray(0, this.#pos);
    // The sink may keep the chunk (a pipe writes later): the next piece gets a new buffer.
    this.#buf = new Uint8Array(this.#buf.length);
    this.#view = new DataView(this.#buf.buffer);
    this.#pos = 0;
    if (this.#write.bytes) this.#write.bytes(chunk);
    else this.#write(decoder.decode(chunk));
  }
}

/** The UTF-8 bytes of a text, for a cell written on many rows. */
export const utf8 = (text: string): Uint8Array => encoder.encode(text);

/**
 * One cell of output per entry (an IP, a user), made on first use and kept as UTF-8 in one
 * growing buffer: a log of a million distinct addresses keeps a million cells in a few dozen MB,
 * not a million small arrays.
 */
export class CellArena {
  #bytes = new Uint8Array(1 << 16);
  #view = new DataView(this.#bytes.buffer);
  #used = 0;
  /**
   * Entry i's start at 2i (-1 until made) and its length at 2i + 1, side by side: a million
   * addresses' entries outgrow the cache, and one array costs a row one miss instead of two.
   */
  readonly #at: Int32Array;
  readonly #make: (i: number) => string;

  /** `n` entries; `make(i)` gives entry i's cell text. */
  constructor(n: number, make: (i: number) => string) {
    this.#at = new Int32Array(2 * n).fill(-1);
    this.#make = make;
  }

  write(out: ByteOut, i: number): void {
    const at = this.#at;
    let start = at[2 * i]!;
    if (start < 0) {
      const text = this.#make(i);
      const need = this.#used + text.length * 3;
      if (need > this.#bytes.length) {
        const grown = new Uint8Array(Math.max(need, this.#bytes.length * 2));
        grown.set(this.#bytes.subarray(0, this.#used));
        this.#bytes = grown;
        this.#view = new DataView(grown.buffer);
      }
      start = this.#used;
      const n = encoder.encodeInto(text, this.#bytes.subarray(start)).written;
      this.#used += n;
      at[2 * i] = start;
      at[2 * i + 1] = n;
    }
    out.range(this.#bytes, this.#view, start, at[2 * i + 1]!);
  }
}
