// Hand-written argument parsing for the what-if command line: `--flag value`, `--flag=value`,
// switches and repeated flags, checked against a fixed list so that a typo is an error, not a no-op.
import type { Result } from '../model/engine/types';

type Kind = 'value' | 'switch' | 'repeat';

/** Every flag of the contract in DESIGN.md, and how it takes its value. */
export const FLAGS = {
  locations: 'value',
  policies: 'value',
  validation: 'value',
  'validation-enabled-at': 'value',
  flow: 'value',
  ip: 'value',
  'signin-ip': 'value',
  'token-created': 'value',
  'token-expires': 'value',
  at: 'value',
  user: 'value',
  groups: 'value',
  roles: 'value',
  country: 'value',
  platform: 'value',
  'signin-risk': 'value',
  'user-risk': 'value',
  'auth-flow': 'value',
  mfa: 'switch',
  'compliant-device': 'switch',
  assume: 'repeat',
  json: 'switch',
  ndjson: 'switch',
  batch: 'value',
  kql: 'switch',
  table: 'value',
  help: 'switch',
} as const satisfies Record<string, Kind>;

export type FlagName = keyof typeof FLAGS;
type ValueFlag = { [K in FlagName]: (typeof FLAGS)[K] extends 'value' ? K : never }[FlagName];
type SwitchFlag = { [K in FlagName]: (typeof FLAGS)[K] extends 'switch' ? K : never }[FlagName];

export interface ParsedArgs {
  values: Partial<Record<ValueFlag, string>>;
  switches: Partial<Record<SwitchFlag, true>>;
  assume: string[];
}

const isFlag = (name: string): name is FlagName => Object.hasOwn(FLAGS, name);

/** Looks like a flag rather than a value (a negative number or "-" would not). */
const looksLikeFlag = (token: string) => /^--?[A-Za-z]/.test(token);

/** Parses the arguments after the script name; the error names the flag and the offending text. */
export function parseArgs(argv: readonly string[]): Result<ParsedArgs> {
  const out: ParsedArgs = { values: {}, switches: {}, assume: [] };
  const fail = (error: string): Result<ParsedArgs> => ({ ok: false, error });
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '-h') {
      out.switches.help = true;
      continue;
    }
    if (!token.startsWith('--') || token === '--') {
      return fail(`unexpected argument ${JSON.stringify(token)} (flags start with --)`);
    }
    const eq = token.indexOf('=');
    const name = token.slice(2, eq < 0 ? undefined : eq);
    const inline = eq < 0 ? undefined : token.slice(eq + 1);
    if (!isFlag(name)) return fail(`unknown flag --${name} (run with --help for the list)`);
    const kind: Kind = FLAGS[name];
    if (kind === 'switch') {
      if (inline !== undefined) return fail(`--${name} takes no value, got "${inline}"`);
      out.switches[name as SwitchFlag] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || looksLikeFlag(next)) return fail(`--${name} needs a value`);
      value = next;
      i++;
    }
    if (value.trim() === '') return fail(`--${name} needs a value, got an empty one`);
    if (kind === 'repeat') {
      out.assume.push(value);
      continue;
    }
    const flag = name as ValueFlag;
    const previous = out.values[flag];
    if (previous !== undefined) {
      return fail(`--${name} given twice ("${previous}" and "${value}")`);
    }
    out.values[flag] = value;
  }
  return { ok: true, value: out };
}
