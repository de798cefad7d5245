// Reads one scenario file: first against scenarios/scenario.schema.json (the format), then the
// few things a schema cannot say, in code: the id is the file name, ids are unique, actors,
// plays, variants and named locations that are referred to exist, the Graph JSON parses through
// the app's own importers, and the engine agrees with every expected outcome and narration
// length. Every message names the file and the JSON path. Node only (build plugin, tests).
import { parseNamedLocations } from '../graph/graphLocations';
import { crossCheck, parsePolicies } from '../graph/graphPolicies';
import type { ImportResult } from '../graph/importResult';
import { parseCidr } from '../ip/ip';
import type { Decision, OrgPolicy } from '../engine/types';
import { runPlay, type Expectation, type Play, type Scenario, type Variant } from './scenario';
import { gitFieldProblem } from './gitVerb';
import { at, problemLine, repeats, schemaProblems, type Problem } from './schemas';

/** "scenarios/policy-off.json" → "policy-off.json". */
export const baseName = (fileName: string) => fileName.replace(/^.*[\\/]/, '');

/** The file as the schema describes it: the world still in Graph JSON, lists maybe absent. */
type ScenarioFile = Omit<Scenario, 'world' | 'graph' | 'tags' | 'variants'> & {
  world: { namedLocations: unknown[]; policies: unknown[]; org: OrgPolicy };
  tags?: string[];
  variants?: Variant[];
};

/** An importer's message moved under `path` (its own item paths start with "[" and may quote a
 * policy's name, so the line is kept whole). */
const nest = (path: string, line: string): Problem =>
  line.startsWith('[') ? { path: '', message: `${path}${line}` } : { path, message: line };

function importGraph<T>(
  list: unknown[],
  path: string,
  parse: (json: unknown) => ImportResult<T[]>,
  out: { errors: Problem[]; warnings: Problem[] },
): T[] | undefined {
  const r = parse(list);
  out.warnings.push(...r.warnings.map((w) => nest(path, w)));
  if (r.ok) return r.value;
  out.errors.push(...r.error.split('\n').map((line) => nest(path, line)));
  return undefined;
}

/** The parts of a decision an expectation states. */
function observed(d: Decision, e: Expectation): Expectation {
  return {
    outcome: d.outcome,
    ...(e.status !== undefined && { status: d.status }),
    ...(e.code !== undefined && { code: d.code }),
    ...(e.decidedBy !== undefined && { decidedBy: d.decidedBy }),
  };
}

/** The engine's answer against a play's or variant's expectation and narration. */
function engineProblems(s: Scenario, play: Play, variant: Variant | undefined, path: string) {
  const r = runPlay(s, play, variant);
  if (!r.ok) return [{ path, message: r.error }];
  const expect = variant?.expect ?? play.expect;
  const narration = variant?.narration ?? play.narration;
  const got = observed(r.value, expect);
  const problems: Problem[] = [];
  for (const key of Object.keys(expect) as (keyof Expectation)[])
    if (got[key] !== expect[key])
      problems.push({
        path: at(at(path, 'expect'), key),
        message: `the engine answers ${JSON.stringify(got[key])}, not ${JSON.stringify(expect[key])}`,
      });
  if (narration.length !== r.value.trace.length)
    problems.push({
      path: at(path, 'narration'),
      message: `has ${narration.length} lines for the engine's ${r.value.trace.length} trace steps`,
    });
  return problems;
}

function crossChecks(f: ScenarioFile, file: string) {
  const out = { errors: [] as Problem[], warnings: [] as Problem[] };
  const err = (path: string, message: string) => out.errors.push({ path, message });
  const expected = file.replace(/\.json$/i, '');
  if (f.id !== expected) err('id', `"${f.id}" must equal the file name ("${expected}")`);
  const variants = f.variants ?? [];
  out.errors.push(
    ...repeats(f.actors, 'actors'),
    ...repeats(f.plays, 'plays'),
    ...repeats(variants, 'variants'),
  );
  const actorIds = f.actors.map((a) => a.id);
  f.plays.forEach((p, i) => {
    if (!actorIds.includes(p.actor))
      err(
        at(at('plays', i), 'actor'),
        `"${p.actor}" is not an actor of this scenario (${actorIds.join(', ')})`,
      );
    const git = gitFieldProblem(p.request, p.git);
    if (git) err(at(at('plays', i), 'git'), git);
  });
  const playIds = f.plays.map((p) => p.id);
  variants.forEach((v, i) => {
    if (!playIds.includes(v.play))
      err(
        at(at('variants', i), 'play'),
        `"${v.play}" is not a play of this scenario (${playIds.join(', ')})`,
      );
  });

  const locations = importGraph(
    f.world.namedLocations,
    'world.namedLocations',
    parseNamedLocations,
    out,
  );
  const policies = importGraph(f.world.policies, 'world.policies', parsePolicies, out);
  // A scenario's policies must point at its own locations: a dangling id is an author's slip.
  if (locations && policies)
    for (const problem of crossCheck(locations, policies)) err('world.policies', problem);
  variants.forEach((v, i) => {
    for (const id of Object.keys(v.addIpRanges ?? {}))
      if (locations && !locations.some((l) => l.id === id && l.kind === 'ip'))
        err(
          at(at(at('variants', i), 'addIpRanges'), id),
          'not an IP named location of this scenario',
        );
  });
  if (out.errors.length || !locations || !policies) return { ...out, scenario: undefined };

  const scenario: Scenario = {
    ...f,
    world: { locations, policies, org: f.world.org },
    graph: { namedLocations: f.world.namedLocations, policies: f.world.policies },
    tags: f.tags ?? [],
    variants: variants.map((v) =>
      v.addIpRanges
        ? {
            ...v,
            addIpRanges: Object.fromEntries(
              Object.entries(v.addIpRanges).map(([id, cidrs]) => [
                id,
                cidrs.map((c) => (parseCidr(c) as { value: { cidr: string } }).value.cidr),
              ]),
            ),
          }
        : v,
    ),
  };
  delete (scenario as { $schema?: string }).$schema;
  scenario.plays.forEach((p, i) =>
    out.errors.push(...engineProblems(scenario, p, undefined, at('plays', i))),
  );
  scenario.variants.forEach((v, i) => {
    const play = scenario.plays.find((p) => p.id === v.play)!;
    out.errors.push(...engineProblems(scenario, play, v, at('variants', i)));
  });
  return { ...out, scenario: out.errors.length ? undefined : scenario };
}

/** The scenario (when nothing is wrong) and every problem, as lines naming the file and path. */
export function checkScenario(
  json: unknown,
  fileName: string,
): { scenario?: Scenario; errors: string[]; warnings: string[] } {
  const file = baseName(fileName);
  const line = (p: Problem) => problemLine(file, p);
  const schema = schemaProblems('scenario', json);
  if (schema.length) return { errors: schema.map(line), warnings: [] };
  const r = crossChecks(json as ScenarioFile, file);
  return { scenario: r.scenario, errors: r.errors.map(line), warnings: r.warnings.map(line) };
}

/** Validates one scenario file's JSON. The error has one line per problem. */
export function validateScenario(json: unknown, fileName: string): ImportResult<Scenario> {
  const { scenario, errors, warnings } = checkScenario(json, fileName);
  if (scenario) return { ok: true, value: scenario, warnings };
  return { ok: false, error: errors.join('\n'), warnings };
}
