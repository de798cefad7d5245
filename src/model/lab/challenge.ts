// Build-the-fence challenges, as in Learn Git Branching: a level is data (scenarios/challenges/),
// with a starting sandbox, a goal (requests with the outcome each must get) and a minimal
// solution as edits. The engine checks the goal; nothing here decides an outcome itself.
import { DEFAULT_ASSUMPTIONS } from '../engine/assumptions';
import { evaluate } from '../engine/evaluate';
import type { AccessRequest, Decision, Outcome, RuleId } from '../engine/types';
import { buildSandbox } from './sandboxBuild';
import type { PolicyTemplate, SandboxConfig, SandboxPolicy, TargetResource } from './sandboxTypes';

export interface ChallengeLocation {
  id: string;
  name: string;
  trusted: boolean;
  ranges: string[];
}

export interface ChallengePolicy {
  id: string;
  template: PolicyTemplate;
  name: string;
  state: SandboxPolicy['state'];
  target: TargetResource;
  excludeUsers: string[];
}

export interface Goal {
  /** Who does what, in a sentence the learner reads. */
  who: string;
  request: AccessRequest;
  outcome: Outcome;
}

export type Step =
  | { op: 'org'; on: boolean }
  | { op: 'addRanges'; location: string; ranges: string[] }
  | { op: 'addLocation'; location: ChallengeLocation }
  | {
      op: 'policy';
      policy: string;
      template?: PolicyTemplate;
      state?: SandboxPolicy['state'];
      target?: TargetResource;
      excludeUsers?: string[];
    };

export interface Challenge {
  id: string;
  order: number;
  title: string;
  story: string;
  start: {
    org: { on: boolean; enabledAt?: string };
    locations: ChallengeLocation[];
    policies: ChallengePolicy[];
  };
  goal: Goal[];
  hint: string;
  solution: { text: string; steps: Step[] };
  rules: RuleId[];
}

const toLocation = (l: ChallengeLocation) => ({ ...l, ranges: l.ranges.join('\n') });

/** The sandbox a level starts from. The actor is the first goal's, to try requests by hand. */
export function startConfig(c: Challenge): SandboxConfig {
  const first = c.goal[0]!.request;
  return {
    org: { on: c.start.org.on, enabledAt: c.start.org.enabledAt ?? '' },
    locations: c.start.locations.map(toLocation),
    policies: c.start.policies.map((p) => ({ ...p, excludeUsers: p.excludeUsers.join('\n') })),
    actor: {
      flow: first.flow,
      ip: first.ip,
      signinIp: first.signinIp ?? '',
      user: first.user ?? '',
      tokenCreated: first.token?.created ?? '',
      tokenExpires: first.token?.expires ?? '',
      at: first.at,
    },
    assumptions: { ...DEFAULT_ASSUMPTIONS },
  };
}

/** Applies solution steps to a copy of `config`; a step naming a missing id is an error. */
export function applySteps(
  config: SandboxConfig,
  steps: readonly Step[],
): { config: SandboxConfig } | { error: string } {
  const next = structuredClone(config);
  for (const [i, s] of steps.entries()) {
    if (s.op === 'org') next.org.on = s.on;
    else if (s.op === 'addLocation') next.locations.push(toLocation(s.location));
    else if (s.op === 'addRanges') {
      const l = next.locations.find((x) => x.id === s.location);
      if (!l) return { error: `step ${i + 1}: no location ${JSON.stringify(s.location)}` };
      l.ranges = [l.ranges, ...s.ranges].filter((x) => x.trim()).join('\n');
    } else {
      const p = next.policies.find((x) => x.id === s.policy);
      if (!p) return { error: `step ${i + 1}: no policy ${JSON.stringify(s.policy)}` };
      if (s.template) p.template = s.template;
      if (s.state) p.state = s.state;
      if (s.target) p.target = s.target;
      if (s.excludeUsers) p.excludeUsers = s.excludeUsers.join('\n');
    }
  }
  return { config: next };
}

export interface GoalCheck {
  goal: Goal;
  /** Undefined while the sandbox has an invalid field. */
  decision?: Decision;
  met: boolean;
}

export interface ChallengeCheck {
  goals: GoalCheck[];
  solved: boolean;
  /** Why nothing could be checked (an invalid field), or undefined. */
  problem?: string;
}

/** Runs every goal request through the engine against the sandbox as it stands. */
export function checkChallenge(c: Challenge, config: SandboxConfig): ChallengeCheck {
  const build = buildSandbox(config);
  if (!build.world) {
    const problem = Object.values(build.errors)[0] ?? 'the sandbox is not valid';
    return { goals: c.goal.map((goal) => ({ goal, met: false })), solved: false, problem };
  }
  const world = build.world;
  const goals = c.goal.map((goal) => {
    const r = evaluate(world, goal.request, config.assumptions);
    return r.ok
      ? { goal, decision: r.value, met: r.value.outcome === goal.outcome }
      : { goal, met: false };
  });
  return { goals, solved: goals.every((g) => g.met) };
}
