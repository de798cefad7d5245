// Remedies for refused traffic: group it by address block (/24 for IPv4, /48 for IPv6) and
// suggest adding a block to the named location that the refusing policy excludes, with the Graph
// body that makes the change (PATCH /identity/conditionalAccess/namedLocations/{id}).
import { ipv4FromMapped, parseCidr, parseIp, type Cidr } from '../ip/ip';
import { compileRanges } from '../ip/rangeSet';
import { parseIpv4Text } from '../ip/ipText';
import { INVALID_DECISION, type ImpactGroup, type ImpactReport } from './impactTypes';
import type { NamedLocation, World } from '../engine/types';

export interface BlockGroup {
  /** "20.42.0.0/24". */
  block: string;
  count: number;
  newlyBlocked: number;
  /** Addresses seen in the block, most refused first. */
  ips: string[];
  /** The policies that refused it, most often first. */
  policyIds: string[];
  /** Rows of it refused where the engine cites R20: a pipeline agent calling with a PAT. */
  agentRows?: number;
}

/** The /24 (IPv4), /48 (IPv6) or /120 (IPv4-mapped IPv6) block of an address. */
export function blockOf(ip: string): string | undefined {
  // Canonical IPv4, most of any log, without parsing a CIDR.
  const v4 = ip.indexOf(':') < 0 ? parseIpv4Text(ip) : undefined;
  if (typeof v4 === 'number') return `${v4 >>> 24}.${(v4 >>> 16) & 255}.${(v4 >>> 8) & 255}.0/24`;
  const mapped = /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(ip);
  const prefix = ip.includes(':') ? (mapped ? 120 : 48) : 24;
  const c = parseCidr(`${ip}/${prefix}`);
  return c.ok ? c.value.cidr : undefined;
}

/**
 * blockOf of a report's IP entries, each worked out once and shared (blockGroups and then
 * remedyEffects both need them, and an IPv6 block is a CIDR parse). Kept with the IP list itself,
 * which is never changed once a report has it.
 */
const blockCache = new WeakMap<readonly string[], (string | null | undefined)[]>();
function blockAt(ips: readonly string[]): (i: number) => string | undefined {
  let known = blockCache.get(ips);
  if (!known) blockCache.set(ips, (known = new Array<string | null | undefined>(ips.length)));
  const k = known;
  return (i) => {
    let b = k[i];
    if (b === undefined) k[i] = b = blockOf(ips[i]!) ?? null;
    return b ?? undefined;
  };
}

/** Blocks a report lists (the busiest). */
export const BLOCKS_SHOWN = 10;
/** Blocks looked at for remedies (the busiest), by the command line and the lab alike. */
export const REMEDY_BLOCKS = 100;

/**
 * groupByBlock(report.byIp), the first `limit` blocks and how many there are, from the report's
 * rows instead of its per-IP groups (which finish({ ipGroups: false }) leaves out): counts by
 * block in typed arrays, and addresses and policies only for the blocks it returns. A log whose
 * every row has its own address makes no object per address.
 */
