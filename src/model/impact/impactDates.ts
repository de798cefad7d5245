// Sign-in times are almost always in the canonical form readSigninRows writes
// (2026-03-01T10:00:00.000Z): read those straight from the digits, which is ~20x cheaper than
// instant(), and hand every other text to instant() so the answer is always the same as its.
import { instant } from '../engine/time';

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days since 1970-01-01 of a valid date (H. Hinnant's days_from_civil), without Date.UTC's cost. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Two decimal digits at i, or -1. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** instant(text), quickly for YYYY-MM-DDTHH:MM:SS[.mmm]Z from 1970 on. */
export function fastInstant(text: string): number | undefined {
  return canonicalMs(text) ?? instant(text);
}

/**
 * The instant of YYYY-MM-DDTHH:MM:SS[.mmm]Z from 1970 on (a valid date and time), read from the
 * digits; undefined for any other text, which may still be a time in another form.
 */
export function canonicalMs(text: string): number | undefined {
  const n = text.length;
  if (
    (n === 20 || n === 24) &&
    text.charCodeAt(n - 1) === 90 && // Z
    text.charCodeAt(4) === 45 &&
    text.charCodeAt(7) === 45 &&
    text.charCodeAt(10) === 84 && // T
    text.charCodeAt(13) === 58 &&
    text.charCodeAt(16) === 58 &&
    (n === 20 || text.charCodeAt(19) === 46)
  ) {
    const c = two(text, 0);
    const yy = two(text, 2);
    const mo = two(text, 5);
    const d = two(text, 8);
    const h = two(text, 11);
    const mi = two(text, 14);
    const s = two(text, 17);
    const m1 = n === 24 ? two(text, 20) : 0;
    const m2 = n === 24 ? text.charCodeAt(22) - 48 : 0;
    const y = c * 100 + yy;
    if (
      c >= 0 &&
      yy >= 0 &&
      y >= 1970 &&
      mo >= 1 &&
      mo <= 12 &&
      d >= 1 &&
      d <= (mo === 2 && isLeap(y) ? 29 : DAYS[mo - 1]!) &&
      h >= 0 &&
      h <= 23 &&
      mi >= 0 &&
      mi <= 59 &&
      s >= 0 &&
      s <= 59 &&
      m1 >= 0 &&
      m2 >= 0 &&
      m2 <= 9
    ) {
      return (((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi) * 60 + s) * 1000 + m1 * 10 + m2;
    }
  }
  return undefined;
}

/**
 * canonicalMs, remembering the last hour it read: a log's times come in order, many to an hour,
 * so a time in the same hour as the last one ("YYYY-MM-DDTHH", checked when that hour was first
 * read) is read from its minutes, seconds and milliseconds only. The same answers as canonicalMs.
 */
export class CanonicalTimes {
  /** Whether an hour was read (its codes and instant below). */
  #known = false;
  #hourMs = 0;
  /** The hour's 13 character codes: compared one by one, cheaper than startsWith on a slice. */
  readonly #codes = new Uint16Array(13);

  #sameHour(text: string): boolean {
    const c = this.#codes;
    // From the last: two times of a log differ in their last characters first.
    for (let i = 12; i >= 0; i--) if (text.charCodeAt(i) !== c[i]) return false;
    return true;
  }

  ms(text: string): number | undefined {
    const n = text.length;
    if (
      (n === 24 || n === 20) &&
      this.#known &&
      this.#sameHour(text) &&
      text.charCodeAt(13) === 58 &&
      text.charCodeAt(16) === 58 &&
      text.charCodeAt(n - 1) === 90 &&
      (n === 20 || text.charCodeAt(19) === 46)
    ) {
      const mi = two(text, 14);
      const s = two(text, 17);
      const m1 = n === 24 ? two(text, 20) : 0;
      const m2 = n === 24 ? text.charCodeAt(22) - 48 : 0;
      if (mi >= 0 && mi <= 59 && s >= 0 && s <= 59 && m1 >= 0 && m2 >= 0 && m2 <= 9)
        return this.#hourMs + (mi * 60 + s) * 1000 + m1 * 10 + m2;
    }
    const ms = canonicalMs(text);
    if (ms !== undefined) {
      this.#known = true;
      for (let i = 0; i < 13; i++) this.#codes[i] = text.charCodeAt(i);
      this.#hourMs = ms - (ms % 3_600_000);
    }
    return ms;
  }
}

/**
 * canonicalMs for a column whose values repeat out of order: a token's creation date comes back
 * on every row that uses the token, between other tokens' rows. The last text read at each of
 * 256 slots (picked by its digits of year, month, day, hour, minute, second and millisecond) is
 * kept with its instant, as a copy that keeps no slice of a file alive, and an equal text is
 * answered from it. The same answers as canonicalMs.
 */
export class RepeatedTimes {
  readonly #texts: (string | undefined)[] = new Array<string | undefined>(256).fill(undefined);
  readonly #ms = new Float64Array(256);

  ms(text: string): number | undefined {
    const n = text.length;
    let slot = 0;
    if (n === 24 || n === 20) {
      const c = (i: number) => text.charCodeAt(i);
      slot = (((c(3) * 12 + c(6)) * 31 + c(8) * 10 + c(9)) * 61 + c(12) * 10 + c(15)) & 255;
      slot = (slot * 7 + c(18) + (n === 24 ? c(22) : 0)) & 255;
      if (this.#texts[slot] === text) return this.#ms[slot];
    }
    const ms = canonicalMs(text);
    if (ms !== undefined) {
      this.#texts[slot] = (' ' + text).slice(1);
      this.#ms[slot] = ms;
    }
    return ms;
  }
}
