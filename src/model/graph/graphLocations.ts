// Imports named locations exported from Microsoft Graph
// (GET /identity/conditionalAccess/namedLocations): IP and country locations, checked the way
// Entra would check them, with oddities (host bits, /8 or wider) kept but flagged.
import {
  Issues,
  checkDuplicateIds,
  isRecord,
  itemPath,
  readBoolean,
  readString,
  readStrings,
  requireString,
  show,
  unwrapCollection,
  type Json,
} from './graphFields';
import type { ImportResult } from './importResult';
import { entraRangeProblem, parseCidr } from '../ip/ip';
import type { NamedLocation } from '../engine/types';

const IP_TYPE = '#microsoft.graph.ipNamedLocation';
const COUNTRY_TYPE = '#microsoft.graph.countryNamedLocation';
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
  if (type === undefined || type === null) {
    if ('ipRanges' in item) return 'ip';
    if ('countriesAndRegions' in item) return 'country';
    issues.error(path, 'no @odata.type, ipRanges or countriesAndRegions: cannot tell its kind');
    return undefined;
  }
  issues.warn(path, `skipped ${show(type)}: only IP and country named locations are simulated`);
  return 'skip';
}

/** One `ipRanges` entry: a normalised CIDR, or undefined after recording an error. */
function readRange(range: unknown, path: string, issues: Issues): string | undefined {
  if (!isRecord(range)) {
    issues.error(path, `expected an object with a cidrAddress, got ${show(range)}`);
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
  if (hostBitsSet) issues.warn(at, `${show(text)} has host bits set; imported as ${cidr}`);
  const refused = entraRangeProblem(parsed.value);
  if (refused)
    issues.warn(at, `${refused} (R17, ENT-NET); imported anyway so the what-if shows it`);
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
  if (item.countryLookupMethod === 'authenticatorAppGps') {
    issues.warn(path, 'looks countries up by Authenticator GPS; this simulation uses the IP');
  }
  return codes.map((c) => c.toUpperCase());
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
  const ip = kind === 'ip';
  return {
    id,
    displayName,
    kind,
    isTrusted: ip ? readBoolean(item, 'isTrusted', path, issues, false) : false,
    ipRanges: ip ? readIpRanges(item, path, issues) : [],
    countries: ip ? [] : readCountries(item, path, issues),
    includeUnknownCountriesAndRegions: ip
      ? false
      : readBoolean(item, 'includeUnknownCountriesAndRegions', path, issues, false),
  };
}

/** Parses Graph named locations (`{"value":[...]}`, a bare array, or that JSON as text). */
export function parseNamedLocations(json: unknown): ImportResult<NamedLocation[]> {
  const collection = unwrapCollection(json, 'named locations');
  if (typeof collection === 'string') return { ok: false, error: collection, warnings: [] };
  const { items, base } = collection;
  const issues = new Issues();
  const locations: NamedLocation[] = [];
  const ids: (string | undefined)[] = [];
  items.forEach((item, i) => {
    const loc = readLocation(item, itemPath(base, i), issues);
    ids.push(isRecord(item) && typeof item.id === 'string' ? item.id : undefined);
    if (loc !== undefined && loc !== 'skip') locations.push(loc);
  });
  checkDuplicateIds(ids, (i) => itemPath(base, i), issues);
  return issues.finish(locations);
}
