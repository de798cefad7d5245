// Normalises a date or date-time typed by a person or exported by Entra to one ISO 8601 instant.
// A time without a zone counts as UTC (Entra's sign-in export labels it "Date (UTC)").
import type { Result } from './types';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

export function isoInstant(input: string): Result<string> {
  const text = input.trim();
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
