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

/** Deeper JSON is refused before parsing: real exports nest a few levels, and walkers recurse. */
export const MAX_JSON_DEPTH = 64;

/**
 * Where `text`'s brackets first nest deeper than `max` (outside strings), as a character index;
 * undefined when they never do. A single pass, so 100,000 `[` cost no more than reading them.
 */
export function tooDeepAt(text: string, max = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}

/** Parses `text` (a leading BOM is ignored); the error reads `not valid JSON at line L, column C (reason)`. */
export function parseJsonText(text: string): Result<unknown> {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '') return { ok: false, error: 'empty: there is no JSON in it' };
  const deep = tooDeepAt(clean);
  if (deep !== undefined)
    return {
      ok: false,
      error: `nested deeper than ${MAX_JSON_DEPTH} levels at ${lineColumn(clean, deep)}; a Graph export nests a few`,
    };
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
