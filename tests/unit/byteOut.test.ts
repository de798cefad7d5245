// The batch report's byte writer: the same text whether the sink takes bytes or text, UTF-8 past
// ASCII, integers padded like padEnd, and pieces that always end on a whole line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteOut, CellArena, type Write } from '../../src/cli/byteOut';

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
      bo.int(42, 4, 2);
      bo.text('|');
      bo.line();
      bo.flush();
    });
    expect(texts).toEqual(['  0  |1000001| zoë 😀 @contoso\n  42  |\n']);
    expect(decoded).toEqual(texts);
  });

  it('writes any integer, below and past 2^31, as padStart of spaces and padEnd would', () => {
    const n = fc.oneof(fc.nat(), fc.integer({ min: 0x7fff_fff0, max: Number.MAX_SAFE_INTEGER }));
    fc.assert(
      fc.property(n, fc.nat(20), fc.nat(4), (v, width, indent) => {
        const { texts } = written((bo) => {
          bo.int(v, width, indent);
          bo.line();
          bo.flush();
        });
        expect(texts.join('')).toBe(' '.repeat(indent) + String(v).padEnd(width) + '\n');
      }),
      { numRuns: 2000 },
    );
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

describe('CellArena', () => {
  it('writes each cell as its text, whatever its length, as the arena and the buffer grow', () => {
    // Cells are copied four bytes at a time and then byte by byte: every length and offset.
    const cell = fc.string({
      unit: fc.constantFrom('a', '7', ' ', 'é', '😀', '\u2028'),
      maxLength: 70,
    });
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 400 }),
        (cells, order) => {
          const { texts, decoded } = written((bo) => {
            const arena = new CellArena(cells.length, (i) => cells[i]!);
            for (const k of order) {
              arena.write(bo, k % cells.length);
              bo.line();
            }
            bo.flush();
          });
          const expected = order.map((k) => cells[k % cells.length] + '\n').join('');
          expect(texts.join('')).toBe(expected);
          expect(decoded.join('')).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps many cells: a million rows over 100,000 distinct ones', () => {
    const cells = Array.from({ length: 100_000 }, (_, i) =>
      `  203.0.${i >> 8}.${i & 255}`.padEnd(41),
    );
    const { texts } = written((bo) => {
      const arena = new CellArena(cells.length, (i) => cells[i]!);
      for (let r = 0; r < 1_000_000; r += 7) {
        arena.write(bo, (r * 7919) % cells.length);
        bo.line();
      }
      bo.flush();
    });
    const lines = texts.join('').split('\n');
    expect(lines[1]).toBe(cells[(7 * 7919) % cells.length]);
    expect(lines.at(-2)).toBe(cells[((999_999 - (999_999 % 7)) * 7919) % cells.length]);
  });
});
