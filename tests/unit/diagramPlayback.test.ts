// What the diagram shows at each step of a trace: badge states, where the token rests, which box
// refused the request — table-driven over a blocked PAT, an allowed sign-in and an MFA prompt.
import { describe, expect, it } from 'vitest';
import { checkStates, tokenTarget, refusedBy, isFinished } from '../../src/diagram/progress';
import { boundaryText, rangeLines } from '../../src/diagram/text';
import { computeLayout } from '../../src/diagram/layout';
import type { Decision, Stage, TraceStep } from '../../src/model/engine/types';

const step = (stage: Stage, result: TraceStep['result']): TraceStep => ({
  rule: 'R4',
  result,
  stage,
  detail: `${stage} ${result}`,
  sources: ['ART'],
});

function decision(outcome: Decision['outcome'], stoppedAt: Stage, trace: TraceStep[]): Decision {
  return {
    outcome,
    status: outcome === 'allowed' ? 200 : 403,
    code: outcome === 'allowed' ? null : 'VS403463',
    message: '',
    stoppedAt,
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
}

const blockedPat = decision('blocked', 'ado', [
  step('client', 'pass'),
  step('token', 'pass'),
  step('entra', 'skip'),
  step('ado', 'fail'),
  step('scope', 'skip'),
]);
const allowedWeb = decision('allowed', 'resource', [
  step('client', 'pass'),
  step('entra', 'pass'),
  step('ado', 'pass'),
  step('scope', 'pass'),
]);
// As the engine writes it: one step per policy looked at by the same gate.
const repeated = decision('blocked', 'ado', [
  step('token', 'pass'),
  step('ado', 'pass'),
  step('ado', 'pass'),
  step('ado', 'fail'),
  step('ado', 'fail'),
]);
const mfa = decision('mfa-required', 'entra', [step('client', 'pass'), step('entra', 'challenge')]);
/** An OAuth token request under an MFA policy: refused with AADSTS50076, a real failure. */
const mfaRefused = decision('mfa-required', 'entra', [
  step('client', 'pass'),
  step('entra', 'fail'),
]);
const layout = computeLayout({
  width: 1280,
  actor: 'external',
  flow: 'pat',
  orgPolicyOn: true,
  trustedRanges: [],
});
const cp = (stage: Stage) => layout.checkpoints.find((c) => c.stage === stage)!;

describe('checkStates', () => {
  it.each([
    [blockedPat, -1, { client: 'pending', token: 'pending', entra: 'pending', ado: 'pending' }],
    [blockedPat, 1, { client: 'pass', token: 'pass', entra: 'pending', ado: 'pending' }],
    [blockedPat, 3, { client: 'pass', entra: 'skip', ado: 'fail', scope: 'pending' }],
    [blockedPat, 9, { ado: 'fail', scope: 'skip', resource: 'pending' }],
    [allowedWeb, 3, { client: 'pass', token: 'pending', entra: 'pass', scope: 'pass' }],
    [mfa, 1, { client: 'pass', entra: 'challenge', ado: 'pending' }],
  ] as const)('%#: step %i', (d, i, expected) => {
    expect(checkStates(d, i)).toMatchObject(expected);
  });

  it('lets a failure win over a challenge, and a challenge over a pass', () => {
    const d = decision('blocked', 'entra', [
      step('entra', 'pass'),
      step('entra', 'challenge'),
      step('entra', 'fail'),
    ]);
    expect(checkStates(d, 1).entra).toBe('challenge');
    expect(checkStates(d, 2).entra).toBe('fail');
  });

  it('lets a failure win over a pass at the same stage', () => {
    const d = decision('blocked', 'ado', [
      step('ado', 'pass'),
      step('ado', 'fail'),
      step('ado', 'skip'),
    ]);
    expect(checkStates(d, 2).ado).toBe('fail');
  });
});

describe('tokenTarget', () => {
  it.each([
    ['before the start', blockedPat, -1, 0],
    ['waiting at the client gate', blockedPat, 0, cp('client').holdBefore],
    ['waiting at the skipped Entra gate', blockedPat, 2, cp('entra').holdBefore],
    ['held before the failed check', blockedPat, 3, cp('ado').holdBefore],
    ['still held once finished', blockedPat, 4, cp('ado').holdBefore],
    ['waiting at Azure DevOps', allowedWeb, 2, cp('ado').holdBefore],
    ['at the resource when allowed', allowedWeb, 3, 1],
    ['at the resource beyond the end', allowedWeb, 99, 1],
    ['held before Entra on an MFA prompt', mfa, 1, cp('entra').holdBefore],
    ['kept at a gate checked several times', repeated, 2, cp('ado').holdBefore],
    ['kept there when a later check at it fails', repeated, 3, cp('ado').holdBefore],
  ] as const)('%s', (_name, d, i, expected) => {
    expect(tokenTarget(d, i, layout.checkpoints)).toBe(expected);
  });

  it('never moves backwards while a trace plays forwards', () => {
    for (const d of [blockedPat, allowedWeb, mfa, repeated]) {
      const ts = [-1, 0, 1, 2, 3, 4, 5].map((i) => tokenTarget(d, i, layout.checkpoints));
      for (let i = 1; i < ts.length; i++) expect(ts[i]).toBeGreaterThanOrEqual(ts[i - 1] as number);
    }
  });

  it("stops at the decision's stage when no step failed", () => {
    const d = decision('blocked', 'token', [step('client', 'pass'), step('token', 'skip')]);
    expect(tokenTarget(d, 1, layout.checkpoints)).toBe(cp('token').holdBefore);
  });
});

describe('isFinished and refusedBy', () => {
  it.each([
    [blockedPat, -1, false, null],
    [blockedPat, 3, false, null],
    [blockedPat, 4, true, 'ado'],
    [allowedWeb, 3, true, null],
    [mfa, 1, true, null],
    [mfaRefused, 1, true, 'entra'],
    [decision('blocked', 'client', []), -1, false, null],
    [decision('blocked', 'client', []), 0, true, 'actor'],
  ] as const)('%#: step %i', (d, i, finished, node) => {
    expect(isFinished(d, i)).toBe(finished);
    expect(refusedBy(d, i)).toBe(node);
  });
});

describe('rangeLines', () => {
  it.each([
    [[], 20, ['no ranges set']],
    [['10.0.0.0/8'], 20, ['10.0.0.0/8']],
    [
      ['10.0.0.0/8', '192.168.0.0/16', '203.0.113.0/24'],
      30,
      ['10.0.0.0/8, 192.168.0.0/16', '203.0.113.0/24'],
    ],
    [
      ['10.0.0.0/8', '192.168.0.0/16', '203.0.113.0/24', '198.51.100.0/24'],
      22,
      ['10.0.0.0/8', 'and 3 more'],
    ],
    [
      ['10.0.0.0/8', '192.168.0.0/16', '203.0.113.0/24', '198.51.100.0/24'],
      25,
      ['10.0.0.0/8', '192.168.0.0/16 and 2 more'],
    ],
    [['1.1.1.1/32', '1.1.1.2/32', '1.1.1.3/32', '1.1.1.4/32'], 12, ['1.1.1.1/32', 'and 3 more']],
    [['2001:0db8:85a3:0000:0000:8a2e:0370:7334/128'], 12, ['2001:0db8:8…']],
  ])('%j in %i characters', (ranges, max, expected) => {
    const lines = rangeLines(ranges, max);
    expect(lines).toEqual(expected);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(max);
  });
});

describe('boundaryText', () => {
  const many = Array.from({ length: 250 }, (_, i) => `10.${i}.0.0/16`);
  it('says how many ranges it leaves out, and where they are when the page lists them', () => {
    const plain = boundaryText(many, 400, 16);
    expect(plain.hidden).toBeGreaterThan(200);
    expect(plain.lines.at(-1)).toMatch(new RegExp(`and ${plain.hidden} more$`));
    const listed = boundaryText(many, 400, 16, true);
    expect(listed.lines).toEqual([...plain.lines, 'all 250 listed below']);
    expect(listed.height).toBeGreaterThan(plain.height);
  });
  it('adds nothing when every range fits', () => {
    const few = boundaryText(['203.0.113.0/24'], 400, 16, true);
    expect(few).toMatchObject({ lines: ['203.0.113.0/24'], hidden: 0 });
  });
});
