// Builds the engine's World and AccessRequest from checked options. Defaults follow DESIGN.md:
// no --validation-enabled-at or --token-created means the token counts as newer than the policy.
import type { AccessRequest, Flow, OrgPolicy, Token, World } from '../model/engine/types';
import type { LoadedWorld } from './loadWorld';
import type { SingleOptions } from './options';

export function buildWorld(loaded: LoadedWorld, validation: boolean, enabledAt?: string): World {
  const org: OrgPolicy = { ipValidation: validation };
  if (enabledAt !== undefined) org.enabledAt = enabledAt;
  return { locations: loaded.locations, policies: loaded.policies, org };
}

/** The credential a token flow presents; web and OAuth flows carry none. */
export function tokenFor(flow: Flow, created?: string, expires?: string): Token | undefined {
  if (flow !== 'pat' && flow !== 'ssh') return undefined;
  const token: Token = { kind: flow === 'pat' ? 'pat' : 'ssh-key' };
  if (created !== undefined) token.created = created;
  if (expires !== undefined) token.expires = expires;
  return token;
}

/** `at` is the time of the request, which the command line (not the engine) takes from the clock. */
export function buildRequest(o: SingleOptions, at: string): AccessRequest {
  const req: AccessRequest = { flow: o.flow, ip: o.ip, at };
  if (o.signinIp !== undefined) req.signinIp = o.signinIp;
  if (o.user !== undefined) req.user = o.user;
  if (o.groups !== undefined) req.groups = o.groups;
  if (o.roles !== undefined) req.roles = o.roles;
  if (o.country !== undefined) req.country = o.country;
  if (o.platform !== undefined) req.platform = o.platform;
  if (o.signInRisk !== undefined) req.signInRisk = o.signInRisk;
  if (o.userRisk !== undefined) req.userRisk = o.userRisk;
  if (o.authFlow !== undefined) req.authFlow = o.authFlow;
  if (o.mfa) req.mfaDone = true;
  if (o.compliantDevice) req.deviceCompliant = true;
  const token = tokenFor(o.flow, o.tokenCreated, o.tokenExpires);
  if (token) req.token = token;
  return req;
}

/** Token flags that a web or OAuth request would silently ignore: worth a warning. */
export function ignoredTokenFlags(o: SingleOptions): string[] {
  if (o.flow === 'pat' || o.flow === 'ssh') return [];
  const given = [
    ['--token-created', o.tokenCreated],
    ['--token-expires', o.tokenExpires],
  ].filter(([, v]) => v !== undefined);
  return given.map(([flag]) => `${flag} is ignored for --flow ${o.flow}: it carries no PAT`);
}
