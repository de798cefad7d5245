// The batch report's byte writer: the same text whether the sink takes bytes or text, UTF-8 past
// ASCII, integers padded like padEnd, and pieces that always end on a whole line.
import { describe, expect, it } from 'vitest';
import { ByteOut, type Write } from '../../src/cli/byteOut';

function written(fill: (bo: ByteOut) => void) {
  const texts: string[] = [];
  const text: Write = (t) => void texts.push(t);
  fill(new ByteOut(text));
  const chunks: Uint8Array[] = [];
  const bytes: Write = () => {
    throw new Error('text sink called');
  };
  bytes.bytes = (c) => void chunks.push(c.slice());
  fill(new ByteOut(bytes));
  const decoded = chunks.map((c) => new TextDecoder().decode(c));
  return { texts, decoded };
}

describe('ByteOut', () => {
  it('writes ASCII, UTF-8 and padded integers as the string would read', () => {
    const { texts, decoded } = written((bo) => {
      bo.text('  ');
      bo.int(0, 3);
      bo.text('|');
      bo.int(1000001, 3);
      bo.text('| zoë 😀 @contoso');
      bo.line();
      bo.flush();
    });
    expect(texts).toEqual(['  0  |1000001| zoë 😀 @contoso\n']);
    expect(decoded).toEqual(texts);
  });

  it('hands on pieces of about a megabyte, each ending with a line break', () => {
    const line = 'ü'.repeat(50) + ' row';
    const { texts, decoded } = written((bo) => {
      for (let i = 0; i < 30_000; i++) {
        bo.text(line);
        bo.int(i);
        bo.line();
      }
      bo.flush();
    });
    expect(texts.length).toBeGreaterThan(2);
    for (const t of texts) expect(t.endsWith('\n')).toBe(true);
    expect(decoded).toEqual(texts);
    const all = texts.join('').split('\n');
    expect(all).toHaveLength(30_001);
    expect(all[29_999]).toBe(line + '29999');
  });

  it('takes a line longer than a piece whole', () => {
    const long = 'x'.repeat(3_000_000);
    const { texts } = written((bo) => {
      bo.text(long);
      bo.line();
      bo.flush();
    });
    expect(texts).toEqual([long + '\n']);
  });
});
