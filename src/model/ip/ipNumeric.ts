// Numeric side of ParsedIp: building one from 32-bit words, its normalised text, and the first and
// last address of a prefix. Plain unsigned 32-bit arithmetic (no BigInt) so lookups stay cheap.
import type { ParsedIp } from './ip';
import type { Words } from './ipText';

export function formatIpv4(v: number): string {
  return `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
}

/** ::ffff:0:0/96, the IPv4-mapped block (R9). */
export function isIpv4MappedWords(hi: number, w1: number, w2: number): boolean {
  return hi === 0 && w1 === 0 && w2 === 0xffff;
}

/**
 * RFC 5952 text: lower-case hex, no leading zeros, the longest run (the first on a tie) of two
 * or more zero groups shortened to "::". IPv4-mapped addresses use the mixed "::ffff:a.b.c.d"
 * form RFC 5952 §5 recommends (ipaddr.js would print "::ffff:102:304"), because that is how
 * Microsoft's advice (R9) and admins write them.
 */
export function formatIpv6(w: Words): string {
  if (isIpv4MappedWords(w[0], w[1], w[2])) return `::ffff:${formatIpv4(w[3])}`;
  const groups: number[] = [];
  for (const word of w) groups.push(word >>> 16, word & 0xffff);
  let bestAt = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) [bestAt, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = (gs: number[]) => gs.map((g) => g.toString(16)).join(':');
  if (bestAt < 0) return hex(groups);
  return `${hex(groups.slice(0, bestAt))}::${hex(groups.slice(bestAt + bestLen))}`;
}

export function ipFromV4(value: number): ParsedIp {
  const hi = value >>> 0;
  return { family: 4, text: formatIpv4(hi), hi, w1: 0, w2: 0, lo: 0 };
}

export function ipFromV6(w: Words): ParsedIp {
  return { family: 6, text: formatIpv6(w), hi: w[0], w1: w[1], w2: w[2], lo: w[3] };
}

export function wordsOf(ip: ParsedIp): Words {
  return [ip.hi, ip.w1, ip.w2, ip.lo];
}

/** The mask for the `bits` most significant bits of one 32-bit word (0 ≤ bits ≤ 32). */
function wordMask(bits: number): number {
  if (bits <= 0) return 0;
  if (bits >= 32) return 0xffffffff;
  return (0xffffffff << (32 - bits)) >>> 0;
}

/** First and last address of `prefix` around `w`. IPv4 uses only word 0; the rest stay 0. */
export function prefixBounds(
  w: Words,
  prefix: number,
  family: 4 | 6,
): { first: Words; last: Words } {
  const first: Words = [0, 0, 0, 0];
  const last: Words = [0, 0, 0, 0];
  const wordCount = family === 4 ? 1 : 4;
  for (let k = 0; k < wordCount; k++) {
    const mask = wordMask(prefix - 32 * k);
    const word = w[k] as number;
    first[k] = (word & mask) >>> 0;
    last[k] = (word | ~mask) >>> 0;
  }
  return { first, last };
}
