// ISO 8601 handling without the clock: the engine only ever compares times it is given.
// Parsing goes through isoInstant, so impossible days are refused and a missing zone means UTC.
import { isoInstant } from './isoInstant';

/** Milliseconds since the epoch, or undefined for a missing or invalid value. */
export function instant(iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const r = isoInstant(iso);
  return r.ok ? Date.parse(r.value) : undefined;
}

export function isIsoDate(text: string): boolean {
  return isoInstant(text).ok;
}

export function shortDate(iso: string | undefined): string {
  return iso ? iso.slice(0, 10) : 'unknown date';
}
