// Does an IP fall in a policy's location condition? (R17, with R9 for IPv4-mapped IPv6.)
// Three answers: in, out, or unknown (a country location and a request with no country, R22;
// unless the location includes unknown countries and regions, R23).
import type { CompiledWorld } from './compiledWorld';
import { mappedCounterpart, type ParsedIp } from '../ip/ip';
import type { RangeSet } from '../ip/rangeSet';
import { UNKNOWN_COUNTRY, type Assumptions, type Policy, type RuleId } from './types';

export type Membership = 'in' | 'out' | 'unknown';

export interface LocationContext {
  compiled: CompiledWorld;
  ip: ParsedIp;
  country?: string;
  assumptions: Assumptions;
  /** True when Azure DevOps checks (with the IP that reaches it), false for Entra at sign-in. */
  atAzureDevOps?: boolean;
  /** The rule a failing policy step cites at this checkpoint: R4/R11/R20 for a PAT, SSH key or
   * pipeline agent at Azure DevOps, R2/R10 for a web request there; Entra's sign-in is R15. */
  enforcedBy?: RuleId;
  /** R22's "what if": a missing country is taken as the one that makes the policy apply. */
  assumeCountry?: boolean;
}

function inSet(set: RangeSet, ip: ParsedIp, assumptions: Assumptions): boolean {
  if (set.contains(ip)) return true;
  if (assumptions['ipv4-mapped'] !== 'equivalent') return false;
  const other = mappedCounterpart(ip);
  return other !== null && set.contains(other);
}

/** Membership of the request's IP in one location reference: an id, 'All' or 'AllTrusted'. */
export function memberOf(ref: string, ctx: LocationContext): Membership {
  if (ref === 'All') return 'in';
  if (ref === 'AllTrusted')
    return inSet(ctx.compiled.trusted, ctx.ip, ctx.assumptions) ? 'in' : 'out';
  const loc = ctx.compiled.locationsById.get(ref);
  if (!loc) return 'out';
  if (loc.kind === 'country') {
    // R22: no country given is a missing fact, even for a location that includes unknown
    // countries; R23's "unknown" is an IP known to map to no country.
    if (!ctx.country) return 'unknown';
    if (isUnknownCountry(ctx.country)) return loc.includeUnknownCountriesAndRegions ? 'in' : 'out';
    return loc.countries.includes(ctx.country.toUpperCase()) ? 'in' : 'out';
  }
  const set = ctx.compiled.rangesOf(ref);
  return set && inSet(set, ctx.ip, ctx.assumptions) ? 'in' : 'out';
}

function anyOf(refs: string[], ctx: LocationContext): { m: Membership; hit?: string } {
  let unknown: string | undefined;
  for (const ref of refs) {
    const m = memberOf(ref, ctx);
    if (m === 'in') return { m, hit: ref };
    if (m === 'unknown') unknown ??= ref;
  }
  return unknown ? { m: 'unknown', hit: unknown } : { m: 'out' };
}

export interface LocationVerdict {
  /** Whether the location condition selects this request (the policy applies). */
  applies: Membership;
  detail: string;
  /** When unknown: what would make the policy apply, in plain words (R22). */
  missing?: string;
}

function countriesOf(ref: string, compiled: CompiledWorld): string {
  const loc = compiled.locationsById.get(ref);
  const unknown = loc?.includeUnknownCountriesAndRegions ? ['an IP that maps to no country'] : [];
  const list = [...(loc?.countries ?? []), ...unknown].join(', ') || 'no country';
  return `${nameOf(ref, compiled)} (${list})`;
}

export const isUnknownCountry = (cc: string) => cc.toLowerCase() === UNKNOWN_COUNTRY;

/** "ip", or the request's country when a country location decided. */
function where(ip: string, ref: string | undefined, ctx: LocationContext): string {
  const loc = ref ? ctx.compiled.locationsById.get(ref) : undefined;
  if (loc?.kind !== 'country' || !ctx.country) return ip;
  return isUnknownCountry(ctx.country)
    ? `${ip}, which maps to no country (${nameOf(ref!, ctx.compiled)} includes unknown countries and regions, R23),`
    : `${ip} (country ${ctx.country.toUpperCase()})`;
}

export function nameOf(ref: string, compiled: CompiledWorld): string {
  if (ref === 'All') return 'any location';
  if (ref === 'AllTrusted') return 'trusted locations';
  const loc = compiled.locationsById.get(ref);
  return loc ? `"${loc.displayName}"` : `unknown location ${ref}`;
}

/** R17: include, then exclude; exclusion beats inclusion. */
export function matchLocations(policy: Policy, ctx: LocationContext): LocationVerdict {
  const cond = policy.locations;
  if (!cond) return { applies: 'in', detail: 'no location condition' };
  const ip = ctx.ip.text;
  const name = (ref: string) => nameOf(ref, ctx.compiled);
  const assume = ctx.assumeCountry === true;
  const inc0 = anyOf(cond.includeLocations, ctx);
  const inc = assume && inc0.m === 'unknown' ? { m: 'in' as const, hit: inc0.hit } : inc0;
  if (inc.m === 'out') {
    const list = cond.includeLocations.map(name).join(', ') || 'no location';
    return { applies: 'out', detail: `${ip} is not in the included ${list}` };
  }
  const exc0 = anyOf(cond.excludeLocations, ctx);
  const exc = assume && exc0.m === 'unknown' ? { m: 'out' as const } : exc0;
  if (exc.m === 'in') {
    return {
      applies: 'out',
      detail: `${where(ip, exc.hit, ctx)} is in the excluded ${name(exc.hit!)}`,
    };
  }
  if (inc.m === 'unknown' || exc.m === 'unknown') {
    const parts: string[] = [];
    if (inc.m === 'unknown')
      parts.push(`the request comes from ${countriesOf(inc.hit!, ctx.compiled)}`);
    if (exc.m === 'unknown')
      parts.push(`the request does not come from ${countriesOf(exc.hit!, ctx.compiled)}`);
    const ref = (exc.m === 'unknown' ? exc.hit : inc.hit)!;
    return {
      applies: 'unknown',
      detail: `${name(ref)} is a country location and the request gives no country`,
      missing: parts.join(' and '),
    };
  }
  const outside = cond.excludeLocations.map(name).join(', ');
  const assumed =
    assume && (inc0.m === 'unknown' || exc0.m === 'unknown') ? ' (country assumed)' : '';
  if (inc.hit === 'All') {
    const detail = outside ? `${ip} is outside the ${outside}` : `${ip} is in any location`;
    return { applies: 'in', detail: detail + assumed };
  }
  const also = outside ? ` and outside the ${outside}` : '';
  return {
    applies: 'in',
    detail: `${where(ip, inc.hit, ctx)} is in ${name(inc.hit!)}${also}${assumed}`,
  };
}
