// What an import of admins' data returns: a value or one error, plus warnings either way, so the
// UI can show "imported, but look at these" without treating oddities as failures.

export type ImportResult<T> =
  { ok: true; value: T; warnings: string[] } | { ok: false; error: string; warnings: string[] };
