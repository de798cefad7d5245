// The batch decision path: every request is decided by the engine's own evaluate(), with the org
// policy off and on, its trace switched off (QuietTrace) — and once per class of requests the
// engine cannot tell apart, since a log of a million sign-ins holds only a few thousand of those.
// A request's class is everything evaluate() reads from it, with the inputs that vary the most
// reduced to what the rules compare them with:
// - the IP and sign-in IP to their membership in every named location a policy uses (IpTable),
//   and whether they are the same address (R10);
// - the user to what every policy's user condition says of them (UserTable);
// - the time to its place among the fixed instants the flows compare it with (FIXED_INSTANTS,
//   org.enabledAt), unless the request carries other times (token expiry, last sign-in);
// - the token's creation date to before / after org.enabledAt (R12).
// Every other field is part of the class as it is, so a fact the engine starts reading is
// honoured without a change here. A request evaluate() refuses is evaluated on its own, for its
// exact message.
import { FIXED_INSTANTS } from '../engine/azureDevOps';
import { compileWorld } from '../engine/compiledWorld';
import { evaluateWith } from '../engine/evaluate';
import { instant } from '../engine/time';
// A log's many distinct IPv6 addresses are read with the one-pass reading (same answers).
import '../ip/ipScan';
import { QuietTrace } from '../engine/trace';
import {
  FLOWS,
  type AccessRequest,
  type Assumptions,
  type DependsOn,
  type Fact,
  type World,
} from '../engine/types';
import { DecisionTable } from './impactDecisions';
import { CanonicalTimes, canonicalMs, fastInstant } from './impactDates';
import { INVALID_CLASS, IpTable, UserTable } from './impactTables';

/** How the range reads what a log does not say. */
export interface Readings {
  /**
   * A PAT whose creation date the log does not give may be older than the org policy: read it as
   * created before (R12's lenient end). With no enable date the policy goes on after every row.
   */
  undatedPatsBefore?: boolean;
}
const EARLIEST = '1970-01-01T00:00:00Z';

/** Requests a missing fact could newly refuse (R22), in all and per fact. */
export interface DependingOn {
  total: number;
  byFact: { fact: Fact; count: number }[];
}
const NEVER_YET = '9999-12-31T00:00:00Z';

/** Past this many classes the memo starts again (a safeguard; real logs have a few thousand). */
const MEMO_LIMIT = 1_000_000;

/** Fields reduced to a class, or kept whole in the string key when they cannot be. */
const reduced = (k: string) =>
  k === 'ip' ||
  k === 'at' ||
  k === 'user' ||
  k === 'token' ||
  k === 'signinIp' ||
  k === 'groups' ||
  k === 'lastSignInAt';
const TOKEN = Symbol('token');
const text = (v: unknown) => (typeof v === 'object' ? JSON.stringify(v) : v);

/**
 * One node per combination of the fields taken as they are, reached by walking their names and
 * values: no key text is built per request, and cells read from a file share their strings, whose
 * hashes are kept, so each step is a cheap Map lookup.
 */
class Node {
  readonly next = new Map<unknown, Node>();
  // The last child found: rows of a log come in the same fields, mostly with the same values, so
  // most steps end at this pointer test instead of a Map lookup.
  #lastKey: unknown = Node;
  #last: Node | undefined;
  /** Class numbers by the numeric class of the reduced fields. */
  readonly byClass = new Map<number, number>();
  /** Class numbers by a text class, for requests whose reduced fields cannot all be numbered. */
  readonly byText = new Map<string, number>();

