// Reads the parts of a scenario file that describe one request and what should happen to it:
// a play's request and token, its expected outcome, assumptions, narration and takeaway.
import { ASSUMPTION_CHOICES, isAssumptionName } from '../engine/assumptions';
import { show } from '../graph/graphFields';
import { RULE_IDS } from '../engine/rules';
import type { Expectation, Play, PlayRequest } from './scenario';
import { at, compact, type Check, type Json } from './scenarioFields';
import {
  ACTIONS,
  FLOWS,
  type Assumptions,
  type Client,
  type Outcome,
  type Scope,
  type Token,
} from '../engine/types';

export const OUTCOMES: readonly Outcome[] = ['allowed', 'blocked', 'mfa-required'];
export const CODES = ['VS403463', 'AADSTS53003', null] as const;
export const CLIENTS: readonly Client[] = [
  'browser',
  'git',
  'az-cli',
  'rest',
  'ssh',
  'pipeline-agent',
];
export const TOKEN_KINDS: readonly Token['kind'][] = ['pat', 'ssh-key', 'system-access-token'];
export const SCOPES: readonly Scope[] = [
  'full',
  'vso.code',
  'vso.code_write',
  'vso.build',
  'vso.build_execute',
  'vso.work',
  'vso.work_write',
];

function readToken(v: unknown, path: string, c: Check): Token | undefined {
  const o = c.object(v, path, 'token');
  if (!o) return undefined;
  const kind = c.oneOf(o, 'kind', path, TOKEN_KINDS);
  const token = compact({
    kind: kind!,
    created: c.iso(o, 'created', path),
    expires: c.iso(o, 'expires', path),
    revoked: c.boolean(o, 'revoked', path),
    scopes: c.strings(o, 'scopes', path, 1, SCOPES),
  });
  return kind ? token : undefined;
}

function readRequest(v: unknown, path: string, c: Check): PlayRequest | undefined {
  const o = c.object(v, path, 'request');
  if (!o) return undefined;
  const flow = c.oneOf(o, 'flow', path, FLOWS);
  const when = c.iso(o, 'at', path);
  const token = o.token === undefined ? undefined : readToken(o.token, at(path, 'token'), c);
  const request = compact({
    flow: flow!,
    client: c.oneOf(o, 'client', path, CLIENTS),
    at: when!,
    user: c.string(o, 'user', path),
    groups: c.strings(o, 'groups', path),
    mfaDone: c.boolean(o, 'mfaDone', path),
    deviceCompliant: c.boolean(o, 'deviceCompliant', path),
    lastSignInAt: c.iso(o, 'lastSignInAt', path),
    token,
    action: c.oneOf(o, 'action', path, ACTIONS),
  });
  return flow && when ? request : undefined;
}

export function readExpectation(v: unknown, path: string, c: Check): Expectation | undefined {
  const o = c.object(v, path, 'expect');
  if (!o) return undefined;
  const outcome = c.oneOf(o, 'outcome', path, OUTCOMES);
  const expect = compact({
    outcome: outcome!,
    status: c.integer(o, 'status', path, 100, 599),
    code: c.oneOf(o, 'code', path, CODES),
    decidedBy: c.oneOf(o, 'decidedBy', path, RULE_IDS),
  });
  return outcome ? expect : undefined;
}

export function readAssumptions(o: Json, path: string, c: Check): Partial<Assumptions> | undefined {
  if (o.assumptions === undefined) return undefined;
  const where = at(path, 'assumptions');
  const a = c.object(o.assumptions, where, 'assumptions');
  if (!a) return undefined;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(a)) {
    if (!isAssumptionName(name)) continue; // reported by object()
    const { values } = ASSUMPTION_CHOICES[name];
    if (values.includes(value as string)) out[name] = value;
    else c.error(at(where, name), `${show(value)} is not one of ${values.join(', ')}`);
  }
  return out as Partial<Assumptions>;
}

export function readNarration(o: Json, path: string, c: Check): string[] | undefined {
  return c.strings(o, 'narration', path, 1);
}

/** One play; `actors` are the ids the file declares. */
export function readPlay(v: unknown, path: string, actors: string[], c: Check): Play | undefined {
  const o = c.object(v, path, 'play');
  if (!o) return undefined;
  const actor = c.string(o, 'actor', path);
  if (actor !== undefined && !actors.includes(actor)) {
    const known = actors.length ? actors.join(', ') : 'none declared';
    c.error(at(path, 'actor'), `${show(actor)} is not an actor of this scenario (${known})`);
  }
  const play = compact({
    id: c.string(o, 'id', path),
    title: c.string(o, 'title', path),
    actor,
    request: o.request === undefined ? undefined : readRequest(o.request, at(path, 'request'), c),
    assumptions: readAssumptions(o, path, c),
    expect: o.expect === undefined ? undefined : readExpectation(o.expect, at(path, 'expect'), c),
    narration: readNarration(o, path, c),
    takeaway: c.string(o, 'takeaway', path),
  });
  const complete = (
    ['id', 'title', 'actor', 'request', 'expect', 'narration', 'takeaway'] as const
  ).every((k) => play[k] !== undefined);
  return complete ? (play as Play) : undefined;
}
