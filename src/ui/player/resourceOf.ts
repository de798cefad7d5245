// Which resource box the diagram draws for a request's action.
import type { ResourceKind } from '../../diagram/types';
import type { Action } from '../../model/engine/types';

const RESOURCE: Record<Action, ResourceKind> = {
  'read-code': 'repo',
  'push-code': 'repo',
  'run-pipeline': 'pipeline',
  'create-work-item': 'boards',
  'read-work-items': 'boards',
};

export function resourceOf(action: Action | undefined): ResourceKind {
  return action ? RESOURCE[action] : 'repo';
}
