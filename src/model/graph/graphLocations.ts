// Imports named locations exported from Microsoft Graph
// (GET /identity/conditionalAccess/namedLocations): IP, country and compliant-network locations,
// checked the way Entra would check them: host bits are flagged, ranges Entra refuses are refused.
import {
  Issues,
  checkDuplicateIds,
  got,
  isRecord,
  readBoolean,
  readString,
  readStrings,
  requireString,
  show,
  unwrapCollection,
  type Item,
  type Json,
} from './graphFields';
import type { ImportResult } from './importResult';
import { ENTRA_MIN_IPV4_PREFIX, parseCidr, type Cidr } from '../ip/ip';
import type { NamedLocation } from '../engine/types';

const IP_TYPE = '#microsoft.graph.ipNamedLocation';
const COUNTRY_TYPE = '#microsoft.graph.countryNamedLocation';
const COMPLIANT_TYPE = '#microsoft.graph.compliantNetworkNamedLocation';
const LOOKUP_METHODS = ['clientIpAddress', 'authenticatorAppGps'] as const;
const RANGE_FAMILY: Record<string, 4 | 6> = {
  '#microsoft.graph.iPv4CidrRange': 4,
  '#microsoft.graph.iPv6CidrRange': 6,
};

type Kind = NamedLocation['kind'];

/** The kind from `@odata.type`, or inferred from the fields present when it is absent. */
function kindOf(item: Json, path: string, issues: Issues): Kind | 'skip' | undefined {
  const type = item['@odata.type'];
  if (type === IP_TYPE) return 'ip';
  if (type === COUNTRY_TYPE) return 'country';
  if (type === COMPLIANT_TYPE) return 'compliantNetwork';
  if (type === undefined || type === null) {
    if ('ipRanges' in item) return 'ip';
    if ('countriesAndRegions' in item) return 'country';
    if ('compliantNetworkType' in item) return 'compliantNetwork';
    issues.error(path, 'no @odata.type, ipRanges or countriesAndRegions: cannot tell its kind');
    return undefined;
  }
  issues.warn(
    path,
    `skipped ${show(type)}: only IP, country and compliant-network named locations are simulated`,
  );
  return 'skip';
}

/** R17 in Entra's own words; the sandbox shows the same sentence under a ranges field. */
export const ENTRA_IPV4_RULE = 'Entra accepts IPv4 ranges only with a mask longer than /8';

/** Why Entra refuses this range (R17: IPv4 /8 or wider), or undefined. */
export function entraRefusal(cidr: Cidr): string | undefined {
  if (cidr.family !== 4 || cidr.prefix >= ENTRA_MIN_IPV4_PREFIX) return undefined;
  return (
    `${show(cidr.cidr)} is refused: ${ENTRA_IPV4_RULE} (R17; ` +
    `/${cidr.prefix} spans ${cidr.first.text} to ${cidr.last.text})`
  );
}

/** One `ipRanges` entry: a normalised CIDR, or undefined after recording an error. */
function readRange(range: unknown, path: string, issues: Issues): string | undefined {
  if (!isRecord(range)) {
    issues.error(path, `expected an object with a cidrAddress, got ${got(range)}`);
    return undefined;
  }
  const text = requireString(range, 'cidrAddress', path, issues);
  if (text === undefined) return undefined;
  const at = `${path}.cidrAddress`;
  const parsed = parseCidr(text);
  if (!parsed.ok) {
    issues.error(at, parsed.error);
    return undefined;
  }
  const { family, cidr, hostBitsSet } = parsed.value;
  const refused = entraRefusal(parsed.value);
  if (refused) {
    issues.error(at, refused);
    return undefined;
  }
  if (hostBitsSet) issues.warn(at, `${show(text)} has host bits set; imported as ${cidr}`);
  const declared = RANGE_FAMILY[String(range['@odata.type'])];
  if (declared !== undefined && declared !== family) {
    issues.warn(at, `${show(text)} is an IPv${family} range in an iPv${declared}CidrRange`);
  }
  return cidr;
}

function readIpRanges(item: Json, path: string, issues: Issues): string[] {
  const ranges = item.ipRanges;
  if (ranges === undefined || ranges === null) {
    issues.error(`${path}.ipRanges`, 'missing');
    return [];
  }
  if (!Array.isArray(ranges)) {
    issues.error(`${path}.ipRanges`, `expected an array, got ${show(ranges)}`);
    return [];
  }
  if (ranges.length === 0) issues.warn(`${path}.ipRanges`, 'empty: this location matches no IP');
  const out: string[] = [];
  ranges.forEach((r, i) => {
    const cidr = readRange(r, `${path}.ipRanges[${i}]`, issues);
    if (cidr !== undefined) out.push(cidr);
  });
  return out;
}

