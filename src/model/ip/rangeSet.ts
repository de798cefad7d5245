// A named location's IP ranges compiled for fast "is this address inside?" questions: the CIDRs
// become sorted, merged intervals per family, searched by binary search (O(log n) per lookup
// instead of testing every range). IPv4 and IPv6 never mix: an IPv4-mapped IPv6 address is an
// IPv6 address here, and treating it as IPv4 (R9, ipv4-mapped=equivalent) is the caller's job.
import type { Result } from './result';
import { parseCidr, type Cidr, type ParsedIp } from './ip';
import { prefixBounds } from './ipNumeric';
import { parseIpText, type Words } from './ipText';

export interface RangeSet {
  /** Number of merged intervals, IPv4 and IPv6 together (overlapping or adjacent CIDRs merge). */
  readonly size: number;
  contains(ip: ParsedIp): boolean;
  /** Parses `ip` as parseIp does (strict, trimmed); false when it is not a valid address. */
  containsText(ip: string): boolean;
}

type Interval = { first: Words; last: Words };

function compareWords(a: Words, b: Words): number {
  for (let k = 0; k < 4; k++) {
    if (a[k] !== b[k]) return (a[k] as number) < (b[k] as number) ? -1 : 1;
  }
  return 0;
}

/** w + 1 over 128 bits, or null past the last address. */
function nextWords(w: Words): Words | null {
  const next: Words = [...w];
  for (let k = 3; k >= 0; k--) {
    if (next[k] !== 0xffffffff) {
      next[k] = (next[k] as number) + 1;
      return next;
    }
    next[k] = 0;
  }
  return null;
}

function nextV4(w: Words): Words | null {
  return w[0] === 0xffffffff ? null : [w[0] + 1, 0, 0, 0];
}

/** Does an interval starting at `first` overlap or touch one ending at `last`? */
function touches(last: Words, first: Words, family: 4 | 6): boolean {
  // IPv4 lives in word 0 alone, so its "+1" must not carry into the (zero) lower words.
  const after = family === 4 ? nextV4(last) : nextWords(last);
  return after === null || compareWords(first, after) <= 0;
}

/** Sort by start, then fold each interval into the previous one when they overlap or touch. */
function mergeIntervals(intervals: Interval[], family: 4 | 6): Interval[] {
  const sorted = [...intervals].sort((a, b) => compareWords(a.first, b.first));
  const merged: Interval[] = [];
  for (const iv of sorted) {
    const prev = merged[merged.length - 1];
    if (prev && touches(prev.last, iv.first, family)) {
      if (compareWords(iv.last, prev.last) > 0) prev.last = iv.last;
    } else {
      merged.push({ first: iv.first, last: iv.last });
    }
  }
  return merged;
}

class CompiledRangeSet implements RangeSet {
  readonly size: number;
  // IPv4: one entry per interval. IPv6: four words per interval, most significant first.
  readonly #v4First: Uint32Array;
  readonly #v4Last: Uint32Array;
  readonly #v6First: Uint32Array;
  readonly #v6Last: Uint32Array;

  constructor(v4: Interval[], v6: Interval[]) {
    this.size = v4.length + v6.length;
    this.#v4First = Uint32Array.from(v4, (iv) => iv.first[0]);
    this.#v4Last = Uint32Array.from(v4, (iv) => iv.last[0]);
    this.#v6First = Uint32Array.from(v6.flatMap((iv) => iv.first));
    this.#v6Last = Uint32Array.from(v6.flatMap((iv) => iv.last));
  }

  contains(ip: ParsedIp): boolean {
    return ip.family === 4 ? this.#has4(ip.hi) : this.#has6(ip.hi, ip.w1, ip.w2, ip.lo);
  }

  containsText(ip: string): boolean {
    // Straight from text to numbers: no ParsedIp, no normalised text to build.
    const parsed = parseIpText(ip.trim());
    if (typeof parsed === 'string') return false;
    if (typeof parsed === 'number') return this.#has4(parsed);
    return this.#has6(parsed[0], parsed[1], parsed[2], parsed[3]);
  }

