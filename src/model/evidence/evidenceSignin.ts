// An Entra sign-in log entry, as the portal's JSON download or Graph's signIn resource has it,
// read into Evidence: the request it describes and what Entra did (status, applied policies).
import { AZURE_DEVOPS_APP_ID } from '../engine/azureDevOps';
import type { Evidence, ObservedPolicy } from './evidenceTypes';
import { isRecord, type Json } from '../graph/graphFields';
import { parseIp } from '../ip/ip';
import { isoInstant } from '../engine/isoInstant';
import { UNKNOWN_COUNTRY, type Flow, type Outcome } from '../engine/types';

/** Sign-in error codes that Conditional Access answers with. */
const BLOCK_CODES = new Set([53000, 53001, 53002, 53003, 530032]);
const MFA_CODES = new Set([50072, 50074, 50076, 50079]);

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
const obj = (v: unknown): Json => (isRecord(v) ? v : {});

/** Does the entry carry the fields a sign-in log entry has? */
export function looksLikeSignin(o: Json): boolean {
  return [
    'ipAddress',
    'userPrincipalName',
    'createdDateTime',
    'appliedConditionalAccessPolicies',
  ].some((k) => k in o);
}

/** Browser → web; Mobile Apps and Desktop clients → oauth; anything else is taken for a PAT. */
function flowOf(clientAppUsed: string | undefined): Flow {
  const c = clientAppUsed?.toLowerCase();
  if (c === 'browser') return 'web';
  if (c === 'mobile apps and desktop clients') return 'oauth';
  return 'pat';
}

/** MFA done: a second factor that succeeded, or an MFA requirement on a successful sign-in. */
function mfaDone(o: Json, errorCode: number | undefined): boolean | undefined {
  const details = Array.isArray(o.authenticationDetails) ? o.authenticationDetails.map(obj) : [];
  const secondFactor = details.some(
    (d) =>
      d.succeeded === true &&
      /multi-?factor|mfa|second/i.test(
        `${d.authenticationStepRequirement ?? ''} ${d.authenticationStepResultDetail ?? ''}`,
      ),
  );
  if (secondFactor) return true;
  const requirement = str(o.authenticationRequirement);
  if (requirement === 'multiFactorAuthentication') return errorCode === 0 ? true : undefined;
  if (requirement === 'singleFactorAuthentication') return false;
  return undefined;
}

function observedOutcome(
  code: number | undefined,
  caStatus: string | undefined,
): Outcome | undefined {
  if (code === 0) return 'allowed';
  if (code !== undefined && BLOCK_CODES.has(code)) return 'blocked';
  if (code !== undefined && MFA_CODES.has(code)) return 'mfa-required';
  if (caStatus === 'failure') return 'blocked';
  return undefined;
}

function policiesOf(o: Json): ObservedPolicy[] | undefined {
  if (!Array.isArray(o.appliedConditionalAccessPolicies)) return undefined;
  return o.appliedConditionalAccessPolicies.map(obj).map((p) => ({
    id: str(p.id) ?? '',
    displayName: str(p.displayName) ?? str(p.id) ?? '',
    result: str(p.result) ?? 'unknown',
  }));
}

export function readSignin(o: Json, warnings: string[]): Evidence {
  const status = obj(o.status);
  const errorCode = typeof status.errorCode === 'number' ? status.errorCode : undefined;
  const request: Evidence['request'] = { flow: flowOf(str(o.clientAppUsed)) };
  const missing: Evidence['missing'] = [];

  // Entra logs the IP it saw; the beta field has the one that reached the resource (R10).
  const seen = str(o.ipAddress);
  const atResource = str(o.ipAddressFromResourceProvider);
  for (const [field, value] of [
    ['ipAddress', seen],
    ['ipAddressFromResourceProvider', atResource],
  ] as const) {
    if (value !== undefined && !parseIp(value).ok)
      warnings.push(`${field} is not an IP address; ignored.`);
  }
  const ok = (v: string | undefined) => (v !== undefined && parseIp(v).ok ? v : undefined);
  const ip = ok(atResource) ?? ok(seen);
  if (ip) request.ip = ip;
  else missing.push('ip');
  if (ok(seen) && ip !== ok(seen)) request.signinIp = ok(seen);

  const user = str(o.userPrincipalName);
  if (user) request.user = user;
  const when = str(o.createdDateTime);
  const at = when === undefined ? undefined : isoInstant(when);
  if (at?.ok) request.at = at.value;
  else {
    if (when !== undefined) warnings.push('createdDateTime is not an ISO 8601 time; ignored.');
    missing.push('at');
  }
  const country = str(obj(o.location).countryOrRegion);
  if (country && /^[A-Za-z]{2}$/.test(country)) request.country = country.toUpperCase();
  // A location with no country: the IP maps to none, which R23's "unknown countries" matches.
  else if (isRecord(o.location) && !country) request.country = UNKNOWN_COUNTRY;
  const compliant = obj(o.deviceDetail).isCompliant;
  if (typeof compliant === 'boolean') request.deviceCompliant = compliant;
  const mfa = mfaDone(o, errorCode);
  if (mfa !== undefined) request.mfaDone = mfa;
  if (request.flow === 'web') request.client = 'browser';

  const app = [str(o.resourceId), str(o.appId)].map((x) => x?.toLowerCase());
  if (!app.includes(AZURE_DEVOPS_APP_ID)) {
    const name = str(o.resourceDisplayName) ?? str(o.appDisplayName) ?? 'another resource';
    warnings.push(
      `This sign-in is to ${name}, not Azure DevOps: policies that target only Azure DevOps did not apply to it.`,
    );
  }

  const observed: Evidence['observed'] = {};
  const outcome = observedOutcome(errorCode, str(o.conditionalAccessStatus));
  if (outcome) observed.outcome = outcome;
  else if (errorCode !== undefined)
    warnings.push(
      `The sign-in failed with error ${errorCode}, which is not a Conditional Access answer.`,
    );
  if (errorCode) observed.code = `AADSTS${errorCode}`;
  const policies = policiesOf(o);
  if (policies) observed.policies = policies;
  return { kind: 'signin', request, observed, missing };
}
