// An Azure DevOps VS403463 answer, as the REST body or as pasted text (git output, curl -v): it
// proves Azure DevOps's IP check refused the call, but rarely says from which IP or when.
import type { Evidence } from './evidenceTypes';
import { isRecord, type Json } from '../graph/graphFields';
import { parseIp } from '../ip/ip';
import type { Flow } from '../engine/types';

export const hasVs403463 = (text: string) => /\bVS403463\b/.test(text);

/** The REST body: {"$id":"1","message":"VS403463: …","typeKey":"VssServiceException",…}. */
export function isVs403463Body(o: Json): boolean {
  return typeof o.message === 'string' && hasVs403463(o.message);
}

/**
 * Only an address the text labels as the caller's: an address next to "Connected to" or
 * "Trying" in curl's output is the server's, and must not be taken for the client's.
 */
const CLIENT_IP =
  /\b(?:client[ _-]?ip(?:[ _-]?address)?|ip[ _-]?address|source[ _-]?ip|caller[ _-]?ip)"?\s*[:=]\s*"?([0-9A-Fa-f:.]{2,45})/i;

/** An HTTP Date header (RFC 7231 IMF-fixdate), as curl -v prints it. */
const DATE_HEADER =
  /^[<\s]*date:\s*((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT)\s*$/im;

function flowOf(text: string): Flow {
  return /\bssh\.dev\.azure\.com\b|\bvs-ssh\.visualstudio\.com\b/i.test(text) ? 'ssh' : 'pat';
}

export function readVs403463(text: string, body: Json | undefined, warnings: string[]): Evidence {
  const request: Evidence['request'] = { flow: flowOf(text) };
  const missing: Evidence['missing'] = [];
  const ip = CLIENT_IP.exec(text)?.[1];
  if (ip && parseIp(ip).ok) request.ip = ip;
  else {
    missing.push('ip');
    warnings.push(
      'VS403463 does not say which IP Azure DevOps saw: supply the public IP the call came from (not the server address curl or git print).',
    );
  }
  const date = DATE_HEADER.exec(text)?.[1];
  const ms = date === undefined ? NaN : Date.parse(date);
  if (!Number.isNaN(ms)) request.at = new Date(ms).toISOString();
  else missing.push('at');
  if (
    body &&
    isRecord(body) &&
    body.typeKey !== undefined &&
    body.typeKey !== 'VssServiceException'
  )
    warnings.push('The body is not a VssServiceException, though its message names VS403463.');
  return {
    kind: 'vs403463',
    request,
    observed: { outcome: 'blocked', code: 'VS403463' },
    missing,
  };
}
