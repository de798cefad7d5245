// Spots strings that look like real credentials, so the app can warn ("never paste real tokens")
// and refuse to keep them. Detection is by token-shaped runs wherever they sit, so a token with a
// character stuck to it (PAT+"x") is still found; words joined by - _ . @ are never one run.
//
// Shapes recognised:
// - Azure DevOps PAT, legacy: 52 characters of lowercase base32 ([a-z2-7]); any run of 52 or more.
// - Azure DevOps PAT, current format: 84 characters of [A-Za-z0-9] with the fixed signature AZDO at
//   offsets 76–79 (Microsoft Purview's "Azure DevOps personal access token" definition).
// - Any other 84-character Microsoft annotated key (JQQJ at offset 52).
// - Generic: a run of 40+ base64 characters, with padding, that looks random (mixed case about
//   half and half, digits, high entropy) and is not hex or a path.
// One pass over the text: a 20 MB paste is scanned in tens of milliseconds, never per keystroke.

export type TokenKind = 'ado-pat-legacy' | 'ado-pat' | 'ms-annotated-key' | 'high-entropy';

export interface TokenSpan {
  start: number;
  end: number;
  kind: TokenKind;
}

export interface ScanOptions {
  /** Also flag generic high-entropy base64 runs (off for link params, whose own state is base64url). */
  generic?: boolean;
}

const LEGACY_LENGTH = 52;
const PAT_LENGTH = 84;
const GENERIC_MIN = 40;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const isAlnum = (c: number) => isDigit(c) || isUpper(c) || isLower(c);
const isBase32 = (c: number) => isLower(c) || (c >= 50 && c <= 55);
/** + and / of base64; = only as padding at the end. */
const isBase64 = (c: number) => isAlnum(c) || c === 43 || c === 47;

