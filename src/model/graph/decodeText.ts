// Turns a file's bytes into text the way real exports are written: UTF-8 with or without a byte
// order mark, UTF-16 (little or big endian) with one, as Windows PowerShell's Out-File and Excel's
// "Unicode text" write, or Windows-1252 (what Western Excel saves as "CSV"), read with a notice.
// A binary file gets a short message. One decoder for the browser and the command line, whole or
// piece by piece, so both read a file alike.
import type { Result } from '../ip/result';

export type TextEncodingName =
  'UTF-8' | 'UTF-8 with BOM' | 'UTF-16 LE' | 'UTF-16 BE' | 'Windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Something the reader should know about how the text was read (a guessed encoding). */
  notice?: string;
}

const SAVE_AS = 'save it as UTF-8 (or UTF-16 with a byte order mark) and try again';
export const BINARY = 'a binary file, not text';
export const WINDOWS_1252_NOTICE =
  'not UTF-8, so it was read as Windows-1252 (Western Excel\'s "CSV"); if accented letters look wrong, save it as "CSV UTF-8" and load it again';

type Label = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** How the bytes will be read: the encoding, its decoder label and the BOM's length. */
interface Sniffed {
  encoding: TextEncodingName;
  label: Label;
  bom: number;
}

/** Bytes looked at to tell the encoding when there is no byte order mark. */
const SNIFF_BYTES = 1 << 20;

/** NUL bytes at even or odd offsets in the first bytes: UTF-16 text that lost its BOM. */
function utf16WithoutBom(bytes: Uint8Array): 'LE' | 'BE' | undefined {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const half = n / 4;
  if (odd > half && even === 0) return 'LE';
  if (even > half && odd === 0) return 'BE';
  return undefined;
}

/** Whether `bytes` (not UTF-8) is a binary file rather than single-byte text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    // C0 controls but tab, LF, CR, FF; DEL; and the five bytes Windows-1252 leaves undefined.
    if (
      (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) ||
      b === 0x7f ||
      b === 0x81 ||
      b === 0x8d ||
      b === 0x8f ||
      b === 0x90 ||
      b === 0x9d
    )
      controls++;
  }
  // Text written by a person or a spreadsheet has next to none of them.
  return controls > 0 && controls * 200 > n;
}

function validUtf8Start(bytes: Uint8Array, upTo: number, more: boolean): boolean {
  try {
    // A character cut at the end of a sample is not an error; at the end of the file it is.
    const stream = more || bytes.length > upTo;
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, upTo), { stream });
    return true;
  } catch {
    return false;
  }
}

/**
 * The encoding of a file from its first bytes (`upTo` of them are checked as UTF-8; `more`: the
 * file goes on after `head`).
 */
function sniff(head: Uint8Array, upTo: number, more: boolean): Result<Sniffed> {
  const [b0, b1, b2, b3] = head;
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe))
    return { ok: false, error: `UTF-32 text is not supported; ${SAVE_AS}` };
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf)
    return { ok: true, value: { encoding: 'UTF-8 with BOM', label: 'utf-8', bom: 3 } };
  if (b0 === 0xff && b1 === 0xfe)
    return { ok: true, value: { encoding: 'UTF-16 LE', label: 'utf-16le', bom: 2 } };
  if (b0 === 0xfe && b1 === 0xff)
    return { ok: true, value: { encoding: 'UTF-16 BE', label: 'utf-16be', bom: 2 } };
  const lost = utf16WithoutBom(head);
  if (lost)
    return {
      ok: false,
      error: `looks like UTF-16 ${lost} text without a byte order mark; ${SAVE_AS}`,
    };
  if (validUtf8Start(head, upTo, more))
    return { ok: true, value: { encoding: 'UTF-8', label: 'utf-8', bom: 0 } };
  if (looksBinary(head)) return { ok: false, error: BINARY };
  return { ok: true, value: { encoding: 'Windows-1252', label: 'windows-1252', bom: 0 } };
}

/**
 * How many bytes at the end of `bytes` begin a UTF-8 character that the next piece may complete
 * (0–3): a lead byte and the continuation bytes it may take, as a streaming decoder holds them
 * back (WHATWG's ranges: after E0 only A0–BF, after ED 80–9F, after F0 90–BF, after F4 80–8F).
 * Anything else (complete, or already wrong) is decoded now, so an error is found where it was.
 */
function utf8Cut(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const lead = bytes[n - k]!;
    if ((lead & 0xc0) === 0x80) continue;
    const length = lead < 0xc2 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : lead < 0xf5 ? 4 : 1;
    if (length <= k) return 0;
    const second = bytes[n - k + 1];
    if (second === undefined) return k;
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    return second >= low && second <= high ? k : 0;
  }
  return 0;
}

/**
 * Decodes a file piece by piece (a log of any size): the encoding is told from the first piece,
 * then every piece is checked (a UTF-8 file must stay UTF-8; text holds no NUL).
 */
