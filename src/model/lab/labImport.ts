// Imports the admin's Graph exports for the lab: parse the JSON text, read it with the engine's
// importers, and prefix every message with where it came from (file name or "pasted text").
import { parseNamedLocations } from '../graph/graphLocations';
import { parsePolicies } from '../graph/graphPolicies';
import type { ImportResult } from '../graph/importResult';
import { looksBinary } from './labFiles';
import { parseJsonText } from './labJson';
import type { NamedLocation, Policy } from '../engine/types';

export type ExportKind = 'locations' | 'policies';

export interface Imported<T> {
  value: T;
  /** The file name, or "pasted text". */
  source: string;
}

export function importExport(
  kind: 'locations',
  text: string,
  source: string,
): ImportResult<NamedLocation[]>;
export function importExport(
  kind: 'policies',
  text: string,
  source: string,
): ImportResult<Policy[]>;
export function importExport(
  kind: ExportKind,
  text: string,
  source: string,
): ImportResult<NamedLocation[] | Policy[]> {
  if (looksBinary(text))
    return { ok: false, error: `${source}: a binary file, not JSON.`, warnings: [] };
  const json = parseJsonText(text, source);
  if (!json.ok) return { ok: false, error: json.error, warnings: [] };
  const r = kind === 'locations' ? parseNamedLocations(json.value) : parsePolicies(json.value);
  const warnings = r.warnings.map((w) => `${source}: ${w}`);
  if (!r.ok) return { ok: false, error: `${source}: ${r.error}`, warnings };
  if (r.value.length === 0) warnings.push(`${source}: no items in the export.`);
  return { ok: true, value: r.value, warnings };
}