  child(key: unknown): Node {
    if (key === this.#lastKey) return this.#last!;
    let n = this.next.get(key);
    if (n === undefined) {
      n = new Node();
      this.next.set(key, n);
    }
    this.#lastKey = key;
    this.#last = n;
    return n;
  }
}

/** The node of the fields `req` carries besides the reduced ones. */
function restNode(root: Node, req: AccessRequest): Node {
  let node = root;
  const fields = req as unknown as Record<string, unknown>;
  for (const k in fields) {
    if (reduced(k)) continue;
    node = node.child(k).child(text(fields[k]));
  }
  const token = req.token as unknown as Record<string, unknown> | undefined;
  if (token) {
    node = node.child(TOKEN);
    for (const k in token) if (k !== 'created') node = node.child(k).child(text(token[k]));
  }
  return node;
}

/** `world` with the org policy off, and on at every request's time: what a batch compares. */
function bothStates(world: World): [World, World] {
  return [
    { ...world, org: { ...world.org, ipValidation: false } },
    { ...world, org: { ...world.org, ipValidation: true, onAtEveryRequest: true } },
  ];
}

export class BatchDecider {
  readonly worldOff: World;
  readonly worldOn: World;
  readonly ips: IpTable;
  readonly users: UserTable;
  readonly decisions = new DecisionTable();
  readonly #assumptions: Assumptions;
  #root = new Node();
  #memoSize = 0;
  /** Ascending instants (ms) a request's time is compared with. */
  readonly #cuts: number[];
  readonly #enabledAtMs: number | undefined;
  readonly #createdMs = new Map<string, number | undefined>();
  readonly #times = new CanonicalTimes();
  /** The IP and user entries of the last request decided, for the report's columns. */
  ip = 0;
  user = 0;
  /** The sign-in IP's entry of the last request decided, -1 when it gave none. */
  signinIp = -1;
  /** The class of the last request decided (its entry among the classes), -1 if it was refused. */
  cls = -1;
  /**
   * Per class of requests decided: one of its requests (its own copy, which keeps no slice of a
   * file alive), its decision pair, and how many requests it had. Another reading of the disputed
   * rules decides each class once more instead of every row (newlyBlockedUnder).
   */
  readonly #reps: AccessRequest[] = [];
  #pairs = new Float64Array(1024);
  #counts = new Uint32Array(1024);

