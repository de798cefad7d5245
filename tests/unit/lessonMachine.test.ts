// The lesson machine three ways: pure transitions, a running actor, and every path of a small
// lesson walked with xstate/graph. Outcomes in `lesson.played` stand in for the engine's Decision.
import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition, type SnapshotFrom } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import {
  lessonMachine,
  type LessonEvent,
  type LessonInput,
} from '../../src/machines/lessonMachine';

type Snap = SnapshotFrom<typeof lessonMachine>;
const next: LessonEvent = { type: 'lesson.next' };
const prev: LessonEvent = { type: 'lesson.prev' };
const skip: LessonEvent = { type: 'lesson.skip' };
const quiz: LessonEvent = { type: 'lesson.quiz' };
const reset: LessonEvent = { type: 'lesson.reset' };
const predictDenied: LessonEvent = { type: 'lesson.predict', outcome: 'blocked', reason: 'R4' };
const predictAllowed: LessonEvent = { type: 'lesson.predict', outcome: 'allowed' };
const playedDenied: LessonEvent = {
  type: 'lesson.played',
  outcome: 'blocked',
  rules: ['R4', 'R13'],
};
const goto = (chapter: number): LessonEvent => ({ type: 'lesson.goto', chapter });
const answer = (choice: string): LessonEvent => ({ type: 'lesson.answer', choice });

// Chapter 0: one drill; chapter 1: none; chapter 2: two drills. Two quiz questions.
const INPUT: LessonInput = { chapterDrills: [1, 0, 2], quizKey: ['a', 'b'] };

function run(events: LessonEvent[], input: LessonInput = INPUT): Snap {
  return events.reduce(
    (s, e) => transition(lessonMachine, s, e)[0],
    initialTransition(lessonMachine, input)[0],
  );
}
const where = (s: Snap) => [JSON.stringify(s.value), s.context.chapter, s.context.drill];

describe('pure transitions', () => {
  it.each<[string, LessonEvent[], object | string, number, number, LessonInput?]>([
    ['starts reading the first chapter', [], { chapter: 'reading' }, 0, 0],
    ['next from reading asks for a prediction', [next], { chapter: 'predicting' }, 0, 0],
    ['a prediction starts the play', [next, predictDenied], { chapter: 'playing' }, 0, 0],
    [
      'the played outcome reveals',
      [next, predictDenied, playedDenied],
      { chapter: 'revealed' },
      0,
      0,
    ],
    [
      'after the last drill, the next chapter',
      [next, predictDenied, playedDenied, next],
      { chapter: 'reading' },
      1,
      0,
    ],
    ['a chapter without drills moves on', [goto(1), next], { chapter: 'reading' }, 2, 0],
    [
      'a second drill in the same chapter',
      [goto(2), next, skip, playedDenied, next],
      { chapter: 'predicting' },
      2,
      1,
    ],
    [
      'the last chapter leads to the quiz',
      [goto(2), next, skip, playedDenied, next, skip, playedDenied, next],
      { quiz: 'asking' },
      2,
      0,
    ],
    [
      'without the quiz it finishes',
      [goto(2), next, skip, playedDenied, next, skip, playedDenied, next],
      'finished',
      2,
      0,
      { ...INPUT, quizEnabled: false },
    ],
    ['prev goes to the previous chapter', [goto(2), prev], { chapter: 'reading' }, 1, 0],
    ['prev on the first chapter is ignored', [prev], { chapter: 'reading' }, 0, 0],
    ['prev while predicting returns to the text', [next, prev], { chapter: 'reading' }, 0, 0],
    ['an unknown chapter is ignored', [goto(7)], { chapter: 'reading' }, 0, 0],
    ['a fractional chapter is ignored', [goto(1.5)], { chapter: 'reading' }, 0, 0],
    ['played while predicting is ignored', [next, playedDenied], { chapter: 'predicting' }, 0, 0],
    ['the quiz can be opened from anywhere', [next, quiz], { quiz: 'asking' }, 0, 0],
    [
      'the quiz cannot be opened when off',
      [quiz],
      { chapter: 'reading' },
      0,
      0,
      { ...INPUT, quizEnabled: false },
    ],
    ['a trainer start chapter', [], { chapter: 'reading' }, 2, 0, { ...INPUT, startChapter: 2 }],
    [
      'a bad start chapter is the first',
      [],
      { chapter: 'reading' },
      0,
      0,
      { ...INPUT, startChapter: 9 },
    ],
    ['reset', [next, predictDenied, quiz, reset], { chapter: 'reading' }, 0, 0],
  ])('%s', (_name, events, value, chapter, drill, input) => {
    const s = run(events, input);
    expect(where(s)).toEqual([JSON.stringify(value), chapter, drill]);
  });

  it('scores the prediction against the played outcome and the reason against its rules', () => {
    const right = run([next, predictDenied, playedDenied]).context.drills['0.0'];
    expect(right).toEqual({
      predicted: 'blocked',
      reason: 'R4',
      actual: 'blocked',
      outcomeRight: true,
      reasonRight: true,
    });
    const wrong = run([next, predictAllowed, playedDenied]).context.drills['0.0'];
    expect(wrong).toMatchObject({ outcomeRight: false, reasonRight: null });
    const wrongWhy = run([
      next,
      { type: 'lesson.predict', outcome: 'blocked', reason: 'R6' },
      playedDenied,
    ]);
    expect(wrongWhy.context.drills['0.0']).toMatchObject({
      outcomeRight: true,
      reasonRight: false,
    });
  });

  it('a skipped (presenter) drill is revealed but not scored', () => {
    const s = run([next, skip, playedDenied]);
    expect(s.value).toEqual({ chapter: 'revealed' });
    expect(s.context.drills).toEqual({});
  });

  it('quiz answers are checked against the key, then the lesson finishes', () => {
    const s1 = run([quiz, answer('a')]);
    expect(s1.value).toEqual({ quiz: 'answered' });
    expect(s1.context.answers).toEqual({ 0: { choice: 'a', correct: true } });
    const s2 = run([quiz, answer('a'), next, answer('c'), next]);
    expect(s2.value).toBe('finished');
    expect(s2.context.phase).toBe('finished');
    expect(s2.context.answers['1']).toEqual({ choice: 'c', correct: false });
  });

  it('a retake clears the answers and keeps the predictions', () => {
    const s = run([next, predictDenied, playedDenied, quiz, answer('a'), next, answer('c'), next]);
    expect(s.value).toBe('finished');
    const again = transition(lessonMachine, s, { type: 'lesson.retake' })[0];
    expect(again.value).toEqual({ quiz: 'asking' });
    expect(again.context).toMatchObject({ phase: 'quiz', question: 0, answers: {} });
    expect(Object.keys(again.context.drills)).toEqual(['0.0']);
  });

  it.each<[string, LessonInput['resume'], object | string, number]>([
    [
      'a chapter',
      { phase: 'chapter', chapter: 2, question: 0, drills: {}, answers: {} },
      { chapter: 'reading' },
      2,
    ],
    [
      'the quiz',
      { phase: 'quiz', chapter: 2, question: 1, drills: {}, answers: {} },
      { quiz: 'asking' },
      2,
    ],
    [
      'the end',
      { phase: 'finished', chapter: 2, question: 1, drills: {}, answers: {} },
      'finished',
      2,
    ],
    [
      'a chapter out of range',
      { phase: 'chapter', chapter: 40, question: 0, drills: {}, answers: {} },
      { chapter: 'reading' },
      0,
    ],
  ])('resumes at %s', (_name, resume, value, chapter) => {
    const s = run([], { ...INPUT, resume });
    expect(s.value).toEqual(value);
    expect(s.context.chapter).toBe(chapter);
  });
});

