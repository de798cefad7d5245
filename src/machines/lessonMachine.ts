// The guided lesson's interaction state: which chapter, which drill, what the learner predicted,
// which quiz question, and what they got right. It never decides an outcome: the view runs the
// engine and sends `lesson.played` with the Decision's outcome and the rules it turned on.

import { assign, setup } from 'xstate';
import type { DrillResult, LessonPosition } from '../model/content/lessonProgress';
import type { Outcome, RuleId } from '../model/engine/types';

export type { DrillResult, LessonPosition, QuizResult } from '../model/content/lessonProgress';

export interface Prediction {
  outcome: Outcome;
  /** The rule behind the learner's "why", when the drill asks for one. */
  reason?: RuleId;
}

export interface LessonInput {
  /** Drill count per chapter, in order. */
  chapterDrills: number[];
  /** The right option id of each quiz question, in order. */
  quizKey: string[];
  quizEnabled?: boolean;
  startChapter?: number;
  resume?: LessonPosition;
}

export interface LessonContext extends LessonPosition {
  chapterDrills: number[];
  quizKey: string[];
  quizEnabled: boolean;
  drill: number;
  prediction: Prediction | null;
}

export type LessonEvent =
  | { type: 'lesson.next' }
  | { type: 'lesson.prev' }
  | { type: 'lesson.goto'; chapter: number }
  | { type: 'lesson.quiz' }
  | { type: 'lesson.predict'; outcome: Outcome; reason?: RuleId }
  | { type: 'lesson.skip' }
  | { type: 'lesson.played'; outcome: Outcome; rules: RuleId[] }
  | { type: 'lesson.answer'; choice: string }
  /** A new attempt at the knowledge check: its answers are cleared, the predictions kept. */
  | { type: 'lesson.retake' }
  | { type: 'lesson.reset' };

export const drillKey = (chapter: number, drill: number) => `${chapter}.${drill}`;

const inRange = (n: unknown, count: number): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < count;

function initialContext(input: LessonInput): LessonContext {
  const chapters = input.chapterDrills.length;
  const quizEnabled = (input.quizEnabled ?? true) && input.quizKey.length > 0;
  const r = input.resume;
  const start = inRange(input.startChapter, chapters) ? input.startChapter : 0;
  const phase = r?.phase === 'quiz' && !quizEnabled ? 'chapter' : (r?.phase ?? 'chapter');
  return {
    chapterDrills: input.chapterDrills,
    quizKey: input.quizKey,
    quizEnabled,
    // A trainer's start chapter wins over a resumed position.
    phase,
    chapter:
      input.startChapter !== undefined || !r ? start : inRange(r.chapter, chapters) ? r.chapter : 0,
    question: r && inRange(r.question, input.quizKey.length) ? r.question : 0,
    drills: r?.drills ?? {},
    answers: r?.answers ?? {},
    drill: 0,
    prediction: null,
  };
}