export function blockGroups(
  report: Pick<ImpactReport, 'rows' | 'ips' | 'decisions'>,
  limit = BLOCKS_SHOWN,
): { top: BlockGroup[]; of: number } {
  const { rows, ips, decisions } = report;
  const refused = decisions.map((d) => d.outcome !== 'allowed');
  const NONE = -2;
  const blockOfIp = new Int32Array(ips.length).fill(-1);
  const names: string[] = [];
  const ids = new Map<string, number>();
  const blockOfEntry = blockAt(ips);
  let count = new Uint32Array(1024);
  let newly = new Uint32Array(1024);
  for (let i = 0; i < rows.count; i++) {
    const on = rows.on[i]!;
    if (on === INVALID_DECISION || !refused[on]) continue;
    const ip = rows.ip[i]!;
    let b = blockOfIp[ip]!;
    if (b === NONE) continue;
    if (b === -1) {
      const text = blockOfEntry(ip);
      if (text === undefined) {
        blockOfIp[ip] = NONE;
        continue;
      }
      b = ids.get(text) ?? -1;
      if (b < 0) {
        b = names.length;
        ids.set(text, b);
        names.push(text);
        if (b >= count.length) {
          const c = new Uint32Array(count.length * 2);
          c.set(count);
          count = c;
          const n = new Uint32Array(newly.length * 2);
          n.set(newly);
          newly = n;
        }
      }
      blockOfIp[ip] = b;
    }
    count[b]!++;
    if (!refused[rows.off[i]!]) newly[b]!++;
  }
  // The first `limit` in groupByBlock's order, kept sorted in one pass.
  const before = (a: number, b: number) =>
    newly[b]! - newly[a]! || count[b]! - count[a]! || (names[a]! < names[b]! ? -1 : 1);
  const top: number[] = [];
  for (let b = 0; b < names.length; b++) {
    if (top.length === limit && before(b, top[limit - 1]!) >= 0) continue;
    let at = top.length;
    while (at > 0 && before(b, top[at - 1]!) < 0) at--;
    top.splice(at, 0, b);
    if (top.length > limit) top.pop();
  }
  // Their addresses (most refused first, as byIp orders them) and deciders, in one more pass.
  const slot = new Map(top.map((b, k) => [b, k]));
  const perIp = top.map(() => new Map<number, { count: number; deciders: number[] }>());
  for (let i = 0; i < rows.count; i++) {
    const on = rows.on[i]!;
    if (on === INVALID_DECISION || !refused[on]) continue;
    const ip = rows.ip[i]!;
    const k = slot.get(blockOfIp[ip]!);
    if (k === undefined) continue;
    let a = perIp[k]!.get(ip);
    if (!a) perIp[k]!.set(ip, (a = { count: 0, deciders: [] }));
    a.count++;
    const d = a.deciders;
    let j = 0;
    while (j < d.length && d[j] !== on) j += 2;
    if (j < d.length) d[j + 1]!++;
    else d.push(on, 1);
  }
  const groups = top.map((b, k): BlockGroup => {
    const g: BlockGroup = {
      block: names[b]!,
      count: count[b]!,
      newlyBlocked: newly[b]!,
      ips: [],
      policyIds: [],
    };
    const byIp = [...perIp[k]!].sort(
      ([x, a], [y, c]) => c.count - a.count || (ips[x]! < ips[y]! ? -1 : ips[x]! > ips[y]! ? 1 : 0),
    );
    for (const [ip, a] of byIp) {
      g.ips.push(ips[ip]!);
      const pairs: [number, number][] = [];
      for (let j = 0; j < a.deciders.length; j += 2)
        pairs.push([a.deciders[j]!, a.deciders[j + 1]!]);
      pairs.sort((x, y) => y[1] - x[1]);
      for (const [on, n] of pairs) {
        const d = decisions[on]!;
        if (d.policyId && !g.policyIds.includes(d.policyId)) g.policyIds.push(d.policyId);
        if (d.decidedBy === 'R20') g.agentRows = (g.agentRows ?? 0) + n;
      }
    }
    return g;
  });
  return { top: groups, of: names.length };
}

export function groupByBlock(byIp: readonly ImpactGroup[]): BlockGroup[] {
  const blocks = new Map<string, BlockGroup>();
  for (const g of byIp) {
    const block = blockOf(g.key);
    if (!block) continue;
    let b = blocks.get(block);
    if (!b) {
      b = { block, count: 0, newlyBlocked: 0, ips: [], policyIds: [] };
      blocks.set(block, b);
    }
    b.count += g.count;
    b.newlyBlocked += g.newlyBlocked;
    b.ips.push(g.key);
    for (const d of g.deciders) {
      if (d.policyId && !b.policyIds.includes(d.policyId)) b.policyIds.push(d.policyId);
      if (d.decidedBy === 'R20') b.agentRows = (b.agentRows ?? 0) + d.count;
    }
  }
  return [...blocks.values()].sort(
    (a, b) => b.newlyBlocked - a.newlyBlocked || b.count - a.count || (a.block < b.block ? -1 : 1),
  );
}