describe('running actor', () => {
  it('walks a learner through the whole lesson', () => {
    const actor = createActor(lessonMachine, { input: INPUT }).start();
    const send = (...events: LessonEvent[]) => events.forEach((e) => actor.send(e));
    send(next, predictDenied, playedDenied, next); // chapter 0 → 1
    send(next); // chapter 1 has no drills → 2
    send(next, predictAllowed, playedDenied, next, skip, playedDenied, next);
    expect(actor.getSnapshot().value).toEqual({ quiz: 'asking' });
    send(answer('a'), next, answer('b'), next);
    const s = actor.getSnapshot();
    expect(s.value).toBe('finished');
    expect(Object.keys(s.context.drills).sort()).toEqual(['0.0', '2.0']);
    expect(Object.values(s.context.answers).every((a) => a.correct)).toBe(true);
    actor.stop();
  });
});

describe('every path (one chapter with one drill, one question)', () => {
  const input: LessonInput = { chapterDrills: [1, 0], quizKey: ['a'] };
  const events: LessonEvent[] = [
    next,
    prev,
    skip,
    quiz,
    reset,
    predictDenied,
    playedDenied,
    answer('a'),
    answer('b'),
    goto(0),
    goto(1),
    goto(5),
  ];
  const leaves = [
    'chapter.reading',
    'chapter.predicting',
    'chapter.playing',
    'chapter.revealed',
    'quiz.asking',
    'quiz.answered',
    'finished',
  ];
  const name = (s: Snap) =>
    typeof s.value === 'string'
      ? s.value
      : Object.entries(s.value)
          .map(([k, v]) => `${k}.${v}`)
          .join();

  function assertInvariants(s: Snap) {
    const c = s.context;
    expect(c.chapter).toBeGreaterThanOrEqual(0);
    expect(c.chapter).toBeLessThan(c.chapterDrills.length);
    expect(c.drill).toBeLessThan(Math.max(1, c.chapterDrills[c.chapter]!));
    expect(c.question).toBeLessThan(c.quizKey.length);
    if (name(s) === 'chapter.playing' || name(s) === 'chapter.predicting')
      expect(c.chapterDrills[c.chapter]).toBeGreaterThan(0);
    expect(c.phase).toBe(name(s).split('.')[0]);
    for (const d of Object.values(c.drills)) expect(d.outcomeRight).toBe(d.predicted === d.actual);
  }

  it.each([
    ['shortest', () => getShortestPaths(lessonMachine, { input, events })],
    [
      'simple',
      () =>
        getSimplePaths(lessonMachine, {
          input,
          events: [next, prev, skip, playedDenied, answer('a'), quiz],
        }),
    ],
  ])('%s paths reach every state and keep the invariants', (_kind, paths) => {
    const all = paths();
    expect(new Set(all.map((p) => name(p.state)))).toEqual(new Set(leaves));
    for (const path of all)
      for (const s of [path.state, ...path.steps.map((x) => x.state)]) assertInvariants(s);
  });
});
