// Groups the rows refused with the org policy on by one column (user or IP): how many, which
// flows, a few example rows, and which rule and policy decided them.
import {
  INVALID_DECISION,
  type FastDecision,
  type ImpactDecider,
  type ImpactGroup,
  type ImpactRows,
} from './impactTypes';
import { FLOWS } from '../engine/types';

const MAX_EXAMPLES = 5;
/** Decision pairs kept in the arrays per key; a key refused by more decisions keeps the rest apart. */
const INLINE = 2;

/**
 * What a grouping counts per key (an entry of `texts`), in typed arrays: about 60 bytes a key,
 * where a group object with its arrays took 800 (2,000,000 refused IPs, each its own group:
 * 1.7 GB and 22 s). A group object is made only for the groups asked for: the few a table shows
 * (shown()), or piece by piece for an export (inOrder()).
 */
export class GroupCounts {
  /** Keys with at least one refused row: the number of groups. */
  readonly size: number;
  readonly #keys: number[] = [];
  readonly #count: Uint32Array;
  readonly #newly: Uint32Array;
  readonly #flows: Uint32Array;
  readonly #examples: Uint32Array;
  readonly #exampleCount: Uint8Array;
  /** Per key, INLINE pairs of decision number + 1 and count (0: none). */
  readonly #deciders: Uint32Array;
  /** Further pairs of a key past INLINE, in the order they came. */
  readonly #more = new Map<number, number[]>();