  /**
   * `world`'s org.ipValidation is ignored: both states are decided. "On" is the question "what if
   * it is on": on at every row's time, its enabledAt only sorting PATs created before / after (R12).
   */
  constructor(world: World, assumptions: Assumptions) {
    [this.worldOff, this.worldOn] = bothStates(world);
    this.#assumptions = assumptions;
    this.#ownAssumptions = JSON.stringify(assumptions);
    this.ips = new IpTable(world.policies, compileWorld(this.worldOn), assumptions);
    this.users = new UserTable(world.policies);
    this.#enabledAtMs = instant(world.org.enabledAt);
    const cuts = FIXED_INSTANTS.map((t) => instant(t)!);
    if (this.#enabledAtMs !== undefined) cuts.push(this.#enabledAtMs);
    this.#cuts = [...new Set(cuts)].sort((a, b) => a - b);
  }

  /**
   * How many fixed instants are at or before `at`; -1 when it is not a time. `known`: its instant
   * as the log's reader read it, NaN if it did not.
   */
  #atClass(at: string, known: number): number {
    // Read every time: comparing with the last row's text cost more than reading the digits, as
    // two times of a log differ only in their last characters.
    const ms = known === known ? known : (this.#times.ms(at) ?? instant(at));
    if (ms === undefined) return -1;
    const cuts = this.#cuts;
    let c = 0;
    while (c < cuts.length && cuts[c]! <= ms) c++;
    return c;
  }

  /** 0: no date, 1: before org.enabledAt, 2: not before; -1: not a date. `known` as for #atClass. */
  #createdClass(created: string | undefined, known: number): number {
    if (created === undefined) return 0;
    // The canonical form is read from its digits (cheaper than any lookup); other texts, which
    // instant() must parse, once each.
    let ms = known === known ? known : canonicalMs(created);
    if (ms === undefined) ms = this.#createdMs.get(created);
    if (ms === undefined && !this.#createdMs.has(created)) {
      ms = fastInstant(created);
      if (this.#createdMs.size > 100_000) this.#createdMs.clear();
      this.#createdMs.set(created, ms);
    }
    if (ms === undefined) return -1;
    return this.#enabledAtMs !== undefined && ms < this.#enabledAtMs ? 1 : 2;
  }

  /** The node of the last #slot() key: a numeric key is in its byClass, a text key in byText. */
  #slotNode: Node = this.#root;

  /**
   * The key the decision for `req`'s class is kept under (in #slotNode, set here, as are `ip` and
   * `user`), or undefined if evaluate() may refuse the request. No array per request: this runs
   * for every row of a log.
   */
  #slot(
    req: AccessRequest,
    atMs: number,
    createdMs: number,
    ipv4: number,
  ): number | string | undefined {
    const ips = this.ips;
    const ip = (this.ip = ips.lookup(req.ip, ipv4));
    const user = (this.user = this.users.lookup(req.user ?? ''));
    this.signinIp = -1;
    if (!FLOWS.includes(req.flow)) return undefined;
    const ipClass = ips.classOf(ip);
    if (ipClass === INVALID_CLASS) return undefined;
    let signinClass = ipClass;
    let split = 0;
    if (req.signinIp !== undefined) {
      const s = (this.signinIp = ips.lookup(req.signinIp));
      signinClass = ips.classOf(s);
      if (signinClass === INVALID_CLASS) return undefined;
      split = ips.sameAddress(ip, s) ? 0 : 1;
    }
    const atClass = this.#atClass(req.at, atMs);
    if (atClass < 0) return undefined;
    const created = this.#createdClass(req.token?.created, createdMs);
    if (created < 0) return undefined;
    this.#slotNode = restNode(this.#root, req);
    const userClass = this.users.classOf(user);
    // The numeric class must stay below 2^53: beyond these sizes the text class takes over.
    const wide = ipClass >= 0x1000 || signinClass >= 0x1000 || userClass >= 0x10000 || atClass >= 8;
    // Other times are compared with `at` itself, and groups are read with the user: those
    // requests keep them whole.
    if (
      wide ||
      req.groups !== undefined ||
      req.lastSignInAt !== undefined ||
      req.token?.expires !== undefined
    ) {
      const key = JSON.stringify([
        ipClass,
        signinClass,
        split,
        req.user,
        req.groups,
        req.at,
        req.lastSignInAt,
        req.token?.expires,
        created,
      ]);
      return key;
    }
    const key =
      ((((ipClass * 0x1000 + signinClass) * 2 + split) * 0x10000 + userClass) * 8 + atClass) * 3 +
      created;
    return key;
  }

  #decide(world: World, req: AccessRequest): number | string {
    const trace = new QuietTrace();
    const r = evaluateWith(world, req, this.#assumptions, trace);
    if (!r.ok) return r.error;
    const policy = r.value.outcome === 'allowed' ? null : trace.decisivePolicy;
    return this.decisions.number(r.value, policy);
  }

