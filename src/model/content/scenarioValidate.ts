// Checks a scenario file by hand, field by field, as scenarios/scenario.schema.json describes it,
// and parses its world through the Graph importers. Every message names the file and the path.
import { isRecord, show } from '../graph/graphFields';
import { parseNamedLocations } from '../graph/graphLocations';
import { crossCheck, parsePolicies } from '../graph/graphPolicies';
import type { ImportResult } from '../graph/importResult';
import { parseCidr, parseIp } from '../ip/ip';
import type { Actor, Play, Scenario, Variant } from './scenario';
import { ACTOR_KINDS, KEBAB, at, Check, compact, type Json } from './scenarioFields';
import { readAssumptions, readExpectation, readNarration, readPlay } from './scenarioPlayValidate';
import { SOURCES } from '../engine/sources';
import type { NamedLocation, OrgPolicy, SourceKey, World } from '../engine/types';

export const SCHEMA_REF = './scenario.schema.json';

/** "scenarios/policy-off.json" → "policy-off.json". */
export const baseName = (fileName: string) => fileName.replace(/^.*[\\/]/, '');

/** An importer's message, moved under `path` (a bare-array item path starts with "["). */
function nest(path: string, message: string): string {
  return message.startsWith('[') ? `${path}${message}` : `${path}: ${message}`;
}

function readGraph<T>(
  list: unknown,
  path: string,
  parse: (json: unknown) => ImportResult<T[]>,
  c: Check,
): T[] | undefined {
  if (!Array.isArray(list)) {
    if (list !== undefined)
      c.error(path, `expected a bare array of Graph objects, got ${show(list)}`);
    return undefined;
  }
  const r = parse(list);
  for (const w of r.warnings) c.warn('', nest(path, w));
  if (r.ok) return r.value;
  c.error('', nest(path, r.error));
  return undefined;
}

function readOrg(
  v: unknown,
  path: string,
  c: Check,
  patch: boolean,
): Partial<OrgPolicy> | undefined {
  const o = c.object(v, path, patch ? 'orgPatch' : 'org');
  if (!o) return undefined;
  return compact({
    ipValidation: c.boolean(o, 'ipValidation', path),
    enabledAt: c.iso(o, 'enabledAt', path),
  });
}

function readWorld(v: unknown, c: Check): { world: World; graph: Scenario['graph'] } | undefined {
  const o = c.object(v, 'world', 'world');
  if (!o) return undefined;
  const locations = readGraph(o.namedLocations, 'world.namedLocations', parseNamedLocations, c);
  const policies = readGraph(o.policies, 'world.policies', parsePolicies, c);
  const org = o.org === undefined ? undefined : readOrg(o.org, 'world.org', c, false);
  if (!locations || !policies || org?.ipValidation === undefined) return undefined;
  // A scenario's policies must point at its own locations: a dangling id is an author's slip.
  for (const problem of crossCheck(locations, policies)) c.error('world.policies', problem);
  return {
    world: { locations, policies, org: org as OrgPolicy },
    graph: { namedLocations: o.namedLocations as unknown[], policies: o.policies as unknown[] },
  };
}

function readActor(v: unknown, path: string, c: Check): Actor | undefined {
  const o = c.object(v, path, 'actor');
  if (!o) return undefined;
  const ip = (key: 'ip' | 'signinIp') => {
    const text = c.string(o, key, path);
    const parsed = text === undefined ? undefined : parseIp(text);
    if (parsed && !parsed.ok) c.error(at(path, key), parsed.error);
    return parsed?.ok ? text : undefined;
  };
  const country = c.string(o, 'country', path);
  if (country !== undefined && !/^[A-Z]{2}$/.test(country))
    c.error(at(path, 'country'), `${show(country)} is not a two-letter country code such as NO`);
  const actor = compact({
    id: c.string(o, 'id', path),
    label: c.string(o, 'label', path),
    kind: c.oneOf(o, 'kind', path, ACTOR_KINDS),
    ip: ip('ip'),
    signinIp: ip('signinIp'),
    country,
  });
  return actor.id && actor.label && actor.kind && actor.ip ? (actor as Actor) : undefined;
}

function readIpRanges(o: Json, path: string, locations: NamedLocation[], c: Check) {
  if (o.addIpRanges === undefined) return undefined;
  const where = at(path, 'addIpRanges');
  if (typeof o.addIpRanges !== 'object' || o.addIpRanges === null || Array.isArray(o.addIpRanges)) {
    c.error(where, `expected an object of named-location id → CIDRs, got ${show(o.addIpRanges)}`);
    return undefined;
  }
  const ranges = o.addIpRanges as Json;
  const out: Record<string, string[]> = {};
  for (const id of Object.keys(ranges)) {
    if (!locations.some((l) => l.id === id && l.kind === 'ip'))
      c.error(at(where, id), 'not an IP named location of this scenario');
    out[id] = (c.strings(ranges, id, where, 1) ?? []).flatMap((text, i) => {
      const cidr = parseCidr(text);
      if (cidr.ok) return [cidr.value.cidr];
      c.error(at(at(where, id), i), cidr.error);
      return [];
    });
  }
  return out;
}

