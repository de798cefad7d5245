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

export function gitOutput(d: Decision, flow: Flow, org = 'contoso', action?: Action): string {
  const url =
    flow === 'ssh'
      ? `git@ssh.dev.azure.com:v3/${org}/Web/web`
      : `https://dev.azure.com/${org}/Web/_git/web`;
  // What git prints follows the action: a push says so, anything else is a clone.
  const push = action === 'push-code';
  const command = push ? '$ git push origin main' : `$ git clone ${url}`;
  const start = push ? [] : ["Cloning into 'web'..."];
  if (d.outcome === 'allowed') {
    return push
      ? [
          command,
          'Enumerating objects: 5, done.',
          `To ${url}`,
          '   3f2a9c1..8b7d4e0  main -> main',
        ].join('\n')
      : [
          command,
          ...start,
          'remote: Azure Repos',
          'Receiving objects: 100% (1342/1342), done.',
        ].join('\n');
  }
  if (flow === 'ssh') {
    return [
      command,
      ...start,
      `remote: ${d.message}`,
      'fatal: Could not read from remote repository.',
    ].join('\n');
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
