// Hash routes: the view and its params (`#/` is the compare view, the landing page), the rules page's short form `#/rules/R12`, and unknown views.
import { describe, expect, it } from 'vitest';
import { formatHash, guardHash, parseHash, ruleHash } from '../../src/ui/router.svelte';

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

describe('guardHash: no token stays in a link (issue 15)', () => {
  // Made-up values of the shapes: 52 base32 characters, and 84 with AZDO at offset 76.
  const PAT = 'k7q2m4x3p3w6t5r5z2v7n4b6c3d2f5g2h7j4l4s3y6u2e5i2o7qa';
  const PAT84 = `${'Fq8ZrT2mWx9LpB4nKd7VhYc3Gs6Jt1QeRu5AoXi0MbNl2CwPz7Ek'}JQQJ99BCACAAAAAAAAAAAAASAZDO3hXq`;
  it.each([
    ['a lesson chapter', `#/lesson?chapter=${PAT}`, '#/lesson'],
    ['PAT+"x" beside other params', `#/lab?tab=sandbox&name=${PAT}x`, '#/lab?tab=sandbox'],
    [
      'an 84-char PAT, escaped',
      `#/player?s=${encodeURIComponent(`x${PAT84}`)}&p=cafe-pat`,
      '#/player?p=cafe-pat',
    ],
    ['a token as the view', `#/${PAT}`, '#/compare'],
    ['a token as a param name', `#/rules?${PAT}=1&rule=R12`, '#/rules?rule=R12'],
  ])('drops %s', (_n, hash, clean) => {
    const g = guardHash(hash);
    expect(g.removed).toBe(true);
    expect(g.hash).toBe(clean);
    expect(g.hash).not.toContain(PAT.slice(0, 20));
  });
  it.each([
    ['#/lesson?chapter=why-pats-skip-mfa'],
    ['#/player?v=1&s=policy-on&p=cafe-pat&x=turn-off&o=0&f=web&t=4'],
    ['#/rules/R12'],
    [
      '#/lab?tab=sandbox&s=1.eyJsb2NhdGlvbnMiOlt7ImlkIjoibG9jLWhxIiwibmFtZSI6IkNvbnRvc28gSFEgKE9zbG8pIn1dfQ',
    ],
  ])('keeps %s', (hash) => {
    expect(guardHash(hash)).toMatchObject({ hash, removed: false });
  });
});
