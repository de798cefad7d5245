// The one-pass reading of plain IPv6 text (hex groups, at most one "::"), for readers of large
// logs: each distinct address of a log is read several times (reader, class, block), and the full
// reading's regexes and splits cost ~5 µs each. Loading this module installs it in parseIpv6Text
// (useIpv6Scan); it gives the full reading's value for every text it takes (a property test holds
// it to that), so whether it is loaded changes no answer.
import { useIpv6Scan, type Words } from './ipText';

/** The value of hex digit c (a char code), or -1. */
function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20; // 'A'-'F' as 'a'-'f'
  return l >= 97 && l <= 102 ? l - 87 : -1;
}

/** Groups scanIpv6 has read (reused: it runs for every distinct address of a log). */
const GROUPS = new Uint32Array(8);

/**
 * The common, valid case of readIpv6Text in one pass over char codes (no regex, no split, no
 * arrays): 1–4 digit hex groups and at most one "::", no embedded IPv4; undefined for any other
 * text, valid or not, which readIpv6Text then reads in full (and says what is wrong). Exactly
 * readIpv6Text's value for the texts it takes (a property test holds it to that).
 */
export function scanIpv6(s: string): Words | undefined {
  const g = GROUPS;
  const n = s.length;
  let count = 0;
  let gapAt = -1;
  let value = 0;
  let digits = 0;
  let afterGap = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const h = hexDigit(c);
    if (h >= 0) {
      if (digits === 4) return undefined;
      value = value * 16 + h;
      digits++;
      afterGap = false;
    } else if (c === 58) {
      if (digits > 0) {
        if (count === 8) return undefined;
        g[count++] = value;
        value = 0;
        digits = 0;
        if (s.charCodeAt(i + 1) !== 58) {
          if (i + 1 === n) return undefined; // a lone ':' at the end
          continue;
        }
      } else if (i !== 0 || s.charCodeAt(1) !== 58) return undefined; // an empty group
      // "::" at i
      if (gapAt >= 0) return undefined;
      gapAt = count;
      afterGap = true;
      i++;
    } else return undefined;
  }
  if (digits > 0) {
    if (count === 8) return undefined;
    g[count++] = value;
  } else if (!afterGap) return undefined;
  if (gapAt < 0 ? count !== 8 : count > 7) return undefined;
  const missing = 8 - count;
  const at = (k: number) =>
    gapAt < 0 || k < gapAt ? g[k]! : k < gapAt + missing ? 0 : g[k - missing]!;
  const w = (k: number) => (at(k) * 0x10000 + at(k + 1)) >>> 0;
  return [w(0), w(2), w(4), w(6)];
}

useIpv6Scan(scanIpv6);
