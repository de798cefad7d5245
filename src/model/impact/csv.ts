// A small RFC 4180 CSV reader: comma (or semicolon, or tab) separated, quoted fields with doubled
// quotes, CRLF, LF or CR line ends, a leading byte order mark, and line breaks inside quoted fields.
// Lenient where real exports are sloppy (a stray quote inside an unquoted field is kept as text).
// The scanning itself lives in csvCursor.ts, which large readers use directly to skip building
// arrays.
import { CsvCursor } from './csvCursor';
import type { Result } from '../engine/types';

/** Records as arrays of fields; a final line break does not start an empty record. */
export function parseCsv(text: string): Result<string[][]> {
  const rows: string[][] = [];
  const cursor = new CsvCursor(text);
  while (cursor.next()) rows.push(cursor.fields());
  return cursor.error === undefined
    ? { ok: true, value: rows }
    : { ok: false, error: cursor.error };
}
