// The knowledge check under test: enough questions, each resting on a real rule and source,
// linking back to a real chapter, and where a question is about an outcome, the engine agrees.
import { describe, expect, it } from 'vitest';
import { parseLesson, parseQuiz } from '../../src/model/content/lessonCheck';
import type { Quiz } from '../../src/model/content/quiz';
import { RULES } from '../../src/model/engine/rules';
import { runPlay } from '../../src/model/content/scenario';
import { resolveDrill } from '../../src/model/content/lesson';
import { SOURCES } from '../../src/model/engine/sources';
import { catalog, lessonJson, quizJson } from './support/lessonContent';

const chapters = parseLesson(lessonJson, catalog.scenarios).lesson!.chapters.map((c) => c.id);

function quiz(): Quiz {
  const r = parseQuiz(quizJson, chapters, catalog.scenarios);
  expect(r.errors).toEqual([]);
  return r.quiz!;
}

describe('quiz.json', () => {
  it('has at least 12 questions with distinct ids', () => {
    expect(quiz().questions.length).toBeGreaterThanOrEqual(12);
  });

  it('covers most chapters', () => {
    expect(new Set(quiz().questions.map((q) => q.chapter)).size).toBeGreaterThanOrEqual(8);
  });

  it.each(quiz().questions.map((q) => [q.id, q] as const))(
    '%s: rule, source and chapter exist; the answer is an option',
    (_id, q) => {
      expect(Object.keys(RULES)).toContain(q.rule);
      expect(Object.keys(SOURCES)).toContain(q.source);
      expect(chapters).toContain(q.chapter);
      expect(q.options.map((o) => o.id)).toContain(q.answer);
      expect(q.feedback.length).toBeGreaterThan(20);
    },
  );

  const outcomeQuestions = quiz().questions.filter((q) => q.play);
  it('asks about outcomes at least five times', () =>
    expect(outcomeQuestions.length).toBeGreaterThanOrEqual(5));

  it.each(outcomeQuestions.map((q) => [q.id, q] as const))(
    '%s: the engine agrees with the answer key',
    (_id, q) => {
      const found = resolveDrill({ ...q.play!, reasons: [] }, catalog.scenarios);
      if (typeof found === 'string') throw new Error(found);
      const r = runPlay(found.scenario, found.play, found.variant);
      if (!r.ok) throw new Error(r.error);
      const right = q.options.find((o) => o.id === q.answer)!;
      expect(right.outcome).toBe(r.value.outcome);
      // No other option claims the same outcome.
      expect(q.options.filter((o) => o.outcome === r.value.outcome)).toHaveLength(1);
    },
  );
});

describe('parseQuiz rejects bad content with the file and the path', () => {
  type Q = { passMark: unknown; questions: Record<string, unknown>[] };
  it.each<[string, (j: Q) => void, RegExp]>([
    [
      'unknown rule',
      (j) => (j.questions[0]!.rule = 'R0'),
      /^quiz\.json: questions\[0\]\.rule: "R0" is not a rule id/,
    ],
    [
      'unknown source',
      (j) => (j.questions[0]!.source = 'BLOG'),
      /questions\[0\]\.source: "BLOG" is not a source key/,
    ],
    [
      'answer not an option',
      (j) => (j.questions[1]!.answer = 'z'),
      /questions\[1\]\.answer: "z" is not one of the options/,
    ],
    [
      'unknown chapter',
      (j) => (j.questions[2]!.chapter = 'intro'),
      /questions\[2\]\.chapter: "intro" is not a lesson chapter/,
    ],
    [
      'outcome question without outcomes',
      (j) => (j.questions[0]!.play = { scenario: 'policy-on', play: 'cafe-pat' }),
      /questions\[0\]\.options\[0\]\.outcome: missing/,
    ],
    [
      'bad outcome',
      (j) => ((j.questions[1]!.options as Record<string, unknown>[])[0]!.outcome = 'maybe'),
      /options\[0\]\.outcome: "maybe" is not one of allowed, blocked, mfa-required/,
    ],
    ['bad pass mark', (j) => (j.passMark = 7), /^quiz\.json: passMark: 7 must be <= 1$/],
    [
      'duplicate id',
      (j) => (j.questions[1]!.id = j.questions[0]!.id),
      /questions\[1\]\.id: "q-scope" repeats the id of questions\[0\]/,
    ],
    ['pass mark of 0', (j) => (j.passMark = 0), /passMark: 0 must be > 0$/],
    [
      'answer key the engine disagrees with',
      (j) => {
        const q = j.questions.find((x) => x.play)!;
        q.answer = (q.options as { id: string }[]).find((o) => o.id !== q.answer)!.id;
      },
      /questions\[\d+\]\.answer: the engine answers [a-z-]+, not [a-z-]+ \(option "/,
    ],
    [
      'play that does not exist',
      (j) => {
        const q = j.questions.find((x) => x.play)!;
        q.play = { scenario: 'policy-on', play: 'nope' };
      },
      /questions\[\d+\]\.play: play "nope" is not in scenario policy-on/,
    ],
    [
      'duplicate option id',
      (j) => {
        const options = j.questions[0]!.options as { id: string }[];
        options[1]!.id = options[0]!.id;
      },
      /questions\[0\]\.options\[1\]\.id: "[a-z0-9-]+" repeats the id of questions\[0\]\.options\[0\]/,
    ],
  ])('%s', (_name, change, message) => {
    const j = structuredClone(quizJson) as Q;
    change(j);
    const r = parseQuiz(j, chapters, catalog.scenarios);
    expect(r.quiz).toBeUndefined();
    expect(r.errors.join('\n')).toMatch(message);
  });
});
