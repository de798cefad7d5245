// What git prints follows the action: a push shows `git push`, a read shows `git clone`.
import { describe, expect, it } from 'vitest';
import { gitOutput } from '../../src/model/engine/responses';
import type { Decision } from '../../src/model/engine/types';

const base = {
  trace: [],
  policies: [],
  unknowns: [],
  stoppedAt: 'ado',
  decidedBy: 'R4',
  assumptions: {},
} as unknown as Decision;
const allowed = { ...base, outcome: 'allowed', status: 200, code: null, message: '' } as Decision;
const blocked = {
  ...base,
  outcome: 'blocked',
  status: 403,
  code: 'VS403463',
  message: 'VS403463: The conditional access policy has failed.',
} as Decision;

describe('gitOutput', () => {
  it.each([
    [allowed, 'pat', 'push-code', '$ git push origin main', 'main -> main'],
    [allowed, 'pat', 'read-code', '$ git clone https://', 'Receiving objects'],
    [blocked, 'pat', 'push-code', '$ git push origin main', 'error: 403'],
    [blocked, 'ssh', 'push-code', '$ git push origin main', 'Could not read from remote'],
    [blocked, 'ssh', undefined, '$ git clone git@ssh', 'Could not read from remote'],
  ] as const)('%#: %s, %s, %s', (d, flow, action, first, has) => {
    const text = gitOutput(d, flow, 'contoso', action);
    expect(text.split('\n')[0]).toContain(first);
    expect(text).toContain(has);
    expect(text.includes('Cloning into')).toBe(action !== 'push-code');
  });
});
