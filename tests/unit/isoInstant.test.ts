// isoInstant reads canonical instants straight from the digits; everything it answers must be
// what the regex and Date round-trip implementation (kept below as the oracle) answered.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoInstant } from '../../src/model/engine/isoInstant';
import type { Result } from '../../src/model/engine/types';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** The implementation before the fast path, verbatim. */
function oracle(input: string): Result<string> {
  const text = input.trim();
  const m = ISO.exec(text);
  const bad = {
    ok: false as const,
    error: `"${text}" is not an ISO 8601 date such as 2024-05-14T09:30:00Z`,
  };
  if (!m) return bad;
  const [, y, mo, d, h, min] = m.map(Number);
  const day = new Date(Date.UTC(y!, mo! - 1, d!));
  if (day.getUTCMonth() !== mo! - 1 || day.getUTCDate() !== d) return bad;
  if (m[4] !== undefined && (h! > 23 || min! > 59)) return bad;
  const zoned =
    m[4] !== undefined && m[7] === undefined
      ? `${text.replace(' ', 'T')}Z`
      : text.replace(' ', 'T');
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? bad : { ok: true, value: new Date(ms).toISOString() };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Date-times shaped like the canonical ones, with every part allowed just out of range. */
const nearCanonical = fc
  .record({
    y: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(0, 99, 100, 1900, 2000, 2024)),
    mo: fc.integer({ min: 0, max: 13 }),
    d: fc.integer({ min: 0, max: 32 }),
    h: fc.integer({ min: 0, max: 25 }),
    min: fc.integer({ min: 0, max: 61 }),
    s: fc.integer({ min: 0, max: 61 }),
    fraction: fc.constantFrom('', '.000', '.5', '.123', '.9999', '.', '.12a'),
    t: fc.constantFrom('T', 't', ' ', 'T', 'T'),
    zone: fc.constantFrom('Z', 'z', '', '+02:00', '-0130', 'Z', 'Z'),
    around: fc.constantFrom('', ' ', '\t', '\u00a0'),
  })
  .map(
    (p) =>
      `${p.around}${pad(p.y, 4)}-${pad(p.mo, 2)}-${pad(p.d, 2)}${p.t}` +
      `${pad(p.h, 2)}:${pad(p.min, 2)}:${pad(p.s, 2)}${p.fraction}${p.zone}${p.around}`,
  );

/** Canonical text with one character swapped for another that might confuse a digit reader. */
const mutated = fc
  .tuple(
    nearCanonical,
    fc.nat(),
    fc.constantFrom('0', '9', '/', ':', '-', 'T', 'Z', '.', ' ', 'a', '\u0660'),
  )
  .map(([s, at, c]) => {
    const i = at % s.length;
    return s.slice(0, i) + c + s.slice(i + 1);
  });

describe('isoInstant', () => {
  it.each<[string, string]>([
    ['2024-05-14T09:30:00Z', '2024-05-14T09:30:00.000Z'],
    ['2024-05-14T09:30:00.120Z', '2024-05-14T09:30:00.120Z'],
    [' 2024-05-14T09:30:00.120Z ', '2024-05-14T09:30:00.120Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['2000-02-29T23:59:59Z', '2000-02-29T23:59:59.000Z'],
    ['2025-11-03 07:58:12', '2025-11-03T07:58:12.000Z'],
    ['2025-01-01T08:00:00+02:00', '2025-01-01T06:00:00.000Z'],
    ['2025-01-01', '2025-01-01T00:00:00.000Z'],
  ])('reads %s', (text, value) => {
    expect(isoInstant(text)).toEqual({ ok: true, value });
  });

  it.each([
    '1900-02-29T00:00:00Z',
    '2025-02-29T00:00:00Z',
    '2025-04-31T00:00:00Z',
    '2025-13-01T00:00:00Z',
    '2025-01-01T24:00:00Z',
    '2025-01-01T00:60:00Z',
    '2025-01-01T00:00:60Z',
    '0000-02-29T00:00:00Z',
    'yesterday',
  ])('refuses %s', (text) => {
    expect(isoInstant(text)).toMatchObject({ ok: false, error: /is not an ISO 8601 date/ });
  });

  it.each([
    ['near-canonical date-times', nearCanonical],
    ['near-canonical text with one character changed', mutated],
    ['any text', fc.string()],
  ] as const)('answers as the previous implementation for %s', (_name, texts) => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(isoInstant(text)).toEqual(oracle(text));
      }),
      { numRuns: 5_000 },
    );
  });
});