export interface Remedy {
  block: string;
  locationId: string;
  locationName: string;
  /** Rows of this block refused with the policy on, and of those newly. */
  count: number;
  newlyBlocked: number;
  /** "Add 20.42.0.0/24 to named location Offices". */
  label: string;
  /** R20: the block's refused rows include pipeline agents, which may be Microsoft-hosted. */
  warning?: string;
}

/** R20's warning for a block refused for pipeline agents (FACTS: R20, observed). */
export function agentWarning(block: string): string {
  return `Some of these rows are pipeline agents calling with a PAT (R20). If they are Microsoft-hosted agents, ${block} is an Azure address block that is not yours, and trusting it lets in whatever else uses it; the pipeline's own System.AccessToken is not affected by the org policy, so use it instead of a PAT, or a self-hosted agent with a fixed address.`;
}

/** The IP named location a policy lets through: the first it excludes (or a trusted one). */
function exemptLocation(world: World, policyId: string): NamedLocation | undefined {
  const p = world.policies.find((x) => x.id === policyId);
  const ip = (l: NamedLocation | undefined) => (l && l.kind === 'ip' ? l : undefined);
  for (const ref of p?.locations?.excludeLocations ?? []) {
    if (ref === 'AllTrusted') {
      const t = world.locations.find((l) => l.kind === 'ip' && l.isTrusted);
      if (t) return t;
    }
    const l = ip(world.locations.find((x) => x.id === ref));
    if (l) return l;
  }
  return undefined;
}

/** At most `limit` remedies, for the blocks with the most refused rows (`blocks`, if grouped). */
export function suggestRemedies(
  report: Pick<ImpactReport, 'byIp'>,
  world: World,
  limit = 5,
  blocks: readonly BlockGroup[] = groupByBlock(report.byIp),
): Remedy[] {
  const out: Remedy[] = [];
  for (const b of blocks) {
    if (out.length >= limit || b.newlyBlocked === 0) break;
    const loc = b.policyIds.map((id) => exemptLocation(world, id)).find(Boolean);
    if (!loc) continue;
    const r: Remedy = {
      block: b.block,
      locationId: loc.id,
      locationName: loc.displayName,
      count: b.count,
      newlyBlocked: b.newlyBlocked,
      label: `Add ${b.block} to named location ${loc.displayName}`,
    };
    if (b.agentRows) r.warning = agentWarning(b.block);
    out.push(r);
  }
  return out;
}

/** The world with `block` added to the named location (a copy; the original is untouched). */
export function applyRemedy(world: World, r: Pick<Remedy, 'block' | 'locationId'>): World {
  return {
    ...world,
    locations: world.locations.map((l) =>
      l.id === r.locationId && !l.ipRanges.includes(r.block)
        ? { ...l, ipRanges: [...l.ipRanges, r.block] }
        : l,
    ),
  };
}

/**
 * The body of PATCH /identity/conditionalAccess/namedLocations/{id}: Graph replaces ipRanges
 * whole, so the body carries every range the location had plus the new one.
 */
export function namedLocationPatch(loc: NamedLocation, add: readonly string[]): object {
  const ranges = [...loc.ipRanges, ...add.filter((c) => !loc.ipRanges.includes(c))];
  return {
    '@odata.type': '#microsoft.graph.ipNamedLocation',
    displayName: loc.displayName,
    isTrusted: loc.isTrusted,
    ipRanges: ranges.map((cidrAddress) => ({
      '@odata.type': cidrAddress.includes(':')
        ? '#microsoft.graph.iPv6CidrRange'
        : '#microsoft.graph.iPv4CidrRange',
      cidrAddress,
    })),
  };
}

/** A remedy with its effect on the whole log recomputed, and the Graph body that makes it. */
export interface RemedyEffect extends Remedy {
  /** Newly refused rows of the whole log before and after the change. */
  before: number;
  after: number;
  /** PATCH /identity/conditionalAccess/namedLocations/{locationId} with this body. */
  patch: object;
}

