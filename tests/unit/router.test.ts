// Hash routes: the view and its params (`#/` is the compare view, the landing page), the rules page's short form `#/rules/R12`, and unknown views.
import { describe, expect, it } from 'vitest';
import { formatHash, parseHash, ruleHash } from '../../src/ui/router.svelte';

describe('parseHash', () => {
  it.each([
    ['', 'compare', '', false],
    ['#/', 'compare', '', false],
    ['#/compare?flow=web&policy=both', 'compare', 'flow=web&policy=both', false],
    ['#/player', 'player', '', false],
    ['#/lesson?chapter=3', 'lesson', 'chapter=3', false],
    ['#/lab', 'lab', '', false],
    ['#/rules', 'rules', '', false],
    ['#/rules/', 'rules', '', false],
    ['#/rules/R12', 'rules', 'rule=R12', false],
    ['#/rules?rule=T2', 'rules', 'rule=T2', false],
    ['#/rules/R12?rule=R3', 'rules', 'rule=R3', false],
    ['#/rules/R99', 'rules', 'rule=R99', false],
    ['#/player/R12', 'player', '', true],
    ['#/nowhere', 'player', '', true],
  ])('%s → %s %s', (hash, view, params, unknown) => {
    const r = parseHash(hash);
    expect([r.view, r.params.toString(), r.unknown]).toEqual([view, params, unknown]);
  });
});

describe('links', () => {
  it('ruleHash gives the short form, which parses back to the rule', () => {
    expect(ruleHash('R12')).toBe('#/rules/R12');
    expect(parseHash(ruleHash('T1')).params.get('rule')).toBe('T1');
  });
  it('formatHash writes the view and its params', () => {
    expect(formatHash('rules', { rule: 'R4' })).toBe('#/rules?rule=R4');
    expect(formatHash('rules')).toBe('#/rules');
  });
});
