// How a sign-in row becomes the AccessRequest the engine decides: the one place where that
// happens, for the worker, the command line and the tests alike.
import type { SigninRow } from './signinRows';
import type { RowDefaults } from './impactTypes';
import type { AccessRequest, Client } from '../engine/types';

const CLIENTS: readonly Client[] = ['browser', 'git', 'az-cli', 'rest', 'ssh', 'pipeline-agent'];

/** The engine's Client for a row's free-text client column, when it names one. */
export function clientOf(text: string | undefined): Client | undefined {
  if (text === undefined) return undefined;
  // Most logs write the name exactly: found without trimming and lower-casing every row's cell.
  // The constant itself, so that equal clients are one string (a cheap Map key downstream).
  for (const c of CLIENTS) if (c === text) return c;
  const c = text.trim().toLowerCase() as Client;
  return CLIENTS.includes(c) ? c : undefined;
}

/**
 * PAT and SSH rows carry a token whose creation date (if known) decides R12; web and OAuth rows
 * carry none. The IP is the one that reaches Azure DevOps; the sign-in IP, when the log gives a
 * different one, is what Entra saw (R10); the country is the log's Location (R22). Logs say
 * nothing of expiry, revocation, groups, MFA or the device.
 */
export function rowRequest(row: SigninRow, defaults: RowDefaults): AccessRequest {
  const flow = row.flow ?? defaults.defaultFlow;
  const req: AccessRequest = { flow, ip: row.ip, at: row.at ?? defaults.at };
  const client = clientOf(row.client);
  if (client) req.client = client;
  if (row.user !== undefined) req.user = row.user;
  if (row.signinIp !== undefined) req.signinIp = row.signinIp;
  if (row.country !== undefined) req.country = row.country;
  if (flow === 'pat' || flow === 'ssh') {
    req.token = { kind: flow === 'pat' ? 'pat' : 'ssh-key' };
    if (row.tokenCreated !== undefined) req.token.created = row.tokenCreated;
  }
  return req;
}
