// The player offers only combinations that could happen: the rule table by hand, then every
// actor × flow the player offers for every play of every scenario evaluates and makes sense.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ActorKind, PlayRequest, Scenario } from '../../src/model/content/scenario';
import { validateScenario } from '../../src/model/content/scenarioCheck';
import { nonsense } from '../../src/model/content/switchSense';
import type { Flow } from '../../src/model/engine/types';
import { PlayerState } from '../../src/ui/player/playerState.svelte';

const dir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const scenarios: Scenario[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .sort()
  .map((f) => {
    const r = validateScenario(JSON.parse(readFileSync(dir + f, 'utf8')), f);
    if (!r.ok) throw new Error(r.error);
    return r.value;
  });

const at = '2026-11-03T09:00:00Z';
const gitPat: PlayRequest = { flow: 'pat', client: 'git', action: 'read-code', at };
const agent: PlayRequest = { ...gitPat, client: 'pipeline-agent', action: 'read-work-items' };
const systemToken: PlayRequest = { ...agent, token: { kind: 'system-access-token' } };
const browser: PlayRequest = { flow: 'web', client: 'browser', at };

describe('nonsense', () => {
  it.each<[string, ActorKind, PlayRequest, Flow, RegExp | undefined]>([
    ['a person switches a git PAT to the browser', 'external', gitPat, 'web', undefined],
    ['a person switches a git PAT to SSH', 'onprem', gitPat, 'ssh', undefined],
    ['a person switches a browser sign-in to SSH', 'vpn', browser, 'ssh', undefined],
    ['a pipeline in a browser', 'pipeline', gitPat, 'web', /pipeline agent cannot sign in/],
    ['an agent client in a browser', 'external', agent, 'web', /pipeline agent cannot sign in/],
    ['work items over SSH', 'external', { ...gitPat, action: 'read-work-items' }, 'ssh', /SSH/],
    ['a pipeline run over SSH', 'onprem', { ...gitPat, action: 'run-pipeline' }, 'ssh', /SSH/],
    ['System.AccessToken as an SSH key', 'pipeline', systemToken, 'ssh', /System.AccessToken/],
    ['the play as written is always fine', 'pipeline', systemToken, 'pat', undefined],
  ])('%s', (_name, kind, play, flow, why) => {
    const said = nonsense(kind, play, flow);
    if (why) expect(said).toMatch(why);
    else expect(said).toBeUndefined();
  });
});

describe('every combination the player offers makes sense and evaluates', () => {
  const plays = scenarios.flatMap((s) => s.plays.map((p) => ({ s, p })));
  it.each(plays.map(({ s, p }) => [`${s.id} / ${p.id}`, s, p] as const))('%s', (_name, s, p) => {
    const probe = new PlayerState(scenarios, { scenario: s.id, play: p.id, overrides: {} });
    for (const flow of probe.flows) {
      probe.select({ overrides: { flow } });
      for (const actor of probe.actors) {
        const state = new PlayerState(scenarios, {
          scenario: s.id,
          play: p.id,
          overrides: { flow, actor: actor.id },
        });
        expect(state.request?.flow, `${actor.id} by ${flow}`).toBe(flow);
        expect(nonsense(actor.kind, p.request, flow), `${actor.id} by ${flow}`).toBeUndefined();
        expect(state.result?.ok, `${actor.id} by ${flow}`).toBe(true);
      }
    }
  });

  it('a pipeline is never offered a browser sign-in, even from a link', () => {
    const state = new PlayerState(scenarios, {
      scenario: 'hosted-agent',
      play: 'hosted-pat',
      overrides: { flow: 'web' },
    });
    expect(state.flows).toEqual(['pat']);
    expect(state.selection.overrides).toEqual({});
    expect(state.request?.flow).toBe('pat');
  });

  it('work items are never offered over SSH', () => {
    const state = new PlayerState(scenarios, {
      scenario: 'entra-token',
      play: 'cli-pat',
      overrides: {},
    });
    expect(state.flows).toEqual(['web', 'pat']);
  });
});
