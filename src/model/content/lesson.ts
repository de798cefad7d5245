// The guided lesson as data (scenarios/lesson/lesson.json): chapters in order, each with its text
// and the scenario plays the learner predicts before watching. Read and checked here, against the
// scenario catalog, so a renamed play is a test failure rather than a blank screen.
import {
  isRecord,
  optionalText,
  Problems,
  records,
  ruleId,
  sourceKey,
  text,
  texts,
  uniqueIds,
  type Json,
} from './lessonFields';
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

function readDrill(o: Json, path: string, p: Problems, scenarios: Scenario[]): Drill {
  const drill: Drill = {
    scenario: text(o, 'scenario', path, p),
    play: text(o, 'play', path, p),
    variant: optionalText(o, 'variant', path, p),
    hint: optionalText(o, 'hint', path, p),
    reasons: records(o, 'reasons', path, p, false).map((r, i) => ({
      rule: ruleId(r, 'rule', `${path}.reasons[${i}]`, p),
      text: text(r, 'text', `${path}.reasons[${i}]`, p),
    })),
  };
  if (drill.reasons.length === 1) p.add(`${path}.reasons`, 'needs at least two choices');
  if (new Set(drill.reasons.map((r) => r.rule)).size !== drill.reasons.length)
    p.add(`${path}.reasons`, 'each choice must name a different rule');
  if (drill.scenario && drill.play) {
    const found = resolveDrill(drill, scenarios);
    if (typeof found === 'string') p.add(path, found);
  }
  return drill;
}

function readChapter(o: Json, path: string, p: Problems, scenarios: Scenario[]): Chapter {
  const id = text(o, 'id', path, p);
  if (id && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) p.add(`${path}.id`, 'must be kebab-case');
  return {
    id,
    title: text(o, 'title', path, p),
    body: texts(o, 'body', path, p),
    list: texts(o, 'list', path, p, false),
    callouts: records(o, 'callouts', path, p, false).map((c, i) => ({
      rule: ruleId(c, 'rule', `${path}.callouts[${i}]`, p),
      text: text(c, 'text', `${path}.callouts[${i}]`, p),
    })),
    sources: texts(o, 'sources', path, p).map((s, i) => sourceKey(s, `${path}.sources[${i}]`, p)),
    drills: records(o, 'drills', path, p).map((d, i) =>
      readDrill(d, `${path}.drills[${i}]`, p, scenarios),
    ),
  };
}

/** Reads lesson.json; `errors` lists every problem by path, and `lesson` is set only without any. */
export function parseLesson(
  json: unknown,
  scenarios: Scenario[],
): { lesson?: Lesson; errors: string[] } {
  const p = new Problems();
  if (!isRecord(json)) return { errors: ['lesson: must be an object'] };
  const lesson: Lesson = {
    title: text(json, 'title', 'lesson', p),
    intro: texts(json, 'intro', 'lesson', p),
    chapters: records(json, 'chapters', 'lesson', p).map((c, i) =>
      readChapter(c, `lesson.chapters[${i}]`, p, scenarios),
    ),
  };
  uniqueIds(lesson.chapters, 'lesson.chapters', p);
  return p.list.length ? { errors: p.list } : { lesson, errors: [] };
}
