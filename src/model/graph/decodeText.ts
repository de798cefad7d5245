// Turns a file's bytes into text the way real exports are written: UTF-8 with or without a byte
// order mark, or UTF-16 (little or big endian) with one, as Windows PowerShell's Out-File writes.
// Anything else gets a message that says what the bytes look like. One decoder for the browser
// and the command line, so both read a file alike.
import type { Result } from '../ip/result';

export type TextEncodingName = 'UTF-8' | 'UTF-8 with BOM' | 'UTF-16 LE' | 'UTF-16 BE';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const SAVE_AS = 'save it as UTF-8 (or UTF-16 with a byte order mark) and try again';

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

function decode(bytes: Uint8Array, label: 'utf-8' | 'utf-16le' | 'utf-16be'): string | undefined {
  try {
    // ignoreBOM: keep a BOM in the text so that a second BOM is not silently eaten; we strip ours.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The text of `bytes` and the encoding it was read as, or why it is not text we can read. */
export function decodeText(bytes: Uint8Array): Result<DecodedText> {
  const [b0, b1, b2, b3] = bytes;
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe))
    return { ok: false, error: `UTF-32 text is not supported; ${SAVE_AS}` };
  let encoding: TextEncodingName = 'UTF-8';
  let body = bytes;
  let label: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    encoding = 'UTF-8 with BOM';
    body = bytes.subarray(3);
  } else if (b0 === 0xff && b1 === 0xfe) {
    [encoding, label, body] = ['UTF-16 LE', 'utf-16le', bytes.subarray(2)];
  } else if (b0 === 0xfe && b1 === 0xff) {
    [encoding, label, body] = ['UTF-16 BE', 'utf-16be', bytes.subarray(2)];
  } else {
    const lost = utf16WithoutBom(bytes);
    if (lost)
      return {
        ok: false,
        error: `looks like UTF-16 ${lost} text without a byte order mark; ${SAVE_AS}`,
      };
  }
  if (label !== 'utf-8' && body.length % 2 === 1)
    return {
      ok: false,
      error: `${encoding} text with an odd number of bytes: the file is cut short`,
    };
  const text = decode(body, label);
  if (text === undefined && label !== 'utf-8')
    return { ok: false, error: `not valid ${encoding} text (a broken surrogate pair); ${SAVE_AS}` };
  if (text === undefined || text.includes('\u0000')) {
    return {
      ok: false,
      error:
        text !== undefined || bytes.includes(0)
          ? 'a binary file, not text'
          : `not UTF-8 text (another encoding, such as Windows-1252?); ${SAVE_AS}`,
    };
  }
  return { ok: true, value: { text, encoding } };
}

/** Text that arrived as text (a paste): only a leading BOM and NUL characters need care. */
export function checkPastedText(text: string): Result<string> {
  if (text.slice(0, 4096).includes('\u0000'))
    return { ok: false, error: 'a binary file, not text' };
  return { ok: true, value: text.replace(/^\uFEFF/, '') };
}
