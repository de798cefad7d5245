// compileImpact(): everything the impact fast path needs about one world, worked out once, and
// prepareRow(): a sign-in row checked the way evaluate() checks a request, without building any
// string for a valid row. The off and on worlds share their tables (their policies are the same).
import { DEFAULT_ASSUMPTIONS } from '../engine/assumptions';
import { compileWorld } from '../engine/compiledWorld';
import { DecisionTable } from './impactDecisions';
import { APP_BEFORE_CUTOFF, compilePolicies, type CompiledPolicy } from './impactPolicies';
import { fastInstant } from './impactDates';
import { IpTable, UserTable } from './impactTables';
import type { RowDefaults } from './impactTypes';
import { clientOf } from './impactRequest';
import type { SigninRow } from './signinRows';
import { instant } from '../engine/time';
import { FLOWS, type Assumptions, type Flow, type World } from '../engine/types';

export interface ImpactShared {
  assumptions: Assumptions;
  defaults: RowDefaults;
  policies: CompiledPolicy[];
  policyIds: string[];
  ips: IpTable;
  users: UserTable;
  decisions: DecisionTable;
  /** Some enforced policy targets Azure DevOps only through ARM, before September 2025 (R18). */
  armPolicies: boolean;
  /** Milliseconds of org.enabledAt, when given and valid. */
  enabledAtMs: number | undefined;
  /** evaluate()'s error for every request when org.enabledAt is not a date. */
  worldError: string | undefined;
  createdMs: Map<string, number | undefined>;
  /** Client column values, and whether each names a Microsoft-hosted agent (R20). */
  agentClients: Map<string, boolean>;
  /** The last row's time: sorted logs repeat timestamps, and rows without one share the default. */
  lastAt: { text: string | undefined; ms: number };
  scratch: PreparedRow;
}

export interface CompiledImpact {
  shared: ImpactShared;
  ipValidation: boolean;
}

/** A valid row as numbers; one object reused for every row. */
export interface PreparedRow {
  flow: Flow;
  ip: number;
  user: number;
  atMs: number;
  createdMs: number | undefined;
  agent: boolean;
}

export function compileShared(
  world: World,
  assumptions: Assumptions,
  defaults: RowDefaults,
): ImpactShared {
  const policies = compilePolicies(world.policies, assumptions);
  const enabledAt = world.org.enabledAt;
  const enabledAtMs = instant(enabledAt);
  return {
    assumptions,
    defaults,
    policies,
    policyIds: policies.map((p) => p.id),
    ips: new IpTable(policies, world.policies, compileWorld(world), assumptions),
    users: new UserTable(policies, world.policies),
    decisions: new DecisionTable(),
    armPolicies: policies.some((p) => p.app === APP_BEFORE_CUTOFF),
    enabledAtMs,
    worldError:
      enabledAt !== undefined && enabledAtMs === undefined
        ? `org.enabledAt: "${enabledAt}" is not a date (ISO 8601)`
        : undefined,
    createdMs: new Map(),
    agentClients: new Map(),
    lastAt: { text: undefined, ms: NaN },
    scratch: { flow: 'pat', ip: 0, user: 0, atMs: 0, createdMs: undefined, agent: false },
  };
}

/** The fast path's view of one world (its org policy included) under one set of assumptions. */
export function compileImpact(
  world: World,
  assumptions: Assumptions = DEFAULT_ASSUMPTIONS,
  defaults: RowDefaults = { at: '', defaultFlow: 'pat' },
): CompiledImpact {
  return {
    shared: compileShared(world, assumptions, defaults),
    ipValidation: world.org.ipValidation,
  };
}

/** The same world with the org policy off and on, sharing one set of tables. */
export function compileImpactPair(
  world: World,
  assumptions: Assumptions,
  defaults: RowDefaults,
): { off: CompiledImpact; on: CompiledImpact; worldOff: World; worldOn: World } {
  const worldOff: World = { ...world, org: { ...world.org, ipValidation: false } };
  const worldOn: World = { ...world, org: { ...world.org, ipValidation: true } };
  const shared = compileShared(worldOn, assumptions, defaults);
  return {
    off: { shared, ipValidation: false },
    on: { shared, ipValidation: true },
    worldOff,
    worldOn,
  };
}

/** NaN for a text that is not a time (kept as a number so that V8 stores it unboxed). */
function atMs(s: ImpactShared, text: string): number {
  if (text !== s.lastAt.text) {
    s.lastAt.text = text;
    s.lastAt.ms = fastInstant(text) ?? NaN;
  }
  return s.lastAt.ms;
}

function createdMs(s: ImpactShared, text: string): number | undefined {
  const known = s.createdMs.get(text);
  if (known !== undefined || s.createdMs.has(text)) return known;
  const ms = fastInstant(text);
  if (s.createdMs.size > 100_000) s.createdMs.clear();
  s.createdMs.set(text, ms);
  return ms;
}

function isAgent(s: ImpactShared, client: string): boolean {
  let agent = s.agentClients.get(client);
  if (agent === undefined) {
    agent = clientOf(client) === 'pipeline-agent';
    s.agentClients.set(client, agent);
  }
  return agent;
}

/**
 * Fills `s.scratch` from a row and returns undefined, or returns the message evaluate() would
 * give, checking in evaluate()'s order: flow, ip, at, token.created, org.enabledAt.
 */
export function prepareRow(s: ImpactShared, row: SigninRow): string | undefined {
  const out = s.scratch;
  // Numbered first, so that the report can show invalid rows too.
  out.ip = s.ips.lookup(row.ip);
  out.user = s.users.lookup(row.user ?? '');
  const flow = row.flow ?? s.defaults.defaultFlow;
  if (!FLOWS.includes(flow)) return `flow: "${flow}" is not one of ${FLOWS.join(', ')}`;
  out.flow = flow;
  const bad = s.ips.error(out.ip);
  if (bad !== undefined) return bad;
  const at = row.at ?? s.defaults.at;
  const ms = atMs(s, at);
  if (Number.isNaN(ms)) return `at: "${at}" is not a date and time (ISO 8601)`;
  out.atMs = ms;
  out.createdMs = undefined;
  if ((flow === 'pat' || flow === 'ssh') && row.tokenCreated !== undefined) {
    out.createdMs = createdMs(s, row.tokenCreated);
    if (out.createdMs === undefined)
      return `token.created: "${row.tokenCreated}" is not a date (ISO 8601)`;
  }
  if (s.worldError !== undefined) return s.worldError;
  out.agent = row.client !== undefined && isAgent(s, row.client);
  return undefined;
}
