// Spots strings that look like real credentials, so the app can warn ("never paste real tokens")
// and refuse to keep them. Conservative on purpose: a false alarm costs a notice, a miss leaks.
//
// Shapes recognised:
// - Azure DevOps PAT, legacy: 52 characters of lowercase base32 ([a-z2-7]).
// - Azure DevOps PAT, 2024 format (84 characters): 52 random characters, the Microsoft
//   "common annotated security key" signature JQQJ at offset 52 and AZDO at offset 76.
// - Any other 84-character key with the JQQJ signature (other Microsoft services).
// - Generic: a run of 40+ base64/base64url characters with high entropy that mixes letters and
//   digits and is not plain hex (hashes and GUID-like ids are not secrets in this app).

export type TokenKind = 'ado-pat-legacy' | 'ado-pat' | 'ms-annotated-key' | 'high-entropy';

export interface TokenSpan {
  start: number;
  end: number;
  kind: TokenKind;
}

/** Runs of token characters, bounded by anything that cannot be part of a token. */
const RUN = /[A-Za-z0-9+/_-]{40,}={0,2}/g;
const LEGACY = /^[a-z2-7]{52}$/;
const ANNOTATED = /^[A-Za-z0-9]{52}JQQJ[A-Za-z0-9]{28}$/;

/** Shannon entropy in bits per character. */
export function entropy(text: string): number {
  if (!text) return 0;
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

function classify(run: string): TokenKind | undefined {
  if (LEGACY.test(run) && entropy(run) >= 3.5) return 'ado-pat-legacy';
  if (ANNOTATED.test(run)) return run.slice(76, 80) === 'AZDO' ? 'ado-pat' : 'ms-annotated-key';
  const core = run.replace(/=+$/, '');
  if (core.length < 40 || /^[0-9a-fA-F]+$/.test(core)) return undefined;
  // Random base64 of 30+ bytes nearly always mixes all three; words, slugs and paths rarely do.
  if (!/[0-9]/.test(core) || !/[a-z]/.test(core) || !/[A-Z]/.test(core)) return undefined;
  return entropy(core) >= 4.2 ? 'high-entropy' : undefined;
}

/** Every token-looking span in `text`, in order. */
export function findTokens(text: string): TokenSpan[] {
  const spans: TokenSpan[] = [];
  for (const m of String(text).matchAll(RUN)) {
    const kind = classify(m[0]);
    if (kind) spans.push({ start: m.index, end: m.index + m[0].length, kind });
  }
  return spans;
}

export function looksLikeToken(text: string): boolean {
  return findTokens(text).length > 0;
}

/** `text` with every token-looking span replaced, for anything that must be kept or shown. */
export function redactTokens(text: string, mask = '[token removed]'): string {
  let out = '';
  let at = 0;
  for (const s of findTokens(text)) {
    out += text.slice(at, s.start) + mask;
    at = s.end;
  }
  return out + text.slice(at);
}

/** True when any string anywhere inside a JSON-like value looks like a token. */
export function containsToken(value: unknown, depth = 0): boolean {
  if (depth > 32) return false;
  if (typeof value === 'string') return looksLikeToken(value);
  if (Array.isArray(value)) return value.some((v) => containsToken(v, depth + 1));
  if (value && typeof value === 'object')
    return Object.entries(value).some(([k, v]) => looksLikeToken(k) || containsToken(v, depth + 1));
  return false;
}