/** Shannon entropy in bits per character. */
export function entropy(text: string): number {
  if (!text) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Maximal sub-runs of `member` characters in text[start, end), at least `min` long. */
function* subRuns(
  text: string,
  start: number,
  end: number,
  member: (c: number) => boolean,
  min: number,
) {
  let s = -1;
  for (let i = start; i <= end; i++) {
    const inside = i < end && member(text.charCodeAt(i));
    if (inside && s < 0) s = i;
    else if (!inside && s >= 0) {
      if (i - s >= min) yield [s, i] as const;
      s = -1;
    }
  }
}

/** Random base32 has digits and near-uniform letters; words and repeated letters do not. */
function legacyLike(run: string): boolean {
  return /[2-7]/.test(run) ? entropy(run) >= 3.5 : entropy(run) >= 4.4;
}

/** True when `run`, read as base64 at any alignment, is mostly printable text (encoded JSON). */
function encodesText(run: string): boolean {
  for (let skip = 0; skip < 4; skip++) {
    const body = run.slice(skip, skip + ((run.length - skip) & ~3));
    let binary: string;
    try {
      binary = atob(body);
    } catch {
      continue;
    }
    let printable = 0;
    for (let i = 0; i < binary.length; i++) {
      const c = binary.charCodeAt(i);
      if ((c >= 32 && c < 127) || c === 9 || c === 10 || c === 13) printable++;
    }
    if (binary.length && printable / binary.length >= 0.9) return true;
  }
  return false;
}

/**
 * Random base64 mixes cases about evenly, has digits and few long lowercase runs; CamelCase names,
 * paths and base64 of text (the app's own link state) do not look like that.
 */
function randomBase64(run: string): boolean {
  const core = run.replace(/=+$/, '');
  if (core.length < GENERIC_MIN || /^[0-9a-fA-F]+$/.test(core)) return false;
  let upper = 0;
  let lower = 0;
  let digits = 0;
  let wordy = 0;
  for (let i = 0, streak = 0; i <= core.length; i++) {
    const c = i < core.length ? core.charCodeAt(i) : 0;
    if (isUpper(c)) upper++;
    else if (isLower(c)) lower++;
    else if (isDigit(c)) digits++;
    if (isLower(c)) streak++;
    else {
      if (streak >= 4) wordy += streak;
      streak = 0;
    }
  }
  const share = upper / (upper + lower || 1);
  if (digits < 1 || share < 0.25 || share > 0.75 || wordy / core.length > 0.4) return false;
  // A sample is enough to tell, and keeps a 20 MB run of random text linear.
  const sample = core.slice(0, 1024);
  return entropy(sample) >= 4.3 && !encodesText(sample);
}

/** What one pass learnt about a run, so that most runs need no second look. */
interface RunStats {
  upper: number;
  lower: number;
  digits: number;
  /** The longest stretch of base32 characters in it. */
  base32: number;
}

function scanRun(
  text: string,
  start: number,
  end: number,
  st: RunStats,
  generic: boolean,
  out: TokenSpan[],
) {
  const found: TokenSpan[] = [];
  if (st.base32 >= LEGACY_LENGTH)
    for (const [s, e] of subRuns(text, start, end, isBase32, LEGACY_LENGTH))
      if (legacyLike(text.slice(s, e))) found.push({ start: s, end: e, kind: 'ado-pat-legacy' });
  const run = text.slice(start, end);
  if (end - start >= PAT_LENGTH && (run.includes('AZDO') || run.includes('JQQJ')))
    for (const [s, e] of subRuns(text, start, end, isAlnum, PAT_LENGTH)) {
      // The signature fixes where a token starts, wherever the alphanumeric run around it begins.
      const part = text.slice(s, e);
      for (
        let at = part.indexOf('AZDO', 76);
        at >= 0 && at + 8 <= part.length;
        at = part.indexOf('AZDO', at + 1)
      )
        found.push({ start: s + at - 76, end: s + at + 8, kind: 'ado-pat' });
      for (
        let at = part.indexOf('JQQJ', 52);
        at >= 0 && at + 32 <= part.length;
        at = part.indexOf('JQQJ', at + 1)
      )
        if (part.slice(at + 24, at + 28) !== 'AZDO')
          found.push({ start: s + at - 52, end: s + at + 32, kind: 'ms-annotated-key' });
    }
  if (generic && !found.length && st.upper && st.lower && st.digits)
    for (const [s, e] of subRuns(text, start, end, isBase64, GENERIC_MIN)) {
      let pad = e;
      while (pad < end && pad - e < 2 && text.charCodeAt(pad) === 61) pad++;
      if (randomBase64(text.slice(s, pad)))
        found.push({ start: s, end: pad, kind: 'high-entropy' });
    }
  // Overlapping finds (a legacy run inside an 84-character key) become one span.
  found.sort((a, b) => a.start - b.start);
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) last.end = Math.max(last.end, f.end);
    else out.push({ ...f });
  }
}

/** Whether text[i] (i inside the text) can be part of a candidate run: base64 or its padding. */
export function inRun(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return isBase64(c) || c === 61;
}

/**
 * The maximal runs of base64 characters (with =) at least 40 long, as [start, end) pairs: what
 * /(?<![A-Za-z0-9+/=])[A-Za-z0-9+/=]{40,}/g matches, read mostly by jumps. A run starting at or
 * after `from` must hold from+39: when that is not a run character, no run starts before from+40;
 * when it is, the characters before it are read back to the first that is not, and a run starts
 * after that one. Text without long runs (a log) is read about one character in five: the regex
 * read them all (0.45 s of a 91 MB log, where this takes 0.04 s).
 */
export function candidateRuns(text: string): [number, number][] {
  const runs: [number, number][] = [];
  for (let from = 0, last = GENERIC_MIN - 1; last < text.length; last = from + GENERIC_MIN - 1) {
    if (!inRun(text, last)) {
      from = last + 1;
      continue;
    }
    let back = last - 1;
    while (back >= from && inRun(text, back)) back--;
    if (back >= from) {
      from = back + 1;
      continue;
    }
    let end = last + 1;
    while (end < text.length && inRun(text, end)) end++;
    runs.push([from, end]);
    from = end + 1;
  }
  return runs;
}