export const lessonMachine = setup({
  types: {
    context: {} as LessonContext,
    events: {} as LessonEvent,
    input: {} as LessonInput,
  },
  guards: {
    chapterHasDrills: ({ context }) => (context.chapterDrills[context.chapter] ?? 0) > 0,
    hasMoreDrills: ({ context }) =>
      context.drill + 1 < (context.chapterDrills[context.chapter] ?? 0),
    hasNextChapter: ({ context }) => context.chapter + 1 < context.chapterDrills.length,
    hasPrevChapter: ({ context }) => context.chapter > 0,
    quizEnabled: ({ context }) => context.quizEnabled,
    isKnownChapter: ({ context, event }) =>
      event.type === 'lesson.goto' && inRange(event.chapter, context.chapterDrills.length),
    hasMoreQuestions: ({ context }) => context.question + 1 < context.quizKey.length,
    hasPrevQuestion: ({ context }) => context.question > 0,
    resumesQuiz: ({ context }) => context.phase === 'quiz' && context.quizEnabled,
    resumesFinished: ({ context }) => context.phase === 'finished',
  },
  actions: {
    firstDrill: assign({ drill: 0, prediction: null }),
    nextDrill: assign({ drill: ({ context }) => context.drill + 1, prediction: null }),
    nextChapter: assign({
      chapter: ({ context }) => context.chapter + 1,
      drill: 0,
      prediction: null,
    }),
    prevChapter: assign({
      chapter: ({ context }) => context.chapter - 1,
      drill: 0,
      prediction: null,
    }),
    gotoChapter: assign({
      chapter: ({ context, event }) =>
        event.type === 'lesson.goto' ? event.chapter : context.chapter,
      drill: 0,
      prediction: null,
    }),
    enterChapters: assign({ phase: 'chapter' }),
    enterQuiz: assign({ phase: 'quiz', drill: 0, prediction: null }),
    enterFinished: assign({ phase: 'finished', drill: 0, prediction: null }),
    predict: assign({
      prediction: ({ context, event }) =>
        event.type === 'lesson.predict'
          ? { outcome: event.outcome, ...(event.reason ? { reason: event.reason } : {}) }
          : context.prediction,
    }),
    forgetPrediction: assign({ prediction: null }),
    recordDrill: assign({
      drills: ({ context, event }) => {
        const p = context.prediction;
        if (event.type !== 'lesson.played' || !p) return context.drills;
        const result: DrillResult = {
          predicted: p.outcome,
          ...(p.reason ? { reason: p.reason } : {}),
          actual: event.outcome,
          outcomeRight: p.outcome === event.outcome,
          reasonRight: p.reason ? event.rules.includes(p.reason) : null,
        };
        return { ...context.drills, [drillKey(context.chapter, context.drill)]: result };
      },
    }),
    recordAnswer: assign({
      answers: ({ context, event }) =>
        event.type === 'lesson.answer'
          ? {
              ...context.answers,
              [String(context.question)]: {
                choice: event.choice,
                correct: context.quizKey[context.question] === event.choice,
              },
            }
          : context.answers,
    }),
    nextQuestion: assign({ question: ({ context }) => context.question + 1 }),
    prevQuestion: assign({ question: ({ context }) => context.question - 1 }),
    clearAnswers: assign({ answers: {}, question: 0 }),
    clearAll: assign({
      phase: 'chapter',
      chapter: 0,
      drill: 0,
      question: 0,
      prediction: null,
      drills: {},
      answers: {},
    }),
  },
}).createMachine({
  id: 'lesson',
  initial: 'start',
  context: ({ input }) => initialContext(input),
  on: {
    'lesson.goto': {
      guard: 'isKnownChapter',
      target: '.chapter.reading',
      actions: ['gotoChapter', 'enterChapters'],
    },
    'lesson.quiz': { guard: 'quizEnabled', target: '.quiz.asking', actions: 'enterQuiz' },
    'lesson.retake': {
      guard: 'quizEnabled',
      target: '.quiz.asking',
      actions: ['clearAnswers', 'enterQuiz'],
    },
    'lesson.reset': { target: '.chapter.reading', actions: 'clearAll' },
  },
  states: {
    // Resuming: go straight to where the learner was.
    start: {
      always: [
        { guard: 'resumesFinished', target: 'finished' },
        { guard: 'resumesQuiz', target: 'quiz' },
        { target: 'chapter', actions: 'enterChapters' },
      ],
    },
    chapter: {
      initial: 'reading',
      states: {
        reading: {
          on: {
            'lesson.next': [
              { guard: 'chapterHasDrills', target: 'predicting', actions: 'firstDrill' },
              { target: '#lesson.advancing' },
            ],
            'lesson.prev': {
              guard: 'hasPrevChapter',
              target: 'reading',
              reenter: true,
              actions: 'prevChapter',
            },
          },
        },
        predicting: {
          on: {
            'lesson.predict': { target: 'playing', actions: 'predict' },
            // The presenter reveals without a prediction: nothing is scored.
            'lesson.skip': { target: 'playing', actions: 'forgetPrediction' },
            'lesson.prev': { target: 'reading', actions: 'firstDrill' },
          },
        },
        playing: {
          on: {
            'lesson.played': { target: 'revealed', actions: 'recordDrill' },
            'lesson.prev': { target: 'predicting', actions: 'forgetPrediction' },
          },
        },
        revealed: {
          on: {
            'lesson.next': [
              { guard: 'hasMoreDrills', target: 'predicting', actions: 'nextDrill' },
              { target: '#lesson.advancing' },
            ],
            'lesson.prev': { target: 'reading', actions: 'firstDrill' },
          },
        },
      },
    },
    // The end of a chapter: the next one, the quiz, or the end.
    advancing: {
      always: [
        { guard: 'hasNextChapter', target: 'chapter', actions: 'nextChapter' },
        { guard: 'quizEnabled', target: 'quiz', actions: 'enterQuiz' },
        { target: 'finished', actions: 'enterFinished' },
      ],
    },
    quiz: {
      initial: 'asking',
      states: {
        asking: {
          on: {
            'lesson.answer': { target: 'answered', actions: 'recordAnswer' },
            'lesson.prev': {
              guard: 'hasPrevQuestion',
              target: 'asking',
              reenter: true,
              actions: 'prevQuestion',
            },
          },
        },
        answered: {
          on: {
            'lesson.next': [
              { guard: 'hasMoreQuestions', target: 'asking', actions: 'nextQuestion' },
              { target: '#lesson.finished', actions: 'enterFinished' },
            ],
          },
        },
      },
    },
    finished: {
      on: {
        'lesson.prev': { guard: 'quizEnabled', target: 'quiz', actions: 'enterQuiz' },
      },
    },
  },
});

export type LessonMachine = typeof lessonMachine;
