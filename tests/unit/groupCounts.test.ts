// GroupCounts: the groups of refused rows by key, counted in arrays and made only as asked. It
// must give exactly what making every group gives: all() as the plain grouping (written out
// here as the reference), shown() as groupsShown() of them, inOrder() as all() in pieces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FLOWS } from '../../src/model/engine/types';
import { GroupCounts, groupsShown } from '../../src/model/impact/impactGroups';
import {
  INVALID_DECISION,
  type FastDecision,
  type ImpactGroup,
  type ImpactRows,
} from '../../src/model/impact/impactTypes';

const DECISIONS: FastDecision[] = [
  { outcome: 'allowed', decidedBy: 'R4', policyId: null, code: null },
  { outcome: 'blocked', decidedBy: 'R4', policyId: 'p1', code: 'VS403463' },
  { outcome: 'blocked', decidedBy: 'R11', policyId: 'p2', code: 'VS403463' },
  { outcome: 'mfa-required', decidedBy: 'R2', policyId: 'p3', code: null },
  { outcome: 'blocked', decidedBy: 'R20', policyId: null, code: 'VS403463' },
  { outcome: 'blocked', decidedBy: 'R12', policyId: 'p1', code: 'VS403463' },
];
const NAMES = new Map([
  ['p1', 'Block outside'],
  ['p2', 'SSH'],
]);

/** The grouping written the plain way: one object per group as the rows come. */
function reference(rows: ImpactRows, keys: Uint32Array, texts: string[]): ImpactGroup[] {
  const refused = DECISIONS.map((d) => d.outcome !== 'allowed');
  const byKey = new Map<number, ImpactGroup & { pairs: Map<number, number> }>();
  for (let i = 0; i < rows.count; i++) {
    const on = rows.on[i]!;
    if (on === INVALID_DECISION || !refused[on]) continue;
    const k = keys[i]!;
    let g = byKey.get(k);
    if (!g) {
      const fresh = { key: texts[k]!, count: 0, newlyBlocked: 0, flows: {}, examples: [] };
      g = { ...fresh, deciders: [], pairs: new Map<number, number>() };
      byKey.set(k, g);
    }
    g.count++;
    if (!refused[rows.off[i]!]) g.newlyBlocked++;
    const flow = FLOWS[rows.flow[i]!];
    if (flow) g.flows[flow] = (g.flows[flow] ?? 0) + 1;
    if (g.examples.length < 5) g.examples.push(rows.row[i]!);
    g.pairs.set(on, (g.pairs.get(on) ?? 0) + 1);
  }
  const groups = [...byKey.values()].map(({ pairs, ...g }) => {
    g.deciders = [...pairs].map(([d, count]) => {
      const x = DECISIONS[d]!;
      const displayName = x.policyId === null ? null : (NAMES.get(x.policyId) ?? null);
      return { ...x, displayName, count };
    });
    g.deciders.sort((a, b) => b.count - a.count);
    return g;
  });
  return groups.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const logs = fc
  .record({
    keyCount: fc.integer({ min: 1, max: 60 }),
    rows: fc.array(
      fc.record({
        key: fc.nat(),
        off: fc.integer({ min: 0, max: DECISIONS.length }),
        on: fc.integer({ min: 0, max: DECISIONS.length }),
        flow: fc.integer({ min: 0, max: FLOWS.length }),
      }),
      { maxLength: 400 },
    ),
  })
  .map(({ keyCount, rows: list }) => {
    const n = list.length;
    // DECISIONS.length stands for a row evaluate() refused; FLOWS.length for an unknown flow.
    const decision = (d: number) => (d === DECISIONS.length ? INVALID_DECISION : d);
    const rows: ImpactRows = {
      count: n,
      row: Uint32Array.from(list, (_, i) => i + 2),
      ip: Uint32Array.from(list, (r) => r.key % keyCount),
      user: new Uint32Array(n),
      flow: Uint8Array.from(list, (r) => r.flow),
      off: Uint16Array.from(list, (r) => decision(r.off)),
      on: Uint16Array.from(list, (r) => decision(r.on)),
    };
    // Keys whose texts sort otherwise than their numbers.
    const texts = Array.from({ length: keyCount }, (_, k) => `10.0.${(k * 37) % 101}.${k}`);
    return { rows, texts };
  });

describe('GroupCounts', () => {
  it('all() is every group, as grouping row by row makes them', () => {
    fc.assert(
      fc.property(logs, ({ rows, texts }) => {
        const counts = new GroupCounts(rows, rows.ip, texts, DECISIONS, NAMES);
        const all = counts.all();
        expect(all).toEqual(reference(rows, rows.ip, texts));
        expect(counts.size).toBe(all.length);
      }),
      { numRuns: 300 },
    );
  });

  it('shown() is groupsShown() of them all, and inOrder() is all() in pieces', () => {
    fc.assert(
      fc.property(logs, fc.integer({ min: 1, max: 8 }), ({ rows, texts }, limit) => {
        const counts = new GroupCounts(rows, rows.ip, texts, DECISIONS, NAMES);
        const all = counts.all();
        expect(counts.shown(limit)).toEqual(groupsShown(all, limit));
        expect([...counts.inOrder(limit)].flat()).toEqual(all);
      }),
      { numRuns: 300 },
    );
  });

  it('a key refused by more decisions than it keeps inline counts them all', () => {
    const on = [1, 2, 3, 4, 5, 5, 1, 4];
    const rows: ImpactRows = {
      count: on.length,
      row: Uint32Array.from(on, (_, i) => i + 2),
      ip: new Uint32Array(on.length),
      user: new Uint32Array(on.length),
      flow: new Uint8Array(on.length),
      off: new Uint16Array(on.length),
      on: Uint16Array.from(on),
    };
    const [g] = new GroupCounts(rows, rows.ip, ['203.0.113.9'], DECISIONS, NAMES).all();
    expect(g!.deciders.map((d) => [d.decidedBy, d.count])).toEqual([
      ['R4', 2],
      ['R20', 2],
      ['R12', 2],
      ['R11', 1],
      ['R2', 1],
    ]);
    expect(g!.examples).toEqual([2, 3, 4, 5, 6]);
  });
});
