// Which git command a play shows: a push for push-code; for a read, the verb the author's title
// uses ("Kim pulls from a café" is a pull into an existing clone, "Dana clones…" a fresh clone).
import type { Action } from '../engine/types';
import type { GitVerb } from '../engine/responses';

export function gitVerb(action: Action | undefined, title = ''): GitVerb {
  if (action === 'push-code') return 'push';
  return /\bpull/i.test(title) ? 'pull' : 'clone';
}
