// Which actor the diagram draws for a lab request: inside a trusted named location it is "on
// premises", otherwise "external"; a pipeline agent is drawn as one.
import { compileWorld } from '../engine/compiledWorld';
import type { AccessRequest, World } from '../engine/types';

export type LabActorKind = 'onprem' | 'external' | 'pipeline';

export function trustedRanges(world: World): string[] {
  return world.locations.filter((l) => l.isTrusted && l.kind === 'ip').flatMap((l) => l.ipRanges);
}

export function labActorKind(world: World, req: AccessRequest): LabActorKind {
  if (req.client === 'pipeline-agent') return 'pipeline';
  return compileWorld(world).trusted.containsText(req.ip) ? 'onprem' : 'external';
}
