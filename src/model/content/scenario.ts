// A teaching scenario: a world (Graph named locations and policies, the org policy), actors,
// plays (one request each, with the expected outcome and a narration per trace step) and
// variants (a switch flipped on one play). Building a play's request and running it through the
// engine lives here; reading and checking a scenario file lives in scenarioCheck.ts (Node only).
import { DEFAULT_ASSUMPTIONS } from '../engine/assumptions';
import { evaluate } from '../engine/evaluate';
import type { GitVerb } from '../engine/responses';
import type {
  AccessRequest,
  Assumptions,
  Decision,
  Outcome,
  OrgPolicy,
  Result,
  RuleId,
  SourceKey,
  World,
} from '../engine/types';

/** How the diagram draws an actor (scenario.schema.json $defs.actor.kind). */
export type ActorKind = 'onprem' | 'vpn' | 'external' | 'pipeline';

/** Drops undefined fields so built objects compare and serialise cleanly. */
const compact = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export interface Actor {
  id: string;
  /** Who and where, e.g. "Dana, on the office network". */
  label: string;
  kind: ActorKind;
  /** The public IP that reaches Azure DevOps. */
  ip: string;
  /** The IP Entra sees at sign-in, when it differs (split tunnel, R10). */
  signinIp?: string;
  /** ISO 3166 alpha-2, for country named locations. */
  country?: string;
}

/** A request without its addresses: those come from the play's actor. */
export type PlayRequest = Omit<AccessRequest, 'ip' | 'signinIp' | 'country'>;

export interface Expectation {
  outcome: Outcome;
  status?: number;
  code?: Decision['code'];
  decidedBy?: RuleId;
}

export interface Play {
  id: string;
  title: string;
  /** An actor id. */
  actor: string;
  request: PlayRequest;
  /** The git command typed (scenario.schema.json $defs.play.git); set when git carries the request. */
  git?: GitVerb;
  assumptions?: Partial<Assumptions>;
  expect: Expectation;
  /** One sentence or two per trace step, in the learner's words; as many as the trace has steps. */
  narration: string[];
  takeaway: string;
}

/** One switch flipped on one play: the org policy, an assumption, or extra IP ranges. */
export interface Variant {
  id: string;
  label: string;
  /** The play it is shown on (a play id). */
  play: string;
  org?: Partial<OrgPolicy>;
  assumptions?: Partial<Assumptions>;
  /** Named-location id → CIDRs added to it (normalised), e.g. a missing IPv6 prefix. */
  addIpRanges?: Record<string, string[]>;
  expect: Expectation;
  narration: string[];
  takeaway?: string;
}

export interface Scenario {
  id: string;
  /** Position in the catalog, lowest first. */
  order: number;
  title: string;
  goal: string;
  summary: string;
  /** The engine's view of the world, parsed from the file's Graph JSON. */
  world: World;
  /** The Graph JSON as written in the file, for showing "what this looks like in Entra". */
  graph: { namedLocations: unknown[]; policies: unknown[] };
  actors: Actor[];
  plays: Play[];
  sources: SourceKey[];
  tags: string[];
  variants: Variant[];
}

/** The world a play runs in: the scenario's, with a variant's changes applied. */
export function buildWorld(s: Scenario, variant?: Variant): World {
  if (!variant || (!variant.org && !variant.addIpRanges)) return s.world;
  const extra = variant.addIpRanges ?? {};
  return {
    locations: s.world.locations.map((loc) =>
      extra[loc.id] ? { ...loc, ipRanges: [...loc.ipRanges, ...extra[loc.id]!] } : loc,
    ),
    policies: s.world.policies,
    org: { ...s.world.org, ...variant.org },
  };
}

/** The play's request, with the IPs (and country) of its actor (validated to exist). */
export function buildRequest(s: Scenario, play: Play): AccessRequest {
  const actor = s.actors.find((a) => a.id === play.actor);
  if (!actor) throw new Error(`${s.id}: play ${play.id} names unknown actor ${play.actor}`);
  return compact({
    ...play.request,
    ip: actor.ip,
    signinIp: actor.signinIp,
    country: actor.country,
  });
}

/** The assumptions in force: the defaults, then the play's, then the variant's. */
export function playAssumptions(play: Play, variant?: Variant): Assumptions {
  return { ...DEFAULT_ASSUMPTIONS, ...play.assumptions, ...variant?.assumptions };
}

/** Runs one play (optionally under a variant) through the engine. */
export function runPlay(s: Scenario, play: Play, variant?: Variant): Result<Decision> {
  if (!s.actors.some((a) => a.id === play.actor))
    return { ok: false, error: `play ${play.id}: unknown actor ${JSON.stringify(play.actor)}` };
  return evaluate(buildWorld(s, variant), buildRequest(s, play), playAssumptions(play, variant));
}

/** The variants shown on a play. */
export function variantsOf(s: Scenario, play: Play): Variant[] {
  return s.variants.filter((v) => v.play === play.id);
}