/** What remedyEffects needs of an analysis (ImpactAnalysis.newlyBlockedIn). */
export interface Redecide {
  newlyBlockedIn(world: World, touched: Uint8Array): { before: number; after: number };
}

/**
 * Each remedy's effect, recomputed on the spot: only the rows from its block can change, and the
 * analysis decides those again in the changed tenant from what it kept of them (no rows needed).
 * `world` is the tenant the analysis decided in; `report` its report.
 */
export function remedyEffects(
  analysis: Redecide,
  report: Pick<ImpactReport, 'ips' | 'newlyBlocked'>,
  world: World,
  remedies: readonly Remedy[],
): RemedyEffect[] {
  if (!remedies.length) return [];
  const blockOfEntry = blockAt(report.ips);
  const blocks = report.ips.map((_, i) => blockOfEntry(i));
  return remedies.map((r) => {
    const touched = addressesIn(report.ips, blocks, r.block);
    const x = analysis.newlyBlockedIn(applyRemedy(world, r), touched);
    const loc = world.locations.find((l) => l.id === r.locationId)!;
    return {
      ...r,
      before: report.newlyBlocked,
      after: report.newlyBlocked - x.before + x.after,
      patch: namedLocationPatch(loc, [r.block]),
    };
  });
}

/** The same addresses in R9's other form: a.b.c.d/p as ::ffff:a.b.c.d/(96+p), and back. */
function twinCidr(c: Cidr): string | undefined {
  if (c.family === 4) return `::ffff:${c.first.text}/${96 + c.prefix}`;
  const v4 = ipv4FromMapped(c.first);
  if (v4 && c.prefix >= 96) return `${v4.text}/${c.prefix - 96}`;
  // A wide IPv6 range that holds the whole mapped space holds every IPv4 address's twin.
  const zero = parseIp('::ffff:0.0.0.0');
  return zero.ok && compileRanges([c]).contains(zero.value) ? '0.0.0.0/0' : undefined;
}

/**
 * Flags, by entry of `ips`, of the addresses `cidr` holds in either of R9's forms: all the rows
 * adding it to a location can change (one more than needed is harmless: decided again, the same).
 * `blocks[i]` is blockOf(ips[i]): a /24 is told by its text, without parsing IPv4 again.
 */
export function addressesIn(
  ips: readonly string[],
  blocks: readonly (string | undefined)[],
  cidr: string,
): Uint8Array {
  const c = parseCidr(cidr);
  if (!c.ok) return new Uint8Array(ips.length);
  const twin = twinCidr(c.value);
  const twinCidrParsed = twin === undefined ? undefined : parseCidr(twin);
  const t = twinCidrParsed?.ok ? twinCidrParsed.value : undefined;
  const sets = t ? [compileRanges([c.value]), compileRanges([t])] : [compileRanges([c.value])];
  const slow = (text: string) => (sets.some((s) => s.containsText(text)) ? 1 : 0);
  // When the range and its twin are blocks as blockOf makes them, an address is in one exactly
  // when its own block is that text. '::/48' is where blockOf puts mapped addresses not written
  // as a.b.c.d, so those (and any other range) are asked of the range sets.
  if (!isBlock(c.value) || (t && !isBlock(t))) return Uint8Array.from(ips, (text) => slow(text));
  const r = c.value.cidr;
  const tw = t?.cidr;
  return Uint8Array.from(ips, (text, i) => {
    const b = blocks[i];
    if (b === undefined) return 0;
    if (b === r || b === tw) return 1;
    return b === '::/48' ? slow(text) : 0;
  });
}

/** Whether a range is one blockOf makes: a /24, a /48 other than ::/48, or a mapped /120. */
function isBlock(c: Cidr): boolean {
  if (c.family === 4) return c.prefix === 24;
  if (c.prefix === 48) return c.cidr !== '::/48';
  return c.prefix === 120 && ipv4FromMapped(c.first) !== null;
}
