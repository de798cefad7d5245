// Renders a Decision as the artefacts a user would really see: the REST response body, what git
// prints, and the Entra sign-in error page text. Pure strings; the UI shows them as text.
import type { Action, Decision, Flow } from './types';

export function restBody(d: Decision): string {
  if (d.outcome === 'allowed') return JSON.stringify({ count: 1, value: ['…'] }, null, 2);
  if (d.code === 'VS403463') {
    return JSON.stringify(
      {
        $id: '1',
        innerException: null,
        message: d.message,
        typeName:
          'Microsoft.VisualStudio.Services.Common.VssServiceException, Microsoft.VisualStudio.Services.Common',
        typeKey: 'VssServiceException',
        errorCode: 0,
        eventId: 3000,
      },
      null,
      2,
    );
  }
  if (d.code === 'AADSTS53003') {
    return JSON.stringify(
      {
        error: 'invalid_grant',
        error_description: d.message,
        error_codes: [53003],
        suberror: 'message_only',
      },
      null,
      2,
    );
  }
  return JSON.stringify({ message: d.message, status: d.status }, null, 2);
}

/** What the user typed at git: a push, a pull into an existing clone, or a fresh clone. */
export type GitVerb = 'clone' | 'pull' | 'push';

/** Only code goes through git: work items and pipelines are REST calls, never a git command. */
export const isGitAction = (action: Action | undefined) =>
  action === undefined || action === 'read-code' || action === 'push-code';

/** The views of the answer that make sense for this request: git only when git carried it. */
export function responseViews(flow: Flow, action?: Action): ('git' | 'rest' | 'signin')[] {
  if (flow === 'web' || flow === 'oauth') return ['signin', 'rest'];
  if (flow === 'ssh') return ['git'];
  return isGitAction(action) ? ['git', 'rest'] : ['rest'];
}

export function gitOutput(
  d: Decision,
  flow: Flow,
  org = 'contoso',
  action?: Action,
  verb: GitVerb = action === 'push-code' ? 'push' : 'clone',
): string {
  const url =
    flow === 'ssh'
      ? `git@ssh.dev.azure.com:v3/${org}/Web/web`
      : `https://dev.azure.com/${org}/Web/_git/web`;
  // What git prints follows the action: a push or a pull says so, anything else is a clone.
  const command = {
    push: '$ git push origin main',
    pull: '$ git pull origin main',
    clone: `$ git clone ${url}`,
  }[verb];
  const start = verb === 'clone' ? ["Cloning into 'web'..."] : [];
  if (d.outcome === 'allowed') {
    const done = {
      push: ['Enumerating objects: 5, done.', `To ${url}`, '   3f2a9c1..8b7d4e0  main -> main'],
      pull: [`From ${url}`, ' * branch            main       -> FETCH_HEAD', 'Already up to date.'],
      clone: ['remote: Azure Repos', 'Receiving objects: 100% (1342/1342), done.'],
    }[verb];
    return [command, ...start, ...done].join('\n');
  }
  if (flow === 'ssh') {
    // A refused key (T1) fails SSH's own authentication, before git's remote says anything.
    const refusal =
      d.status === 401
        ? 'git@ssh.dev.azure.com: Permission denied (publickey).'
        : `remote: ${d.message}`;
    return [command, ...start, refusal, 'fatal: Could not read from remote repository.'].join('\n');
  }
  const reason =
    d.status === 401 ? 'Authentication failed' : `The requested URL returned error: ${d.status}`;
  return [
    command,
    ...start,
    `remote: ${d.message}`,
    `fatal: unable to access '${url}/': ${reason}`,
  ].join('\n');
}

export function signinPage(d: Decision): string {
  if (d.outcome === 'allowed') return 'Signed in. Azure DevOps opens.';
  if (d.outcome === 'mfa-required')
    return 'Approve sign-in request\nOpen your Authenticator app and approve the request to sign in.';
  if (d.code === 'AADSTS53003')
    return `You cannot access this right now\nYour sign-in was successful but does not meet the criteria to access this resource.\n${d.message}`;
  return d.message;
}
