// The four switchable assumptions (DESIGN.md) with their defaults, and parsing of NAME=VALUE.
import type { AssumptionName, Assumptions, Result, RuleId } from './types';

export const DEFAULT_ASSUMPTIONS: Readonly<Assumptions> = Object.freeze({
  'existing-pats': 'exempt',
  'mfa-only-policy-on-pat': 'ignored',
  'device-policy-on-pat': 'ignored',
  'ipv4-mapped': 'distinct',
});

/** Allowed values, default first, and the rule each assumption belongs to. */
export const ASSUMPTION_CHOICES: Readonly<
  Record<AssumptionName, { values: readonly string[]; rule: RuleId }>
> = {
  'existing-pats': { values: ['exempt', 'enforced'], rule: 'R12' },
  'mfa-only-policy-on-pat': { values: ['ignored', 'blocked'], rule: 'R7' },
  'device-policy-on-pat': { values: ['ignored', 'blocked'], rule: 'R8' },
  'ipv4-mapped': { values: ['distinct', 'equivalent'], rule: 'R9' },
};

export function isAssumptionName(name: string): name is AssumptionName {
  return Object.hasOwn(ASSUMPTION_CHOICES, name);
}

/** Applies one `NAME=VALUE` to a set of assumptions; the message names what is wrong. */
export function applyAssumption(base: Assumptions, text: string): Result<Assumptions> {
  const eq = text.indexOf('=');
  const name = (eq < 0 ? text : text.slice(0, eq)).trim();
  const value = eq < 0 ? '' : text.slice(eq + 1).trim();
  if (!isAssumptionName(name)) {
    const names = Object.keys(ASSUMPTION_CHOICES).join(', ');
    return { ok: false, error: `unknown assumption "${name}" (known: ${names})` };
  }
  const { values } = ASSUMPTION_CHOICES[name];
  if (!values.includes(value)) {
    return {
      ok: false,
      error: `assumption ${name} takes ${values.join(' or ')}, not "${value}"`,
    };
  }
  return { ok: true, value: { ...base, [name]: value } as Assumptions };
}
