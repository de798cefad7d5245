// Reads a challenge file (scenarios/challenges/*.json, shape in challenge.schema.json). Each
// problem names its path, so a broken level says where, and the others still load.
import { isRecord } from '../graph/graphFields';
import { RULES } from '../engine/rules';
import type { Challenge } from './challenge';

const TEMPLATES = [
  'block-outside-trusted',
  'mfa-outside-trusted',
  'mfa-everywhere',
  'compliant-device',
];
const STATES = ['enabled', 'disabled', 'enabledForReportingButNotEnforced'];
const TARGETS = ['ado', 'all', 'arm'];
const OUTCOMES = ['allowed', 'blocked', 'mfa-required'];
const FLOWS = ['web', 'pat', 'ssh', 'oauth'];
const OPS = ['org', 'addRanges', 'addLocation', 'policy'];

type Check = (v: unknown) => boolean;
const str: Check = (v) => typeof v === 'string' && v.trim() !== '';
const bool: Check = (v) => typeof v === 'boolean';
const oneOf =
  (list: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && list.includes(v);
const strs: Check = (v) => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Checks `fields` of `o` (name → [check, required]); records every problem under `path`. */
function fields(
  o: unknown,
  path: string,
  spec: Readonly<Record<string, readonly [Check, boolean]>>,
  out: string[],
) {
  if (!isRecord(o)) return void out.push(`${path}: must be an object`);
  for (const [k, [check, required]] of Object.entries(spec)) {
    if (o[k] === undefined) {
      if (required) out.push(`${path}.${k}: is missing`);
    } else if (!check(o[k])) out.push(`${path}.${k}: ${JSON.stringify(o[k])} is not allowed here`);
  }
}

const LOCATION = {
  id: [str, true],
  name: [str, true],
  trusted: [bool, true],
  ranges: [strs, true],
} as const;

function list(o: unknown, key: string, path: string, out: string[], min = 0): unknown[] {
  const v = isRecord(o) ? o[key] : undefined;
  if (v === undefined) {
    out.push(`${path}.${key}: is missing`);
    return [];
  }
  if (!Array.isArray(v) || v.length < min) {
    out.push(`${path}.${key}: must be a list${min ? ` of at least ${min}` : ''}`);
    return [];
  }
  return v;
}

export function readChallenge(
  json: unknown,
  file: string,
): { challenge?: Challenge; errors: string[] } {
  const out: string[] = [];
  const p = file;
  fields(
    json,
    p,
    {
      id: [(v) => typeof v === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v), true],
      order: [(v) => Number.isInteger(v), true],
      title: [str, true],
      story: [str, true],
      hint: [str, true],
      start: [isRecord, true],
      solution: [isRecord, true],
      rules: [
        (v) => Array.isArray(v) && v.every((r) => typeof r === 'string' && Object.hasOwn(RULES, r)),
        true,
      ],
    },
    out,
  );
  if (!isRecord(json)) return { errors: out };
  const start = json.start;
  if (isRecord(start)) {
    fields(start.org, `${p}.start.org`, { on: [bool, true], enabledAt: [str, false] }, out);
    list(start, 'locations', `${p}.start`, out).forEach((l, i) =>
      fields(l, `${p}.start.locations[${i}]`, LOCATION, out),
    );
    list(start, 'policies', `${p}.start`, out).forEach((x, i) =>
      fields(
        x,
        `${p}.start.policies[${i}]`,
        {
          id: [str, true],
          template: [oneOf(TEMPLATES), true],
          name: [str, true],
          state: [oneOf(STATES), true],
          target: [oneOf(TARGETS), true],
          excludeUsers: [strs, true],
        },
        out,
      ),
    );
  }
  list(json, 'goal', p, out, 2).forEach((g, i) => {
    fields(
      g,
      `${p}.goal[${i}]`,
      { who: [str, true], request: [isRecord, true], outcome: [oneOf(OUTCOMES), true] },
      out,
    );
    if (isRecord(g))
      fields(
        g.request,
        `${p}.goal[${i}].request`,
        { flow: [oneOf(FLOWS), true], ip: [str, true], at: [str, true] },
        out,
      );
  });
  if (isRecord(json.solution)) {
    fields(json.solution, `${p}.solution`, { text: [str, true] }, out);
    list(json.solution, 'steps', `${p}.solution`, out, 1).forEach((s, i) =>
      fields(s, `${p}.solution.steps[${i}]`, { op: [oneOf(OPS), true] }, out),
    );
  }
  return out.length ? { errors: out } : { challenge: json as unknown as Challenge, errors: [] };
}

/** Every level, in order; `errors` lists the problems of the files that did not load. */
export function loadChallenges(files: Record<string, unknown>): {
  challenges: Challenge[];
  errors: string[];
} {
  const challenges: Challenge[] = [];
  const errors: string[] = [];
  for (const [path, json] of Object.entries(files)) {
    const file = path.split('/').pop() ?? path;
    if (file.endsWith('.schema.json')) continue; // the schema sits beside the levels
    const r = readChallenge(json, file);
    errors.push(...r.errors);
    if (r.challenge && `${r.challenge.id}.json` !== file)
      errors.push(`${file}: id ${JSON.stringify(r.challenge.id)} must equal the file name`);
    else if (r.challenge) challenges.push(r.challenge);
  }
  return { challenges: challenges.sort((a, b) => a.order - b.order), errors };
}
