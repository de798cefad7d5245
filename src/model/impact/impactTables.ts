// Distinct IPs and users of a sign-in log, each numbered once with what every policy thinks of it
// (location membership, user targeting). Real logs repeat both, so the per-row cost becomes one
// Map lookup, and the numbers double as the compact per-row storage of the report.
import { targetsUser } from '../engine/assignments';
import type { CompiledWorld } from '../engine/compiledWorld';
import type { CompiledPolicy } from './impactPolicies';
import { parseIp, type ParsedIp } from '../ip/ip';
import { formatIpv6, ipFromV4 } from '../ip/ipNumeric';
import { parseIpText, parseIpv4Text } from '../ip/ipText';
import { V4Index } from './impactV4Index';
import { memberOf, type LocationContext } from '../engine/locationMatch';
import type { Assumptions, Policy } from '../engine/types';

export const OUT = 0;
export const IN = 1;
export const UNKNOWN = 2;

/**
 * parseIp(text) for range lookups: the same numbers, but an IPv6 address's normalised text (which
 * costs more than parsing it, and no lookup reads) is only built if asked for. Or evaluate()'s
 * message for an address it refuses.
 */
function parseForLookup(text: string): ParsedIp | string {
  const value = parseIpText(text.trim());
  if (typeof value === 'string') {
    const r = parseIp(text);
    return `ip: ${r.ok ? value : r.error}`;
  }
  if (typeof value === 'number') return ipFromV4(value);
  return {
    family: 6,
    hi: value[0],
    w1: value[1],
    w2: value[2],
    lo: value[3],
    get text() {
      return formatIpv6(value);
    },
  };
}

/** A string → number table with `stride` bytes of facts per entry, grown by doubling. */
abstract class FactTable {
  readonly texts: string[] = [];
  readonly #index = new Map<string, number>();
  #facts: Uint8Array;
  protected readonly stride: number;

  constructor(stride: number) {
    this.stride = stride;
    this.#facts = new Uint8Array(Math.max(1, stride) * 256);
  }

  /** Facts of entry i at [i * stride, (i + 1) * stride). Re-read after lookups: it may grow. */
  get facts(): Uint8Array {
    return this.#facts;
  }

  lookup(text: string): number {
    const known = this.#index.get(text);
    if (known !== undefined) return known;
    const i = this.add(text);
    this.#index.set(text, i);
    return i;
  }

  /** A new entry for `text`, its facts filled in. */
  protected add(text: string): number {
    const i = this.texts.length;
    this.texts.push(text);
    if ((i + 1) * this.stride > this.#facts.length) {
      const grown = new Uint8Array(this.#facts.length * 2);
      grown.set(this.#facts);
      this.#facts = grown;
    }
    this.fill(text, i, this.#facts, i * this.stride);
    return i;
  }

  protected abstract fill(text: string, i: number, facts: Uint8Array, at: number): void;
}

/** Per IP and policy: does the policy's location condition select it? (R17, R9) */
export class IpTable extends FactTable {
  readonly #errors = new Map<number, string>();
  readonly #v4 = new V4Index();
  /** Every location reference the policies use ('All', 'AllTrusted', ids), each asked once per IP. */
  readonly #refs: string[];
  /** Per policy: positions in #refs of its included and excluded locations; null: no condition. */
  readonly #conditions: ({ include: number[]; exclude: number[] } | null)[];
  readonly #membership: Uint8Array;

  constructor(
    policies: readonly CompiledPolicy[],
    world: Policy[],
    private readonly compiled: CompiledWorld,
    private readonly assumptions: Assumptions,
  ) {
    super(policies.length);
    const refs = new Map<string, number>();
    const at = (ref: string) => {
      if (!refs.has(ref)) refs.set(ref, refs.size);
      return refs.get(ref)!;
    };
    this.#conditions = policies.map((p) => {
      const cond = world[p.index]!.locations;
      return cond
        ? { include: cond.includeLocations.map(at), exclude: cond.excludeLocations.map(at) }
        : null;
    });
    this.#refs = [...refs.keys()];
    this.#membership = new Uint8Array(this.#refs.length);
  }

  /** Canonical IPv4 text (the common case) is looked up by its number, the rest by text. */
  override lookup(text: string): number {
    if (text.indexOf(':') < 0) {
      const v4 = parseIpv4Text(text);
      if (typeof v4 === 'number') {
        let i = this.#v4.get(v4);
        if (i < 0) {
          i = this.add(text);
          this.#v4.set(v4, i);
        }
        return i;
      }
    }
    return super.lookup(text);
  }

  /** evaluate()'s message for an address it would refuse. */
  error(i: number): string | undefined {
    return this.#errors.get(i);
  }

  protected fill(text: string, i: number, facts: Uint8Array, at: number): void {
    const ip = parseForLookup(text);
    if (typeof ip === 'string') {
      this.#errors.set(i, ip);
      return;
    }
    const ctx: LocationContext = { compiled: this.compiled, ip, assumptions: this.assumptions };
    const member = this.#membership;
    this.#refs.forEach((ref, r) => {
      const m = memberOf(ref, ctx);
      member[r] = m === 'in' ? IN : m === 'unknown' ? UNKNOWN : OUT;
    });
    // As anyOf in locationMatch.ts: the first 'in' wins, else 'unknown' if any, else 'out'.
    const anyOf = (refs: number[]) => {
      let unknown = false;
      for (const r of refs) {
        if (member[r] === IN) return IN;
        if (member[r] === UNKNOWN) unknown = true;
      }
      return unknown ? UNKNOWN : OUT;
    };
    this.#conditions.forEach((cond, k) => {
      if (!cond) {
        facts[at + k] = IN;
        return;
      }
      // As matchLocations: include, then exclude; exclusion wins; a country location is unknown.
      const inc = anyOf(cond.include);
      const exc = inc === OUT ? OUT : anyOf(cond.exclude);
      facts[at + k] =
        inc === OUT || exc === IN ? OUT : inc === UNKNOWN || exc === UNKNOWN ? UNKNOWN : IN;
    });
  }
}

/** Per user and policy: does the policy's user condition target them? (matched literally) */
export class UserTable extends FactTable {
  constructor(
    private readonly policies: readonly CompiledPolicy[],
    private readonly world: Policy[],
  ) {
    super(policies.length);
  }

  protected fill(text: string, _i: number, facts: Uint8Array, at: number): void {
    const req = { flow: 'pat' as const, ip: '', at: '', user: text === '' ? undefined : text };
    this.policies.forEach((p, k) => {
      facts[at + k] = targetsUser(this.world[p.index]!, req).match ? 1 : 0;
    });
  }
}
