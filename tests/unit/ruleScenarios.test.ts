// The Rules and sources page lists the scenarios that show each rule: computed from the expected
// `decidedBy` of every play and variant and from the engine's trace for it.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { showingsByRule } from '../../src/model/content/ruleScenarios';
import type { Scenario } from '../../src/model/content/scenario';
import { loadCatalog } from '../../src/model/content/scenarioCatalog';
import { RULE_IDS } from '../../src/model/engine/rules';
import type { RuleId } from '../../src/model/engine/types';

const dir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const files = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f, JSON.parse(readFileSync(dir + f, 'utf8'))]),
);
const { scenarios } = loadCatalog(files);
const showings = showingsByRule(scenarios);
const scenariosOf = (r: RuleId) => [...new Set(showings[r].map((s) => s.scenario))];

describe('showingsByRule over the catalog', () => {
  it('has an entry for every rule id, and nothing else', () => {
    expect(Object.keys(showings).sort()).toEqual([...RULE_IDS].sort());
  });

  it.each([
    ['R10', 'split-tunnel'],
    ['R11', 'ssh-key'],
    ['R12', 'existing-pat'],
    ['R16', 'report-only'],
    ['R20', 'hosted-agent'],
    ['T1', 'expired-pat'],
    ['T2', 'pat-scopes'],
  ] as [RuleId, string][])('%s is shown by %s', (rule, scenario) => {
    expect(scenariosOf(rule)).toContain(scenario);
  });

  it('names only plays and variants that exist, with their titles, and never repeats one', () => {
    for (const rule of RULE_IDS) {
      const keys = showings[rule].map((s) => `${s.scenario}/${s.play}/${s.variant ?? ''}`);
      expect(new Set(keys).size, rule).toBe(keys.length);
      for (const s of showings[rule]) {
        const sc = scenarios.find((x) => x.id === s.scenario)!;
        expect(sc.title).toBe(s.scenarioTitle);
        expect(sc.plays.find((p) => p.id === s.play)?.title).toBe(s.playTitle);
        if (s.variant)
          expect(sc.variants.find((v) => v.id === s.variant)?.label).toBe(s.variantLabel);
      }
    }
  });

  it('lists showings in catalog order', () => {
    const order = scenarios.map((s) => s.id);
    for (const rule of RULE_IDS) {
      const idx = showings[rule].map((s) => order.indexOf(s.scenario));
      expect(idx, rule).toEqual([...idx].sort((a, b) => a - b));
    }
  });
});

describe('showingsByRule on made-up scenarios', () => {
  const base = scenarios.find((s) => s.id === 'policy-on')!;
  const play = base.plays[0]!;

  it('counts a rule named only by an expected decidedBy', () => {
    const s: Scenario = {
      ...base,
      plays: [{ ...play, expect: { ...play.expect, decidedBy: 'R23' } }],
      variants: [],
    };
    expect(showingsByRule([s]).R23).toEqual([
      { scenario: s.id, scenarioTitle: s.title, play: play.id, playTitle: play.title },
    ]);
  });

  it('names the variant when only the variant shows the rule', () => {
    const s: Scenario = {
      ...base,
      plays: [play],
      variants: [
        {
          id: 'v1',
          label: 'A switch',
          play: play.id,
          expect: { outcome: 'allowed', decidedBy: 'R21' },
          narration: [],
        },
      ],
    };
    expect(showingsByRule([s]).R21).toEqual([
      {
        scenario: s.id,
        scenarioTitle: s.title,
        play: play.id,
        playTitle: play.title,
        variant: 'v1',
        variantLabel: 'A switch',
      },
    ]);
  });

  it('gives every rule an empty list for an empty catalog', () => {
    expect(Object.values(showingsByRule([])).every((l) => l.length === 0)).toBe(true);
  });
});
