// Learners never read a switch name: every `name=value` the engine writes becomes a sentence.
import { describe, expect, it } from 'vitest';
import { ASSUMPTION_CHOICES } from '../../src/model/engine/assumptions';
import { ASSUMPTION_SENTENCES, plainAssumptions } from '../../src/model/engine/assumptionWords';
import { RULES } from '../../src/model/engine/rules';
import type { AssumptionName } from '../../src/model/engine/types';

describe('plainAssumptions', () => {
  it('has a sentence for every value of every switch', () => {
    for (const [name, { values }] of Object.entries(ASSUMPTION_CHOICES))
      for (const v of values)
        expect(
          (ASSUMPTION_SENTENCES[name as AssumptionName] as Record<string, string>)[v],
        ).toBeTruthy();
  });

  it.each([
    [
      'The PAT was created 2026-10-01, but existing-pats=enforced: it is checked like any other.',
      'The PAT was created 2026-10-01, but the simulation assumes PATs made before the org policy went on are checked like any other: it is checked like any other.',
    ],
    [
      'Switch: ipv4-mapped=equivalent.',
      'Switch: the simulation assumes an IPv4-mapped IPv6 address (::ffff:a.b.c.d) also matches IPv4 ranges.',
    ],
    ['nothing to change', 'nothing to change'],
    ['existing-pats=maybe stays', 'existing-pats=maybe stays'],
  ])('%s', (text, want) => expect(plainAssumptions(text)).toBe(want));

  it('leaves no switch name in any rule caveat', () => {
    for (const r of Object.values(RULES))
      expect(plainAssumptions(r.caveat ?? '')).not.toMatch(
        /[a-z-]+=(enforced|exempt|ignored|blocked|distinct|equivalent)/,
      );
  });
});
