// The problems that skipped rows, grouped by reason for the page to list: one line per column and
// message with the rows it skipped, so 10,000 bad dates read as one line, not 10,000.
import type { RowProblem } from './signinRows';

export interface SkipReason {
  /** The column as named in the file. */
  field: string;
  /** The first problem's message, its value included ("\"telnet\" is not one of …"). */
  message: string;
  /** How many other values got the same message. */
  otherValues: number;
  /** Rows skipped for this reason. */
  count: number;
  /** Their row numbers in file order, the first `maxRows`. */
  rows: number[];
}

/** A message that starts with the value it is about, in quotes: `"telnet" is not one of …`. */
const QUOTED = /^"(?:[^"\\]|\\.)*"\s+/s;

export function skipReasons(problems: readonly RowProblem[], maxRows = 20): SkipReason[] {
  const out = new Map<string, SkipReason>();
  const values = new Map<string, Set<string>>();
  const lastRow = new Map<string, number>();
  for (const p of problems) {
    const value = QUOTED.exec(p.message)?.[0] ?? '';
    // The same complaint about another value is the same reason.
    const key = `${p.field}\u0000${p.message.slice(value.length)}`;
    let g = out.get(key);
    if (!g) {
      g = { field: p.field, message: p.message, otherValues: 0, count: 0, rows: [] };
      out.set(key, g);
      values.set(key, new Set([value]));
    } else if (!values.get(key)!.has(value)) {
      values.get(key)!.add(value);
      g.otherValues++;
    }
    if (lastRow.get(key) === p.row) continue;
    lastRow.set(key, p.row);
    g.count++;
    if (g.rows.length < maxRows) g.rows.push(p.row);
  }
  return [...out.values()];
}
