// Compiles a World's named locations into range sets once, so that evaluating many requests
// against the same world (the impact analysis) does not re-parse CIDRs. Memoised per World object.
import { compileRanges, type RangeSet } from '../ip/rangeSet';
import type { NamedLocation, World } from './types';

export interface CompiledWorld {
  world: World;
  locationsById: Map<string, NamedLocation>;
  rangesById: Map<string, RangeSet>;
  /** Union of every trusted IP named location (used by 'AllTrusted'). */
  trusted: RangeSet;
}

const cache = new WeakMap<World, CompiledWorld>();

export function compileWorld(world: World): CompiledWorld {
  const hit = cache.get(world);
  if (hit) return hit;
  const locationsById = new Map<string, NamedLocation>();
  const rangesById = new Map<string, RangeSet>();
  const trustedCidrs: string[] = [];
  for (const loc of world.locations) {
    locationsById.set(loc.id, loc);
    if (loc.kind === 'ip') {
      rangesById.set(loc.id, compileRanges(loc.ipRanges));
      if (loc.isTrusted) trustedCidrs.push(...loc.ipRanges);
    }
  }
  const compiled = { world, locationsById, rangesById, trusted: compileRanges(trustedCidrs) };
  cache.set(world, compiled);
  return compiled;
}
