// The knowledge check as data (scenarios/lesson/quiz.json): questions with options, the right
// answer, feedback, the rule and source it rests on and the chapter to go back to. A question
// about an outcome names the play it describes, and each option its outcome, so the engine can
// be asked whether the answer key is right.
import {
  isRecord,
  optionalText,
  Problems,
  records,
  ruleId,
  sourceKey,
  text,
  uniqueIds,
  type Json,
} from './lessonFields';
import type { Outcome, RuleId, SourceKey } from '../engine/types';

export interface QuizOption {
  id: string;
  text: string;
  outcome?: Outcome;
}

export interface QuizQuestion {
  id: string;
  chapter: string;
  prompt: string;
  options: QuizOption[];
  answer: string;
  feedback: string;
  rule: RuleId;
  source: SourceKey;
  play?: { scenario: string; play: string; variant?: string };
}

export interface Quiz {
  title: string;
  /** Share of points needed to pass, 0…1. */
  passMark: number;
  questions: QuizQuestion[];
}

const OUTCOMES: readonly string[] = ['allowed', 'blocked', 'mfa-required'];

function readOption(o: Json, path: string, p: Problems): QuizOption {
  const outcome = o.outcome;
  if (outcome !== undefined && !OUTCOMES.includes(String(outcome)))
    p.add(`${path}.outcome`, `${JSON.stringify(outcome)} is not an outcome`);
  return {
    id: text(o, 'id', path, p),
    text: text(o, 'text', path, p),
    ...(typeof outcome === 'string' && OUTCOMES.includes(outcome)
      ? { outcome: outcome as Outcome }
      : {}),
  };
}

function readQuestion(o: Json, path: string, p: Problems, chapters: string[]): QuizQuestion {
  const options = records(o, 'options', path, p).map((x, i) =>
    readOption(x, `${path}.options[${i}]`, p),
  );
  if (options.length === 1) p.add(`${path}.options`, 'needs at least two options');
  uniqueIds(options, `${path}.options`, p);
  const q: QuizQuestion = {
    id: text(o, 'id', path, p),
    chapter: text(o, 'chapter', path, p),
    prompt: text(o, 'prompt', path, p),
    options,
    answer: text(o, 'answer', path, p),
    feedback: text(o, 'feedback', path, p),
    rule: ruleId(o, 'rule', path, p),
    source: sourceKey(o.source, `${path}.source`, p),
  };
  if (q.answer && !options.some((x) => x.id === q.answer))
    p.add(`${path}.answer`, `${JSON.stringify(q.answer)} is not one of the options`);
  if (q.chapter && !chapters.includes(q.chapter))
    p.add(`${path}.chapter`, `${JSON.stringify(q.chapter)} is not a lesson chapter`);
  if (isRecord(o.play)) {
    const play = {
      scenario: text(o.play, 'scenario', `${path}.play`, p),
      play: text(o.play, 'play', `${path}.play`, p),
      variant: optionalText(o.play, 'variant', `${path}.play`, p),
    };
    q.play = play.variant ? play : { scenario: play.scenario, play: play.play };
    if (options.some((x) => !x.outcome))
      p.add(`${path}.options`, 'each option of a question about a play needs an outcome');
  } else if (o.play !== undefined) p.add(`${path}.play`, 'must be an object');
  return q;
}

/** Reads quiz.json against the lesson's chapter ids; `quiz` is set only when nothing is wrong. */
export function parseQuiz(json: unknown, chapters: string[]): { quiz?: Quiz; errors: string[] } {
  const p = new Problems();
  if (!isRecord(json)) return { errors: ['quiz: must be an object'] };
  const passMark = json.passMark;
  if (typeof passMark !== 'number' || !(passMark > 0 && passMark <= 1))
    p.add('quiz.passMark', 'must be a number above 0 and at most 1');
  const quiz: Quiz = {
    title: text(json, 'title', 'quiz', p),
    passMark: typeof passMark === 'number' ? passMark : 0.75,
    questions: records(json, 'questions', 'quiz', p).map((q, i) =>
      readQuestion(q, `quiz.questions[${i}]`, p, chapters),
    ),
  };
  uniqueIds(quiz.questions, 'quiz.questions', p);
  return p.list.length ? { errors: p.list } : { quiz, errors: [] };
}
