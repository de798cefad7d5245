// The guided lesson as data (scenarios/lesson/lesson.json): chapters in order, each with its text
// and the scenario plays the learner predicts before watching. The file is checked at build time
// (lessonCheck.ts), against lesson.schema.json and the scenario catalog, so a renamed play is a
// build error rather than a blank screen; the browser only resolves drills.
import type { Play, Scenario, Variant } from './scenario';
import type { RuleId, SourceKey } from '../engine/types';

export interface ReasonOption {
  /** The rule this reason stands for; it is right when the engine's decision turns on it. */
  rule: RuleId;
  text: string;
}

export interface Drill {
  scenario: string;
  play: string;
  variant?: string;
  hint?: string;
  /** Optional "why?" choices; left out where a reason would be guesswork. */
  reasons: ReasonOption[];
}

export interface Callout {
  rule: RuleId;
  text: string;
}

export interface Chapter {
  id: string;
  title: string;
  body: string[];
  /** A list after the body (the closing checklist). */
  list: string[];
  callouts: Callout[];
  sources: SourceKey[];
  drills: Drill[];
}

export interface Lesson {
  title: string;
  intro: string[];
  chapters: Chapter[];
}

export interface ResolvedDrill {
  scenario: Scenario;
  play: Play;
  variant?: Variant;
}

/** The scenario, play and variant a drill names, or a message saying which one is missing. */
export function resolveDrill(d: Drill, scenarios: Scenario[]): ResolvedDrill | string {
  const scenario = scenarios.find((s) => s.id === d.scenario);
  if (!scenario) return `scenario ${JSON.stringify(d.scenario)} does not exist`;
  const play = scenario.plays.find((p) => p.id === d.play);
  if (!play) return `play ${JSON.stringify(d.play)} is not in scenario ${scenario.id}`;
  if (d.variant === undefined) return { scenario, play };
  const variant = scenario.variants.find((v) => v.id === d.variant && v.play === play.id);
  if (!variant)
    return `variant ${JSON.stringify(d.variant)} is not shown on ${scenario.id}/${play.id}`;
  return { scenario, play, variant };
}
