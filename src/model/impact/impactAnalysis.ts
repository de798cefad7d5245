// The impact analysis as an accumulator: rows go in slice by slice (so a worker can yield and be
// cancelled between slices) and the report comes out at the end, the same however it was sliced.
import { compileImpactPair, prepareRow, type CompiledImpact } from './impactCompile';
import { decidePrepared } from './impactDecide';
import { groupBlocked } from './impactGroups';
import {
  INVALID_DECISION,
  UNKNOWN_FLOW,
  type ImpactReport,
  type OutcomeCounts,
  type RowDefaults,
} from './impactTypes';
import type { SigninRow } from './signinRows';
import { FLOWS, type Assumptions, type Flow, type World } from '../engine/types';

const MAX_INVALID_EXAMPLES = 20;
const FLOW_INDEX = new Map<Flow, number>(FLOWS.map((f, i) => [f, i]));
const counts = (): OutcomeCounts => ({ allowed: 0, blocked: 0, 'mfa-required': 0 });

export class ImpactAnalysis {
  readonly #off: CompiledImpact;
  readonly #on: CompiledImpact;
  readonly #defaults: RowDefaults;
  readonly #assumptions: Assumptions;
  readonly #total: number;
  readonly #rows;
  #n = 0;
  readonly #countsOff = counts();
  readonly #countsOn = counts();
  #newlyBlocked = 0;
  readonly #newlyByFlow: Record<Flow, number> = { web: 0, pat: 0, ssh: 0, oauth: 0 };
  #invalid = 0;
  readonly #invalidExamples: { row: number; message: string }[] = [];

  /** `total`: how many rows will be added at most (sizes the per-row columns). */
  constructor(world: World, assumptions: Assumptions, defaults: RowDefaults, total: number) {
    const pair = compileImpactPair(world, assumptions, defaults);
    this.#off = pair.off;
    this.#on = pair.on;
    this.#defaults = defaults;
    this.#assumptions = assumptions;
    this.#total = total;
    this.#rows = {
      row: new Uint32Array(total),
      ip: new Uint32Array(total),
      user: new Uint32Array(total),
      flow: new Uint8Array(total),
      off: new Uint16Array(total),
      on: new Uint16Array(total),
    };
  }

  get processed(): number {
    return this.#n;
  }

  /** Analyses rows[from, to). */
  add(rows: readonly SigninRow[], from = 0, to = rows.length): void {
    const s = this.#off.shared;
    const r = s.scratch;
    const list = s.decisions.list;
    const cols = this.#rows;
    const end = Math.min(to, from + this.#total - this.#n);
    for (let i = from; i < end; i++) {
      const row = rows[i]!;
      const n = this.#n++;
      const error = prepareRow(s, row);
      cols.row[n] = row.row;
      cols.ip[n] = r.ip;
      cols.user[n] = r.user;
      if (error !== undefined) {
        cols.flow[n] = FLOW_INDEX.get(row.flow ?? this.#defaults.defaultFlow) ?? UNKNOWN_FLOW;
        cols.off[n] = cols.on[n] = INVALID_DECISION;
        if (this.#invalid++ < MAX_INVALID_EXAMPLES)
          this.#invalidExamples.push({ row: row.row, message: error });
        continue;
      }
      cols.flow[n] = FLOW_INDEX.get(r.flow)!;
      const off = decidePrepared(this.#off, r);
      const on = decidePrepared(this.#on, r);
      cols.off[n] = off;
      cols.on[n] = on;
      const offOutcome = list[off]!.outcome;
      const onOutcome = list[on]!.outcome;
      this.#countsOff[offOutcome]++;
      this.#countsOn[onOutcome]++;
      if (offOutcome === 'allowed' && onOutcome !== 'allowed') {
        this.#newlyBlocked++;
        this.#newlyByFlow[r.flow]++;
      }
    }
  }

  finish(): ImpactReport {
    const s = this.#off.shared;
    const n = this.#n;
    const cols = this.#rows;
    const rows = {
      count: n,
      row: cols.row.slice(0, n),
      ip: cols.ip.slice(0, n),
      user: cols.user.slice(0, n),
      flow: cols.flow.slice(0, n),
      off: cols.off.slice(0, n),
      on: cols.on.slice(0, n),
    };
    const decisions = [...s.decisions.list];
    const names = new Map(s.policies.map((p) => [p.id, p.displayName]));
    const groups = (keys: Uint32Array, texts: string[]) =>
      groupBlocked(rows, keys, texts, decisions, names);
    return {
      total: this.#total,
      processed: n,
      complete: n === this.#total,
      at: this.#defaults.at,
      assumptions: { ...this.#assumptions },
      off: { ...this.#countsOff },
      on: { ...this.#countsOn },
      newlyBlocked: this.#newlyBlocked,
      newlyBlockedByFlow: { ...this.#newlyByFlow },
      invalid: this.#invalid,
      invalidExamples: [...this.#invalidExamples],
      byUser: groups(rows.user, s.users.texts),
      byIp: groups(rows.ip, s.ips.texts),
      rows,
      ips: [...s.ips.texts],
      users: [...s.users.texts],
      decisions,
      policies: s.policies.map((p) => ({ id: p.id, displayName: p.displayName })),
    };
  }
}