  /** The last interval starting at or before x, then whether it reaches x. */
  #has4(x: number): boolean {
    const first = this.#v4First;
    let lo = 0;
    let hi = first.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if ((first[mid] as number) <= x) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && (this.#v4Last[hi] as number) >= x;
  }

  #has6(a: number, b: number, c: number, d: number): boolean {
    const first = this.#v6First;
    let lo = 0;
    let hi = first.length / 4 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (compareAt(first, mid * 4, a, b, c, d) <= 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && compareAt(this.#v6Last, hi * 4, a, b, c, d) >= 0;
  }
}

/** Sign of (words at arr[i..i+3]) − (a, b, c, d). */
function compareAt(arr: Uint32Array, i: number, a: number, b: number, c: number, d: number) {
  const x0 = arr[i] as number;
  if (x0 !== a) return x0 < a ? -1 : 1;
  const x1 = arr[i + 1] as number;
  if (x1 !== b) return x1 < b ? -1 : 1;
  const x2 = arr[i + 2] as number;
  if (x2 !== c) return x2 < c ? -1 : 1;
  const x3 = arr[i + 3] as number;
  return x3 === d ? 0 : x3 < d ? -1 : 1;
}

function intervalOf(c: Cidr): Interval {
  return {
    first: [c.first.hi, c.first.w1, c.first.w2, c.first.lo],
    last: [c.last.hi, c.last.w1, c.last.w2, c.last.lo],
  };
}

/**
 * The interval of a range already validated, straight from its text: no normalised text is built
 * for its bounds (that is most of parseCidr's time, and an import of 100,000 ranges compiles them
 * all). Anything unusual goes through parseCidr, whose message a programming error then carries.
 */
function textInterval(text: string): { family: 4 | 6; iv: Interval } {
  const t = text.trim();
  const slash = t.indexOf('/');
  const prefixText = t.slice(slash + 1);
  const address =
    slash > 0 && /^(0|[1-9][0-9]{0,2})$/.test(prefixText) ? parseIpText(t.slice(0, slash)) : '';
  const prefix = Number(prefixText);
  if (typeof address !== 'string') {
    const family = typeof address === 'number' ? 4 : 6;
    if (prefix <= (family === 4 ? 32 : 128)) {
      const words: Words = typeof address === 'number' ? [address, 0, 0, 0] : address;
      return { family, iv: prefixBounds(words, prefix, family) };
    }
  }
  const r = parseCidr(text);
  if (!r.ok) throw new Error(`compileRanges needs validated input: ${r.error}`);
  return { family: r.value.family, iv: intervalOf(r.value) };
}

function build(cidrs: readonly (string | Cidr)[]): RangeSet {
  const v4: Interval[] = [];
  const v6: Interval[] = [];
  for (const c of cidrs) {
    const { family, iv } =
      typeof c === 'string' ? textInterval(c) : { family: c.family, iv: intervalOf(c) };
    (family === 4 ? v4 : v6).push(iv);
  }
  return new CompiledRangeSet(mergeIntervals(v4, 4), mergeIntervals(v6, 6));
}

/**
 * Compile already-validated ranges (strings from parseCidr's `cidr`, or Cidr values). An invalid
 * string here is a programming error, not user input, so it throws rather than being skipped
 * silently (a skipped range would quietly turn a block into an allow). For user input, use
 * compileRangesChecked.
 */
export function compileRanges(cidrs: readonly (string | Cidr)[]): RangeSet {
  return build(cidrs);
}

/** Compile user-supplied ranges; the first invalid one gives the error (parseCidr's message). */
export function compileRangesChecked(cidrs: readonly string[]): Result<RangeSet> {
  const parsed: Cidr[] = [];
  for (const c of cidrs) {
    const r = parseCidr(c);
    if (!r.ok) return r;
    parsed.push(r.value);
  }
  return { ok: true, value: build(parsed) };
}
