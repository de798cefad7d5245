// The fields a scenario file may hold (mirrored by scenarios/scenario.schema.json, and a test
// keeps the two in step) and small readers that report problems with the file name and path.
import { ASSUMPTION_CHOICES } from '../engine/assumptions';
import { isRecord, show, type Json } from '../graph/graphFields';
import { isIsoDate } from '../engine/time';

export type { Json };

/** Required and optional fields of every object in a scenario file; anything else is an error. */
export const SHAPES = {
  scenario: {
    required: ['id', 'order', 'title', 'goal', 'summary', 'world', 'actors', 'plays', 'sources'],
    optional: ['$schema', 'tags', 'variants'],
  },
  world: { required: ['namedLocations', 'policies', 'org'], optional: [] },
  org: { required: ['ipValidation'], optional: ['enabledAt'] },
  orgPatch: { required: [], optional: ['ipValidation', 'enabledAt'] },
  actor: { required: ['id', 'label', 'kind', 'ip'], optional: ['signinIp', 'country'] },
  play: {
    required: ['id', 'title', 'actor', 'request', 'expect', 'narration', 'takeaway'],
    optional: ['assumptions'],
  },
  request: {
    required: ['flow', 'at'],
    optional: [
      'client',
      'user',
      'groups',
      'mfaDone',
      'deviceCompliant',
      'lastSignInAt',
      'token',
      'action',
    ],
  },
  token: { required: ['kind'], optional: ['created', 'expires', 'revoked', 'scopes'] },
  expect: { required: ['outcome'], optional: ['status', 'code', 'decidedBy'] },
  assumptions: { required: [], optional: Object.keys(ASSUMPTION_CHOICES) },
  variant: {
    required: ['id', 'label', 'play', 'expect', 'narration'],
    optional: ['org', 'assumptions', 'addIpRanges', 'takeaway'],
  },
} as const satisfies Record<string, { required: readonly string[]; optional: readonly string[] }>;

export type ShapeName = keyof typeof SHAPES;

export const ACTOR_KINDS = ['onprem', 'vpn', 'external', 'pipeline'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const at = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/** Collects the problems of one scenario file; every message starts with the file name. */
export class Check {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  constructor(readonly file: string) {}

  error(path: string, message: string): void {
    this.errors.push(`${this.file}: ${path ? `${path}: ` : ''}${message}`);
  }
  warn(path: string, message: string): void {
    this.warnings.push(`${this.file}: ${path ? `${path}: ` : ''}${message}`);
  }

  /** An object holding only the fields of `shape`, with every required one present. */
  object(v: unknown, path: string, shape: ShapeName): Json | undefined {
    if (!isRecord(v)) {
      this.error(path, `expected an object, got ${show(v)}`);
      return undefined;
    }
    const { required, optional } = SHAPES[shape];
    const known: readonly string[] = [...required, ...optional];
    for (const key of required) if (!(key in v)) this.error(at(path, key), 'missing');
    for (const key of Object.keys(v)) {
      if (!known.includes(key))
        this.error(at(path, key), `unknown field (expected one of ${known.join(', ')})`);
    }
    return v;
  }

  /** A non-empty string; undefined (and no message) when absent: `object` reports missing ones. */
  string(o: Json, key: string, path: string): string | undefined {
    const v = o[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') this.error(at(path, key), `expected a string, got ${show(v)}`);
    else if (v.trim() === '') this.error(at(path, key), 'empty');
    else return v;
    return undefined;
  }

  boolean(o: Json, key: string, path: string): boolean | undefined {
    const v = o[key];
    if (v === undefined || typeof v === 'boolean') return v;
    this.error(at(path, key), `expected true or false, got ${show(v)}`);
    return undefined;
  }

  integer(o: Json, key: string, path: string, min: number, max: number): number | undefined {
    const v = o[key];
    if (v === undefined) return undefined;
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
    this.error(at(path, key), `${show(v)} is not a whole number from ${min} to ${max}`);
    return undefined;
  }

  oneOf<T>(o: Json, key: string, path: string, values: readonly T[]): T | undefined {
    const v = o[key];
    if (v === undefined) return undefined;
    if (values.includes(v as T)) return v as T;
    this.error(at(path, key), `${show(v)} is not one of ${values.map(String).join(', ')}`);
    return undefined;
  }

  iso(o: Json, key: string, path: string): string | undefined {
    const v = this.string(o, key, path);
    if (v === undefined || isIsoDate(v)) return v;
    this.error(at(path, key), `${show(v)} is not an ISO 8601 date such as 2026-11-02T09:15:00Z`);
    return undefined;
  }

  /** An array (with at least `min` items); undefined when absent or wrong. */
  array(o: Json, key: string, path: string, min = 0): unknown[] | undefined {
    const v = o[key];
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) {
      this.error(at(path, key), `expected an array, got ${show(v)}`);
      return undefined;
    }
    if (v.length < min) {
      this.error(at(path, key), `needs at least ${min} item${min > 1 ? 's' : ''}`);
      return undefined;
    }
    return v;
  }

  /** An array of non-empty strings, each optionally one of `values`. */
  strings<T extends string = string>(
    o: Json,
    key: string,
    path: string,
    min = 0,
    values?: readonly T[],
  ): T[] | undefined {
    const list = this.array(o, key, path, min);
    if (!list) return undefined;
    const before = this.errors.length;
    list.forEach((item, i) => {
      if (typeof item !== 'string' || item.trim() === '')
        this.error(at(at(path, key), i), `expected a non-empty string, got ${show(item)}`);
      else if (values && !values.includes(item as T))
        this.error(at(at(path, key), i), `${show(item)} is not one of ${values.join(', ')}`);
    });
    return this.errors.length === before ? (list as T[]) : undefined;
  }

  /** Ids must be kebab-case and unique within their list. */
  ids(items: (Json | undefined)[], path: string): void {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const id = item?.id;
      if (typeof id !== 'string' || id === '') return;
      if (!KEBAB.test(id)) this.error(at(at(path, i), 'id'), `${show(id)} is not kebab-case`);
      const first = seen.get(id);
      if (first === undefined) seen.set(id, i);
      else this.error(at(at(path, i), 'id'), `${show(id)} repeats the id of ${path}[${first}]`);
    });
  }
}

/** Drops undefined fields so built objects compare and serialise cleanly. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
