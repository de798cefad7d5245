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

/** Counts while scanning; turned into an ImpactGroup at the end. */
interface Acc {
  key: number;
  count: number;
  newlyBlocked: number;
  flows: number[];
  examples: number[];
  /** Pairs of decision number and count: a group rarely has more than two, so no Map. */
  deciders: number[];
}

export function groupBlocked(
  rows: ImpactRows,
  keys: Uint32Array,
  texts: readonly string[],
  decisions: readonly FastDecision[],
  names: ReadonlyMap<string, string>,
): ImpactGroup[] {
  const refused = decisions.map((d) => d.outcome !== 'allowed');
  // Numbered keys index an array directly: no Map on the hot path.
  const slot = new Int32Array(texts.length).fill(-1);
  const accs: Acc[] = [];
  for (let i = 0; i < rows.count; i++) {
    const on = rows.on[i]!;
    if (on === INVALID_DECISION || !refused[on]) continue;
    const key = keys[i]!;
    let acc = accs[slot[key]!];
    if (!acc) {
      slot[key] = accs.length;
      acc = { key, count: 0, newlyBlocked: 0, flows: [0, 0, 0, 0], examples: [], deciders: [] };
      accs.push(acc);
    }
    acc.count++;
    if (!refused[rows.off[i]!]) acc.newlyBlocked++;
    const flow = rows.flow[i]!;
    if (flow < FLOWS.length) acc.flows[flow]!++;
    if (acc.examples.length < MAX_EXAMPLES) acc.examples.push(rows.row[i]!);
    const d = acc.deciders;
    let j = 0;
    while (j < d.length && d[j] !== on) j += 2;
    if (j < d.length) d[j + 1]!++;
    else d.push(on, 1);
  }
  const groups = accs.map((acc): ImpactGroup => {
    const flows: ImpactGroup['flows'] = {};
    acc.flows.forEach((n, f) => {
      if (n) flows[FLOWS[f]!] = n;
    });
    const deciders: ImpactDecider[] = [];
    for (let j = 0; j < acc.deciders.length; j += 2) {
      const d = decisions[acc.deciders[j]!]!;
      const displayName = d.policyId === null ? null : (names.get(d.policyId) ?? null);
      deciders.push({ ...d, displayName, count: acc.deciders[j + 1]! });
    }
    deciders.sort((a, b) => b.count - a.count);
    return {
      key: texts[acc.key]!,
      count: acc.count,
      newlyBlocked: acc.newlyBlocked,
      flows,
      examples: acc.examples,
      deciders,
    };
  });
  return sortGroups(groups, 'count');
}

export type GroupOrder = 'count' | 'newlyBlocked' | 'key';

/** Rows a group table shows. */
export const GROUPS_SHOWN = 100;

/** The order sortGroups uses: counts largest first (then by key), keys in alphabetical order. */
function compareGroups(
  by: GroupOrder,
  direction: 'desc' | 'asc',
): (a: ImpactGroup, b: ImpactGroup) => number {
  const sign = direction === 'desc' ? -1 : 1;
  const byKey = (a: ImpactGroup, b: ImpactGroup) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return (a, b) => (by === 'key' ? sign * byKey(a, b) : sign * (a[by] - b[by]) || byKey(a, b));
}

/** A sorted copy: counts largest first (then by key), keys in alphabetical order. */
export function sortGroups(
  groups: readonly ImpactGroup[],
  by: GroupOrder,
  direction: 'desc' | 'asc' = by === 'key' ? 'asc' : 'desc',
): ImpactGroup[] {
  return [...groups].sort(compareGroups(by, direction));
}

/**
 * The first `limit` groups in sortGroups' order, without sorting them all: a table of 700,000
 * IPs shows 100, and sorting every one on the page's thread was a long task. One pass, keeping
 * the best `limit` so far; groups already in that order cost one comparison each.
 */
export function topGroups(
  groups: readonly ImpactGroup[],
  by: GroupOrder,
  direction: 'desc' | 'asc' = by === 'key' ? 'asc' : 'desc',
  limit = 100,
): ImpactGroup[] {
  const cmp = compareGroups(by, direction);
  const top: ImpactGroup[] = [];
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
  if (groups.length <= limit * 6) return [...groups];
  const keep = new Set<ImpactGroup>();
  for (const by of ['count', 'newlyBlocked', 'key'] as const)
    for (const dir of ['asc', 'desc'] as const)
      for (const g of topGroups(groups, by, dir, limit)) keep.add(g);
  return groups.filter((g) => keep.has(g));
}
