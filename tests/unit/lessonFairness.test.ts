// Fair scoring: predictions are practice, the quiz alone decides a pass, each attempt's option
// order is seeded and deterministic, and answering the same position every time cannot pass.
import { describe, expect, it } from 'vitest';
import { completionRecord } from '../../src/model/content/lessonRecord';
import { chaptersToReview, lessonScore } from '../../src/model/content/lessonScore';
import { prng, quizOrder, readSeed } from '../../src/model/content/quizOrder';
import { content } from './support/lessonContent';

const lesson = content.lesson!;
const quiz = content.quiz!;
const SEEDS = [1, 2, 3, 42, 1234, 99999, 0xdeadbeef, 0xffffffff];

describe('quizOrder', () => {
  it('is deterministic in its seed and keeps every option', () => {
    expect(quizOrder(quiz.questions, 7)).toEqual(quizOrder(quiz.questions, 7));
    expect(quizOrder(quiz.questions, 7)).not.toEqual(quizOrder(quiz.questions, 8));
    quizOrder(quiz.questions, 7).forEach((order, i) =>
      expect([...order].sort()).toEqual(quiz.questions[i]!.options.map((o) => o.id).sort()),
    );
  });

  it('the PRNG gives numbers in [0, 1) and repeats for a seed', () => {
    const a = prng(5);
    const b = prng(5);
    for (let i = 0; i < 100; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  const positions = Math.max(...quiz.questions.map((q) => q.options.length));
  it.each(SEEDS.flatMap((seed) => Array.from({ length: positions }, (_, at) => [seed, at])))(
    'seed %i: always answering position %i gets at most half right and does not pass',
    (seed, at) => {
      const order = quizOrder(quiz.questions, seed);
      const answers = Object.fromEntries(
        order.map((o, i) => {
          const choice = o[Math.min(at, o.length - 1)]!;
          return [String(i), { choice, correct: choice === quiz.questions[i]!.answer }];
        }),
      );
      const right = Object.values(answers).filter((a) => a.correct).length;
      expect(right).toBeLessThanOrEqual(quiz.questions.length / 2);
      expect(lessonScore({ drills: {}, answers }, 0, quiz.questions.length).passed).toBe(false);
    },
  );

  it.each([
    [3.5, undefined],
    [-1, undefined],
    [2 ** 32, undefined],
    ['7', undefined],
    [7, 7],
    [0, 0],
  ])('readSeed(%j) is %j', (v, want) => expect(readSeed(v)).toBe(want));
});

describe('lessonScore', () => {
  const allRight = Object.fromEntries(
    quiz.questions.map((q, i) => [String(i), { choice: q.answer, correct: true }]),
  );
  const wrongDrill = {
    predicted: 'allowed',
    actual: 'blocked',
    outcomeRight: false,
    reasonRight: null,
  } as const;

  it.each([
    // [quiz right of 14, passed]
    [14, true],
    [11, true],
    [10, false],
    [0, false],
  ])('%i of 14 right: passed is %s, whatever the predictions', (n, passed) => {
    const answers = Object.fromEntries(
      Object.entries(allRight).map(([k, a]) => [k, { ...a, correct: Number(k) < n }]),
    );
    const s = lessonScore({ drills: { '0.0': wrongDrill } as never, answers }, 13, 14, 0.75);
    expect(s).toMatchObject({ points: n, max: 14, passed, passPercent: 75, passPoints: 11 });
    expect(s.drillsRight).toBe(0); // practice, shown
  });

  it('predictions never count: all predictions right and no quiz is not a pass', () => {
    const drills = { '0.0': { ...wrongDrill, predicted: 'blocked', outcomeRight: true } } as never;
    expect(lessonScore({ drills, answers: {} }, 1, 14)).toMatchObject({
      drillsRight: 1,
      points: 0,
      percent: 0,
      passed: false,
    });
    expect(lessonScore({ drills, answers: {} }, 1, 0).passed).toBe(false);
  });

  it('names the chapters to review, in lesson order, each once', () => {
    const answers = { ...allRight };
    const ids = lesson.chapters.map((c) => c.id);
    expect(chaptersToReview(quiz, answers, ids)).toEqual([]);
    const missed = quiz.questions
      .map((q, i) => [q, i] as const)
      .filter(([q]) => q.chapter === 'turn-it-on');
    for (const [, i] of missed) answers[String(i)] = { choice: 'x', correct: false };
    delete answers['0'];
    expect(chaptersToReview(quiz, answers, ids)).toEqual([
      quiz.questions[0]!.chapter,
      'turn-it-on',
    ]);
  });

  it('the record says passed or not, and what to review', () => {
    const position = {
      phase: 'finished',
      chapter: 0,
      question: 0,
      drills: {},
      answers: {},
    } as const;
    const score = lessonScore(position, 13, 14);
    const rec = completionRecord(lesson, quiz, position, score, 'Dana', '2026-11-02');
    expect(rec).toMatchObject({ version: 2, passed: false, passMark: 0.75 });
    expect(rec.review.length).toBeGreaterThan(0);
  });
});
