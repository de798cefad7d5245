// Loads the Graph exports named on the command line into a World (without its org policy, which
// the caller sets per evaluation), collecting import warnings for stderr.
import { parseNamedLocations } from '../model/graph/graphLocations';
import { crossCheck, parsePolicies } from '../model/graph/graphPolicies';
import type { ImportResult } from '../model/graph/importResult';
import type { NamedLocation, Policy, Result } from '../model/engine/types';
import { readJson } from './files';

export interface LoadedWorld {
  locations: NamedLocation[];
  policies: Policy[];
  /** Import oddities worth a look, already prefixed with the flag and file they came from. */
  warnings: string[];
}

function load<T>(
  flag: string,
  path: string,
  parse: (json: unknown) => ImportResult<T>,
  warnings: string[],
): Result<T> {
  const json = readJson(flag, path);
  if (!json.ok) return json;
  const r = parse(json.value);
  warnings.push(...r.warnings.map((w) => `--${flag} ${path}: ${w}`));
  return r.ok
    ? { ok: true, value: r.value }
    : { ok: false, error: `--${flag} ${path}: ${r.error}` };
}

export function loadWorld(locationsFile: string, policiesFile: string): Result<LoadedWorld> {
  const warnings: string[] = [];
  const locations = load('locations', locationsFile, parseNamedLocations, warnings);
  if (!locations.ok) return locations;
  const policies = load('policies', policiesFile, parsePolicies, warnings);
  if (!policies.ok) return policies;
  warnings.push(...crossCheck(locations.value, policies.value));
  return {
    ok: true,
    value: { locations: locations.value, policies: policies.value, warnings },
  };
}
