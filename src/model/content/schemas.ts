// The JSON Schemas of scenarios/ are the format of the teaching content: this compiles them
// (ajv, draft 2020-12) and turns ajv's errors into the app's messages, one per problem, each
// naming the JSON path as `plays[0].expect.decidedBy`. Node only (the build plugin and tests):
// the browser gets content that was validated at build time and ships no validator.
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import scenarioSchema from '../../../scenarios/scenario.schema.json' with { type: 'json' };
import lessonSchema from '../../../scenarios/lesson/lesson.schema.json' with { type: 'json' };
import quizSchema from '../../../scenarios/lesson/quiz.schema.json' with { type: 'json' };
import { show } from '../graph/graphFields';
import { isIsoDate } from '../engine/time';
import { parseCidr, parseIp } from '../ip/ip';

export type SchemaName = 'scenario' | 'lesson' | 'quiz';

/** One problem: where (a JSON path, '' for the whole file) and what. */
export interface Problem {
  path: string;
  message: string;
}

/** The formats the schemas use, checked by the app's own parsers (the same as at run time). */
const NOT_INSTANT = 'is not an ISO 8601 date such as 2026-11-02T09:15:00Z';
const FORMATS = {
  ip: (s: string) => parseIp(s),
  cidr: (s: string) => parseCidr(s),
  instant: (s: string) =>
    isIsoDate(s)
      ? { ok: true as const }
      : { ok: false as const, error: `${show(s)} ${NOT_INSTANT}` },
};

const ajv = new Ajv2020({
  allErrors: true,
  verbose: true,
  allowUnionTypes: true,
  strictTypes: true,
});
for (const [name, parse] of Object.entries(FORMATS))
  ajv.addFormat(name, { type: 'string', validate: (s: string) => parse(s).ok });
ajv.addSchema([scenarioSchema, lessonSchema, quizSchema]);

const IDS: Record<SchemaName, string> = {
  scenario: scenarioSchema.$id,
  lesson: lessonSchema.$id,
  quiz: quizSchema.$id,
};

/** `/plays/0/expect` → `plays[0].expect` (JSON Pointer escapes undone). */
export function jsonPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, key) => at(path, /^\d+$/.test(key) ? Number(key) : key), '');
}

export const at = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/** Words for a value that fails a named definition's pattern or enum. */
const DEF_WORDS: Record<string, string> = {
  kebabId: 'is not kebab-case (lower-case words joined by hyphens)',
  country: 'is not a two-letter country code such as NO',
  instant: NOT_INSTANT,
  ruleId: 'is not a rule id (see the Rules and sources page)',
  sourceKey: 'is not a source key',
};

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  boolean: 'true or false',
  integer: 'a whole number',
  number: 'a number',
  array: 'an array',
  object: 'an object',
  null: 'null',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The $defs entry a keyword sits in directly, e.g. "kebabId" for …#/$defs/kebabId/pattern. */
const defName = (e: ErrorObject) => /\$defs\/([^/]+)\/[^/]+$/.exec(e.schemaPath)?.[1];

function describe(e: ErrorObject): Problem {
  const path = jsonPath(e.instancePath);
  const p = e.params as Record<string, unknown>;
  const value = show(e.data);
  const named = defName(e);
  const words = named ? DEF_WORDS[named] : undefined;
  switch (e.keyword) {
    case 'required':
      return { path: at(path, String(p.missingProperty)), message: 'missing' };
    case 'additionalProperties': {
      const known = Object.keys((e.parentSchema as { properties?: object }).properties ?? {});
      return {
        path: at(path, String(p.additionalProperty)),
        message: `unknown field (expected one of ${known.join(', ')})`,
      };
    }
    case 'type': {
      const types = String(p.type).split(',');
      return {
        path,
        message: `expected ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')}, got ${value}`,
      };
    }
    case 'enum':
      return {
        path,
        message: words
          ? `${value} ${words}`
          : `${value} is not one of ${(p.allowedValues as unknown[]).map(String).join(', ')}`,
      };
    case 'const':
      return { path, message: `${value} should be ${show(p.allowedValue)}` };
    case 'pattern':
      if (named === 'text') return { path, message: 'empty' };
      return { path, message: `${value} ${words ?? `does not match ${String(p.pattern)}`}` };
    case 'format': {
      const parse = FORMATS[p.format as keyof typeof FORMATS];
      const r = parse?.(String(e.data));
      return {
        path,
        message: r && !r.ok ? r.error : `${value} is not a valid ${String(p.format)}`,
      };
    }
    case 'minItems':
      return { path, message: `needs at least ${plural(Number(p.limit), 'item')}` };
    case 'minProperties':
      return { path, message: `needs at least ${plural(Number(p.limit), 'entry')}` };
    case 'minLength':
      return { path, message: 'empty' };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path, message: `${value} must be ${String(p.comparison)} ${String(p.limit)}` };
    case 'anyOf': {
      // Branches that each only require a field: name the fields, not each branch's failure.
      const branches = (e.schema as { required?: string[] }[]).map((b) => b.required ?? []);
      const fields = branches.flat();
      if (branches.every((b) => b.length === 1))
        return { path, message: `needs at least one of ${fields.join(', ')}` };
      return { path, message: e.message ?? 'matches none of the allowed shapes' };
    }
    default:
      return { path, message: e.message ?? e.keyword };
  }
}

/** The problems of `json` against one schema, in document order; [] when it is valid. */
export function schemaProblems(name: SchemaName, json: unknown): Problem[] {
  const validate = ajv.getSchema(IDS[name])!;
  if (validate(json)) return [];
  const errors = validate.errors ?? [];
  // An anyOf that fails explains itself: leave out its branches' own errors.
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf').map((e) => `${e.schemaPath}/`);
  const shown = errors.filter((e) => !anyOfs.some((s) => e.schemaPath.startsWith(s)));
  const seen = new Set<string>();
  return shown.map(describe).filter((p) => {
    const key = `${p.path}\0${p.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** "file: path: message", or "file: message" for the whole file. */
export const problemLine = (file: string, p: Problem) =>
  `${file}: ${p.path ? `${p.path}: ` : ''}${p.message}`;

/** Ids repeated within a list, reported at the repeat: JSON Schema cannot say "unique by id". */
export function repeats(items: readonly { id: string }[], path: string): Problem[] {
  const first = new Map<string, number>();
  return items.flatMap((x, i) => {
    const seen = first.get(x.id);
    if (seen === undefined) first.set(x.id, i);
    const message = `"${x.id}" repeats the id of ${path}[${seen}]`;
    return seen === undefined ? [] : [{ path: at(at(path, i), 'id'), message }];
  });
}
