// Box sizes for one actor and resource that fit the words of every flow and org policy state, so
// the boxes stay put when the player switches between PAT, SSH and sign-in, or flips the policy.
import { FLOWS } from '../model/engine/types';
import type { DiagramInput, NodeId } from './types';
import { nodeLabels } from './nodeLabels';
import { nodeSize } from './nodeSize';

export function nodeSizes(
  input: Pick<DiagramInput, 'actor' | 'resource'>,
  fontSize: number,
): Record<NodeId, { w: number; h: number }> {
  const ids: NodeId[] = ['actor', 'entra', 'ado', 'resource'];
  const sizes = Object.fromEntries(ids.map((id) => [id, { w: 0, h: 0 }])) as Record<
    NodeId,
    { w: number; h: number }
  >;
  for (const flow of FLOWS) {
    for (const on of [true, false]) {
      const text = nodeLabels(input.actor, flow, on, input.resource ?? 'repo');
      for (const id of ids) {
        const s = nodeSize(text[id], fontSize);
        sizes[id] = { w: Math.max(sizes[id].w, s.w), h: Math.max(sizes[id].h, s.h) };
      }
    }
  }
  return sizes;
}
