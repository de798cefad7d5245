// Reads a JSON log: the Entra sign-in download (an array of Graph signIn objects) or the Azure
// DevOps audit export (an array of entries), bare, as {"value":[...]} or as the audit API's
// {"decoratedAuditLogEntries":[...]}. Keys are matched without regard to case; nested objects
// (location, Data) are read as their JSON text. Row numbers count entries from 1.
import type { ImportResult } from '../../graph/importResult';
import type { SigninImport } from '../signinRows';
import { detectKind } from './detectKind';
import { FIELD_NUMBER } from './logKinds';
import { RowMapper, emptyCells } from './rowMapper';

type Entry = Record<string, unknown>;

function entriesOf(v: unknown): Entry[] | undefined {
  if (Array.isArray(v)) return v as Entry[];
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of ['value', 'decoratedAuditLogEntries'])
      if (Array.isArray(o[k])) return o[k] as Entry[];
    return [o];
  }
  return undefined;
}

const text = (v: unknown): string | undefined => {
  if (v === null || v === undefined) return undefined;
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  const t = s.trim();
  return t === '' ? undefined : t;
};

export function readJsonLog(source: string): ImportResult<SigninImport> {
  const fail = (error: string): ImportResult<SigninImport> => ({ ok: false, error, warnings: [] });
  let parsed: unknown;
  try {
    parsed = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (e) {
    return fail(`The file starts like JSON but is not valid JSON: ${(e as Error).message}`);
  }
  const entries = entriesOf(parsed);
  if (!entries) return fail('The JSON is neither a list of log entries nor {"value":[...]}.');
  if (entries.length === 0) return fail('The JSON holds no log entries.');
  const bad = entries.findIndex((e) => !e || typeof e !== 'object' || Array.isArray(e));
  if (bad >= 0) return fail(`Entry ${bad + 1} is not an object.`);
  // The keys of the first entries stand for the file's columns.
  const names = [...new Set(entries.slice(0, 50).flatMap((e) => Object.keys(e)))];
  const detected = detectKind(names);
  if ('error' in detected) return fail(detected.error.replace('this file has', 'its entries have'));
  const map = new RowMapper(detected.spec, 'json', names, detected.used);
  // Each used key's value, into its field's place: the same array for every entry.
  const fields = [...detected.used].map(([f]) => FIELD_NUMBER[f]);
  const keys = [...detected.used.values()].map((i) => names[i]!);
  const cells = emptyCells();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    for (let k = 0; k < keys.length; k++) cells[fields[k]!] = text(e[keys[k]!]);
    map.add(cells, i + 1);
  }
  return {
    ok: true,
    value: {
      rows: map.rows,
      problems: map.problems,
      log: map.info,
      reads: map.reads(),
    },
    warnings: [],
  };
}
