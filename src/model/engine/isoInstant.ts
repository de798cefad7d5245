// Normalises a date or date-time typed by a person or exported by Entra to one ISO 8601 instant.
// A time without a zone counts as UTC (Entra's sign-in export labels it "Date (UTC)").
import type { Result } from './types';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** `count` decimal digits at i as a number, or -1. */
function digits(s: string, i: number, count: number): number {
  let v = 0;
  for (let j = i; j < i + count; j++) {
    const d = s.charCodeAt(j) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * The instant for text already in canonical form (2024-05-14T09:30:00Z or …:00.000Z), read from
 * the digits; undefined for any other text, which the general path then decides. A sign-in export
 * is a million of these, and the regex and Date round trips cost ~2 µs each.
 */
function canonical(s: string): string | undefined {
  const len = s.length;
  if (len !== 20 && len !== 24) return undefined;
  if (s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':') {
    return undefined;
  }
  if (s[len - 1] !== 'Z' || (len === 24 && (s[19] !== '.' || digits(s, 20, 3) < 0))) {
    return undefined;
  }
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  // Years before 100 go the general way: Date.UTC there reads 0–99 as 1900–1999.
  if (y < 100 || mo < 1 || mo > 12 || d < 1) return undefined;
  if (d > (mo === 2 && isLeap(y) ? 29 : DAYS[mo - 1]!)) return undefined;
  const h = digits(s, 11, 2);
  const min = digits(s, 14, 2);
  const sec = digits(s, 17, 2);
  if (h < 0 || h > 23 || min < 0 || min > 59 || sec < 0 || sec > 59) return undefined;
  return len === 24 ? s : `${s.slice(0, 19)}.000Z`;
}

export function isoInstant(input: string): Result<string> {
  const text = input.trim();
  const fast = canonical(text);
  if (fast !== undefined) return { ok: true, value: fast };
  const m = ISO.exec(text);
  const bad = {
    ok: false as const,
    error: `"${text}" is not an ISO 8601 date such as 2024-05-14T09:30:00Z`,
  };
  if (!m) return bad;
  const [, y, mo, d, h, min] = m.map(Number);
  // Date.parse rolls 30 February over into March; refuse impossible calendar days instead.
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
