// Scenario files against scenarios/scenario.schema.json (ajv) and the cross-checks in code:
// malformed files get one message per problem naming the file and the JSON path; and the
// schemas name exactly the rule ids, sources, flows, actions and assumptions the engine knows.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ASSUMPTION_CHOICES } from '../../src/model/engine/assumptions';
import { RULE_IDS } from '../../src/model/engine/rules';
import { SOURCES } from '../../src/model/engine/sources';
import { ACTIONS, FLOWS } from '../../src/model/engine/types';
import { validateScenario } from '../../src/model/content/scenarioCheck';
import { loadCatalog } from '../../src/model/content/scenarioCatalog';
import { jsonPath } from '../../src/model/content/schemas';

const read = (name: string) =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../scenarios/${name}`, import.meta.url)), 'utf8'),
  );

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const FILE = 'policy-on.json';
const base: Json = read(FILE);
const HQ = base.world.namedLocations[0].id as string;

interface Case {
  name: string;
  change: (s: Json) => void;
  /** The field path a message must name, after "policy-on.json: ". */
  path: string;
  message?: string;
  /** The importers quote (and shorten) a policy's name inside the path: match its start only. */
  pathStart?: true;
}

const cases: Case[] = [
  { name: 'not an object', change: () => {}, path: '', message: 'expected an object, got null' },
  { name: 'missing title', change: (s) => delete s.title, path: 'title', message: 'missing' },
  { name: 'missing world.org', change: (s) => delete s.world.org, path: 'world.org' },
  {
    name: 'missing expected outcome',
    change: (s) => delete s.plays[0].expect.outcome,
    path: 'plays[0].expect.outcome',
    message: 'missing',
  },
  {
    name: 'wrong outcome',
    change: (s) => (s.plays[0].expect.outcome = 'denied'),
    path: 'plays[0].expect.outcome',
    message: '"denied" is not one of allowed, blocked, mfa-required',
  },
  {
    name: 'wrong flow',
    change: (s) => (s.plays[1].request.flow = 'ftp'),
    path: 'plays[1].request.flow',
  },
  {
    name: 'wrong decidedBy',
    change: (s) => (s.plays[0].expect.decidedBy = 'R99'),
    path: 'plays[0].expect.decidedBy',
  },
  {
    name: 'unknown scope',
    change: (s) => (s.plays[0].request.token.scopes = ['vso.everything']),
    path: 'plays[0].request.token.scopes[0]',
  },
  {
    name: 'bad date',
    change: (s) => (s.plays[0].request.at = 'yesterday'),
    path: 'plays[0].request.at',
    message: '"yesterday" is not an ISO 8601 date',
  },
  {
    name: 'unknown actor',
    change: (s) => (s.plays[2].actor = 'nobody'),
    path: 'plays[2].actor',
    message: '"nobody" is not an actor of this scenario (dana-office, lee-vpn, kim-cafe)',
  },
  {
    name: 'bad IP in an actor',
    change: (s) => (s.actors[0].ip = '203.0.113.300'),
    path: 'actors[0].ip',
    message: '"203.0.113.300" is not a valid IP address',
  },
  {
    name: 'bad sign-in IP in an actor',
    change: (s) => (s.actors[1].signinIp = 'vpn'),
    path: 'actors[1].signinIp',
  },
  {
    name: 'wrong actor kind',
    change: (s) => (s.actors[0].kind = 'office'),
    path: 'actors[0].kind',
  },
  {
    name: 'lower-case country',
    change: (s) => (s.actors[0].country = 'no'),
    path: 'actors[0].country',
  },
  {
    name: 'broken policy state',
    change: (s) => (s.world.policies[0].state = 'on'),
    path: 'world.policies[0].state',
    message: '"on" is not one of enabled, disabled, enabledForReportingButNotEnforced',
  },
  {
    name: 'policy without conditions',
    change: (s) => delete s.world.policies[0].conditions,
    path: 'world.policies[0].conditions',
    message: 'missing',
  },
  {
    name: 'policy the importer refuses (a sign-in frequency of 0 hours)',
    change: (s) =>
      (s.world.policies[0].sessionControls = {
        signInFrequency: { isEnabled: true, value: 0, type: 'hours' },
      }),
    path: 'world.policies[0] ("CA010 - Azure DevOps',
    pathStart: true,
    message: '.sessionControls.signInFrequency.value: 0 is not a whole number above 0',
  },
  {
    name: 'broken CIDR in a named location',
    change: (s) => (s.world.namedLocations[0].ipRanges[0].cidrAddress = '203.0.113.0/33'),
    path: 'world.namedLocations[0].ipRanges[0].cidrAddress',
  },
  {
    name: 'policies in a Graph page instead of a bare array',
    change: (s) => (s.world.policies = { value: s.world.policies }),
    path: 'world.policies',
    message: 'expected an array, got {"value":',
  },
  {
    name: 'policy pointing at a location the scenario lacks',
    change: (s) =>
      (s.world.policies[0].conditions.locations.excludeLocations = [
        '11111111-2222-4333-8444-555555555555',
      ]),
    path: 'world.policies',
    message: 'which is not among the imported locations',
  },
  {
    name: 'id differs from the file name',
    change: (s) => (s.id = 'policy-on-2'),
    path: 'id',
    message: '"policy-on-2" must equal the file name ("policy-on")',
  },
  { name: 'id not kebab-case', change: (s) => (s.id = 'Policy_On'), path: 'id' },
  {
    name: 'duplicate play id',
    change: (s) => (s.plays[1].id = s.plays[0].id),
    path: 'plays[1].id',
    message: 'repeats the id of plays[0]',
  },
  {
    name: 'unknown source key',
    change: (s) => (s.sources = ['ART', 'MSDN']),
    path: 'sources[1]',
  },
  {
    name: 'misspelt field',
    change: (s) => (s.plays[0].narations = s.plays[0].narration),
    path: 'plays[0].narations',
    message: 'unknown field',
  },
  {
    name: 'empty narration',
    change: (s) => (s.plays[0].narration = []),
    path: 'plays[0].narration',
  },
  { name: 'no plays', change: (s) => (s.plays = []), path: 'plays' },
  {
    name: 'unknown git command',
    change: (s) => (s.plays[1].git = 'fetch'),
    path: 'plays[1].git',
    message: '"fetch" is not one of clone, pull, push',
  },
  {
    name: 'git command missing on a PAT read',
    change: (s) => delete s.plays[1].git,
    path: 'plays[1].git',
    message: 'is missing: say which git command the user typed ("clone" or "pull")',
  },
  {
    name: 'a pull on a push-code play',
    change: (s) => (s.plays[0].git = 'pull'),
    path: 'plays[0].git',
    message: 'must be "push" for push-code',
  },
  {
    name: 'a push on a read',
    change: (s) => (s.plays[2].git = 'push'),
    path: 'plays[2].git',
    message: '"push" needs the action push-code (the request is read-code)',
  },
  {
    name: 'a git command on a pipeline run',
    change: (s) => (s.plays[2].request.action = 'run-pipeline'),
    path: 'plays[2].git',
    message: '"pull" is not allowed: git does not carry run-pipeline',
  },
  { name: 'order not a number', change: (s) => (s.order = 'first'), path: 'order' },
  {
    name: 'wrong $schema',
    change: (s) => (s.$schema = 'scenario.schema.json'),
    path: '$schema',
  },
  {
    name: 'unknown assumption value',
    change: (s) => (s.plays[0].assumptions = { 'existing-pats': 'maybe' }),
    path: 'plays[0].assumptions.existing-pats',
  },
  {
    name: 'unknown assumption',
    change: (s) => (s.plays[0].assumptions = { 'mfa-on-ssh': 'ignored' }),
    path: 'plays[0].assumptions.mfa-on-ssh',
  },
  {
    name: 'variant on an unknown play',
    change: (s) => (s.variants[0].play = 'lunch'),
    path: 'variants[0].play',
  },
  {
    name: 'variant that changes nothing',
    change: (s) => delete s.variants[0].org,
    path: 'variants[0]',
    message: 'needs at least one of org, assumptions, addIpRanges',
  },
  {
    name: 'variant adding ranges to an unknown location',
    change: (s) => (s.variants[0].addIpRanges = { 'loc-x': ['2001:db8::/32'] }),
    path: 'variants[0].addIpRanges.loc-x',
  },
  {
    name: 'variant adding a bad range',
    change: (s) => (s.variants[0].addIpRanges = { [HQ]: ['2001:db8::/129'] }),
    path: `variants[0].addIpRanges.${HQ}[0]`,
  },
  {
    name: 'title of spaces only',
    change: (s) => (s.title = '   '),
    path: 'title',
    message: 'empty',
  },
  {
    name: 'order out of range',
    change: (s) => (s.order = 2_000_000),
    path: 'order',
    message: '2000000 must be <= 1000000',
  },
  {
    name: 'impossible date',
    change: (s) => (s.plays[0].request.at = '2026-02-30T10:00:00Z'),
    path: 'plays[0].request.at',
    message: 'is not an ISO 8601 date',
  },
  {
    name: 'unknown request field',
    change: (s) => (s.plays[0].request.ipAddress = '203.0.113.10'),
    path: 'plays[0].request.ipAddress',
    message: 'unknown field (expected one of flow, client, at,',
  },
  {
    name: 'duplicate actor id',
    change: (s) => (s.actors[2].id = s.actors[0].id),
    path: 'actors[2].id',
    message: '"dana-office" repeats the id of actors[0]',
  },
  {
    name: 'expected outcome the engine disagrees with',
    change: (s) => (s.plays[0].expect.outcome = 'blocked'),
    path: 'plays[0].expect.outcome',
    message: 'the engine answers "allowed", not "blocked"',
  },
  {
    name: 'expected rule the engine disagrees with',
    change: (s) => (s.variants[0].expect.decidedBy = 'R12'),
    path: 'variants[0].expect.decidedBy',
    message: 'the engine answers',
  },
  {
    name: 'narration with a line too many',
    change: (s) => s.plays[1].narration.push('One more.'),
    path: 'plays[1].narration',
    message: "lines for the engine's",
  },
  {
    name: 'variant org with a bad date',
    change: (s) => (s.variants[0].org.enabledAt = '1 Sept'),
    path: 'variants[0].org.enabledAt',
  },
];

describe('validateScenario on malformed files', () => {
  it('accepts the file the cases start from', () => {
    expect(validateScenario(base, FILE)).toMatchObject({ ok: true, warnings: [] });
  });

  it.each(cases)('$name → names $path', ({ name, change, path, message, pathStart }) => {
    const json: Json | null = name === 'not an object' ? null : structuredClone(base);
    if (json) change(json);
    const r = validateScenario(json, `scenarios/${FILE}`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.error.split('\n');
    for (const line of lines) expect(line.startsWith(`${FILE}: `)).toBe(true);
    const prefix = `${FILE}: ${path}${path && !pathStart ? ': ' : ''}`;
    const hit = lines.find((l) => l.startsWith(prefix));
    expect(hit, `no line starts with ${prefix}\n${r.error}`).toBeDefined();
    if (message) expect(hit).toContain(message);
  });

  it('passes on the importers’ warnings with the file and path', () => {
    const json = structuredClone(base);
    json.world.namedLocations[0].ipRanges[0].cidrAddress = '203.0.113.7/24';
    const r = validateScenario(json, FILE);
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([
      expect.stringMatching(
        /^policy-on\.json: world\.namedLocations\[0\]\.ipRanges\[0\]\.cidrAddress: /,
      ),
    ]);
  });
});

describe('loadCatalog', () => {
  it('keeps the good files, lists the bad ones and ignores the schema', () => {
    const broken: Json = { ...structuredClone(base), id: 'broken' };
    broken.plays[0].expect.outcome = 'denied';
    const c = loadCatalog({
      'scenarios/policy-on.json': base,
      'scenarios/broken.json': broken,
      'scenarios/scenario.schema.json': read('scenario.schema.json'),
      'scenarios/README.md': 'not a scenario',
    });
    expect(c.scenarios.map((s) => s.id)).toEqual(['policy-on']);
    expect(c.errors).toEqual([
      'broken.json: plays[0].expect.outcome: "denied" is not one of allowed, blocked, mfa-required',
    ]);
  });
  it('sorts by order and warns about a shared order', () => {
    const a = { ...structuredClone(base), id: 'a', order: 5 };
    const b = { ...structuredClone(base), id: 'b', order: 1 };
    const c = { ...structuredClone(base), id: 'c', order: 5 };
    const cat = loadCatalog({ 'c.json': c, 'a.json': a, 'b.json': b });
    expect(cat.scenarios.map((s) => s.id)).toEqual(['b', 'a', 'c']);
    expect(cat.warnings).toEqual(['c.json: order: 5 is also the order of a.json']);
  });
});

describe('JSON paths in messages', () => {
  it.each([
    ['', ''],
    ['/plays/0/expect/decidedBy', 'plays[0].expect.decidedBy'],
    ['/plays/0/assumptions/existing-pats', 'plays[0].assumptions.existing-pats'],
    ['/a~1b/c~0d/12', 'a/b.c~d[12]'],
  ])('%s → %s', (pointer, path) => expect(jsonPath(pointer)).toBe(path));
});

describe('the schemas name what the engine knows', () => {
  const schema = read('scenario.schema.json');
  const sorted = (xs: readonly unknown[]) => [...xs].map(String).sort();

  it('rule ids: $defs.ruleId lists RULE_IDS (add a new rule to the schema too)', () => {
    expect(schema.$defs.ruleId.enum).toEqual([...RULE_IDS]);
  });
  it('source keys: $defs.sourceKey lists SOURCES', () => {
    expect(sorted(schema.$defs.sourceKey.enum)).toEqual(sorted(Object.keys(SOURCES)));
  });
  it('flows, actions and assumptions', () => {
    expect(sorted(schema.$defs.request.properties.flow.enum)).toEqual(sorted(FLOWS));
    expect(sorted(schema.$defs.request.properties.action.enum)).toEqual(sorted(ACTIONS));
    const assumptions = schema.$defs.assumptions.properties;
    expect(sorted(Object.keys(assumptions))).toEqual(sorted(Object.keys(ASSUMPTION_CHOICES)));
    for (const [name, { values }] of Object.entries(ASSUMPTION_CHOICES))
      expect(assumptions[name].enum).toEqual(values);
  });

  /** Every object a content file may hold refuses unknown fields; Graph's own objects do not. */
  const GRAPH = ['namedLocation', 'conditionalAccessPolicy'];
  it.each([
    ['scenario.schema.json', read('scenario.schema.json')],
    ['lesson/lesson.schema.json', read('lesson/lesson.schema.json')],
    ['lesson/quiz.schema.json', read('lesson/quiz.schema.json')],
  ])('%s is strict', (_name, s) => {
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const objects = [['(root)', s], ...Object.entries(s.$defs ?? {})].filter(
      ([name, d]) => (d as { type?: string }).type === 'object' && !GRAPH.includes(name as string),
    );
    expect(objects.length).toBeGreaterThan(2);
    for (const [name, d] of objects)
      expect((d as { additionalProperties?: unknown }).additionalProperties, name as string).toBe(
        false,
      );
  });
});
