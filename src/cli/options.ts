// Turns parsed flags into checked, typed options: required flags present, values valid, dates
// normalised to UTC. Every error names the flag and the offending value, on one line.
import { DEFAULT_ASSUMPTIONS, applyAssumption } from '../model/engine/assumptions';
import { parseIp } from '../model/ip/ip';
import { isoInstant } from '../model/engine/isoInstant';
import {
  AUTH_FLOWS,
  FLOWS,
  PLATFORMS,
  RISK_LEVELS,
  UNKNOWN_COUNTRY,
  type Assumptions,
  type AuthFlow,
  type Flow,
  type Platform,
  type Result,
  type RiskLevel,
} from '../model/engine/types';
import { KQL_TABLES, type KqlTable } from '../model/impact/kql';
import type { ParsedArgs } from './args';

interface CommonOptions {
  locationsFile: string;
  policiesFile: string;
  validation: boolean;
  /** ISO 8601 (UTC); undefined: every token counts as created after the policy was turned on. */
  enabledAt?: string;
  /** ISO 8601 (UTC); undefined: the caller uses the clock. */
  at?: string;
  assumptions: Assumptions;
  json: boolean;
}

export interface SingleOptions extends CommonOptions {
  mode: 'single';
  flow: Flow;
  ip: string;
  signinIp?: string;
  tokenCreated?: string;
  tokenExpires?: string;
  user?: string;
  /** Absent: unknown (R22); `--groups none`: []. */
  groups?: string[];
  /** Directory role ids; absent: unknown (R22, read like groups); `--roles none`: []. */
  roles?: string[];
  country?: string;
  platform?: Platform;
  signInRisk?: RiskLevel;
  userRisk?: RiskLevel;
  authFlow?: AuthFlow;
  mfa: boolean;
  compliantDevice: boolean;
}

export interface BatchOptions extends CommonOptions {
  mode: 'batch';
  batchFile: string;
  /** One JSON object a line (each row, each problem, the summary last) instead of one object. */
  ndjson: boolean;
}

export interface KqlOptions extends CommonOptions {
  mode: 'kql';
  table: KqlTable;
}

export type Options = SingleOptions | BatchOptions | KqlOptions;

/** Flags that describe one request: the CSV gives them per row in batch mode. */
const PER_REQUEST = [
  'ip',
  'flow',
  'signin-ip',
  'token-created',
  'token-expires',
  'user',
  'groups',
  'roles',
  'country',
  'platform',
  'signin-risk',
  'user-risk',
  'auth-flow',
] as const;
const PER_REQUEST_SWITCHES = ['mfa', 'compliant-device'] as const;

class InputError extends Error {}
const fail = (message: string): never => {
  throw new InputError(message);
};

function date(flag: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const r = isoInstant(text);
  return r.ok ? r.value : fail(`--${flag}: ${r.error}`);
}

function ip(flag: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const r = parseIp(text);
  return r.ok ? text.trim() : fail(`--${flag}: ${r.error}`);
}

/** One of a fixed list, as DESIGN.md spells them (case-sensitive, like Graph). */
function choice<T extends string>(flag: string, text: string | undefined, values: readonly T[]) {
  if (text === undefined) return undefined;
  return (values as readonly string[]).includes(text)
    ? (text as T)
    : fail(`--${flag}: "${text}" is not one of ${values.join(', ')}`);
}

function country(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const cc = text.trim();
  if (cc.toLowerCase() === UNKNOWN_COUNTRY) return UNKNOWN_COUNTRY;
  return /^[A-Za-z]{2}$/.test(cc)
    ? cc.toUpperCase()
    : fail(
        `--country: "${text}" is not a two-letter ISO 3166 country code (e.g. NO, US) or ${UNKNOWN_COUNTRY}`,
      );
}

function idList(flag: 'groups' | 'roles', text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  if (text.trim().toLowerCase() === 'none') return [];
  const ids = text.split(',').map((g) => g.trim());
  const what = flag === 'groups' ? 'group' : 'role';
  return ids.some((g) => g === '') ? fail(`--${flag}: "${text}" has an empty ${what} id`) : ids;
}

function required<T>(flag: string, value: T | undefined): T {
  return value ?? fail(`missing required flag --${flag} (run with --help for usage)`);
}

