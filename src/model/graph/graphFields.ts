// Shared readers for Microsoft Graph JSON exports: unwrap `{"value":[...]}`, a bare array or a single
// object, read typed fields with errors that name their file and path, and collect warnings.
import type { ImportResult } from './importResult';
import { parseJsonText } from './jsonText';

export type Json = Record<string, unknown>;

export const isRecord = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A short rendering of an offending value for messages. */
export function show(v: unknown): string {
  if (v === undefined) return 'undefined';
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** `file: path: message`; a single object's fields have paths such as `.state`, shown as `state`. */
function located(source: string, path: string, message: string): string {
  const where = [source, path.replace(/^\./, '')].filter(Boolean).join(': ');
  return where ? `${where}: ${message}` : message;
}

/** Windows PowerShell's ConvertTo-Json turns what lies deeper than -Depth (2 by default) into text. */
const CUT_BY_DEPTH = /^(@\{.*\}|System\.Object\[\]|System\.Collections\.Hashtable)$/s;

/** `show`, or what happened when the value is a PowerShell object cut to a string. */
export function got(v: unknown): string {
  if (typeof v === 'string' && CUT_BY_DEPTH.test(v))
    return "a string cut short by PowerShell's ConvertTo-Json (its default -Depth is 2): export again with ConvertTo-Json -Depth 10";
  return show(v);
}

/** Errors and warnings found while reading one export (or several files of one). */
export class Issues {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  /** The file being read (empty for a single anonymous export); prefixes every message. */
  source = '';
  error(path: string, message: string): void {
    this.errors.push(located(this.source, path, message));
  }
  warn(path: string, message: string): void {
    this.warnings.push(located(this.source, path, message));
  }
  /** The first error stands for all of them (one line for the command line), with a count. */
  finish<T>(value: T): ImportResult<T> {
    const [first, ...rest] = this.errors;
    if (first === undefined) return { ok: true, value, warnings: this.warnings };
    const more = rest.length ? ` (and ${rest.length} more error${rest.length > 1 ? 's' : ''})` : '';
    return { ok: false, error: first + more, warnings: this.warnings };
  }
}

/** One item of an export: its value, the file it came from, and its path in that file. */
export interface Item {
  value: unknown;
  source: string;
  /** `value[3]` in a Graph page, `[3]` in a bare array, '' for a file holding one object. */
  path: string;
}

const shapeOf = (data: unknown): string =>
  isRecord(data)
    ? 'an object with a "value" that is not an array'
    : data === null
      ? 'null'
      : data === undefined
        ? 'nothing'
        : `a ${typeof data}`;

/** What one item of an export is called, and fields one of which it must have. */
export interface ItemShape {
  what: string;
  one: string;
  keys: readonly string[];
}

/**
 * The items of parsed JSON (or JSON text): a Graph page `{"value":[...]}`, a bare array, or one
 * object (as backup tools write one policy per file) that has one of `shape.keys`.
 */
export function unwrapCollection(json: unknown, shape: ItemShape, source = ''): Item[] | string {
  let data = json;
  const { what, one, keys } = shape;
  if (typeof json === 'string') {
    const parsed = parseJsonText(json);
    if (!parsed.ok) return `${what}: ${parsed.error}`;
    data = parsed.value;
  }
  if (Array.isArray(data)) return data.map((value, i) => ({ value, source, path: `[${i}]` }));
  if (isRecord(data) && Array.isArray(data.value))
    return data.value.map((value, i) => ({ value, source, path: `value[${i}]` }));
  const expected = `${what}: expected Graph output ({"value":[...]}), a bare array or ${one}`;
  if (isRecord(data) && !('value' in data)) {
    if (keys.some((k) => k in data)) return [{ value: data, source, path: '' }];
    const has =
      Object.keys(data)
        .slice(0, 5)
        .map((k) => show(k))
        .join(', ') || 'nothing';
    return `${expected}, got an object without ${keys.join(', ')} (it has ${has})`;
  }
  return `${expected}, got ${shapeOf(data)}`;
}

/** Reads a string field; undefined when absent or null (the caller decides if that is an error). */
export function readString(
  obj: Json,
  key: string,
  path: string,
  issues: Issues,
): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  issues.error(`${path}.${key}`, `expected a string, got ${show(v)}`);
  return undefined;
}

/** Reads a required, non-empty string field. */
export function requireString(
  obj: Json,
  key: string,
  path: string,
  issues: Issues,
): string | undefined {
  const v = readString(obj, key, path, issues);
  if (v === undefined && (obj[key] === undefined || obj[key] === null)) {
    issues.error(`${path}.${key}`, 'missing');
  } else if (v !== undefined && v.trim() === '') {
    issues.error(`${path}.${key}`, 'empty');
    return undefined;
  }
  return v;
}

/** Reads an array of strings; absent or null is an empty list. */
export function readStrings(obj: Json, key: string, path: string, issues: Issues): string[] {
  const v = obj[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    issues.error(`${path}.${key}`, `expected an array of strings, got ${got(v)}`);
    return [];
  }
  const out: string[] = [];
  v.forEach((item, i) => {
    if (typeof item === 'string') out.push(item);
    else issues.error(`${path}.${key}[${i}]`, `expected a string, got ${show(item)}`);
  });
  return out;
}

/** Reads a boolean field; absent or null gives the fallback. */
export function readBoolean(
  obj: Json,
  key: string,
  path: string,
  issues: Issues,
  fallback: boolean,
): boolean {
  const v = obj[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v === 'boolean') return v;
  issues.error(`${path}.${key}`, `expected true or false, got ${show(v)}`);
  return fallback;
}

/** Reports ids seen twice, across every file of the import; `label(i)` is item i's path in its file. */
export function checkDuplicateIds(
  ids: (string | undefined)[],
  items: Item[],
  label: (i: number) => string,
  issues: Issues,
): void {
  const first = new Map<string, number>();
  const source = issues.source;
  ids.forEach((id, i) => {
    if (id === undefined) return;
    const seen = first.get(id);
    if (seen === undefined) return void first.set(id, i);
    issues.source = items[i]!.source;
    const there = items[seen]!.source;
    const other =
      there === items[i]!.source
        ? label(seen) || 'the object'
        : [there, label(seen)].filter(Boolean).join(': ');
    issues.error(`${label(i)}.id`, `${show(id)} duplicates the id of ${other}`);
  });
  issues.source = source;
}
