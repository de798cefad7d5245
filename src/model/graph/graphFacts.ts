// The conditions of a Graph policy that a sign-in's own facts answer (R21, R22): authentication
// flows, device platforms, sign-in/user/insider risk and device filters, read into Policy fields.
import { Issues, isRecord, readStrings, show, type Json } from './graphFields';
import type { Policy } from '../engine/types';

export type FactConditions = Pick<
  Policy,
  | 'authenticationFlows'
  | 'platforms'
  | 'signInRiskLevels'
  | 'userRiskLevels'
  | 'insiderRiskLevels'
  | 'deviceFilter'
>;

/** Graph keys read here, so that the generic "other conditions" list leaves them out. */
export const FACT_KEYS = [
  'authenticationFlows',
  'platforms',
  'signInRiskLevels',
  'userRiskLevels',
  'insiderRiskLevels',
] as const;

/** A flags enum ("deviceCodeFlow,authenticationTransfer") or an array of its values. */
function readFlags(obj: Json, key: string, path: string, issues: Issues): string[] {
  const v = obj[key];
  if (typeof v === 'string')
    return v
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x && x !== 'none' && x !== 'unknownFutureValue');
  return readStrings(obj, key, path, issues);
}

function readPlatforms(cond: Json, path: string, issues: Issues): FactConditions['platforms'] {
  const p = cond.platforms;
  if (!isRecord(p)) return undefined;
  const at = `${path}.platforms`;
  const includePlatforms = readStrings(p, 'includePlatforms', at, issues);
  const excludePlatforms = readStrings(p, 'excludePlatforms', at, issues);
  if (!includePlatforms.length && !excludePlatforms.length) return undefined;
  return { includePlatforms, excludePlatforms };
}

function readDeviceFilter(
  cond: Json,
  path: string,
  issues: Issues,
): FactConditions['deviceFilter'] {
  const devices = cond.devices;
  if (!isRecord(devices) || !isRecord(devices.deviceFilter)) return undefined;
  const f = devices.deviceFilter;
  const at = `${path}.devices.deviceFilter`;
  if (typeof f.rule !== 'string' || f.rule.trim() === '') return undefined;
  if (f.mode !== 'include' && f.mode !== 'exclude') {
    issues.error(`${at}.mode`, `${show(f.mode)} is not include or exclude`);
    return undefined;
  }
  return { mode: f.mode, rule: f.rule };
}

/** Reads the fact conditions of `conditions` at `path`; unset ones are left out. */
export function readFactConditions(cond: Json, path: string, issues: Issues): FactConditions {
  const out: FactConditions = {};
  const flows = cond.authenticationFlows;
  if (isRecord(flows)) {
    const methods = readFlags(flows, 'transferMethods', `${path}.authenticationFlows`, issues);
    if (methods.length) out.authenticationFlows = methods;
  }
  const platforms = readPlatforms(cond, path, issues);
  if (platforms) out.platforms = platforms;
  for (const key of ['signInRiskLevels', 'userRiskLevels', 'insiderRiskLevels'] as const) {
    const levels = readFlags(cond, key, path, issues);
    if (levels.length) out[key] = levels;
  }
  const filter = readDeviceFilter(cond, path, issues);
  if (filter) out.deviceFilter = filter;
  return out;
}
