// JSON.parse with a message that says where the text breaks (line and column) and why, without
// echoing the text itself, which may be a tenant's configuration.
import type { Result } from '../ip/result';

function lineColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** V8's reason without its position and without the quoted snippet of the text. */
function reasonOf(message: string): string {
  return message
    .replace(/,\s*".*" is not valid JSON$/s, '')
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/\s*\(line \d+ column \d+\)$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Parses `text` (a leading BOM is ignored); the error reads `not valid JSON at line L, column C (reason)`. */
export function parseJsonText(text: string): Result<unknown> {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '') return { ok: false, error: 'empty: there is no JSON in it' };
  try {
    return { ok: true, value: JSON.parse(clean) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message)?.[1];
    const lc = /line (\d+) column (\d+)/.exec(message);
    const where = pos
      ? ` at ${lineColumn(clean, Number(pos))}`
      : lc
        ? ` at line ${lc[1]}, column ${lc[2]}`
        : /end of JSON|Unterminated/i.test(message)
          ? ' (it ends too early)'
          : '';
    const reason = reasonOf(message);
    return { ok: false, error: `not valid JSON${where}${reason ? ` (${reason})` : ''}` };
  }
}
