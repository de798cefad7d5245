// All scenario files at once: validated, sorted by their `order`, with every problem listed.
// Takes a plain record (file name → JSON) so the model stays free of Vite and of the file system;
// the build plugin passes the files of scenarios/. Node only: the browser gets the result.
import { isRecord } from '../graph/graphFields';
import type { Scenario } from './scenario';
import { baseName, checkScenario } from './scenarioCheck';

export interface Catalog {
  scenarios: Scenario[];
  /** One line per problem, each naming its file; files with errors are left out. */
  errors: string[];
  warnings: string[];
}

/** A module namespace from an eager glob holds the JSON as `default`; a scenario never does. */
const unwrap = (v: unknown) => (isRecord(v) && isRecord(v.default) ? v.default : v);

export function loadCatalog(files: Record<string, unknown>): Catalog {
  const scenarios: Scenario[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const [name, json] of Object.entries(files)) {
    if (!/\.json$/i.test(name) || baseName(name) === 'scenario.schema.json') continue;
    const check = checkScenario(unwrap(json), name);
    errors.push(...check.errors);
    warnings.push(...check.warnings);
    const { scenario } = check;
    if (scenario) scenarios.push(scenario);
  }
  scenarios.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  scenarios.forEach((s, i) => {
    const prev = scenarios[i - 1];
    if (prev && prev.order === s.order)
      warnings.push(`${s.id}.json: order: ${s.order} is also the order of ${prev.id}.json`);
  });
  return { scenarios, errors, warnings };
}
