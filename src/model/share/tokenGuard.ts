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

export const kindsOf = (spans: { kind: TokenKind }[]) => [...new Set(spans.map((s) => s.kind))];

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
