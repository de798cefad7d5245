// Strict text → number parsing for IP addresses, shared by parseIp/parseCidr and the range set's
// containsText fast path. Hand-written rather than ipaddr.js's parser, which accepts (by design)
// hex, octal, short and single-number IPv4 forms, zone ids, and reads "::1.2.3.4" as IPv4-mapped.

/** Four unsigned 32-bit words, most significant first (IPv4 uses only the first). */
export type Words = [number, number, number, number];

/** A parsed value, or a reason (lower-case, no value quoted) why the text is not one. */
export type Parsed<T> = T | string;

const DECIMAL_PART = /^[0-9]+$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

/**
 * The common, valid case in one pass over char codes (no regex, no split); -1 otherwise. Exactly
 * the texts parseIpv4Text takes, with their value (parseIpv4Text is this plus the messages).
 */
export function scanIpv4(s: string): number {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits > 0 && part === 0) return -1; // a leading zero
      part = part * 10 + (c - 48);
      if (part > 255) return -1;
      digits++;
    } else if (c === 46 && digits > 0 && dots < 3) {
      value = value * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else {
      return -1;
    }
  }
  return dots === 3 && digits > 0 ? value * 256 + part : -1;
}

/** "a.b.c.d" with four decimal parts 0–255, no leading zeros: the only IPv4 form Entra shows. */
export function parseIpv4Text(s: string): Parsed<number> {
  const fast = scanIpv4(s);
  if (fast >= 0) return fast;
  // Not valid: work out why, for the message.
  if (s === '') return 'it is empty';
  if (/[^0-9.]/.test(s)) {
    if (/^[0-9a-fx.]+$/i.test(s) && /0x/i.test(s)) return 'hexadecimal parts are not allowed';
    return 'expected an IPv4 address like 203.0.113.7 or an IPv6 address like 2001:db8::7';
  }
  const parts = s.split('.');
  if (parts.length !== 4) return 'an IPv4 address has exactly four decimal parts (a.b.c.d)';
  for (const part of parts) {
    if (part === '') return 'a part between the dots is empty';
    if (part.length > 1 && part[0] === '0') return 'leading zeros are not allowed';
    const n = DECIMAL_PART.test(part) && part.length <= 3 ? Number(part) : 256;
    if (n > 255) return `the part ${part} is greater than 255`;
  }
  return 'it is not a valid IPv4 address';
}

/** One side of a "::" (or the whole address without one) as 16-bit groups. */
function parseGroups(s: string, allowIpv4Tail: boolean): Parsed<number[]> {
  const pieces = s.split(':');
  const groups: number[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as string;
    if (piece.includes('.')) {
      if (!allowIpv4Tail || i !== pieces.length - 1) {
        return 'an embedded IPv4 address may only be the last 32 bits';
      }
      const v4 = parseIpv4Text(piece);
      if (typeof v4 === 'string') return `in the embedded IPv4 part: ${v4}`;
      groups.push(v4 >>> 16, v4 & 0xffff);
    } else if (piece === '') {
      return 'a group is empty (a lone ":" at the start or the end?)';
    } else if (!HEX_GROUP.test(piece)) {
      return /^[0-9a-f]+$/i.test(piece)
        ? `the group ${piece} has more than 4 hex digits`
        : `the group ${piece} is not hexadecimal`;
    } else {
      groups.push(parseInt(piece, 16));
    }
  }
  return groups;
}

/**
 * A reading of the common IPv6 text in one pass, when one is installed (ipScan.ts, loaded by the
 * batch readers): it gives readIpv6Text's value for the texts it takes and undefined for the rest,
 * so it changes no answer, only the time a log of many distinct addresses takes. The first page
 * goes without it (its bytes count against the page's budget; it reads a handful of addresses).
 */
let scan: ((s: string) => Words | undefined) | undefined;

/** Installs the one-pass reading (ipScan.ts does, as it loads). */
export function useIpv6Scan(f: (s: string) => Words | undefined): void {
  scan = f;
}

/**
 * RFC 4291 text: eight 1–4 digit hex groups, at most one "::" standing for one or more zero
 * groups, optionally ending in a dotted IPv4 address. No zone ids, brackets or prefixes.
 * "::1.2.3.4" is read as RFC 4291 says (::102:304), not as "::ffff:1.2.3.4" like ipaddr.js.
 */
export function parseIpv6Text(s: string): Parsed<Words> {
  return scan?.(s) ?? readIpv6Text(s);
}

/** parseIpv6Text in full: every form, and the message for a text that is not an address. */
export function readIpv6Text(s: string): Parsed<Words> {
  if (s.includes('%')) return 'zone ids (the "%" suffix) are not allowed';
  if (s.startsWith('[')) return 'remove the square brackets (and any port after them)';
  if (/^[0-9.]+:[0-9]+$/.test(s)) return 'remove the port number after ":"';
  const gap = s.indexOf('::');
  if (gap !== s.lastIndexOf('::')) return 'only one "::" is allowed';
  let groups: number[];
  if (gap < 0) {
    const all = parseGroups(s, true);
    if (typeof all === 'string') return all;
    if (all.length !== 8) return 'an IPv6 address has eight groups unless "::" shortens it';
    groups = all;
  } else {
    const left = gap === 0 ? [] : parseGroups(s.slice(0, gap), false);
    if (typeof left === 'string') return left;
    const rightText = s.slice(gap + 2);
    const right = rightText === '' ? [] : parseGroups(rightText, true);
    if (typeof right === 'string') return right;
    const missing = 8 - left.length - right.length;
    if (missing < 1)
      return 'too many groups: with "::" an address has at most seven written groups';
    groups = [...left, ...new Array<number>(missing).fill(0), ...right];
  }
  const w = (i: number) => ((groups[i] as number) * 0x10000 + (groups[i + 1] as number)) >>> 0;
  return [w(0), w(2), w(4), w(6)];
}

/** Either family; IPv4 comes back as a number, IPv6 as four words. */
export function parseIpText(s: string): Parsed<number | Words> {
  if (s.includes('/')) return 'this is a CIDR range; a single address is expected here';
  return s.includes(':') ? parseIpv6Text(s) : parseIpv4Text(s);
}