function readCommon(args: ParsedArgs): CommonOptions {
  const v = args.values;
  const locationsFile = required('locations', v.locations);
  const policiesFile = required('policies', v.policies);
  // A query computes the policy on vs off itself: --kql needs no --validation.
  const validationText = args.switches.kql
    ? (v.validation ?? 'on')
    : required('validation', v.validation);
  if (validationText !== 'on' && validationText !== 'off') {
    fail(`--validation: "${validationText}" is not on or off`);
  }
  let assumptions: Assumptions = { ...DEFAULT_ASSUMPTIONS };
  for (const text of args.assume) {
    const r = applyAssumption(assumptions, text);
    assumptions = r.ok ? r.value : fail(`--assume ${text}: ${r.error}`);
  }
  return {
    locationsFile,
    policiesFile,
    validation: validationText === 'on',
    enabledAt: date('validation-enabled-at', v['validation-enabled-at']),
    at: date('at', v.at),
    assumptions,
    json: args.switches.json === true,
  };
}

function readSingle(args: ParsedArgs, common: CommonOptions): SingleOptions {
  const v = args.values;
  const flowText = required('flow', v.flow);
  if (!(FLOWS as readonly string[]).includes(flowText)) {
    fail(`--flow: "${flowText}" is not one of ${FLOWS.join(', ')}`);
  }
  const options: SingleOptions = {
    ...common,
    mode: 'single',
    flow: flowText as Flow,
    ip: required('ip', ip('ip', v.ip)),
    mfa: args.switches.mfa === true,
    compliantDevice: args.switches['compliant-device'] === true,
  };
  const optional = {
    signinIp: ip('signin-ip', v['signin-ip']),
    tokenCreated: date('token-created', v['token-created']),
    tokenExpires: date('token-expires', v['token-expires']),
    user: v.user,
    groups: idList('groups', v.groups),
    roles: idList('roles', v.roles),
    country: country(v.country),
    platform: choice('platform', v.platform, PLATFORMS),
    signInRisk: choice('signin-risk', v['signin-risk'], RISK_LEVELS),
    userRisk: choice('user-risk', v['user-risk'], RISK_LEVELS),
    authFlow: choice('auth-flow', v['auth-flow'], AUTH_FLOWS),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(options, { [key]: value });
  }
  return options;
}

export function readOptions(args: ParsedArgs): Result<Options> {
  try {
    const batchFile = args.values.batch;
    const ndjson = args.switches.ndjson === true;
    if (ndjson && batchFile === undefined)
      fail('--ndjson goes with --batch: it writes one line per sign-in of a log');
    if (ndjson && args.switches.json)
      fail('--ndjson and --json are two forms of the batch report: give one of them');
    if (args.switches.kql) {
      const clash = [...PER_REQUEST, 'batch' as const].find((f) => args.values[f] !== undefined);
      if (clash)
        fail(`--kql cannot be combined with --${clash}: the query reads the log's own rows`);
      const table = args.values.table ?? 'AzureDevOpsAuditing';
      if (!(KQL_TABLES as readonly string[]).includes(table))
        fail(`--table: "${table}" is not one of ${KQL_TABLES.join(', ')}`);
      return { ok: true, value: { ...readCommon(args), mode: 'kql', table: table as KqlTable } };
    }
    if (args.values.table !== undefined) fail('--table goes with --kql');
    if (batchFile !== undefined) {
      const clash =
        PER_REQUEST.find((f) => args.values[f] !== undefined) ??
        PER_REQUEST_SWITCHES.find((f) => args.switches[f]);
      if (clash) {
        const value = args.values[clash as (typeof PER_REQUEST)[number]];
        const shown = value === undefined ? '' : ` ${value}`;
        const fact = ['country', 'platform', 'signin-risk', 'user-risk', 'auth-flow'].includes(
          clash,
        );
        const why = fact ? 'it describes one request' : 'each CSV row gives its own';
        fail(`--batch cannot be combined with --${clash}${shown}: ${why}`);
      }
      return { ok: true, value: { ...readCommon(args), mode: 'batch', batchFile, ndjson } };
    }
    return { ok: true, value: readSingle(args, readCommon(args)) };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, error: e.message };
    throw e;
  }
}
