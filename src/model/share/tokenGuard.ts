// The one token guard every way in goes through (typed, pasted, dropped, picked files, link
// params, LMS values) before anything is shown, stored, linked or downloaded. It replaces what
// secretScan finds with a mask and says which kinds it removed, never the token itself.
import { findTokens, holdsTokenPrefix, type ScanOptions, type TokenKind } from './secretScan';

export const TOKEN_MASK = '[token removed]';

/** What an importer says when it replaced a token in what it was given (never the token itself). */
export const TOKEN_REMOVED_WARNING = `holds something that looks like a real access token: it was replaced by "${TOKEN_MASK}" and not kept (PAT Fence needs no real tokens)`;

export interface Guarded<T> {
  value: T;
  /** The kinds of token removed, once each; empty when nothing was. */
  found: TokenKind[];
}

const kindsOf = (spans: { kind: TokenKind }[]) => [...new Set(spans.map((s) => s.kind))];

/** `text` with every token replaced by the mask. */
export function guardText(text: string, options?: ScanOptions): Guarded<string> {
  const t = String(text ?? '');
  const spans = findTokens(t, options);
  if (!spans.length) return { value: t, found: [] };
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += t.slice(at, s.start) + TOKEN_MASK;
    at = s.end;
  }
  return { value: out + t.slice(at), found: kindsOf(spans) };
}

const RUN_CHAR = /[A-Za-z0-9+/=]/;

/** Where a slice may end: at a character no token holds, so no token is cut in two. */
function sliceEnd(text: string, from: number): number {
  let i = Math.min(from, text.length);
  while (i < text.length && RUN_CHAR.test(text[i]!)) i++;
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

const MAX_DEPTH = 64;

/** A copy of a JSON-like value with every token in a string or a key replaced by the mask. */
export function guardValue<T>(value: T): Guarded<T> {
  const found = new Set<TokenKind>();
  const text = (s: string) => {
    const g = guardText(s);
    g.found.forEach((k) => found.add(k));
    return g.value;
  };
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return text(v);
    if (depth > MAX_DEPTH || v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[text(k)] = walk(x, depth + 1);
    return out;
  };
  const out = walk(value, 0) as T;
  return found.size ? { value: out, found: [...found] } : { value, found: [] };
}

/**
 * Link params without any that holds a token (name or value), and the names of those removed. Only
 * token shapes count here, not generic high entropy: the app's own state is base64url.
 */
export function guardParams(params: URLSearchParams): {
  params: URLSearchParams;
  removed: string[];
} {
  const removed: string[] = [];
  const kept: [string, string][] = [];
  for (const [k, v] of params) {
    if (findTokens(k, { generic: false }).length || findTokens(v, { generic: false }).length)
      removed.push(findTokens(k, { generic: false }).length ? TOKEN_MASK : k);
    else kept.push([k, v]);
  }
  return { params: removed.length ? new URLSearchParams(kept) : params, removed };
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

/** How far either side of an edit a token touching it can reach (the longest shape is 84). */
const REACH = 100;

/**
 * The part of `after` an edit of `before` touched, widened by a token's length on both sides, so a
 * keystroke in a 20 MB text scans a few hundred characters, not the whole text. `caret` is where
 * the edit ended (the field's selectionEnd). Undefined when the edit is not a single splice there.
 */
export function editWindow(
  before: string,
  after: string,
  caret: number,
): [number, number] | undefined {
  const tail = after.length - caret;
  const start = caret - Math.max(0, after.length - before.length);
  if (start < 0 || tail < 0 || tail > before.length) return undefined;
  if (after.slice(0, start) !== before.slice(0, start)) return undefined;
  if (after.slice(caret) !== before.slice(before.length - tail)) return undefined;
  return [Math.max(0, start - REACH), Math.min(after.length, caret + REACH)];
}

/** What to do with a field's new text: keep it, hold it back (a token may be being typed), or clean it. */
export type TypedVerdict =
  { action: 'keep' } | { action: 'hold' } | { action: 'clean'; value: string; found: TokenKind[] };

/**
 * The guard for typing: `before` is the field's last clean text (or undefined when unknown). Only
 * the edited part is scanned when the edit is a single splice at the caret.
 */
export function guardTyped(before: string | undefined, after: string, caret: number): TypedVerdict {
  const w = before === undefined ? undefined : editWindow(before, after, caret);
  const part = w ? after.slice(w[0], w[1]) : after;
  if (findTokens(part).length) {
    const g = guardText(after);
    if (g.found.length) return { action: 'clean', value: g.value, found: g.found };
  }
  return holdsTokenPrefix(part, caret - (w ? w[0] : 0)) ? { action: 'hold' } : { action: 'keep' };
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
    const t = this.#carry + text;
    let cut = t.length;
    while (cut > 0 && RUN_CHAR.test(t[cut - 1]!)) cut--;
    if (t.length - cut > TokenStreamGuard.MAX_CARRY) cut = t.length;
    this.#carry = t.slice(cut);
    return this.#guard(t.slice(0, cut));
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
