// Which git command a play shows: a push for push-code, otherwise the verb the scenario states
// (its `git` field, checked at build time), and a clone where no scenario says (the lab, or a
// play switched from the browser onto git).
import type { Action, Flow } from '../engine/types';
import { isGitAction, responseViews, type GitVerb } from '../engine/responses';

export function gitVerb(action: Action | undefined, stated?: GitVerb): GitVerb {
  if (action === 'push-code') return 'push';
  return stated && stated !== 'push' ? stated : 'clone';
}

/** What is wrong with a play's `git` field, or undefined: required when the play's own request
 * shows git, push exactly for push-code, and never on a request git does not carry. */
export function gitFieldProblem(
  request: { flow: Flow; action?: Action },
  git: GitVerb | undefined,
): string | undefined {
  const { flow, action } = request;
  if (!isGitAction(action))
    return git ? `"${git}" is not allowed: git does not carry ${action}` : undefined;
  if (!git)
    return responseViews(flow, action).includes('git')
      ? `is missing: say which git command the user typed (${action === 'push-code' ? '"push"' : '"clone" or "pull"'})`
      : undefined;
  if (action === 'push-code' && git !== 'push') return `must be "push" for push-code`;
  if (action !== 'push-code' && git === 'push')
    return `"push" needs the action push-code (the request ${action ? `is ${action}` : 'has no action, a read'})`;
  return undefined;
}