export class TextStreamDecoder {
  #decoder: TextDecoder | undefined;
  /** The start of a UTF-8 character cut at the end of the last piece. */
  #cut = new Uint8Array(0);
  #sniffed: Sniffed | undefined;
  #bytes = 0;
  #odd = false;
  readonly #sniffBytes: number;

  readonly #whole: boolean;

  /**
   * `sniffBytes`: how much of the first piece must be UTF-8 for the file to be read as UTF-8;
   * `whole`: the first piece is the whole file.
   */
  constructor(sniffBytes = SNIFF_BYTES, whole = false) {
    this.#sniffBytes = sniffBytes;
    this.#whole = whole;
  }

  get encoding(): TextEncodingName | undefined {
    return this.#sniffed?.encoding;
  }

  get notice(): string | undefined {
    return this.#sniffed?.label === 'windows-1252' ? WINDOWS_1252_NOTICE : undefined;
  }

  /** The text of the next piece; the first piece should hold the file's first bytes (a MB). */
  push(bytes: Uint8Array): Result<string> {
    let body = bytes;
    if (!this.#sniffed) {
      const s = sniff(bytes, this.#sniffBytes, !this.#whole);
      if (!s.ok) return s;
      this.#sniffed = s.value;
      // ignoreBOM: keep a second BOM in the text rather than silently eat it; ours is cut here.
      this.#decoder = new TextDecoder(s.value.label, { fatal: true, ignoreBOM: true });
      body = bytes.subarray(s.value.bom);
    }
    this.#odd = (this.#odd ? 1 : 0) + (body.length % 2) === 1;
    return this.#decode(body, true);
  }

  /** What is left (a character cut at the very end is an error). */
  end(): Result<string> {
    if (!this.#sniffed) return { ok: true, value: '' };
    if (this.#sniffed.label.startsWith('utf-16') && this.#odd)
      return {
        ok: false,
        error: `${this.#sniffed.encoding} text with an odd number of bytes: the file is cut short`,
      };
    return this.#decode(new Uint8Array(0), false);
  }

  #decode(bytes: Uint8Array, stream: boolean): Result<string> {
    const s = this.#sniffed!;
    let text: string;
    try {
      text =
        s.label === 'utf-8' ? this.#utf8(bytes, stream) : this.#decoder!.decode(bytes, { stream });
    } catch {
      const where = this.#bytes ? ` after byte ${this.#bytes}` : '';
      return {
        ok: false,
        error:
          s.label === 'utf-8'
            ? `not UTF-8 text${where} (another encoding, such as Windows-1252?); ${SAVE_AS}`
            : `not valid ${s.encoding} text${where} (a broken surrogate pair); ${SAVE_AS}`,
      };
    }
    this.#bytes += bytes.length;
    if (text.includes('\u0000')) return { ok: false, error: BINARY };
    return { ok: true, value: text };
  }

  /**
   * UTF-8 a piece at a time, each decoded whole up to a character cut at its end, which waits for
   * the next piece: the same text and errors as a streaming decode, but Node decodes a whole
   * buffer natively and a stream through ICU, five times slower (0.24 s for a 91 MB log).
   */
  #utf8(bytes: Uint8Array, stream: boolean): string {
    let all = bytes;
    if (this.#cut.length) {
      all = new Uint8Array(this.#cut.length + bytes.length);
      all.set(this.#cut);
      all.set(bytes, this.#cut.length);
    }
    const keep = stream ? utf8Cut(all) : 0;
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const text = decoder.decode(all.subarray(0, all.length - keep));
    this.#cut = all.slice(all.length - keep);
    return text;
  }
}

/** The text of `bytes` and the encoding it was read as, or why it is not text we can read. */
export function decodeText(bytes: Uint8Array): Result<DecodedText> {
  // Most files are UTF-8 without a BOM: one pass (a 100 MB log is decoded once, not twice).
  const [b0, b1] = bytes;
  if (b0 !== 0xef && b0 !== 0xff && b0 !== 0xfe && !(b0 === 0 || b1 === 0)) {
    try {
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
      if (text.includes('\u0000')) return { ok: false, error: BINARY };
      return { ok: true, value: { text, encoding: 'UTF-8' } };
    } catch {
      // not UTF-8: the sniffing below says what it is
    }
  }
  // The whole file is at hand: one bad byte anywhere makes it Windows-1252, not an error.
  const d = new TextStreamDecoder(Infinity, true);
  const body = d.push(bytes);
  if (!body.ok) return body;
  const rest = d.end();
  if (!rest.ok) return rest;
  const value: DecodedText = { text: body.value + rest.value, encoding: d.encoding ?? 'UTF-8' };
  if (d.notice) value.notice = d.notice;
  return { ok: true, value };
}

/** Text that arrived as text (a paste): only a leading BOM and NUL characters need care. */
export function checkPastedText(text: string): Result<string> {
  if (text.slice(0, 4096).includes('\u0000')) return { ok: false, error: BINARY };
  return { ok: true, value: text.replace(/^\uFEFF/, '') };
}
