// IP addresses and CIDR ranges as the engine sees them: strict parsing of what a user or a Graph
// export typed, a normalised text form, and a numeric form that range sets compare quickly.
import type { Result } from './result';
import { ipFromV4, ipFromV6, isIpv4MappedWords, prefixBounds } from './ipNumeric';
import { parseIpText, type Words } from './ipText';

/**
 * A parsed address. The 128-bit IPv6 value is held as four unsigned 32-bit words, most
 * significant first (hi, w1, w2, lo), rather than a BigInt: comparing plain numbers allocates
 * nothing and is what makes range lookups fast. An IPv4 address is the unsigned 32-bit number
 * in `hi` (w1, w2 and lo are 0); `family` tells the two apart, never the value.
 */
export interface ParsedIp {
  readonly family: 4 | 6;
  /** Dotted decimal for IPv4; RFC 5952 for IPv6, with "::ffff:a.b.c.d" for IPv4-mapped. */
  readonly text: string;
  readonly hi: number;
  readonly w1: number;
  readonly w2: number;
  readonly lo: number;
}

export interface Cidr {
  readonly family: 4 | 6;
  readonly prefix: number;
  /** Normalised, host bits cleared, e.g. "203.0.113.0/24" or "2001:db8:10::/48". */
  readonly cidr: string;
  /** The input had bits set after the prefix (e.g. "203.0.113.7/24"); accepted, as Graph does. */
  readonly hostBitsSet: boolean;
  readonly first: ParsedIp;
  readonly last: ParsedIp;
}

/** Quote the offending value for a message, cut short so the message stays one line. */
function quote(input: string): string {
  return JSON.stringify(input.length > 60 ? `${input.slice(0, 57)}…` : input);
}

function toIp(value: number | Words): ParsedIp {
  return typeof value === 'number' ? ipFromV4(value) : ipFromV6(value);
}

/**
 * A single IPv4 or IPv6 address, strictly: IPv4 only as a.b.c.d with decimal parts 0–255 and no
 * leading zeros; IPv6 as RFC 4291 text (any case, "::", embedded dotted IPv4) without zone id,
 * brackets or prefix. Surrounding whitespace is trimmed, since pasted addresses often carry it.
 */
export function parseIp(input: string): Result<ParsedIp> {
  const parsed = parseIpText(input.trim());
  if (typeof parsed === 'string') {
    return { ok: false, error: `${quote(input)} is not a valid IP address: ${parsed}` };
  }
  return { ok: true, value: toIp(parsed) };
}

const PREFIX_DIGITS = /^(0|[1-9][0-9]*)$/;

function prefixProblem(text: string, max: number, family: 4 | 6): string | null {
  if (text === '') return 'the prefix length after "/" is missing';
  if (/^0[0-9]+$/.test(text)) return 'leading zeros are not allowed in the prefix length';
  if (!PREFIX_DIGITS.test(text)) return `the prefix length ${text} is not a decimal number`;
  if (Number(text) > max)
    return `the prefix /${text} is out of range; IPv${family} allows /0–/${max}`;
  return null;
}

/**
 * "address/prefix", strictly (the address as in parseIp; the prefix decimal, no leading zeros,
 * 0–32 or 0–128). Host bits after the prefix are allowed and cleared: Graph's own examples
 * contain ranges like "12.34.221.11/22". Surrounding whitespace is trimmed.
 */
export function parseCidr(input: string): Result<Cidr> {
  const fail = (why: string): Result<Cidr> => ({
    ok: false,
    error: `${quote(input)} is not a valid CIDR range: ${why}`,
  });
  const text = input.trim();
  if (text === '') return fail('it is empty');
  const slash = text.indexOf('/');
  if (slash < 0) {
    const bare = parseIpText(text);
    if (typeof bare === 'string') {
      return fail('expected an address and a prefix length, like 203.0.113.0/24 or 2001:db8::/48');
    }
    const single = `${text}/${typeof bare === 'number' ? 32 : 128}`;
    return fail(`the prefix length is missing; for this single address write "${single}"`);
  }
  const addressText = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  if (prefixText.includes('/')) return fail('only one "/" is allowed');
  const address = parseIpText(addressText);
  if (typeof address === 'string') return fail(address);
  const family = typeof address === 'number' ? 4 : 6;
  const problem = prefixProblem(prefixText, family === 4 ? 32 : 128, family);
  if (problem) return fail(problem);
  const prefix = Number(prefixText);
  const words: Words = typeof address === 'number' ? [address, 0, 0, 0] : address;
  const bounds = prefixBounds(words, prefix, family);
  const toFamily = (w: Words) => (family === 4 ? ipFromV4(w[0]) : ipFromV6(w));
  const first = toFamily(bounds.first);
  const last = toFamily(bounds.last);
  const hostBitsSet = words.some((w, k) => w !== bounds.first[k]);
  return {
    ok: true,
    value: { family, prefix, cidr: `${first.text}/${prefix}`, hostBitsSet, first, last },
  };
}

/** For "::ffff:a.b.c.d" the IPv4 address a.b.c.d; otherwise null (R9, ipv4-mapped=equivalent). */
export function ipv4FromMapped(ip: ParsedIp): ParsedIp | null {
  if (ip.family !== 6 || !isIpv4MappedWords(ip.hi, ip.w1, ip.w2)) return null;
  return ipFromV4(ip.lo);
}

/** Entra only accepts IPv4 masks longer than /8 (R17, ENT-NET). */
export const ENTRA_MIN_IPV4_PREFIX = 9;

/**
 * Why Entra would refuse this range in a named location, or null. Only the IPv4 /8-or-shorter
 * limit of R17 is known; parseCidr itself accepts it, so a what-if can still show the range.
 */
export function entraRangeProblem(cidr: Cidr): string | null {
  if (cidr.family !== 4 || cidr.prefix >= ENTRA_MIN_IPV4_PREFIX) return null;
  return (
    `"${cidr.cidr}" would be refused by Entra: IPv4 ranges need a prefix longer than /8 ` +
    `(${cidr.first.text} to ${cidr.last.text} is too wide)`
  );
}

/** R9's other form of an address: a.b.c.d for ::ffff:a.b.c.d and back; null for other IPv6. */
export function mappedCounterpart(ip: ParsedIp): ParsedIp | null {
  const v4 = ipv4FromMapped(ip);
  if (v4) return v4;
  if (ip.family !== 4) return null;
  const mapped = parseIp(`::ffff:${ip.text}`);
  return mapped.ok ? mapped.value : null;
}
