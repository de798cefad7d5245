// Compiles a World's named locations into range sets once, so that evaluating many requests
// against the same world (the impact analysis, or the lab's sandbox as the actor is edited) does
// not re-parse CIDRs. Memoised per list of locations, so a new World around the same imported
// locations (the org switch flipped, a policy added) reuses them; and lazy: a location's ranges
// are compiled when a policy first asks about it, the trusted union when AllTrusted is first
// asked, so 45,000 imported locations cost nothing until they matter.
import { compileRanges, type RangeSet } from '../ip/rangeSet';
import type { NamedLocation, World } from './types';

export interface CompiledWorld {
  world: World;
  locationsById: Map<string, NamedLocation>;
  /** The range set of an IP named location (compiled on first use); undefined otherwise. */
  rangesOf(id: string): RangeSet | undefined;
  /** Union of every trusted IP named location (used by 'AllTrusted'), compiled on first use. */
  readonly trusted: RangeSet;
}

class LazyLocations {
  readonly locationsById = new Map<string, NamedLocation>();
  readonly #ranges = new Map<string, RangeSet>();
  #trusted: RangeSet | undefined;

  constructor(readonly locations: readonly NamedLocation[]) {
    for (const loc of locations) this.locationsById.set(loc.id, loc);
  }

  rangesOf(id: string): RangeSet | undefined {
    const hit = this.#ranges.get(id);
    if (hit) return hit;
    const loc = this.locationsById.get(id);
    if (loc?.kind !== 'ip') return undefined;
    const set = compileRanges(loc.ipRanges);
    this.#ranges.set(id, set);
    return set;
  }

  get trusted(): RangeSet {
    if (!this.#trusted) {
      const cidrs: string[] = [];
      for (const loc of this.locations)
        if (loc.kind === 'ip' && loc.isTrusted) for (const c of loc.ipRanges) cidrs.push(c);
      this.#trusted = compileRanges(cidrs);
    }
    return this.#trusted;
  }
}

const byLocations = new WeakMap<readonly NamedLocation[], LazyLocations>();

export function compileWorld(world: World): CompiledWorld {
  let lazy = byLocations.get(world.locations);
  if (!lazy) {
    lazy = new LazyLocations(world.locations);
    byLocations.set(world.locations, lazy);
  }
  const shared = lazy;
  return {
    world,
    locationsById: shared.locationsById,
    rangesOf: (id) => shared.rangesOf(id),
    get trusted() {
      return shared.trusted;
    },
  };
}
