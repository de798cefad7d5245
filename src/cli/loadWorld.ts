// Loads the Graph exports named on the command line (each a file or a folder of files) into a
// World (without its org policy, which the caller sets per evaluation), collecting import
// warnings for stderr.
import { importLocationFiles, importPolicyFiles, type SourceFile } from '../model/graph/graphFiles';
import { crossCheck } from '../model/graph/graphPolicies';
import type { ImportResult } from '../model/graph/importResult';
import type { NamedLocation, Policy, Result } from '../model/engine/types';
import { readSources } from './files';

export interface LoadedWorld {
  locations: NamedLocation[];
  policies: Policy[];
  /** Import oddities worth a look, already prefixed with the flag and file they came from. */
  warnings: string[];
}

function load<T>(
  flag: string,
  path: string,
  parse: (files: SourceFile[]) => ImportResult<T>,
  warnings: string[],
): Result<T> {
  const files = readSources(flag, path, warnings);
  if (!files.ok) return files;
  // Messages start with the file they are about (the path given, or a file in the folder).
  const r = parse(files.value);
  const named = (w: string) => files.value.some((f) => w.startsWith(`${f.name}: `));
  warnings.push(...r.warnings.map((w) => `--${flag} ${named(w) ? w : `${path}: ${w}`}`));
  return r.ok ? { ok: true, value: r.value } : { ok: false, error: `--${flag} ${r.error}` };
}

export function loadWorld(locationsFile: string, policiesFile: string): Result<LoadedWorld> {
  const warnings: string[] = [];
  const locations = load('locations', locationsFile, importLocationFiles, warnings);
  if (!locations.ok) return locations;
  const policies = load('policies', policiesFile, importPolicyFiles, warnings);
  if (!policies.ok) return policies;
  warnings.push(...crossCheck(locations.value, policies.value));
  return {
    ok: true,
    value: { locations: locations.value, policies: policies.value, warnings },
  };
}
