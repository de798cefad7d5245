// Distinct IPs and users of a log, each numbered once (the numbers are the report's compact per-row
// storage) and put in a class: two IPs, or two users, in the same class are told apart by nothing
// the engine reads, so the batch path decides one request per class and shares the answer.
import { targetsUser } from '../engine/assignments';
import type { CompiledWorld } from '../engine/compiledWorld';
import { memberOf } from '../engine/locationMatch';
import type { Assumptions, Policy } from '../engine/types';
import { ipv4FromMapped, parseIp } from '../ip/ip';
import { scanIpv4 } from '../ip/ipText';
import { cellText } from './cellText';
import { V4Index } from './impactV4Index';

/** Class of an entry the engine refuses (an IP that does not parse): decided one by one. */
export const INVALID_CLASS = -1;

/** A string → number table where every entry also gets a class number, grown by doubling. */
abstract class ClassTable {
  readonly texts: string[] = [];
  readonly #index = new Map<string, number>();
  readonly #classes = new Map<string, number>();
  #classOf = new Int32Array(256);

  /** The class of entry i (INVALID_CLASS for an entry the engine refuses). */
  classOf(i: number): number {
    return this.#classOf[i]!;
  }

  lookup(text: string): number {
    const known = this.#index.get(text);
    if (known !== undefined) return known;
    const i = this.add(text);
    // Keyed by the very string given: rows hand in one string per distinct user or address (the
    // readers' cellText, or a caller's own), and a Map finds that one by a pointer test. The
    // readers' strings are copies that keep no slice of a file alive; a caller streaming rows of
    // its own should give such strings too.
    this.#index.set(text, i);
    return i;
  }

  /** A new entry for `text`, its class worked out. */
  protected add(text: string): number {
    const i = this.texts.length;
    // The shared copy (cellText): it keeps no slice of a file alive, and the readers hand in that
    // same string for every row, which the index then finds by a pointer test.
    this.texts.push(this.keep(text));
    if (i >= this.#classOf.length) {
      const grown = new Int32Array(this.#classOf.length * 2);
      grown.set(this.#classOf);
      this.#classOf = grown;
    }
    const signature = this.signature(text, i);
    let c = INVALID_CLASS;
    if (signature !== undefined) {
      c = this.#classes.get(signature) ?? this.#classes.size;
      this.#classes.set(signature, c);
    }
    this.#classOf[i] = c;
    return i;
  }

  /** The text the table keeps for an entry: a copy that holds no slice of a file. */
  protected keep(text: string): string {
    return cellText(text);
  }

  /** Everything the engine could read about the entry, as text; undefined if it is refused. */
  protected abstract signature(text: string, i: number): string | undefined;
}

/**
 * IPs by membership in every location a policy names (R17, with R9 for IPv4-mapped addresses),
 * asked of the engine's memberOf; plus the family and the normalised text, for the split-tunnel
 * comparison (R10), which `sameAddress` answers.
 */
export class IpTable extends ClassTable {
  readonly #v4 = new V4Index();
  readonly #refs: string[];
  readonly #normalised: string[] = [];

  constructor(
    policies: readonly Policy[],
    private readonly compiled: CompiledWorld,
    private readonly assumptions: Assumptions,
  ) {
    super();
    const refs = new Set<string>(['All', 'AllTrusted']);
    for (const p of policies) {
      p.locations?.includeLocations.forEach((r) => refs.add(r));
      p.locations?.excludeLocations.forEach((r) => refs.add(r));
    }
    this.#refs = [...refs];
  }

  /**
   * Canonical IPv4 text (the common case) is looked up by its number, the rest by text. `known`:
   * scanIpv4(text) as a log's reader found it (RowReads), NaN when not known.
   */
  override lookup(text: string, known = NaN): number {
    // scanIpv4 stops at the first character an IPv4 address cannot have (an IPv6 address's ':').
    const v4 = known === known ? known : scanIpv4(text);
    if (v4 >= 0) {
      let i = this.#v4.get(v4);
      if (i < 0) {
        i = this.add(text);
        this.#v4.set(v4, i);
      }
      return i;
    }
    return super.lookup(text);
  }

  /** Canonical IPv4 is found by its number: its text needs no shared copy, only its own. */
  protected override keep(text: string): string {
    return scanIpv4(text) >= 0 ? (' ' + text).slice(1) : cellText(text);
  }

  /** Whether two entries are the same address once parsed (' 203.0.113.9' is 203.0.113.9). */
  sameAddress(a: number, b: number): boolean {
    return a === b || this.#normalised[a] === this.#normalised[b];
  }

  protected signature(text: string, i: number): string | undefined {
    const r = parseIp(text);
    if (!r.ok) return undefined;
    const ip = r.value;
    this.#normalised[i] = ip.text;
    const ctx = { compiled: this.compiled, ip, assumptions: this.assumptions };
    let s = `${ip.family}${ipv4FromMapped(ip) ? 'm' : ''}:`;
    for (const ref of this.#refs) s += memberOf(ref, ctx)[0];
    return s;
  }
}

/** What a user-condition answer means to the engine: a match, an unknown (groups), or neither. */
const userCode = (m: ReturnType<typeof targetsUser>) => (m.match ? 'y' : m.missing ? '?' : 'n');

/**
 * Users by what every policy's user condition says of them (targetsUser, matched literally, with
 * groups unknown and with groups assumed). Only whether it matches and whether a fact is missing
 * count: the texts name the user ("ann@… is in Engineering"), and keeping them made every user
 * a class of its own, so a log of 3,000 users was decided 3,000 times over.
 */
export class UserTable extends ClassTable {
  /** Every user a policy names (included or excluded), lower-cased as targetsUser compares them. */
  readonly #named = new Set<string>();
  /** The signature of a user no policy names, worked out for the first such user. */
  #unnamed: string | undefined;

  constructor(private readonly policies: readonly Policy[]) {
    super();
    for (const p of policies)
      for (const u of [...p.users.includeUsers, ...p.users.excludeUsers])
        this.#named.add(u.toLowerCase());
  }

  /**
   * targetsUser reads a user only to compare it with the names a policy lists (without case) and
   * to name them in its reasons, which the signature leaves out: users no policy names all get
   * the first one's signature, so a log of 3,000 users asks the policies about the few named.
   */
  protected signature(text: string): string | undefined {
    if (text === '' || this.#named.has(text.toLowerCase())) return this.#sign(text);
    return (this.#unnamed ??= this.#sign(text));
  }

  #sign(text: string): string {
    const req = { flow: 'pat' as const, ip: '', at: '', user: text === '' ? undefined : text };
    let s = '';
    for (const p of this.policies)
      s += userCode(targetsUser(p, req)) + userCode(targetsUser(p, req, true));
    return s;
  }
}
