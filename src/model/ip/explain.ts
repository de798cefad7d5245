// "In or out of the range, and why", in the manner of cidr.xyz: the address's bits against a
// range's network bits, up to the prefix length. The first bit that differs is why an address is
// outside; equal bits all the way to the prefix are why it is inside.
import { mappedCounterpart, parseCidr, parseIp, type ParsedIp } from './ip';

export interface BitGroup {
  /** The address's bits in this group (8 per IPv4 octet, 16 per IPv6 hextet). */
  address: string;
  /** The range's network bits in the same group. */
  network: string;
  /** The group as written: "203" or "2001:db8" style text of the address's part. */
  label: string;
  /** How many of this group's bits belong to the prefix (0 … size). */
  prefixBits: number;
}

export interface RangeExplanation {
  cidr: string;
  family: 4 | 6;
  prefix: number;
  /** The address and the range are of different families (an IPv4-mapped IPv6 address is IPv6). */
  familyMismatch: boolean;
  /** familyMismatch only: the address has an R9 counterpart that ipv4-mapped=distinct keeps apart. */
  mappedApart?: boolean;
  /** R9 with ipv4-mapped=equivalent: the bits shown are of this other form of the address. */
  via?: string;
  /** Leading bits that the address and the network share, at most `prefix`. */
  matching: number;
  inside: boolean;
  /** Only the groups the prefix touches (a /24 shows three octets, a /48 three hextets). */
  groups: BitGroup[];
}

export interface IpExplanation {
  ip: string;
  family: 4 | 6;
  /** One per range that parsed, in the given order; a range that does not parse is skipped. */
  ranges: RangeExplanation[];
  /** True when the address is in at least one range. */
  inside: boolean;
}

function bitsOf(ip: ParsedIp): string {
  const words = ip.family === 4 ? [ip.hi] : [ip.hi, ip.w1, ip.w2, ip.lo];
  return words.map((w) => (w >>> 0).toString(2).padStart(32, '0')).join('');
}

function groupLabel(bits: string, family: 4 | 6): string {
  const n = parseInt(bits, 2);
  return family === 4 ? String(n) : n.toString(16);
}

/** Explains `ip` against each of `cidrs`; null when `ip` is not an address. */
export function explainIp(
  ip: string,
  cidrs: readonly string[],
  /** R9's switch, as the engine reads it (locationMatch's inSet uses the same counterpart). */
  ipv4Mapped: 'distinct' | 'equivalent' = 'distinct',
): IpExplanation | null {
  const parsed = parseIp(ip);
  if (!parsed.ok) return null;
  const address = parsed.value;
  const other = mappedCounterpart(address);
  const ranges: RangeExplanation[] = [];
  for (const text of cidrs) {
    const c = parseCidr(text);
    if (!c.ok) continue;
    const { family, prefix, cidr, first } = c.value;
    const shown = family === address.family ? address : ipv4Mapped === 'equivalent' ? other : null;
    if (!shown || shown.family !== family) {
      ranges.push({
        cidr,
        family,
        prefix,
        familyMismatch: true,
        mappedApart: other?.family === family,
        matching: 0,
        inside: false,
        groups: [],
      });
      continue;
    }
    const aBits = bitsOf(shown);
    const nBits = bitsOf(first);
    let matching = 0;
    while (matching < prefix && aBits[matching] === nBits[matching]) matching++;
    const size = family === 4 ? 8 : 16;
    const groups: BitGroup[] = [];
    for (let at = 0; at < Math.max(prefix, 1); at += size) {
      const a = aBits.slice(at, at + size);
      groups.push({
        address: a,
        network: nBits.slice(at, at + size),
        label: groupLabel(a, family),
        prefixBits: Math.min(size, prefix - at),
      });
    }
    const r: RangeExplanation = {
      cidr,
      family,
      prefix,
      familyMismatch: false,
      matching,
      inside: matching >= prefix,
      groups,
    };
    if (shown !== address) r.via = shown.text;
    ranges.push(r);
  }
  return {
    ip: address.text,
    family: address.family,
    ranges,
    inside: ranges.some((r) => r.inside),
  };
}

/** "203.0.113.0/24 or 198.51.100.0/25": ranges joined for a sentence. */
export function rangeList(cidrs: readonly string[], word: 'or' | 'and' = 'or'): string {
  if (cidrs.length <= 1) return cidrs[0] ?? 'no range';
  return `${cidrs.slice(0, -1).join(', ')} ${word} ${cidrs[cidrs.length - 1]}`;
}