  constructor(
    rows: ImpactRows,
    keys: Uint32Array,
    readonly texts: readonly string[],
    readonly decisions: readonly FastDecision[],
    readonly names: ReadonlyMap<string, string>,
  ) {
    const n = texts.length;
    const refused = decisions.map((d) => d.outcome !== 'allowed');
    const count = (this.#count = new Uint32Array(n));
    const newly = (this.#newly = new Uint32Array(n));
    const flows = (this.#flows = new Uint32Array(n * FLOWS.length));
    const examples = (this.#examples = new Uint32Array(n * MAX_EXAMPLES));
    const exampleCount = (this.#exampleCount = new Uint8Array(n));
    this.#deciders = new Uint32Array(n * INLINE * 2);
    for (let i = 0; i < rows.count; i++) {
      const on = rows.on[i]!;
      if (on === INVALID_DECISION || !refused[on]) continue;
      const key = keys[i]!;
      // Groups in the order their first refused row comes, as the list of groups has them.
      if (count[key]!++ === 0) this.#keys.push(key);
      if (!refused[rows.off[i]!]) newly[key]!++;
      const flow = rows.flow[i]!;
      if (flow < FLOWS.length) flows[key * FLOWS.length + flow]!++;
      const e = exampleCount[key]!;
      if (e < MAX_EXAMPLES) {
        examples[key * MAX_EXAMPLES + e] = rows.row[i]!;
        exampleCount[key] = e + 1;
      }
      this.#countDecider(key, on);
    }
    this.size = this.#keys.length;
  }

  #countDecider(key: number, on: number): void {
    const d = this.#deciders;
    const at = key * INLINE * 2;
    for (let j = at; j < at + INLINE * 2; j += 2) {
      if (d[j] === on + 1) {
        d[j + 1]!++;
        return;
      }
      if (d[j] === 0) {
        d[j] = on + 1;
        d[j + 1] = 1;
        return;
      }
    }
    let more = this.#more.get(key);
    if (!more) this.#more.set(key, (more = []));
    let j = 0;
    while (j < more.length && more[j] !== on) j += 2;
    if (j < more.length) more[j + 1]!++;
    else more.push(on, 1);
  }

  /** The group of key `k` (an entry with refused rows). */
  group(k: number): ImpactGroup {
    const flows: ImpactGroup['flows'] = {};
    for (let f = 0; f < FLOWS.length; f++) {
      const n = this.#flows[k * FLOWS.length + f]!;
      if (n) flows[FLOWS[f]!] = n;
    }
    const pairs: number[] = [];
    const d = this.#deciders;
    for (let j = k * INLINE * 2; j < (k + 1) * INLINE * 2 && d[j] !== 0; j += 2)
      pairs.push(d[j]! - 1, d[j + 1]!);
    pairs.push(...(this.#more.get(k) ?? []));
    const deciders: ImpactDecider[] = [];
    for (let j = 0; j < pairs.length; j += 2) {
      const decision = this.decisions[pairs[j]!]!;
      const displayName =
        decision.policyId === null ? null : (this.names.get(decision.policyId) ?? null);
      deciders.push({ ...decision, displayName, count: pairs[j + 1]! });
    }
    deciders.sort((a, b) => b.count - a.count);
    const start = k * MAX_EXAMPLES;
    return {
      key: this.texts[k]!,
      count: this.#count[k]!,
      newlyBlocked: this.#newly[k]!,
      flows,
      examples: [...this.#examples.subarray(start, start + this.#exampleCount[k]!)],
      deciders,
    };
  }

  /** Every group, in sortGroups' 'count' order. */
  all(): ImpactGroup[] {
    return sortGroups(
      this.#keys.map((k) => this.group(k)),
      'count',
    );
  }

  /** What the orders compare, per group: no arrays, no deciders. */
  #stubs(): (Ranked & { k: number })[] {
    return this.#keys.map((k) => ({
      key: this.texts[k]!,
      count: this.#count[k]!,
      newlyBlocked: this.#newly[k]!,
      k,
    }));
  }

  /** groupsShown(this.all(), limit), without making every group. */
  shown(limit = GROUPS_SHOWN): ImpactGroup[] {
    if (this.size <= limit * SHOWN_ORDERS) return this.all();
    const stubs = this.#stubs();
    const keep = new Set<number>();
    for (const by of ['count', 'newlyBlocked', 'key'] as const)
      for (const dir of ['asc', 'desc'] as const)
        for (const g of topGroups(stubs, by, dir, limit)) keep.add(g.k);
    return sortGroups(
      [...keep].map((k) => this.group(k)),
      'count',
    );
  }

  /** Every group in sortGroups' 'count' order, made `piece` at a time (an export of any size). */
  *inOrder(piece = 10_000): Generator<ImpactGroup[]> {
    const order = sortGroups(this.#stubs(), 'count');
    for (let i = 0; i < order.length; i += piece)
      yield order.slice(i, i + piece).map((s) => this.group(s.k));
  }
}

export function groupBlocked(
  rows: ImpactRows,
  keys: Uint32Array,
  texts: readonly string[],
  decisions: readonly FastDecision[],
  names: ReadonlyMap<string, string>,
): ImpactGroup[] {
  return new GroupCounts(rows, keys, texts, decisions, names).all();
}

/** What the orders compare. */
type Ranked = Pick<ImpactGroup, 'key' | 'count' | 'newlyBlocked'>;

export type GroupOrder = 'count' | 'newlyBlocked' | 'key';

/** Rows a group table shows. */
export const GROUPS_SHOWN = 100;
/** The orders a group table offers: by count, newly refused and key, each either way. */
const SHOWN_ORDERS = 6;

/** The order sortGroups uses: counts largest first (then by key), keys in alphabetical order. */
function compareGroups(
  by: GroupOrder,
  direction: 'desc' | 'asc',
): (a: Ranked, b: Ranked) => number {
  const sign = direction === 'desc' ? -1 : 1;
  const byKey = (a: Ranked, b: Ranked) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return (a, b) => (by === 'key' ? sign * byKey(a, b) : sign * (a[by] - b[by]) || byKey(a, b));
}

/** A sorted copy: counts largest first (then by key), keys in alphabetical order. */
export function sortGroups<G extends Ranked>(
  groups: readonly G[],
  by: GroupOrder,
  direction: 'desc' | 'asc' = by === 'key' ? 'asc' : 'desc',
): G[] {
  return [...groups].sort(compareGroups(by, direction));
}

/**
 * The first `limit` groups in sortGroups' order, without sorting them all: a table of 700,000
 * IPs shows 100, and sorting every one on the page's thread was a long task. One pass, keeping
 * the best `limit` so far; groups already in that order cost one comparison each.
 */
export function topGroups<G extends Ranked>(
  groups: readonly G[],
  by: GroupOrder,
  direction: 'desc' | 'asc' = by === 'key' ? 'asc' : 'desc',
  limit = 100,
): G[] {
  const cmp = compareGroups(by, direction);
  const top: G[] = [];
  for (const g of groups) {
    if (top.length === limit && cmp(g, top[limit - 1]!) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(top[mid]!, g) <= 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, g);
    if (top.length > limit) top.pop();
  }
  return top;
}

/**
 * The groups a table can show in any order (the first `limit` by each column, each way), in the
 * list's own order: a page showing 100 of 700,000 groups needs a few hundred of them.
 */
export function groupsShown(groups: readonly ImpactGroup[], limit = GROUPS_SHOWN): ImpactGroup[] {
  if (groups.length <= limit * SHOWN_ORDERS) return [...groups];
  const keep = new Set<ImpactGroup>();
  for (const by of ['count', 'newlyBlocked', 'key'] as const)
    for (const dir of ['asc', 'desc'] as const)
      for (const g of topGroups(groups, by, dir, limit)) keep.add(g);
  return groups.filter((g) => keep.has(g));
}
