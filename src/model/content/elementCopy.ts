// What the one-file custom element build ships of each scenario (src/build/catalogPlugin.ts, after
// validation): everything its two views show or run, without the fields only other views read.
// The Graph JSON as written (`graph`, the player's "what this looks like in Entra" panel) and the
// scenario's source list (the player's "Why?" panel) are left out; nothing else changes, so the
// engine, the stage and the compare lanes see the same scenario as the app.
import type { Scenario } from './scenario';

export function elementCopy(s: Scenario): Scenario {
  return { ...s, graph: { namedLocations: [], policies: [] }, sources: [] };
}
