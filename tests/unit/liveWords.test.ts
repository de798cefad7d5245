// Words that follow the state: over every scenario × play × (as written, each variant) × org
// policy (as is, flipped) × actor × flow, no title, goal, picker label or narration line on screen
// contradicts the org policy state, the request's IPs or the actor (issue 12, item 6).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { whoOf } from '../../src/model/content/liveWords';
import { variantsOf, type Scenario } from '../../src/model/content/scenario';
import { validateScenario } from '../../src/model/content/scenarioCheck';
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

/** "org policy on/off" said as a fact, not as an instruction ("Turn the org policy on"). */
const POLICY_CLAIM =
  /(?<!\b(?:turn|turns|turning|turned|switch|switches|switching|switched)\s+(?:the\s+)?)\borg(?:anisation)? policy(?: is| was| now| stays)?(?: still)? (on|off)\b/gi;
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b(?!\/|\.\d)/g;

interface Shown {
  where: string;
  text: string;
}

/** What contradicts the state in one text: a policy claim, a foreign IP, another actor named first. */
function contradictions(p: PlayerState, shown: Shown[]): string[] {
  const on = p.world!.org.ipValidation;
  const ips = new Set([p.request!.ip, p.request!.signinIp].filter(Boolean));
  const others = p
    .scenario!.actors.filter((a) => a.id !== p.actor!.id)
    .map((a) => a.label.split(',')[0]!)
    .filter((n) => /^[A-Z][a-z]+$/.test(n) && n !== p.actor!.label.split(',')[0]);
  const out: string[] = [];
  for (const { where, text } of shown) {
    for (const m of text.matchAll(POLICY_CLAIM))
      if ((m[1]!.toLowerCase() === 'on') !== on)
        out.push(`${where} says "${m[0]}" with the policy ${on ? 'on' : 'off'}: ${text}`);
    for (const m of text.matchAll(IPV4))
      if (!ips.has(m[0])) out.push(`${where} names ${m[0]}, not ${[...ips].join(' / ')}: ${text}`);
    if (where === 'title' || where === 'play label') {
      const first = text.match(/^([A-Z][a-z]+)\b(?!'s)/)?.[1];
      if (first && others.includes(first))
        out.push(`${where} starts with ${first}, the actor is ${p.actor!.label}: ${text}`);
    }
  }
  return out;
}

function shownBy(p: PlayerState): Shown[] {
  const w = p.words!;
  return [
    { where: 'title', text: w.title },
    { where: 'goal', text: w.goal },
    { where: 'intro', text: w.intro },
    { where: 'play label', text: w.playLabel },
    ...p.narration.map((text, i) => ({ where: `narration ${i + 1}`, text })),
  ];
}

const FLOWS: Flow[] = ['web', 'pat', 'ssh'];

describe('live words', () => {
  for (const s of scenarios) {
    it(`${s.id}: nothing on screen contradicts the switches`, () => {
      const problems: string[] = [];
      let states = 0;
      for (const play of s.plays) {
        for (const variant of [undefined, ...variantsOf(s, play).map((v) => v.id)]) {
          for (const flip of [false, true]) {
            for (const actor of [undefined, ...s.actors.map((a) => a.id)]) {
              for (const flow of [undefined, ...FLOWS]) {
                const p = new PlayerState([s], {
                  scenario: s.id,
                  play: play.id,
                  ...(variant ? { variant } : {}),
                  overrides: {
                    ...(actor ? { actor } : {}),
                    ...(flow ? { flow } : {}),
                  },
                });
                if (flip) p.setOrg(!p.world!.org.ipValidation);
                if (!p.decision || !p.words) continue;
                states++;
                const label = `${play.id}${variant ? `+${variant}` : ''}${flip ? ' flipped' : ''}${actor ? ` actor=${actor}` : ''}${flow ? ` flow=${flow}` : ''}`;
                for (const c of contradictions(p, shownBy(p))) problems.push(`${label}: ${c}`);
                if (p.words.title.length > 72)
                  problems.push(`${label}: the heading is not one short line: ${p.words.title}`);
              }
            }
          }
        }
      }
      expect(states).toBeGreaterThan(0);
      expect([...new Set(problems)]).toEqual([]);
    });
  }

  it('the goal follows the org policy: turned on, it no longer says the policy is off', () => {
    const s = scenarios.find((x) => x.id === 'policy-off')!;
    const p = new PlayerState([s], { scenario: 'policy-off', play: 'leaked-pat' });
    expect(p.words!.goal).toMatch(/org policy off/);
    p.setOrg(true);
    expect(p.world!.org.ipValidation).toBe(true);
    expect(p.words!.goal).not.toMatch(/org policy off/i);
    expect(p.words!.goal).toContain('org policy on');
    expect(p.words!.goal).toContain(p.request!.ip);
    expect(p.words!.scenarioLabel).toContain('the org policy is now on');
  });

  it.each([
    ['Dana, at her desk in the Oslo office', 'Dana'],
    ["A stranger who found Dana's PAT in a public repo", 'A stranger'],
    ['The nightly build, on a Microsoft-hosted agent', 'The nightly build'],
  ])('who: %s → %s', (label, who) => {
    expect(whoOf({ id: 'x', label, kind: 'external', ip: '192.0.2.1' })).toBe(who);
  });

  it.each([
    ['as written', {}, 'Kim pulls from a café'],
    ['actor changed', { actor: 'dana-office' }, 'Dana: PAT from 203.0.113.24, org policy on'],
    ['flow changed', { flow: 'ssh' as Flow }, 'Kim: SSH key from 100.64.88.19, org policy on'],
  ])('the title is one short line with live values (%s)', (_name, overrides, title) => {
    const s = scenarios.find((x) => x.id === 'policy-on')!;
    const p = new PlayerState([s], { scenario: 'policy-on', play: 'cafe-pat', overrides });
    expect(p.words!.title).toBe(title);
    expect(p.words!.playLabel).toBe(title);
  });
});