/** Every token-looking span in `text`, in order, not overlapping. */
export function findTokens(text: string, options: ScanOptions = {}): TokenSpan[] {
  const t = String(text ?? '');
  const generic = options.generic ?? true;
  const spans: TokenSpan[] = [];
  for (const [start, end] of candidateRuns(t)) {
    const st: RunStats = { upper: 0, lower: 0, digits: 0, base32: 0 };
    for (let i = start, streak = 0; i < end; i++) {
      const c = t.charCodeAt(i);
      if (isLower(c)) st.lower++;
      else if (isUpper(c)) st.upper++;
      else if (isDigit(c)) st.digits++;
      if (isBase32(c)) {
        if (++streak > st.base32) st.base32 = streak;
      } else streak = 0;
    }
    scanRun(t, start, end, st, generic, spans);
  }
  return spans;
}

export function looksLikeToken(text: string, options?: ScanOptions): boolean {
  return findTokens(text, options).length > 0;
}

/** `text` with every token-looking span replaced, for anything that must be kept or shown. */
export function redactTokens(
  text: string,
  mask = '[token removed]',
  options?: ScanOptions,
): string {
  const t = String(text ?? '');
  let out = '';
  let at = 0;
  for (const s of findTokens(t, options)) {
    out += t.slice(at, s.start) + mask;
    at = s.end;
  }
  return at === 0 ? t : out + t.slice(at);
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

/**
 * The start of something that may still grow into a token as it is typed: a base32 run of 16–51
 * characters with a digit, or a random-looking alphanumeric run of 20–83, touching `at` (the caret)
 * when given. Typed text holding one is kept out of state until it is finished, so a paused prefix
 * never lands in a link.
 */
export function holdsTokenPrefix(text: string, at?: number): boolean {
  const t = String(text ?? '');
  const touches = (s: number, e: number) => at === undefined || (s <= at && at <= e);
  for (const [s, e] of subRuns(t, 0, t.length, isBase32, 16))
    if (touches(s, e) && e - s < LEGACY_LENGTH && /[2-7]/.test(t.slice(s, e))) return true;
  for (const [s, e] of subRuns(t, 0, t.length, isAlnum, 20)) {
    if (!touches(s, e)) continue;
    const run = t.slice(s, e);
    if (e - s < PAT_LENGTH && /[0-9]/.test(run) && /[a-z]/.test(run) && /[A-Z]/.test(run)) {
      const upper = run.replace(/[^A-Z]/g, '').length;
      const letters = run.replace(/[^A-Za-z]/g, '').length;
      if (upper / letters >= 0.3 && upper / letters <= 0.7) return true;
    }
  }
  return false;
}

/**
 * Most of a token: a base32 run of 40–51 characters with a digit and high entropy, or a random
 * alphanumeric run of 64–83. Finished typing (a field left) with one of these is treated as a token.
 */
export function findPartialTokens(text: string): TokenSpan[] {
  const t = String(text ?? '');
  const spans: TokenSpan[] = [];
  for (const [s, e] of subRuns(t, 0, t.length, isBase32, 40))
    if (e - s < LEGACY_LENGTH && /[2-7]/.test(t.slice(s, e)) && entropy(t.slice(s, e)) >= 4)
      spans.push({ start: s, end: e, kind: 'ado-pat-legacy' });
  for (const [s, e] of subRuns(t, 0, t.length, isAlnum, 64))
    if (e - s < PAT_LENGTH && randomBase64(t.slice(s, e)))
      spans.push({ start: s, end: e, kind: 'ado-pat' });
  return spans.sort((a, b) => a.start - b.start);
}
