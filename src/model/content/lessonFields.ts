// Small readers for the lesson and quiz data files: each returns a value or records a problem
// that names the path, so one bad field never hides the others.
import { isRecord, type Json } from '../graph/graphFields';
import { RULES } from '../engine/rules';
import { SOURCES } from '../engine/sources';
import type { RuleId, SourceKey } from '../engine/types';

export { isRecord, type Json };

export class Problems {
  readonly list: string[] = [];
  add(path: string, what: string) {
    this.list.push(`${path}: ${what}`);
  }
}

export function text(o: Json, key: string, path: string, p: Problems): string {
  const v = o[key];
  if (typeof v === 'string' && v.trim()) return v;
  p.add(`${path}.${key}`, 'must be a non-empty string');
  return '';
}

export function optionalText(o: Json, key: string, path: string, p: Problems): string | undefined {
  return o[key] === undefined ? undefined : text(o, key, path, p);
}

export function texts(o: Json, key: string, path: string, p: Problems, required = true): string[] {
  const v = o[key];
  if (v === undefined && !required) return [];
  if (!Array.isArray(v) || (required && v.length === 0)) {
    p.add(`${path}.${key}`, required ? 'must be a non-empty list of strings' : 'must be a list');
    return [];
  }
  return v.filter((s, i) => {
    const ok = typeof s === 'string' && s.trim() !== '';
    if (!ok) p.add(`${path}.${key}[${i}]`, 'must be a non-empty string');
    return ok;
  }) as string[];
}

export function records(o: Json, key: string, path: string, p: Problems, required = true): Json[] {
  const v = o[key];
  if (v === undefined && !required) return [];
  if (!Array.isArray(v) || (required && v.length === 0)) {
    p.add(`${path}.${key}`, 'must be a non-empty list of objects');
    return [];
  }
  return v.filter((x, i) => {
    if (!isRecord(x)) p.add(`${path}.${key}[${i}]`, 'must be an object');
    return isRecord(x);
  }) as Json[];
}

export function ruleId(o: Json, key: string, path: string, p: Problems): RuleId {
  const v = o[key];
  if (typeof v === 'string' && Object.hasOwn(RULES, v)) return v as RuleId;
  p.add(`${path}.${key}`, `${JSON.stringify(v)} is not a rule id`);
  return 'R1';
}

export function sourceKey(v: unknown, path: string, p: Problems): SourceKey {
  if (typeof v === 'string' && Object.hasOwn(SOURCES, v)) return v as SourceKey;
  p.add(path, `${JSON.stringify(v)} is not a source key`);
  return 'ART';
}

export function uniqueIds(items: { id: string }[], path: string, p: Problems) {
  const seen = new Set<string>();
  items.forEach((x, i) => {
    if (seen.has(x.id)) p.add(`${path}[${i}].id`, `${JSON.stringify(x.id)} is used twice`);
    seen.add(x.id);
  });
}
