// What the user sees follows the request: a push shows `git push`, a read `git clone` or `git pull`
// as the play says, work items no git at all, and a refused SSH key an SSH failure, not the PAT text.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { gitVerb } from '../../src/model/content/gitVerb';
import { runPlay, type Scenario } from '../../src/model/content/scenario';
import { validateScenario } from '../../src/model/content/scenarioCheck';
import { evaluateOrThrow } from '../../src/model/engine/evaluate';
import { MESSAGES } from '../../src/model/engine/messages';
import { gitOutput, responseViews } from '../../src/model/engine/responses';
import type { AccessRequest, Decision, World } from '../../src/model/engine/types';

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

describe('gitOutput verbs and refusals', () => {
  const revokedKey = {
    ...base,
    outcome: 'blocked',
    status: 401,
    code: null,
    decidedBy: 'T1',
    message: MESSAGES.sshRevoked,
  } as Decision;
  it.each([
    [allowed, 'pat', 'read-code', 'pull', '$ git pull origin main', 'Already up to date.'],
    [blocked, 'pat', 'read-code', 'pull', '$ git pull origin main', 'error: 403'],
    [allowed, 'ssh', 'read-code', 'clone', '$ git clone git@ssh', 'Receiving objects'],
    [revokedKey, 'ssh', 'push-code', 'push', '$ git push', 'Permission denied (publickey).'],
  ] as const)('%#: %s, %s, %s, %s', (d, flow, action, verb, first, has) => {
    const text = gitOutput(d, flow, 'contoso', action, verb);
    expect(text.split('\n')[0]).toContain(first);
    expect(text).toContain(has);
    expect(text).not.toMatch(/personal access token/);
  });
});

describe('responseViews', () => {
  it.each([
    ['web', undefined, ['signin', 'rest']],
    ['oauth', 'read-work-items', ['signin', 'rest']],
    ['ssh', 'push-code', ['git']],
    ['pat', 'read-code', ['git', 'rest']],
    ['pat', undefined, ['git', 'rest']],
    ['pat', 'read-work-items', ['rest']],
    ['pat', 'run-pipeline', ['rest']],
  ] as const)('%s %s', (flow, action, views) => {
    expect(responseViews(flow, action)).toEqual(views);
  });
});

describe('T1 says which credential was refused', () => {
  const world: World = { locations: [], policies: [], org: { ipValidation: false } };
  const req = (token: AccessRequest['token'], flow: 'pat' | 'ssh'): AccessRequest => ({
    flow,
    client: flow === 'ssh' ? 'ssh' : 'git',
    action: 'read-code',
    ip: '203.0.113.24',
    at: '2026-11-03T09:00:00Z',
    token,
  });
  it.each([
    ['revoked PAT', req({ kind: 'pat', revoked: true }, 'pat'), /personal access token .* revoked/],
    [
      'expired PAT',
      req({ kind: 'pat', expires: '2026-01-01T00:00:00Z' }, 'pat'),
      /personal access token .* expired/,
    ],
    [
      'revoked SSH key',
      req({ kind: 'ssh-key', revoked: true }, 'ssh'),
      /SSH public key .* revoked/,
    ],
    [
      'expired SSH key',
      req({ kind: 'ssh-key', expires: '2026-01-01T00:00:00Z' }, 'ssh'),
      /SSH public key .* expired/,
    ],
  ] as const)('%s', (_name, request, message) => {
    const d = evaluateOrThrow(world, request);
    expect([d.status, d.decidedBy]).toEqual([401, 'T1']);
    expect(d.message).toMatch(message);
    if (request.flow === 'ssh') {
      expect(d.message).not.toMatch(/personal access token/);
      expect(gitOutput(d, 'ssh')).toContain('Permission denied (publickey).');
    }
  });
});

// Every play that goes through git shows the command its own words use: a "push" play pushes,
// a "pull" play pulls, a "clone" play clones, and a read never shows a push.
describe('git output follows the words of every play', () => {
  const dir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
  const scenarios: Scenario[] = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
    .map((f) => {
      const r = validateScenario(JSON.parse(readFileSync(dir + f, 'utf8')), f);
      if (!r.ok) throw new Error(r.error);
      return r.value;
    });
  const gitPlays = scenarios.flatMap((s) =>
    s.plays
      .filter((p) => responseViews(p.request.flow, p.request.action).includes('git'))
      .map((p) => [`${s.id} / ${p.id}`, s, p] as const),
  );
  it.each(gitPlays)('%s', (_name, s, p) => {
    const decision = runPlay(s, p);
    if (!decision.ok) throw new Error(decision.error);
    const first = gitOutput(
      decision.value,
      p.request.flow,
      'contoso',
      p.request.action,
      gitVerb(p.request.action, p.git),
    ).split('\n')[0]!;
    const words = [p.title, ...p.narration].join(' ');
    const shown = /git (clone|pull|push)/.exec(first)![1]!;
    if (/\bpush/i.test(words)) expect(shown).toBe('push');
    else if (/\bpull/i.test(words)) expect(shown).toBe('pull');
    else if (/\bclon/i.test(words)) expect(shown).toBe('clone');
    if (p.request.action === 'push-code') expect(shown).toBe('push');
    else expect(shown).not.toBe('push');
  });
});
