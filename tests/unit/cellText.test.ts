// The shared copy of a cell text: equal to the text, one string for every equal text, and a copy
// (a slice of a file's text is not kept). The readers and the batch tables rely on it only for
// speed, so what is checked is that it never changes a value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText } from '../../src/model/impact/cellText';
import { clientOf } from '../../src/model/impact/impactRequest';
import { readSigninRows } from '../../src/model/impact/signinRows';

describe('cellText', () => {
  it('gives an equal string, the same one for equal texts', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const a = cellText(text);
        const b = cellText(`${text}`.slice(0));
        expect(a).toBe(text);
        expect(b).toBe(a);
      }),
    );
  });

  it.each(['__proto__', 'constructor', 'toString', '0', '-0', '4294967296', '', 'hasOwnProperty'])(
    'keeps %j as any other text',
    (text) => {
      const a = cellText(text);
      expect(a).toBe(text);
      expect(typeof a).toBe('string');
      expect(cellText(`${text}`)).toBe(a);
    },
  );

  it('keeps giving equal texts as its table grows and past its bound, when it starts again', () => {
    // 250,000 distinct texts: the table doubles many times and is emptied once (at 200,000).
    const texts = Array.from({ length: 250_000 }, (_, i) => `user${i}@contoso.com`);
    let unequal = 0;
    for (const t of texts) if (cellText(t) !== t) unequal++;
    for (let i = 0; i < texts.length; i += 7)
      if (cellText(texts[i]!.slice(0)) !== texts[i]) unequal++;
    expect(unequal).toBe(0);
  });

  it('gives rows read from a file one string per distinct user, equal to the cell', () => {
    const csv = ['ip,user', '203.0.113.1,ann@contoso.com', '203.0.113.2, ann@contoso.com '].join(
      '\n',
    );
    const r = readSigninRows(csv, true);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.rows.map((x) => x.user)).toEqual(['ann@contoso.com', 'ann@contoso.com']);
  });
});

describe('clientOf', () => {
  it.each([
    ['git', 'git'],
    ['Git ', 'git'],
    ['PIPELINE-AGENT', 'pipeline-agent'],
    ['curl', undefined],
    [undefined, undefined],
  ])('%j is %j', (text, want) => {
    expect(clientOf(text)).toBe(want);
  });
});
