// How one cell of a log says what kind of request a row was: the audit log's
// AuthenticationMechanism, Entra's client app, its resource, and where the sign-in came from.
import { UNKNOWN_COUNTRY, type Flow } from '../../engine/types';

/** Azure DevOps' resource (application) id in Entra (R18). */
export const ADO_RESOURCE_ID = '499b84ac-1321-427f-aa17-267ca6975798';

/** Rows that are read but not analysed, by why. */
export type ApartReason =
  | 'service-principal'
  | 'session-token'
  | 'other-mechanism'
  | 'no-mechanism'
  | 'other-resource'
  | 'no-resource'
  | 'no-ip';

export const APART_LABELS: Record<ApartReason, string> = {
  'service-principal': 'service principals (S2S_ServicePrincipal), not PATs',
  'session-token': 'session tokens (SessionToken_…), not PATs',
  'other-mechanism': 'other authentication mechanisms',
  'no-mechanism': 'rows with no authentication mechanism (system events)',
  'other-resource': 'sign-ins to resources other than Azure DevOps',
  'no-resource': 'sign-ins with no resource ID (not known to be Azure DevOps)',
  'no-ip': 'rows with no IP address',
};

/** The same, for one row. */
const APART_LABEL_ONE: Record<ApartReason, string> = {
  'service-principal': 'service principal (S2S_ServicePrincipal), not a PAT',
  'session-token': 'session token (SessionToken_…), not a PAT',
  'other-mechanism': 'other authentication mechanism',
  'no-mechanism': 'row with no authentication mechanism (a system event)',
  'other-resource': 'sign-in to a resource other than Azure DevOps',
  'no-resource': 'sign-in with no resource ID (not known to be Azure DevOps)',
  'no-ip': 'row with no IP address',
};

/** "3 service principals (…), not PATs", "1 service principal (…), not a PAT". */
export function apartCount(reason: ApartReason, count: number): string {
  return `${count.toLocaleString('en')} ${count === 1 ? APART_LABEL_ONE[reason] : APART_LABELS[reason]}`;
}

export type Mechanism = { flow: Flow; authorizationId?: string } | { apart: ApartReason };

const AUTH_ID = /authorizationId:\s*([0-9a-f-]{8,})/i;

/** An audit row's AuthenticationMechanism, e.g. `PAT_Unscoped authorizationId: 7d0b…`. */
export function classifyMechanism(text: string | undefined): Mechanism {
  if (text === undefined) return { apart: 'no-mechanism' };
  const t = text.trim();
  const upper = t.toUpperCase();
  if (upper.startsWith('PAT')) {
    const id = AUTH_ID.exec(t)?.[1];
    return id ? { flow: 'pat', authorizationId: id.toLowerCase() } : { flow: 'pat' };
  }
  if (upper.startsWith('SSH')) return { flow: 'ssh' };
  if (upper === 'AAD' || upper.startsWith('AAD_')) return { flow: 'web' };
  if (upper.startsWith('S2S_SERVICEPRINCIPAL')) return { apart: 'service-principal' };
  if (upper.startsWith('SESSIONTOKEN')) return { apart: 'session-token' };
  return { apart: 'other-mechanism' };
}

/** Entra rows are web (Client app "Browser") or OAuth, never PAT or SSH. */
export function entraFlow(clientApp: string | undefined): Flow {
  return clientApp?.trim().toLowerCase() === 'browser' ? 'web' : 'oauth';
}

/** Whether a resource id cell names Azure DevOps; an absent cell counts as Azure DevOps. */
export function isAzureDevOps(resourceId: string | undefined): boolean {
  return resourceId === undefined || resourceId.trim().toLowerCase() === ADO_RESOURCE_ID;
}

const CC = /^[A-Za-z]{2}$/;

/**
 * The ISO country code of Entra's `Location` ("Amsterdam, Noord-Holland, NL"), of a Graph
 * `location` object or of Log Analytics' `LocationDetails` (JSON text with countryOrRegion).
 */
export function countryOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (t.startsWith('{')) {
    try {
      const v = (JSON.parse(t) as { countryOrRegion?: unknown }).countryOrRegion;
      // An empty countryOrRegion: the IP maps to no country (R23).
      if (v === undefined || v === null || v === '') return UNKNOWN_COUNTRY;
      return typeof v === 'string' && CC.test(v) ? v.toUpperCase() : undefined;
    } catch {
      return undefined;
    }
  }
  const last = t.split(',').pop()!.trim();
  return CC.test(last) ? last.toUpperCase() : undefined;
}

const LA_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),? (\d{1,2}):(\d{2}):(\d{2})(\.\d+)? ?(AM|PM)$/i;

/**
 * Log Analytics' CSV export writes `TimeGenerated [UTC]` as "11/3/2025, 7:58:12.123 AM"
 * (month first, UTC). Returns ISO 8601 text for isoInstant, or the text unchanged.
 */
export function laTime(text: string): string {
  const m = LA_TIME.exec(text.trim());
  if (!m) return text;
  const [, mo, d, y, h, min, s, frac, ampm] = m;
  let hour = Number(h) % 12;
  if (ampm!.toUpperCase() === 'PM') hour += 12;
  const p = (v: string | number) => String(v).padStart(2, '0');
  const ms = frac ? frac.slice(1, 4).padEnd(3, '0') : '000';
  return `${y}-${p(mo!)}-${p(d!)}T${p(hour)}:${min}:${s}.${ms}Z`;
}
