// Which kind of log a header (CSV) or a set of keys (JSON) belongs to, and which name is used
// for each field. None known: a message naming the columns each kind needs.
import { cut } from '../../graph/visibleText';
import { KIND_SPECS, neededColumns, type KindSpec, type LogField } from './logKinds';

export interface Detected {
  spec: KindSpec;
  /** Field → index into the names. */
  used: Map<LogField, number>;
}

export function detectKind(names: readonly string[]): Detected | { error: string } {
  const lower = names.map((n) => n.trim().toLowerCase());
  const has = (alts: readonly string[]) => alts.some((a) => lower.includes(a));
  const spec = KIND_SPECS.find((s) => s.required.every(has) && !has(s.notWith ?? []));
  if (!spec) {
    // Cut: a binary file's first "line" can be megabytes long.
    const found = cut(names.map((n) => JSON.stringify(n)).join(', '), 200) || 'nothing';
    return {
      error: `No IP column, and not a log PAT Fence knows. It reads ${neededColumns()}; this file has ${found}.`,
    };
  }
  const used = new Map<LogField, number>();
  for (const [field, accepted] of Object.entries(spec.columns) as [LogField, string[]][]) {
    const i = accepted.map((a) => lower.indexOf(a)).find((x) => x >= 0);
    if (i !== undefined) used.set(field, i);
  }
  return { spec, used };
}
