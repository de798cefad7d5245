// Shared readers for Microsoft Graph JSON exports: unwrap `{"value":[...]}` or a bare array, read
// typed fields with errors that name their path, and collect warnings on the way.
import type { ImportResult } from './importResult';

export type Json = Record<string, unknown>;

export const isRecord = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A short rendering of an offending value for messages. */
export function show(v: unknown): string {
  if (v === undefined) return 'undefined';
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Errors and warnings found while reading one export. */
export class Issues {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  error(path: string, message: string): void {
    this.errors.push(`${path}: ${message}`);
  }
  warn(path: string, message: string): void {
    this.warnings.push(`${path}: ${message}`);
  }
  /** The first error stands for all of them (one line for the command line), with a count. */
  finish<T>(value: T): ImportResult<T> {
    const [first, ...rest] = this.errors;
    if (first === undefined) return { ok: true, value, warnings: this.warnings };
    const more = rest.length ? ` (and ${rest.length} more error${rest.length > 1 ? 's' : ''})` : '';
    return { ok: false, error: first + more, warnings: this.warnings };
  }
}

export interface Collection {
  items: unknown[];
  /** 'value' for a Graph page, '' for a bare array: items are then `value[i]` or `[i]`. */
  base: string;
}

/** Accepts parsed JSON or JSON text; `what` names the export in messages. */
export function unwrapCollection(json: unknown, what: string): Collection | string {
  let data = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json.replace(/^\uFEFF/, ''));
    } catch (e) {
      return `${what}: not valid JSON (${(e as Error).message})`;
    }
  }
  if (Array.isArray(data)) return { items: data, base: '' };
  if (isRecord(data) && Array.isArray(data.value)) return { items: data.value, base: 'value' };
  const got = isRecord(data)
    ? 'an object without a "value" array'
    : data === null
      ? 'null'
      : data === undefined
        ? 'nothing'
        : `a ${typeof data}`;
  return `${what}: expected Graph output ({"value":[...]}) or a bare array, got ${got}`;
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
    issues.error(`${path}.${key}`, `expected an array of strings, got ${show(v)}`);
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

/** Reports ids seen twice; `label` renders the path of item i. */
export function checkDuplicateIds(
  ids: (string | undefined)[],
  label: (i: number) => string,
  issues: Issues,
): void {
  const first = new Map<string, number>();
  ids.forEach((id, i) => {
    if (id === undefined) return;
    const seen = first.get(id);
    if (seen === undefined) first.set(id, i);
    else issues.error(`${label(i)}.id`, `${show(id)} duplicates the id of ${label(seen)}`);
  });
}

export const itemPath = (base: string, i: number) => `${base}[${i}]`;
