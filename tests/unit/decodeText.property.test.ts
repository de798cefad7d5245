// TextStreamDecoder decodes each UTF-8 piece whole, holding back a character cut at its end,
// instead of streaming through TextDecoder (which Node runs through ICU, five times slower). It
// must give what the streaming decoder gives, piece for piece: the same text, and an error at the
// same piece, for valid text cut anywhere and for every kind of broken sequence at the cuts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextStreamDecoder } from '../../src/model/graph/decodeText';

// CI replays one fixed seed, so a landing never depends on the draw; elsewhere every run explores
// new inputs (a failure prints its seed and counterexample; add the case to the examples below).
const SEED = process.env.CI ? { seed: 20261202 } : {};
const RUNS = 500;

type Piece = { text: string } | 'error';

/** What the streaming decoder gives, piece by piece, up to its first error; the end last. */
function streamed(pieces: Uint8Array[]): Piece[] {
  const d = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const out: Piece[] = [];
  for (const [i, p] of [...pieces, undefined].entries()) {
    try {
      out.push({ text: p ? d.decode(p, { stream: true }) : d.decode() });
    } catch {
      out.push('error');
      break;
    }
    if (i === pieces.length) break;
  }
  return out;
}

/** The same from TextStreamDecoder, told from the start that the file is UTF-8. */
function decoded(pieces: Uint8Array[]): Piece[] {
  const d = new TextStreamDecoder(0);
  const out: Piece[] = [];
  for (const p of pieces) {
    const r = d.push(p);
    out.push(r.ok ? { text: r.value } : 'error');
    if (!r.ok) return out;
  }
  const r = d.end();
  out.push(r.ok ? { text: r.value } : 'error');
  return out;
}

const encoder = new TextEncoder();
// Lead and continuation bytes at the edges of UTF-8's ranges, and bytes that are never valid.
const EDGES = [
  0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed,
  0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff,
];
const valid = fc
  .string({ unit: fc.constantFrom('a', 'é', '€', '😀', '\u07ff', '\u0800', '\uffff', '\ufeff') })
  .map((s) => [...encoder.encode(s)]);
const broken = fc.array(fc.constantFrom(...EDGES), { minLength: 1, maxLength: 4 });
/**
 * Mostly valid text with a few broken stretches, after an A (a BOM at the start is the sniffer's);
 * never a NUL (that is another check).
 */
const bytes = fc
  .array(fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: broken, weight: 1 }), {
    maxLength: 12,
  })
  .map((parts) => Uint8Array.from([0x41, ...parts.flat()]));
/** `b` cut at the given places. */
const cutAt = (b: Uint8Array, at: number[]) => {
  const points = [...new Set(at.map((x) => x % (b.length + 1)))].sort((x, y) => x - y);
  return [0, ...points].map((p, i) => b.subarray(p, points[i] ?? b.length));
};
const cutBytes = fc
  .tuple(bytes, fc.array(fc.nat(), { maxLength: 8 }))
  .map(([b, at]) => cutAt(b, at));

describe('TextStreamDecoder (UTF-8 pieces)', () => {
  it('gives what a streaming TextDecoder gives, piece for piece', () => {
    fc.assert(
      fc.property(cutBytes, (pieces) => {
        expect(decoded(pieces)).toEqual(streamed(pieces));
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('gives the same for valid text cut one byte at a time', () => {
    fc.assert(
      fc.property(valid, (b) => {
        const pieces = b.map((x) => Uint8Array.of(x));
        expect(decoded(pieces)).toEqual(streamed(pieces));
      }),
      { numRuns: 100, ...SEED },
    );
  });

  // Each sequence cut after every one of its bytes, then followed by more text.
  it.each([
    [[0xe0, 0xa0, 0x80]],
    [[0xe0, 0x80, 0x80]],
    [[0xed, 0x9f, 0xbf]],
    [[0xed, 0xa0, 0x80]],
    [[0xf0, 0x90, 0x80, 0x80]],
    [[0xf0, 0x80, 0x80, 0x80]],
    [[0xf4, 0x8f, 0xbf, 0xbf]],
    [[0xf4, 0x90, 0x80, 0x80]],
    [[0xc2, 0x80]],
    [[0xc1, 0xbf]],
    [[0xf5, 0x80]],
    [[0x80]],
    [[0xe1, 0x80, 0x41]],
  ])('agrees on %j cut after each byte', (seq) => {
    const b = Uint8Array.from([0x41, ...seq, 0x42]);
    for (let at = 1; at < b.length; at++) {
      const pieces = [b.subarray(0, at), b.subarray(at)];
      expect(decoded(pieces)).toEqual(streamed(pieces));
      const end = [b.subarray(0, at)];
      expect(decoded(end)).toEqual(streamed(end));
    }
  });
});
