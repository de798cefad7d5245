// The diagram's accessible name: who sends what, to where, under which org policy.
import type { Flow } from '../model/engine/types';
import type { NodeBox } from './types';

export function diagramTitle(nodes: NodeBox[], flow: Flow, orgPolicyOn: boolean): string {
  const actor = nodes.find((n) => n.id === 'actor');
  const resource = nodes.find((n) => n.id === 'resource');
  const who = actor ? `${actor.label} (${actor.sublabel})` : 'the actor';
  const what = actor?.pill ?? `a ${flow} request`;
  const where = resource ? `${resource.label} in Azure DevOps` : 'Azure DevOps';
  return `Route of a request: ${who}, ${what}, to ${where}; IP CA validation ${orgPolicyOn ? 'on' : 'off'}`;
}