function readVariant(
  v: unknown,
  path: string,
  plays: string[],
  world: World | undefined,
  c: Check,
) {
  const o = c.object(v, path, 'variant');
  if (!o) return undefined;
  const play = c.string(o, 'play', path);
  if (play !== undefined && !plays.includes(play))
    c.error(at(path, 'play'), `${show(play)} is not a play of this scenario (${plays.join(', ')})`);
  if (o.org === undefined && o.assumptions === undefined && o.addIpRanges === undefined)
    c.error(path, 'changes nothing: give org, assumptions or addIpRanges');
  return compact({
    id: c.string(o, 'id', path),
    label: c.string(o, 'label', path),
    play,
    org: o.org === undefined ? undefined : readOrg(o.org, at(path, 'org'), c, true),
    assumptions: readAssumptions(o, path, c),
    addIpRanges: readIpRanges(o, path, world?.locations ?? [], c),
    expect: o.expect === undefined ? undefined : readExpectation(o.expect, at(path, 'expect'), c),
    narration: readNarration(o, path, c),
    takeaway: c.string(o, 'takeaway', path),
  }) as Variant;
}

/** Reads a list of objects, checking their ids (kebab-case, unique). */
function list<T>(
  o: Json,
  key: string,
  c: Check,
  min: number,
  read: (v: unknown, path: string) => T,
) {
  const items = c.array(o, key, '', min) ?? [];
  c.ids(
    items.map((x) => (x && typeof x === 'object' ? (x as Json) : undefined)),
    key,
  );
  return items.map((item, i) => read(item, at(key, i)));
}

/** The ids a list declares, valid items or not, so one bad item does not echo in references. */
const declaredIds = (o: Json, key: string) =>
  Array.isArray(o[key])
    ? (o[key] as unknown[]).flatMap((x) => (isRecord(x) && typeof x.id === 'string' ? [x.id] : []))
    : [];

/** The scenario and every problem found, for callers that list them all (the catalog). */
export function checkScenario(
  json: unknown,
  fileName: string,
): { scenario?: Scenario; check: Check } {
  const file = baseName(fileName);
  const c = new Check(file);
  const o = c.object(json, '', 'scenario');
  if (!o) return { check: c };
  const id = c.string(o, 'id', '');
  const expected = file.replace(/\.json$/i, '');
  if (id !== undefined && !KEBAB.test(id)) c.error('id', `${show(id)} is not kebab-case`);
  else if (id !== undefined && id !== expected)
    c.error('id', `${show(id)} must equal the file name (${show(expected)})`);
  if (o.$schema !== undefined && o.$schema !== SCHEMA_REF)
    c.error('$schema', `${show(o.$schema)} should be ${show(SCHEMA_REF)}`);
  const built = o.world === undefined ? undefined : readWorld(o.world, c);
  const actors = list(o, 'actors', c, 1, (v, p) => readActor(v, p, c));
  const actorIds = declaredIds(o, 'actors');
  const plays = list(o, 'plays', c, 1, (v, p) => readPlay(v, p, actorIds, c));
  const playIds = declaredIds(o, 'plays');
  const variants = list(o, 'variants', c, 0, (v, p) => readVariant(v, p, playIds, built?.world, c));
  const scenario = {
    id: id!,
    order: c.integer(o, 'order', '', 0, 1_000_000)!,
    title: c.string(o, 'title', '')!,
    goal: c.string(o, 'goal', '')!,
    summary: c.string(o, 'summary', '')!,
    world: built?.world as World,
    graph: built?.graph as Scenario['graph'],
    actors: actors as Actor[],
    plays: plays as Play[],
    sources: c.strings(o, 'sources', '', 1, Object.keys(SOURCES) as SourceKey[]) ?? [],
    tags: c.strings(o, 'tags', '') ?? [],
    variants: variants as Variant[],
  };
  return c.errors.length ? { check: c } : { scenario, check: c };
}

/** Validates one scenario file's JSON. The error has one line per problem. */
export function validateScenario(json: unknown, fileName: string): ImportResult<Scenario> {
  const { scenario, check } = checkScenario(json, fileName);
  if (scenario) return { ok: true, value: scenario, warnings: check.warnings };
  return { ok: false, error: check.errors.join('\n'), warnings: check.warnings };
}
