// The token guard's forms for big or arriving text: files' bytes before decoding, text scanned a
// slice at a time, and text that comes in pieces. Kept apart from tokenGuard.ts, which the first
// page carries for link params, so the page pays only for what it uses. Same guard: guardText.
import { findTokens, inRun, type TokenKind } from './secretScan';
import { TOKEN_MASK, guardText, kindsOf, type Guarded } from './tokenGuard';

/** Where a slice may end: at a character no token holds, so no token is cut in two. */
function sliceEnd(text: string, from: number): number {
  let i = Math.min(from, text.length);
  while (i < text.length && inRun(text, i)) i++;
  return i;
}

/**
 * guardText for big text (a 100 MB log): scanned a slice at a time, awaiting `pause` between
 * slices so the page stays responsive. Slices end between runs, so no token is cut in two.
 */
export async function guardTextInSlices(
  text: string,
  pause: () => Promise<void>,
  slice = 2 ** 20,
  onProgress?: (done: number, total: number) => void,
): Promise<Guarded<string>> {
  if (text.length <= slice) return guardText(text);
  const parts: string[] = [];
  const found = new Set<TokenKind>();
  for (let at = 0; at < text.length;) {
    const end = sliceEnd(text, at + slice);
    const g = guardText(text.slice(at, end));
    parts.push(g.value);
    g.found.forEach((k) => found.add(k));
    at = end;
    onProgress?.(at, text.length);
    if (at < text.length) await pause();
  }
  return { value: found.size ? parts.join('') : text, found: [...found] };
}

/**
 * A file's bytes with tokens replaced, before any decoding: tokens are ASCII, so the bytes are
 * read one per character (UTF-8, Windows-1252) or two per character after a UTF-16 byte order
 * mark, and only a file that holds a token is rewritten.
 */
export function guardBytes(bytes: Uint8Array): Guarded<Uint8Array> {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (le || be) {
    const label = le ? 'utf-16le' : 'utf-16be';
    const body = bytes.subarray(2, bytes.length - (bytes.length % 2));
    const g = guardText(new TextDecoder(label).decode(body));
    if (!g.found.length) return { value: bytes, found: [] };
    const out = new Uint8Array(2 + g.value.length * 2);
    out.set(bytes.subarray(0, 2));
    for (let i = 0; i < g.value.length; i++) {
      const c = g.value.charCodeAt(i);
      out[2 + 2 * i + (le ? 0 : 1)] = c & 0xff;
      out[2 + 2 * i + (le ? 1 : 0)] = c >> 8;
    }
    return { value: out, found: g.found };
  }
  const text = new TextDecoder('latin1').decode(bytes);
  const spans = findTokens(text);
  if (!spans.length) return { value: bytes, found: [] };
  const mask = new TextEncoder().encode(TOKEN_MASK);
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const s of spans) {
    parts.push(bytes.subarray(at, s.start), mask);
    at = s.end;
  }
  parts.push(bytes.subarray(at));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return { value: out, found: kindsOf(spans) };
}

/**
 * guardText for text that arrives in pieces (a log file read slice by slice): each piece is
 * guarded up to its last character no token holds, and the rest waits for the next piece, so a
 * token cut between two pieces is still found whole.
 */
export class TokenStreamGuard {
  #carry = '';
  readonly #found = new Set<TokenKind>();
  /** A carry that never meets a separator is guarded as it is beyond this (no token is so long). */
  static readonly MAX_CARRY = 1 << 16;

  get found(): TokenKind[] {
    return [...this.#found];
  }

  /** The guarded text that can be let through now. */
  push(text: string): string {
    let head = '';
    let t = text;
    if (this.#carry) {
      // The carry's run ends at the piece's first character no run holds: guarded apart, so a big
      // piece is scanned as it came, never first copied into one string with the carry.
      let end = 0;
      while (end < text.length && inRun(text, end)) end++;
      if (end < text.length) {
        head = this.#guard(this.#carry + text.slice(0, end));
        t = text.slice(end);
      } else t = this.#carry + text;
    }
    let cut = t.length;
    while (cut > 0 && inRun(t, cut - 1)) cut--;
    if (t.length - cut > TokenStreamGuard.MAX_CARRY) cut = t.length;
    this.#carry = t.slice(cut);
    return head + this.#guard(t.slice(0, cut));
  }

  /** What is left, guarded. */
  end(): string {
    const rest = this.#carry;
    this.#carry = '';
    return this.#guard(rest);
  }

  #guard(text: string): string {
    if (text === '') return text;
    const g = guardText(text);
    g.found.forEach((k) => this.#found.add(k));
    return g.value;
  }
}
