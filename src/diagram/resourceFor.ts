// Which resource box to draw for a request's action: code → repository, pipelines, work items.
import type { Action } from '../model/engine/types';
import type { ResourceKind } from './types';

export function resourceFor(action?: Action): ResourceKind {
  if (action === 'run-pipeline') return 'pipeline';
  if (action === 'create-work-item' || action === 'read-work-items') return 'boards';
  return 'repo';
}
