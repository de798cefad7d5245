// The diagram's text alternative and accessible name, step by step.
import { describe, expect, it } from 'vitest';
import { describeStep, diagramTitle, resourceFor } from '../../src/diagram/words';
import { computeLayout } from '../../src/diagram/layout';
import type { Decision, TraceStep } from '../../src/model/engine/types';

const trace: TraceStep[] = [
  {
    rule: 'R9',
    result: 'pass',
    stage: 'client',
    detail: 'The request comes from 198.51.100.7',
    sources: ['ADO-CAP'],
  },
  {
    rule: 'R5',
    result: 'skip',
    stage: 'entra',
    detail: 'No interactive sign-in.',
    sources: ['ART'],
  },
  {
    rule: 'R4',
    result: 'fail',
    stage: 'ado',
    detail: '198.51.100.7 is outside every trusted range',
    sources: ['ART'],
  },
];
const blocked: Decision = {
  outcome: 'blocked',
  status: 403,
  code: 'VS403463',
  message:
    'The Conditional Access policy defined by your Azure Active Directory administrator has failed',
  stoppedAt: 'ado',
  decidedBy: 'R4',
  trace,
  policies: [],
  assumptions: {
    'existing-pats': 'exempt',
    'mfa-only-policy-on-pat': 'ignored',
    'device-policy-on-pat': 'ignored',
    'ipv4-mapped': 'distinct',
  },
  unknowns: [],
  dependsOn: [],
};
const allowed: Decision = {
  ...blocked,
  outcome: 'allowed',
  status: 200,
  code: null,
  message: '',
  stoppedAt: 'resource',
  trace: trace.slice(0, 1),
};
const mfa: Decision = {
  ...blocked,
  outcome: 'mfa-required',
  status: 401,
  code: 'AADSTS53003',
  message: 'MFA needed.',
  trace: [],
};

describe('describeStep', () => {
  it.each([
    [blocked, -1, 'Not started: the request waits at the client, with 3 checks ahead.'],
    [
      blocked,
      0,
      'Step 1 of 3, at the client: passed (rule R9). The request comes from 198.51.100.7.',
    ],
    [blocked, 1, 'Step 2 of 3, at Microsoft Entra: skipped (rule R5). No interactive sign-in.'],
    [
      blocked,
      2,
      'Step 3 of 3, at Azure DevOps: failed (rule R4). 198.51.100.7 is outside every trusted range. ' +
        'Outcome: Blocked (HTTP 403 · VS403463). The Conditional Access policy defined by your Azure Active Directory administrator has failed.',
    ],
    [
      blocked,
      7,
      'Finished after 3 checks. Outcome: Blocked (HTTP 403 · VS403463). The Conditional Access policy defined by your Azure Active Directory administrator has failed.',
    ],
    [allowed, -1, 'Not started: the request waits at the client, with 1 check ahead.'],
    [
      allowed,
      0,
      'Step 1 of 1, at the client: passed (rule R9). The request comes from 198.51.100.7. Outcome: Allowed (HTTP 200).',
    ],
    [
      mfa,
      0,
      'Finished after 0 checks. Outcome: MFA required (HTTP 401 · AADSTS53003). MFA needed.',
    ],
  ] as const)('%#: step %i', (d, i, text) => {
    expect(describeStep(d, i)).toBe(text);
  });
});

describe('diagramTitle', () => {
  it.each([
    [
      'external',
      'pat',
      true,
      'Route of a request: External user (from the internet), PAT · git / REST, to Repository in Azure DevOps; IP CA validation on',
    ],
    [
      'vpn',
      'web',
      false,
      'Route of a request: VPN user (through the VPN), Browser sign-in, to Repository in Azure DevOps; IP CA validation off',
    ],
  ] as const)('%s %s, policy %s', (actor, flow, on, title) => {
    const l = computeLayout({ width: 360, actor, flow, orgPolicyOn: on, trustedRanges: [] });
    expect(diagramTitle(l.nodes, flow, on)).toBe(title);
  });
});

describe('resourceFor', () => {
  it.each([
    [undefined, 'repo'],
    ['read-code', 'repo'],
    ['push-code', 'repo'],
    ['run-pipeline', 'pipeline'],
    ['create-work-item', 'boards'],
    ['read-work-items', 'boards'],
  ] as const)('%s → %s', (action, kind) => {
    expect(resourceFor(action)).toBe(kind);
  });
});
