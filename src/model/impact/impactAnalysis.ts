// The impact analysis as an accumulator: rows go in slice by slice (so a worker can yield and be
// cancelled between slices) and the report comes out at the end, the same however it was sliced.
// Each row becomes a request in rowRequest() and is decided by the engine (BatchDecider).
import { targetsAzureDevOps } from '../engine/assignments';
import { ARM_STOPS_COVERING_ADO } from '../engine/azureDevOps';
import { BatchDecider, type DependingOn, type Readings } from './batchDecider';
import { GroupCounts, groupBlocked } from './impactGroups';
import { rowRequest } from './impactRequest';
import {
  INVALID_DECISION,
  UNKNOWN_FLOW,
  type ImpactReport,
  type OutcomeCounts,
  type RowDefaults,
} from './impactTypes';
import type { RowReads, SigninRow } from './signinRows';
import {
  FLOWS,
  type Assumptions,
  type Flow,
  type Outcome,
  type Policy,
  type World,
} from '../engine/types';

const MAX_INVALID_EXAMPLES = 20;
const counts = (): OutcomeCounts => ({ allowed: 0, blocked: 0, 'mfa-required': 0 });

/** Enforced, and targeting Azure DevOps at some time (R16, R18): the policies that can decide. */
const canDecide = (p: Policy) =>
  p.state === 'enabled' &&
  (targetsAzureDevOps(p, '2000-01-01T00:00:00Z').match ||
    targetsAzureDevOps(p, ARM_STOPS_COVERING_ADO).match);

const columns = (n: number) => ({
  row: new Uint32Array(n),
  ip: new Uint32Array(n),
  user: new Uint32Array(n),
  flow: new Uint8Array(n),
  off: new Uint16Array(n),
  on: new Uint16Array(n),
  /** The row's class in the decider (NO_CLASS for a row evaluate() refused). */
  cls: new Uint32Array(n),
  /** The sign-in IP's entry + 1; 0 when the row gave none. */
  signinIp: new Uint32Array(n),
});
const NO_CLASS = 0xffffffff;

export interface AnalysisOptions {
  /** How many invalid rows to keep with their message (the report's invalidExamples). */
  invalidExamples?: number;
}

export class ImpactAnalysis {
  readonly #decider: BatchDecider;
  readonly #policies: Policy[];
  readonly #defaults: RowDefaults;
  readonly #assumptions: Assumptions;
  readonly #total: number | undefined;
  readonly #maxInvalid: number;
  #rows;
  #n = 0;
  // Rows by decision number, with the org policy off and on, and newly refused rows by flow:
  // counted in arrays per row, turned into outcome counts per report.
  #offBy = new Uint32Array(64);
  #onBy = new Uint32Array(64);
  /** Per decision number: 1 if it allows (filled as the decider numbers new decisions). */
  #allows = new Uint8Array(64);
  #known = 0;
  readonly #newlyByFlow = new Uint32Array(FLOWS.length);
  #invalid = 0;
  readonly #invalidExamples: { row: number; message: string }[] = [];

  /**
   * `total`: how many rows will be added at most (sizes the per-row columns); undefined when it is
   * not known beforehand (a file read as a stream): the columns then grow as rows come.
   */
  constructor(
    world: World,
    assumptions: Assumptions,
    defaults: RowDefaults,
    total: number | undefined,
    options: AnalysisOptions = {},
  ) {
    this.#decider = new BatchDecider(world, assumptions);
    this.#policies = world.policies.filter(canDecide);
    this.#defaults = defaults;
    this.#assumptions = assumptions;
    this.#total = total;
    this.#maxInvalid = options.invalidExamples ?? MAX_INVALID_EXAMPLES;
    this.#rows = columns(total ?? 1 << 16);
  }

  get processed(): number {
    return this.#n;
  }

  /** Classes of requests the engine was asked about (rows it could not tell apart share one). */
  get classes(): number {
    return this.#decider.classes;
  }

  /** Newly refused among the rows added so far, under other readings of R12, R7 and R8. */
  newlyBlockedUnder(assumptions: Assumptions, readings?: Readings): number {
    return this.#decider.newlyBlockedUnder(assumptions, readings);
  }

