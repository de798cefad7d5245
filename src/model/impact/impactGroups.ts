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

/** A sorted copy: counts largest first (then by key), keys in alphabetical order. */
export function sortGroups(
  groups: readonly ImpactGroup[],
  by: GroupOrder,
  direction: 'desc' | 'asc' = by === 'key' ? 'asc' : 'desc',
): ImpactGroup[] {
  const sign = direction === 'desc' ? -1 : 1;
  const byKey = (a: ImpactGroup, b: ImpactGroup) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return [...groups].sort((a, b) =>
    by === 'key' ? sign * byKey(a, b) : sign * (a[by] - b[by]) || byKey(a, b),
  );
}
