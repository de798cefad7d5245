// Parses pasted or dropped JSON with a message that says where it breaks (line and column)
// without echoing the text, which may be a tenant's configuration.
import type { Result } from '../engine/types';

function lineColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

export function parseJsonText(text: string, source: string): Result<unknown> {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '') return { ok: false, error: `${source}: empty; paste or drop the JSON.` };
  try {
    return { ok: true, value: JSON.parse(clean) };
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message)?.[1];
    const lc = /line (\d+) column (\d+)/.exec(message);
    const where = pos
      ? ` at ${lineColumn(clean, Number(pos))}`
      : lc
        ? ` at line ${lc[1]}, column ${lc[2]}`
        : /end of JSON|Unterminated/i.test(message)
          ? ' (it ends too early)'
          : '';
    return { ok: false, error: `${source}: not valid JSON${where}.` };
  }
}
