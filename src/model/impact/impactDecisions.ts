// The handful of distinct answers a whole log gets, each kept once and numbered: rows store the
// numbers, and the report lists the answers.
import type { FastDecision } from './impactTypes';
import type { Decision } from '../engine/types';

export class DecisionTable {
  readonly list: FastDecision[] = [];
  readonly #byKey = new Map<string, number>();

  /** The number of a decision's outcome, code and deciding rule, with the policy that decided it. */
  number(d: Decision, policyId: string | null): number {
    const key = `${d.outcome}|${d.code}|${d.decidedBy}|${policyId}`;
    let n = this.#byKey.get(key);
    if (n === undefined) {
      n = this.list.length;
      this.list.push(
        Object.freeze({ outcome: d.outcome, code: d.code, decidedBy: d.decidedBy, policyId }),
      );
      this.#byKey.set(key, n);
    }
    return n;
  }
}
