// Turns the sandbox form into what the engine needs: Graph-shaped JSON (through the same import
// as real exports), a World, the actor's AccessRequest, and a message per invalid field, keyed
// by the field's id so the form can show it next to the field.
import { actorFactErrors, withActorFacts, type ActorFactKey } from './actorFacts';
import { entraRefusal, parseNamedLocations } from '../graph/graphLocations';
import { parsePolicies } from '../graph/graphPolicies';
import { parseCidr, parseIp } from '../ip/ip';
import { isoInstant } from '../engine/isoInstant';
import { policyToGraph } from './sandboxTemplates';
import type { SandboxActor, SandboxConfig, SandboxLocation } from './sandboxTypes';
import type { AccessRequest, NamedLocation, Policy, World } from '../engine/types';

export type FieldErrors = Record<string, string>;

/** Field ids, shared by the form (element ids) and the errors. */
export const fieldId = {
  ranges: (locId: string) => `sb-${locId}-ranges`,
  actor: (key: keyof SandboxActor) => `sb-actor-${key}`,
  enabledAt: 'sb-org-enabledAt',
};

/** One message for a ranges field: every bad line, numbered, including ranges Entra refuses (R17). */
function rangesProblem(text: string): string | undefined {
  const bad: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const part of line.split(',')) {
      if (part.trim() === '') continue;
      const r = parseCidr(part);
      const refused = r.ok ? entraRefusal(r.value) : r.error;
      if (refused) bad.push(`line ${i + 1}: ${refused}`);
    }
  });
  return bad.length ? bad.join('; ') : undefined;
}

/** The Graph namedLocations JSON for the sandbox's locations. */
export function locationsToGraph(locations: readonly SandboxLocation[]): unknown {
  return {
    value: locations.map((l) => ({
      '@odata.type': '#microsoft.graph.ipNamedLocation',
      id: l.id,
      displayName: l.name.trim() || l.id,
      isTrusted: l.trusted,
      ipRanges: l.ranges
        .split(/[\n,]/)
        .map((c) => c.trim())
        .filter(Boolean)
        .map((c) => ({
          '@odata.type': c.includes(':')
            ? '#microsoft.graph.iPv6CidrRange'
            : '#microsoft.graph.iPv4CidrRange',
          cidrAddress: c,
        })),
    })),
  };
}

export function sandboxToGraph(config: SandboxConfig): { locations: unknown; policies: unknown } {
  return {
    locations: locationsToGraph(config.locations),
    policies: { value: config.policies.map(policyToGraph) },
  };
}

function dateProblem(text: string, required: boolean): string | undefined {
  if (text.trim() === '') return required ? 'required: an ISO 8601 date and time' : undefined;
  const r = isoInstant(text);
  return r.ok ? undefined : r.error;
}

function actorErrors(a: SandboxActor, errors: FieldErrors): void {
  const ip = parseIp(a.ip);
  if (a.ip.trim() === '')
    errors[fieldId.actor('ip')] = 'required: the IP that reaches Azure DevOps';
  else if (!ip.ok) errors[fieldId.actor('ip')] = ip.error;
  if (a.signinIp.trim() !== '') {
    const s = parseIp(a.signinIp);
    if (!s.ok) errors[fieldId.actor('signinIp')] = s.error;
  }
  for (const [key, required] of [
    ['at', true],
    ['tokenCreated', false],
    ['tokenExpires', false],
  ] as const) {
    const p = dateProblem(a[key], required);
    if (p) errors[fieldId.actor(key)] = p;
  }
  for (const [key, message] of Object.entries(actorFactErrors(a)))
    errors[fieldId.actor(key as ActorFactKey)] = message;
}

/** The actor as an AccessRequest (assumes actorErrors found nothing). */
export function actorRequest(a: SandboxActor): AccessRequest {
  const req: AccessRequest = { flow: a.flow, ip: a.ip.trim(), at: a.at.trim() };
  if (a.user.trim()) req.user = a.user.trim();
  if (a.flow === 'web' || a.flow === 'oauth') {
    req.client = a.flow === 'web' ? 'browser' : 'az-cli';
    if (a.signinIp.trim()) req.signinIp = a.signinIp.trim();
  } else {
    req.client = a.flow === 'ssh' ? 'ssh' : 'git';
    req.token = { kind: a.flow === 'ssh' ? 'ssh-key' : 'pat' };
    if (a.tokenCreated.trim()) req.token.created = a.tokenCreated.trim();
    if (a.tokenExpires.trim()) req.token.expires = a.tokenExpires.trim();
  }
  return withActorFacts(a, req);
}

export interface SandboxBuild {
  errors: FieldErrors;
  /** Import warnings for the sandbox's own Graph JSON (e.g. a range with host bits set). */
  warnings: string[];
  /** Present only when `errors` is empty. */
  locations?: NamedLocation[];
  policies?: Policy[];
  world?: World;
  request?: AccessRequest;
}

export function buildSandbox(config: SandboxConfig): SandboxBuild {
  const errors: FieldErrors = {};
  for (const l of config.locations) {
    const p = rangesProblem(l.ranges);
    if (p) errors[fieldId.ranges(l.id)] = p;
  }
  const enabled = dateProblem(config.org.enabledAt, false);
  if (enabled) errors[fieldId.enabledAt] = enabled;
  actorErrors(config.actor, errors);
  const graph = sandboxToGraph(config);
  const locations = parseNamedLocations(graph.locations);
  const policies = parsePolicies(graph.policies);
  const warnings = [...locations.warnings, ...policies.warnings];
  // A bad range is already reported under its own field; the importer's error would repeat it.
  const fieldsBad = Object.keys(errors).length > 0;
  if (!locations.ok && !fieldsBad) errors['sb-locations'] = locations.error;
  if (!policies.ok && !fieldsBad) errors['sb-policies'] = policies.error;
  if (Object.keys(errors).length || !locations.ok || !policies.ok) return { errors, warnings };
  const org: World['org'] = { ipValidation: config.org.on };
  if (config.org.enabledAt.trim()) org.enabledAt = config.org.enabledAt.trim();
  return {
    errors,
    warnings,
    locations: locations.value,
    policies: policies.value,
    world: { locations: locations.value, policies: policies.value, org },
    request: actorRequest(config.actor),
  };
}
