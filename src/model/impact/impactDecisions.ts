// The handful of distinct answers a whole sign-in log gets, each built once and numbered: the fast
// path returns these shared objects (no allocation per row) and the report stores their numbers.
import type { FastDecision } from './impactTypes';
import type { Decision, Outcome, RuleId } from '../engine/types';

export type DecisionKind = 'allowed' | 'ado-block' | 'entra-mfa' | 'entra-block' | 'entra-device';

const KINDS: Record<DecisionKind, { n: number; outcome: Outcome; code: Decision['code'] }> = {
  allowed: { n: 0, outcome: 'allowed', code: null },
  'ado-block': { n: 1, outcome: 'blocked', code: 'VS403463' },
  'entra-mfa': { n: 2, outcome: 'mfa-required', code: null },
  'entra-block': { n: 3, outcome: 'blocked', code: 'AADSTS53003' },
  'entra-device': { n: 4, outcome: 'blocked', code: null },
};

const RULE_IDS: readonly RuleId[] = [
  ...Array.from({ length: 20 }, (_, i) => `R${i + 1}` as RuleId),
  'T1',
  'T2',
];
const RULE_INDEX = new Map(RULE_IDS.map((r, i) => [r, i]));

export class DecisionTable {
  readonly list: FastDecision[] = [];
  readonly #byKey = new Map<number, number>();

  /** The number of a decision; `policy` is a position in `policyIds`, or -1 for none. */
  number(kind: DecisionKind, rule: RuleId, policy: number, policyIds: readonly string[]): number {
    const k = KINDS[kind];
    const key = ((policy + 1) * RULE_IDS.length + RULE_INDEX.get(rule)!) * 8 + k.n;
    let n = this.#byKey.get(key);
    if (n === undefined) {
      n = this.list.length;
      this.list.push(
        Object.freeze({
          outcome: k.outcome,
          code: k.code,
          decidedBy: rule,
          policyId: policy < 0 ? null : policyIds[policy]!,
        }),
      );
      this.#byKey.set(key, n);
    }
    return n;
  }
}
