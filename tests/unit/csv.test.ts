import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/model/impact/csv';
import { CsvCursor } from '../../src/model/impact/csvCursor';

describe('parseCsv', () => {
  it.each<[string, string, string[][]]>([
    ['empty text', '', []],
    ['only a BOM', '\uFEFF', []],
    ['one field', 'a', [['a']]],
    [
      'LF line ends',
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF line ends',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'lone CR line ends',
      'a,b\r1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'no final line break',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['a leading BOM is dropped', '\uFEFFIP address\n1.2.3.4', [['IP address'], ['1.2.3.4']]],
    ['empty fields', ',a,,\n', [['', 'a', '', '']]],
    ['quoted comma', '"a,b",c', [['a,b', 'c']]],
    ['doubled quotes', '"say ""hi""",x', [['say "hi"', 'x']]],
    ['empty quoted field', '"",x', [['', 'x']]],
    [
      'newline inside quotes',
      '"line1\nline2",x\r\ny,z',
      [
        ['line1\nline2', 'x'],
        ['y', 'z'],
      ],
    ],
    ['CRLF inside quotes kept', '"a\r\nb"', [['a\r\nb']]],
    ['blank line in the middle', 'a\n\nb', [['a'], [''], ['b']]],
    ['spaces are kept', ' a , b ', [[' a ', ' b ']]],
    ['stray quote inside unquoted field', 'ab"c,d', [['ab"c', 'd']]],
    ['text after a closing quote', '"ab"c,d', [['abc', 'd']]],
    ['quoted final field at end of text', 'a,"b"', [['a', 'b']]],
  ])('%s', (_name, text, rows) => {
    expect(parseCsv(text)).toEqual({ ok: true, value: rows });
  });

  it.each<[string, string, RegExp]>([
    ['on the first row', '"abc', /row 1 \(line 1\).*never closed/],
    ['on a later row', 'a,b\n1,2\n3,"four\nfive', /row 3 \(line 3\).*never closed/],
    ['after a multi-line field', '"x\ny",1\n2,"open', /row 2 \(line 3\)/],
    ['a doubled quote at the end', 'a,"b""', /row 1 .*never closed/],
  ])('reports an unterminated quote %s', (_name, text, message) => {
    const r = parseCsv(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it('reads a file of 100 000 rows', () => {
    const text = 'ip,user\n' + '203.0.113.7,"a, b"\n'.repeat(100_000);
    const r = parseCsv(text);
    expect(r.ok && r.value.length).toBe(100_001);
  });
});

describe('CsvCursor', () => {
  it('reads records one at a time, with trimmed cells and blank checks', () => {
    const c = new CsvCursor('a, b ,"c,""d"""\n" ",""\n\u00a0');
    const seen: [number, string[], (string | undefined)[], boolean][] = [];
    while (c.next()) {
      seen.push([c.records, c.fields(), [0, 1, 2, 3].map((k) => c.cell(k)), c.isBlank()]);
    }
    expect(seen).toEqual([
      [1, ['a', ' b ', 'c,"d"'], ['a', 'b', 'c,"d"', undefined], false],
      [2, [' ', ''], [undefined, undefined, undefined, undefined], true],
      [3, ['\u00a0'], [undefined, undefined, undefined, undefined], true],
    ]);
    expect(c.error).toBeUndefined();
    expect(c.next()).toBe(false);
  });

  it('gives each cell as its field trimmed, on any text', () => {
    // cell() slices a field that starts and ends with printable ASCII as it is: that must be
    // what trim() gives, whatever the field holds (Unicode spaces, tabs, quotes, line breaks).
    const char = fc.constantFrom(
      'a',
      'Z',
      '7',
      '.',
      '~',
      '!',
      ' ',
      '\t',
      '\u00a0',
      '\u2028',
      '\ufeff',
      '"',
      ',',
      '\n',
      '\r',
      'é',
    );
    fc.assert(
      fc.property(
        fc.array(char, { maxLength: 60 }).map((cs) => cs.join('')),
        (text) => {
          const c = new CsvCursor(text);
          while (c.next()) {
            for (let k = 0; k <= c.count; k++) {
              const trimmed = k < c.count ? c.field(k).trim() : '';
              expect(c.cell(k)).toBe(trimmed === '' ? undefined : trimmed);
            }
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('stops with an error at an unclosed quote', () => {
    const c = new CsvCursor('a\n"b');
    expect([c.next(), c.next(), c.next()]).toEqual([true, false, false]);
    expect(c.error).toMatch(/row 2 \(line 2\).*never closed/);
  });
});