  /**
   * The decision numbers (in `decisions.list`) for `req` with the org policy off and on, as
   * off * 65536 + on; or evaluate()'s message when it refuses the request. `atMs`, `createdMs`:
   * the instants of req.at and req.token.created as a log's reader read them (RowReads), NaN
   * when not known; `ipv4`: scanIpv4(req.ip) as the reader found it, NaN when not known. They
   * save reading each cell twice, and must be what those texts read as.
   */
  decide(req: AccessRequest, atMs = NaN, createdMs = NaN, ipv4 = NaN): number | string {
    const slot = this.#slot(req, atMs, createdMs, ipv4);
    const node = this.#slotNode;
    if (slot !== undefined) {
      const known = typeof slot === 'number' ? node.byClass.get(slot) : node.byText.get(slot);
      if (known !== undefined) {
        this.#counts[known]!++;
        this.cls = known;
        return this.#pairs[known]!;
      }
    }
    this.cls = -1;
    const off = this.#decide(this.worldOff, req);
    if (typeof off === 'string') return off;
    const on = this.#decide(this.worldOn, req);
    if (typeof on === 'string') return on;
    const pair = off * 65536 + on;
    const k = (this.cls = this.#addClass(req, pair));
    if (slot !== undefined) {
      if (++this.#memoSize > MEMO_LIMIT) {
        this.#root = new Node();
        this.#memoSize = 0;
      } else if (typeof slot === 'number') node.byClass.set(slot, k);
      else node.byText.set(slot, k);
    }
    return pair;
  }

  #addClass(req: AccessRequest, pair: number): number {
    const k = this.#reps.length;
    if (k >= this.#pairs.length) {
      const pairs = new Float64Array(k * 2);
      pairs.set(this.#pairs);
      this.#pairs = pairs;
      const counts = new Uint32Array(k * 2);
      counts.set(this.#counts);
      this.#counts = counts;
    }
    this.#reps.push(JSON.parse(JSON.stringify(req)) as AccessRequest);
    this.#pairs[k] = pair;
    this.#counts[k] = 1;
    return k;
  }

  /** Classes of requests decided so far (a few hundred for a real log). */
  get classes(): number {
    return this.#reps.length;
  }

  /**
   * How many of the requests decided so far would be newly refused (allowed with the org policy
   * off, refused with it on) under `assumptions` instead: each class is decided once more by the
   * engine, not each row. Only the disputed readings (R12, R7, R8) may differ from the
   * assumptions this decider was made with: the classes do not depend on those, while R9's
   * reading changes which addresses match a location, so it must stay the same.
   */
  newlyBlockedUnder(assumptions: Assumptions, readings: Readings = {}): number {
    this.#sameMapping(assumptions);
    let n = 0;
    for (let k = 0; k < this.#reps.length; k++)
      if (
        this.#allowed(false, k, assumptions, readings) &&
        !this.#allowed(true, k, assumptions, readings)
      )
        n += this.#counts[k]!;
    return n;
  }

  /**
   * Per reading (the org policy off or on, the assumptions, the readings): whether each class is
   * allowed (1) or not (2), 0 until asked. A range asks the same reading more than once (the
   * strict end's count and its R22 share both start from it): each class is evaluated once.
   */
  readonly #allowedMemo = new Map<string, Uint8Array>();
  /** The assumptions the classes were decided under, as #allowed's keys write them. */
  readonly #ownAssumptions: string;

  /** Whether class k is allowed with the org policy `on` or off, under that reading. */
  #allowed(on: boolean, k: number, assumptions: Assumptions, readings: Readings): boolean {
    const key = `${on ? 1 : 0}${readings.undatedPatsBefore ? 1 : 0}${JSON.stringify(assumptions)}`;
    let memo = this.#allowedMemo.get(key);
    if (!memo || memo.length <= k) {
      const grown = new Uint8Array(Math.max(this.#reps.length, 64));
      if (memo) grown.set(memo);
      this.#allowedMemo.set(key, (memo = grown));
    }
    if (memo[k] === 0) {
      if (!readings.undatedPatsBefore && key.slice(2) === this.#ownAssumptions) {
        // The reading the classes were decided under: their decisions are known (the first
        // request of each class was evaluated as its rep is), so none is evaluated again.
        const pair = this.#pairs[k]!;
        const d = this.decisions.list[on ? pair % 65536 : Math.floor(pair / 65536)]!;
        memo[k] = d.outcome === 'allowed' ? 1 : 2;
      } else {
        const world = on ? this.#worldOnFor(readings) : this.worldOff;
        const r = evaluateWith(world, this.#repFor(k, readings), assumptions, new QuietTrace());
        memo[k] = r.ok && r.value.outcome === 'allowed' ? 1 : 2;
      }
    }
    return memo[k] === 1;
  }

  /**
   * R22 among the requests decided so far: those allowed with the org policy on and off that a
   * policy left out for want of a fact (groups, country, …: the log does not carry it) would newly
   * refuse if that fact held. `total` counts each request once; `byFact` under each fact of the
   * policies that would refuse it. Each class is evaluated once more, with dependsOn.
   */
  dependingOn(assumptions: Assumptions, readings: Readings = {}): DependingOn {
    this.#sameMapping(assumptions);
    const worldOn = this.#worldOnFor(readings);
    // dependsOn costs one more run of the flows per policy left out, and changes no outcome: it
    // is asked for only where the answer can count (allowed both ways, and some policy that was
    // left out would refuse with the org policy on).
    const ask = (world: World, req: AccessRequest, dependsOn: boolean) => {
      const r = evaluateWith(world, req, assumptions, new QuietTrace(), { dependsOn });
      return r.ok ? r.value : undefined;
    };
    const refusingOf = (d: { dependsOn: DependsOn[] } | undefined) =>
      (d?.dependsOn ?? []).filter((x) => x.outcome !== 'allowed');
    const byFact = new Map<Fact, number>();
    let total = 0;
    for (let k = 0; k < this.#reps.length; k++) {
      // Allowed both ways first, from the memo (dependsOn changes no outcome).
      if (!this.#allowed(false, k, assumptions, readings)) continue;
      if (!this.#allowed(true, k, assumptions, readings)) continue;
      const req = this.#repFor(k, readings);
      const on = ask(worldOn, req, true);
      if (on?.outcome !== 'allowed') continue;
      const onRefusing = refusingOf(on);
      if (!onRefusing.length) continue;
      // A policy that would refuse it with the org policy off too refuses nothing newly.
      const offRefusing = new Set(refusingOf(ask(this.worldOff, req, true)).map((d) => d.id));
      const refusing = onRefusing.filter((d) => !offRefusing.has(d.id));
      if (!refusing.length) continue;
      const count = this.#counts[k]!;
      total += count;
      for (const f of new Set(refusing.flatMap((d) => d.facts)))
        byFact.set(f, (byFact.get(f) ?? 0) + count);
    }
    return { total, byFact: [...byFact].map(([fact, count]) => ({ fact, count })) };
  }

  /**
   * Whether a request of class `k`, from `ip` (and `signinIp`, when the row gave one), would be
   * newly refused in `world` instead (a remedy's tenant: the same policies, a named location
   * grown). The class keeps everything else the engine reads from its rows, and what it reduced
   * (time, user, token date) the change does not touch; the addresses are given whole, so
   * evaluate() matches them afresh against the changed locations.
   */
  newlyRefusedIn(world: World, k: number, ip: string, signinIp: string | undefined): boolean {
    const [off, on] = bothStates(world);
    const req: AccessRequest = { ...this.#reps[k]!, ip };
    if (signinIp === undefined) delete req.signinIp;
    else req.signinIp = signinIp;
    const allowed = (w: World) => {
      const r = evaluateWith(w, req, this.#assumptions, new QuietTrace());
      return r.ok && r.value.outcome === 'allowed';
    };
    return allowed(off) && !allowed(on);
  }

  #sameMapping(assumptions: Assumptions): void {
    if (assumptions['ipv4-mapped'] !== this.#assumptions['ipv4-mapped'])
      throw new Error('newlyBlockedUnder: ipv4-mapped must stay as the decider was made');
  }

  /** worldOn with the policy going on after every row, made once (its compiled form is kept). */
  #neverYet: World | undefined;

  #worldOnFor(readings: Readings): World {
    const on = this.worldOn;
    if (!readings.undatedPatsBefore || on.org.enabledAt !== undefined) return on;
    return (this.#neverYet ??= { ...on, org: { ...on.org, enabledAt: NEVER_YET } });
  }

  #repFor(k: number, readings: Readings): AccessRequest {
    const req = this.#reps[k]!;
    return readings.undatedPatsBefore && req.token?.kind === 'pat' && !req.token.created
      ? { ...req, token: { ...req.token, created: EARLIEST } }
      : req;
  }
}
