// The sandbox in a link: the urlState codec (versioned, size-limited, refuses token-like text)
// plus a shape check, so a hand-edited or damaged link gives a message and the default sandbox.
import { ACTOR_FACT_KEYS } from './actorFacts';
import { ASSUMPTION_CHOICES, DEFAULT_ASSUMPTIONS } from '../engine/assumptions';
import type { SandboxConfig, SandboxLocation, SandboxPolicy } from './sandboxTypes';
import { TARGETS, TEMPLATES } from './sandboxTemplates';
import { FLOWS, type Assumptions, type Result } from '../engine/types';
import { decodeState, encodeState } from '../share/urlState';

const STATES = ['enabled', 'disabled', 'enabledForReportingButNotEnforced'];
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max = 2000): v is string => typeof v === 'string' && v.length <= max;

function location(v: unknown): SandboxLocation | undefined {
  if (!isObj(v) || !str(v.id, 80) || !str(v.name, 200) || !str(v.ranges)) return undefined;
  return { id: v.id, name: v.name, trusted: v.trusted === true, ranges: v.ranges };
}

function policy(v: unknown): SandboxPolicy | undefined {
  if (!isObj(v) || !str(v.id, 80) || !str(v.name, 200) || !str(v.excludeUsers)) return undefined;
  if (!str(v.template) || !Object.hasOwn(TEMPLATES, v.template)) return undefined;
  if (!str(v.target) || !Object.hasOwn(TARGETS, v.target)) return undefined;
  if (!str(v.state) || !STATES.includes(v.state)) return undefined;
  return v as unknown as SandboxPolicy;
}

function assumptions(v: unknown): Assumptions {
  const out: Record<string, string> = { ...DEFAULT_ASSUMPTIONS };
  if (isObj(v))
    for (const [name, { values }] of Object.entries(ASSUMPTION_CHOICES))
      if (values.includes(v[name] as string)) out[name] = v[name] as string;
  return out as unknown as Assumptions;
}

const repeats = (ids: string[]) => new Set(ids).size !== ids.length;

/** Checks a decoded value's shape; the message says which part is wrong. */
export function readSandbox(v: unknown): Result<SandboxConfig> {
  const fail = (what: string): Result<SandboxConfig> => ({
    ok: false,
    error: `The link's sandbox is damaged (${what}).`,
  });
  if (!isObj(v)) return fail('not an object');
  if (!Array.isArray(v.locations) || v.locations.length > 50) return fail('locations');
  if (!Array.isArray(v.policies) || v.policies.length > 50) return fail('policies');
  const locations = v.locations.map(location);
  if (locations.some((l) => !l)) return fail('a named location');
  const policies = v.policies.map(policy);
  if (policies.some((p) => !p)) return fail('a policy');
  // Ids key the editors' rows and the engine's world: two alike would make both ambiguous.
  if (repeats(locations.map((l) => l!.id))) return fail('two named locations have the same id');
  if (repeats(policies.map((p) => p!.id))) return fail('two policies have the same id');
  const org = v.org;
  if (!isObj(org) || typeof org.on !== 'boolean' || !str(org.enabledAt, 40)) return fail('org');
  const a = v.actor;
  const keys = ['ip', 'signinIp', 'user', 'tokenCreated', 'tokenExpires', 'at'] as const;
  if (!isObj(a) || !FLOWS.includes(a.flow as never) || keys.some((k) => !str(a[k], 200)))
    return fail('actor');
  if (ACTOR_FACT_KEYS.some((k) => a[k] !== undefined && !str(a[k], 200))) return fail('actor');
  return {
    ok: true,
    value: {
      locations: locations as SandboxLocation[],
      policies: policies as SandboxPolicy[],
      org: { on: org.on, enabledAt: org.enabledAt as string },
      actor: a as unknown as SandboxConfig['actor'],
      assumptions: assumptions(v.assumptions),
    },
  };
}

export function encodeSandbox(config: SandboxConfig): Result<string> {
  return encodeState(config);
}

export function decodeSandbox(text: string): Result<SandboxConfig> {
  const d = decodeState(text);
  return d.ok ? readSandbox(d.value) : d;
}