  /** Rows a fact the log does not carry could newly refuse (R22), under `assumptions`. */
  dependingOn(assumptions: Assumptions, readings?: Readings): DependingOn {
    return this.#decider.dependingOn(assumptions, readings);
  }

  /**
   * Analyses rows[from, to). `reads`: what the reader read for `rows` (analysable()),
   * which the decider then need not read again; ignored unless they were read for this array.
   */
  add(rows: readonly SigninRow[], from = 0, to = rows.length, reads?: RowReads): void {
    const decider = this.#decider;
    const read = reads?.rows === rows ? reads : undefined;
    const list = decider.decisions.list;
    const end = Math.min(to, from + (this.#total ?? Infinity) - this.#n);
    if (this.#n + end - from > this.#rows.row.length) this.#grow(this.#n + end - from);
    const cols = this.#rows;
    for (let i = from; i < end; i++) {
      const row = rows[i]!;
      const n = this.#n++;
      const req = rowRequest(row, this.#defaults);
      const pair = read
        ? decider.decide(req, read.at[i]!, read.created[i]!, read.ipv4[i]!)
        : decider.decide(req);
      cols.row[n] = row.row;
      cols.ip[n] = decider.ip;
      cols.user[n] = decider.user;
      cols.signinIp[n] = decider.signinIp + 1;
      cols.cls[n] = decider.cls < 0 ? NO_CLASS : decider.cls;
      const f = FLOWS.indexOf(req.flow);
      const flow = f < 0 ? UNKNOWN_FLOW : f;
      cols.flow[n] = flow;
      if (typeof pair === 'string') {
        cols.off[n] = cols.on[n] = INVALID_DECISION;
        if (this.#invalid++ < this.#maxInvalid)
          this.#invalidExamples.push({ row: row.row, message: pair });
        continue;
      }
      const off = pair >>> 16;
      const on = pair & 0xffff;
      cols.off[n] = off;
      cols.on[n] = on;
      if (list.length > this.#known) this.#noteDecisions(list);
      this.#offBy[off]!++;
      this.#onBy[on]!++;
      // A decided row's flow is one of FLOWS (evaluate() refuses any other).
      if (this.#allows[off] === 1 && this.#allows[on] === 0) this.#newlyByFlow[flow]!++;
    }
  }

  /** Sizes the per-decision counts for decisions numbered since, and notes which allow. */
  #noteDecisions(list: readonly { outcome: Outcome }[]): void {
    if (list.length > this.#allows.length) {
      const size = Math.max(list.length, this.#allows.length * 2);
      const grow = <T extends Uint32Array | Uint8Array>(a: T, make: (n: number) => T) => {
        const b = make(size);
        b.set(a);
        return b;
      };
      this.#offBy = grow(this.#offBy, (k) => new Uint32Array(k));
      this.#onBy = grow(this.#onBy, (k) => new Uint32Array(k));
      this.#allows = grow(this.#allows, (k) => new Uint8Array(k));
    }
    for (let k = this.#known; k < list.length; k++)
      this.#allows[k] = list[k]!.outcome === 'allowed' ? 1 : 0;
    this.#known = list.length;
  }

  /** Rows by outcome, off and on, and newly refused (in all and by flow), from the counts. */
  #outcomeCounts() {
    const list = this.#decider.decisions.list;
    const off = counts();
    const on = counts();
    for (let k = 0; k < this.#known; k++) {
      off[list[k]!.outcome] += this.#offBy[k]!;
      on[list[k]!.outcome] += this.#onBy[k]!;
    }
    const byFlow = Object.fromEntries(FLOWS.map((f, i) => [f, this.#newlyByFlow[i]!])) as Record<
      Flow,
      number
    >;
    const newly = FLOWS.reduce((sum, f) => sum + byFlow[f], 0);
    return { off, on, newly, byFlow };
  }

  /**
   * What a change to the tenant does to the rows from some addresses (a remedy: a block added to a
   * named location), without the rows themselves: newly refused among the rows whose IP or
   * sign-in IP is `touched` (flags by IP entry, as in the report's `ips`), as decided and in
   * `world`. Each row is decided again as its class with its own addresses, once per distinct
   * class and addresses (BatchDecider.newlyRefusedIn); the other rows cannot change.
   */
  newlyBlockedIn(world: World, touched: Uint8Array): { before: number; after: number } {
    const d = this.#decider;
    const list = d.decisions.list;
    const texts = d.ips.texts;
    const c = this.#rows;
    const seen = new Map<string, boolean>();
    let before = 0;
    let after = 0;
    for (let i = 0; i < this.#n; i++) {
      const ip = c.ip[i]!;
      const s = c.signinIp[i]!;
      if (!touched[ip] && !(s && touched[s - 1])) continue;
      const k = c.cls[i]!;
      if (k === NO_CLASS) continue;
      if (list[c.off[i]!]!.outcome === 'allowed' && list[c.on[i]!]!.outcome !== 'allowed') before++;
      const key = `${k} ${ip} ${s}`;
      let newly = seen.get(key);
      if (newly === undefined) {
        newly = d.newlyRefusedIn(world, k, texts[ip]!, s ? texts[s - 1] : undefined);
        seen.set(key, newly);
      }
      if (newly) after++;
    }
    return { before, after };
  }

  #grow(need: number): void {
    const old = this.#rows;
    const grown = columns(Math.max(need, old.row.length * 2));
    for (const k of Object.keys(old) as (keyof typeof old)[]) grown[k].set(old[k]);
    this.#rows = grown;
  }

  /** Policies' names by id, for the deciders of groups. */
  #names(): Map<string, string> {
    return new Map(this.#decider.worldOn.policies.map((p) => [p.id, p.displayName]));
  }

  /**
   * The groups by IP of `report` (this analysis's, from finish()) as counts: a log of millions of
   * refused addresses gets the few groups a table shows, and the rest piece by piece for an
   * export, never millions of group objects at once.
   */
  ipGroupCounts(report: ImpactReport): GroupCounts {
    return new GroupCounts(
      report.rows,
      report.rows.ip,
      report.ips,
      report.decisions,
      this.#names(),
    );
  }

  #finished: ImpactReport | undefined;
  #finishedIpGroups = true;

  /**
   * The report of the rows added so far (made once per count of rows; each call a new object).
   * `ipGroups: false` leaves `byIp` empty: a log of a million distinct addresses makes a million
   * groups (most of its memory), and a caller that only wants blocks (blockGroups) has no use
   * for them.
   */
  finish(options: { ipGroups?: boolean } = {}): ImpactReport {
    const ipGroups = options.ipGroups ?? true;
    if (this.#finished?.processed !== this.#n || this.#finishedIpGroups !== ipGroups) {
      this.#finished = undefined; // let the old report go before making the new one
      this.#finished = this.#report(ipGroups);
      this.#finishedIpGroups = ipGroups;
    }
    return { ...this.#finished };
  }

  #report(ipGroups: boolean): ImpactReport {
    const d = this.#decider;
    const n = this.#n;
    const outcomes = this.#outcomeCounts();
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
    const decisions = [...d.decisions.list];
    const names = this.#names();
    const groups = (keys: Uint32Array, texts: string[]) =>
      groupBlocked(rows, keys, texts, decisions, names);
    const total = this.#total ?? n;
    return {
      total,
      processed: n,
      complete: n === total,
      at: this.#defaults.at,
      assumptions: { ...this.#assumptions },
      off: outcomes.off,
      on: outcomes.on,
      newlyBlocked: outcomes.newly,
      newlyBlockedByFlow: outcomes.byFlow,
      invalid: this.#invalid,
      invalidExamples: [...this.#invalidExamples],
      byUser: groups(rows.user, d.users.texts),
      byIp: ipGroups ? groups(rows.ip, d.ips.texts) : [],
      rows,
      ips: [...d.ips.texts],
      users: [...d.users.texts],
      decisions,
      policies: this.#policies.map((p) => ({ id: p.id, displayName: p.displayName })),
    };
  }
}
