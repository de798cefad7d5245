// A small RFC 4180 CSV reader: comma separated, quoted fields with doubled quotes, CRLF, LF or CR
// line ends, a leading byte order mark, and line breaks inside quoted fields. Lenient where real
// exports are sloppy (a stray quote inside an unquoted field is kept as text).
import type { Result } from './types';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

const endsField = (c: number) => c === COMMA || c === LF || c === CR;

const countLines = (text: string, from: number, to: number): number => {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/** Records as arrays of fields; a final line break does not start an empty record. */
export function parseCsv(text: string): Result<string[][]> {
  const rows: string[][] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (i >= n) return { ok: true, value: rows };
  let row: string[] = [];
  let line = 1;
  for (;;) {
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      const openedAt = line;
      field = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) {
          return {
            ok: false,
            error: `CSV row ${rows.length + 1} (line ${openedAt}): a quoted field is never closed`,
          };
        }
        field += text.slice(j, q);
        line += countLines(text, j, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          field += '"';
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // Text between the closing quote and the next comma is kept, as spreadsheets do.
      const start = i;
      while (i < n && !endsField(text.charCodeAt(i))) i++;
      field += text.slice(start, i);
    } else {
      const start = i;
      while (i < n && !endsField(text.charCodeAt(i))) i++;
      field = text.slice(start, i);
    }
    row.push(field);
    if (i >= n) {
      rows.push(row);
      break;
    }
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      i++;
      continue;
    }
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    rows.push(row);
    row = [];
    if (i >= n) break;
  }
  return { ok: true, value: rows };
}
