// The compare view's model: two people send the same kind of request at the same moment, one
// inside the trusted IP ranges and one outside, under the org policy on or off. Every lane's
// outcome is the engine's Decision for a play of a scenario tagged "compare"; this module only
// picks the play (by actor and flow) and the variant (by org policy state) and words the result.
import { RULE_BASICS } from '../engine/ruleBasics';
import type { Decision, Flow, World } from '../engine/types';
import { explainIp, rangeList, type IpExplanation } from '../ip/explain';
import {
  buildWorld,
  runPlay,
  type Actor,
  type Play,
  type Scenario,
  type Variant,
} from './scenario';

export const COMPARE_TAG = 'compare';
export const COMPARE_FLOWS = ['pat', 'web', 'ssh'] as const;
export type CompareFlow = (typeof COMPARE_FLOWS)[number];
export type LaneSide = 'inside' | 'outside';

export interface Lane {
  side: LaneSide;
  actor: Actor;
  play: Play;
  variant?: Variant;
  world: World;
  decision: Decision;
  /** The fence check in one line: "100.64.12.7 is not in 203.0.113.0/24 or 198.51.100.0/25". */
  check: string;
  /** What the client gets: "HTTP 200", "VS403463", "MFA prompt". */
  result: string;
  /** The rule that decided, by its short name, and its id. */
  rule: { id: string; name: string };
  /** The address the check is about, against every trusted range (null when not checked). */
  explanation: IpExplanation | null;
  /** Where the IP is checked: Azure DevOps for a PAT or SSH key, Entra for a browser sign-in. */
  checkedAt: 'Azure DevOps' | 'Microsoft Entra' | null;
}

export function isCompareScenario(s: Scenario): boolean {
  return s.tags.includes(COMPARE_TAG);
}

const INSIDE = new Set(['onprem', 'vpn']);

/** The first inside actor and the first outside actor who have a play of `flow`. */
export function laneActors(s: Scenario, flow: Flow): Record<LaneSide, Actor> | null {
  const playable = (a: Actor) => s.plays.some((p) => p.actor === a.id && p.request.flow === flow);
  const inside = s.actors.find((a) => INSIDE.has(a.kind) && playable(a));
  const outside = s.actors.find((a) => !INSIDE.has(a.kind) && playable(a));
  return inside && outside ? { inside, outside } : null;
}

/** The trusted IP ranges of a world: what "inside the fence" means. */
export function trustedRanges(world: World): string[] {
  return world.locations.filter((l) => l.isTrusted && l.kind === 'ip').flatMap((l) => l.ipRanges);
}

export function resultWord(d: Decision): string {
  if (d.outcome === 'mfa-required') return 'MFA prompt';
  if (d.outcome === 'allowed') return `HTTP ${d.status}`;
  return d.code ?? `HTTP ${d.status}`;
}

function checkLine(d: Decision, ip: string, ranges: string[], ex: IpExplanation | null): string {
  // R5 is the engine saying that no CA check ran on this PAT or SSH key (org policy off).
  if (d.trace.some((s) => s.rule === 'R5')) return `${ip}: not checked, the org policy is off`;
  if (!ex) return `${ip} is not an address`;
  const hit = ex.ranges.find((r) => r.inside);
  return hit ? `${ex.ip} is in ${hit.cidr}` : `${ex.ip} is not in ${rangeList(ranges)}`;
}

/** One lane: the play of this actor and flow, under the org policy on or off, through the engine. */
export function runLane(
  s: Scenario,
  side: LaneSide,
  actor: Actor,
  flow: Flow,
  policyOn: boolean,
): Lane | { error: string } {
  const play = s.plays.find((p) => p.actor === actor.id && p.request.flow === flow);
  if (!play) return { error: `${s.id}: no ${flow} play for ${actor.id}` };
  const base = buildWorld(s).org.ipValidation;
  const variant =
    base === policyOn
      ? undefined
      : s.variants.find((v) => v.play === play.id && v.org?.ipValidation === policyOn);
  if (base !== policyOn && !variant)
    return {
      error: `${s.id}: play ${play.id} has no variant with the org policy ${policyOn ? 'on' : 'off'}`,
    };
  const result = runPlay(s, play, variant);
  if (!result.ok) return { error: result.error };
  const decision = result.value;
  const world = buildWorld(s, variant);
  const ranges = trustedRanges(world);
  const web = flow === 'web' || flow === 'oauth';
  const ip = web ? (actor.signinIp ?? actor.ip) : actor.ip;
  const notChecked = decision.trace.some((x) => x.rule === 'R5');
  const explanation = notChecked
    ? null
    : explainIp(ip, ranges, decision.assumptions['ipv4-mapped']);
  return {
    side,
    actor,
    play,
    variant,
    world,
    decision,
    check: checkLine(decision, ip, ranges, explanation),
    result: resultWord(decision),
    rule: {
      id: decision.decidedBy,
      name: RULE_BASICS[decision.decidedBy]?.name ?? decision.decidedBy,
    },
    explanation,
    checkedAt: notChecked ? null : web ? 'Microsoft Entra' : 'Azure DevOps',
  };
}

export interface Comparison {
  policyOn: boolean;
  lanes: Lane[];
}

/** Both lanes for one org policy state, or the first problem. */
export function compare(
  s: Scenario,
  flow: Flow,
  policyOn: boolean,
): Comparison | { error: string } {
  const actors = laneActors(s, flow);
  if (!actors)
    return { error: `${s.id}: needs an inside and an outside actor with a ${flow} play` };
  const lanes: Lane[] = [];
  for (const side of ['inside', 'outside'] as const) {
    const lane = runLane(s, side, actors[side], flow, policyOn);
    if ('error' in lane) return lane;
    lanes.push(lane);
  }
  return { policyOn, lanes };
}

/**
 * A compare scenario as the landing page carries it: all the lanes are built from, without the
 * words and Graph JSON that only the player and the lab show (narrations, takeaways, goal,
 * summary, play titles, switch labels, sources), which are most of its size. The build makes it;
 * the full scenario loads with them.
 */
export function landingCopy(s: Scenario): Scenario {
  return {
    ...s,
    goal: '',
    summary: '',
    graph: { namedLocations: [], policies: [] },
    sources: [],
    plays: s.plays.map((p) => ({ ...p, title: '', narration: [], takeaway: '' })),
    variants: s.variants.map((v) => ({ ...v, label: '', narration: [], takeaway: undefined })),
  };
}