function readCountries(item: Json, path: string, issues: Issues): string[] {
  if (item.countriesAndRegions === undefined || item.countriesAndRegions === null) {
    issues.error(`${path}.countriesAndRegions`, 'missing');
    return [];
  }
  const codes = readStrings(item, 'countriesAndRegions', path, issues);
  codes.forEach((code, i) => {
    if (!/^[A-Za-z]{2}$/.test(code)) {
      issues.error(`${path}.countriesAndRegions[${i}]`, `${show(code)} is not a two-letter code`);
    }
  });
  return codes.map((c) => c.toUpperCase());
}

type LookupMethod = (typeof LOOKUP_METHODS)[number];

/** `countryLookupMethod`: absent means the client IP, as in Graph. */
function readLookup(item: Json, path: string, issues: Issues): LookupMethod {
  const v = readString(item, 'countryLookupMethod', path, issues);
  if (v === undefined) return 'clientIpAddress';
  if ((LOOKUP_METHODS as readonly string[]).includes(v)) {
    if (v === 'authenticatorAppGps')
      issues.warn(
        path,
        "looks the country up from the Authenticator app's GPS: give the request the country the phone reports",
      );
    return v as LookupMethod;
  }
  issues.warn(
    `${path}.countryLookupMethod`,
    `${show(v)} is not ${LOOKUP_METHODS.join(' or ')}; read as clientIpAddress`,
  );
  return 'clientIpAddress';
}

function readLocation(
  item: unknown,
  path: string,
  issues: Issues,
): NamedLocation | 'skip' | undefined {
  if (!isRecord(item)) {
    issues.error(path, `expected a named location object, got ${show(item)}`);
    return undefined;
  }
  const id = requireString(item, 'id', path, issues);
  const kind = kindOf(item, path, issues);
  if (kind === 'skip') return 'skip';
  let displayName = readString(item, 'displayName', path, issues);
  if ((item.displayName === undefined || item.displayName === null) && id !== undefined) {
    issues.warn(`${path}.displayName`, `missing; using the id ${show(id)}`);
    displayName = id;
  }
  if (id === undefined || kind === undefined || displayName === undefined) return undefined;
  const loc: NamedLocation = {
    id,
    displayName,
    kind,
    isTrusted: readBoolean(item, 'isTrusted', path, issues, false),
    ipRanges: kind === 'ip' ? readIpRanges(item, path, issues) : [],
    countries: kind === 'country' ? readCountries(item, path, issues) : [],
    includeUnknownCountriesAndRegions:
      kind === 'country' &&
      readBoolean(item, 'includeUnknownCountriesAndRegions', path, issues, false),
  };
  if (kind === 'country') {
    loc.isTrusted = false;
    loc.countryLookupMethod = readLookup(item, path, issues);
  }
  if (kind === 'compliantNetwork')
    issues.warn(
      path,
      `${show(displayName)} is a Global Secure Access compliant network: it is recognised by ` +
        'the traffic path, never by an IP address, so here it matches no request; policies ' +
        'that exclude it apply everywhere',
    );
  return loc;
}

export const LOCATION_SHAPE = {
  what: 'named locations',
  one: 'one named location',
  keys: ['@odata.type', 'id', 'displayName', 'ipRanges', 'countriesAndRegions'],
} as const;

/** Reads the items of one or more files into named locations (errors and warnings in `issues`). */
export function readLocationItems(items: Item[], issues: Issues): NamedLocation[] {
  const locations: NamedLocation[] = [];
  const source = issues.source;
  for (const item of items) {
    issues.source = item.source;
    const loc = readLocation(item.value, item.path, issues);
    if (loc !== undefined && loc !== 'skip') locations.push(loc);
  }
  issues.source = source;
  const ids = items.map(({ value: v }) =>
    isRecord(v) && typeof v.id === 'string' ? v.id : undefined,
  );
  checkDuplicateIds(ids, items, (i) => items[i]!.path, issues);
  return locations;
}

/** Parses Graph named locations (`{"value":[...]}`, a bare array, one object, or that JSON as text). */
export function parseNamedLocations(json: unknown): ImportResult<NamedLocation[]> {
  const items = unwrapCollection(json, LOCATION_SHAPE);
  if (typeof items === 'string') return { ok: false, error: items, warnings: [] };
  const issues = new Issues();
  return issues.finish(readLocationItems(items, issues));
}
