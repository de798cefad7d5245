// ISO 8601 handling without the clock: the engine only ever compares times it is given.

/** Milliseconds since the epoch, or undefined for a missing or unparseable value. */
export function instant(iso: string | undefined): number | undefined {
  if (iso === undefined || iso.trim() === '') return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Strict enough for user input: a date, optionally with a time and zone. */
export function isIsoDate(text: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text.trim()) &&
    instant(text) !== undefined
  );
}

export function shortDate(iso: string | undefined): string {
  return iso ? iso.slice(0, 10) : 'unknown date';
}
