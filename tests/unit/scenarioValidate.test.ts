// The scenario validator: malformed files get one message per problem naming the file and the
// field; and the hand-written validator and scenarios/scenario.schema.json describe one format.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ASSUMPTION_CHOICES } from '../../src/model/engine/assumptions';
import { RULE_IDS } from '../../src/model/engine/rules';
import { ACTOR_KINDS, validateScenario } from '../../src/model/content/scenario';
import { loadCatalog } from '../../src/model/content/scenarioCatalog';
import { SHAPES, type ShapeName } from '../../src/model/content/scenarioFields';
import {
  CLIENTS,
  CODES,
  OUTCOMES,
  SCOPES,
  TOKEN_KINDS,
} from '../../src/model/content/scenarioPlayValidate';
import { SOURCES } from '../../src/model/engine/sources';
import { ACTIONS, FLOWS } from '../../src/model/engine/types';

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
    path: 'world.policies[0] ("CA010 - Azure DevOps',
    pathStart: true,
    message: '.state: "on" is not one of enabled, disabled, enabledForReportingButNotEnforced',
  },
  {
    name: 'policy without conditions',
    change: (s) => delete s.world.policies[0].conditions,
    path: 'world.policies[0] ("CA010 - Azure DevOps',
    pathStart: true,
    message: '.conditions: missing',
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
    message: 'expected a bare array',
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
    message: 'changes nothing',
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

describe('scenario.schema.json and the validator describe one format', () => {
  const schema = read('scenario.schema.json');
  const defOf = (name: ShapeName) => (name === 'scenario' ? schema : schema.$defs[name]);
  const sorted = (xs: readonly unknown[]) => [...xs].map(String).sort();

  it('is a draft 2020-12 schema', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it.each(Object.keys(SHAPES) as ShapeName[])('%s: same required and allowed fields', (name) => {
    const def = defOf(name);
    expect(def, `$defs.${name}`).toBeDefined();
    expect(sorted(def.required ?? [])).toEqual(sorted(SHAPES[name].required));
    expect(sorted(Object.keys(def.properties))).toEqual(
      sorted([...SHAPES[name].required, ...SHAPES[name].optional]),
    );
    expect(def.additionalProperties).toBe(false);
  });

  it.each([
    ['expect', 'outcome', OUTCOMES],
    ['expect', 'code', CODES],
    ['expect', 'decidedBy', RULE_IDS],
    ['request', 'flow', FLOWS],
    ['request', 'client', CLIENTS],
    ['request', 'action', ACTIONS],
    ['token', 'kind', TOKEN_KINDS],
    ['actor', 'kind', ACTOR_KINDS],
  ] as const)('%s.%s: same values', (def, field, values) => {
    expect(sorted(schema.$defs[def].properties[field].enum)).toEqual(sorted(values));
  });

  it('same scopes, source keys and assumption values', () => {
    expect(sorted(schema.$defs.token.properties.scopes.items.enum)).toEqual(sorted(SCOPES));
    expect(sorted(schema.properties.sources.items.enum)).toEqual(sorted(Object.keys(SOURCES)));
    for (const [name, { values }] of Object.entries(ASSUMPTION_CHOICES))
      expect(schema.$defs.assumptions.properties[name].enum).toEqual(values);
  });
});
