// Parses pasted or dropped JSON with a message that says where it breaks (line and column)
// without echoing the text, which may be a tenant's configuration.
import { parseJsonText as parse } from '../graph/jsonText';
import type { Result } from '../engine/types';

export function parseJsonText(text: string, source: string): Result<unknown> {
  if (text.replace(/^\uFEFF/, '').trim() === '')
    return { ok: false, error: `${source}: empty; paste or drop the JSON.` };
  const r = parse(text);
  return r.ok ? r : { ok: false, error: `${source}: ${r.error}.` };
}
