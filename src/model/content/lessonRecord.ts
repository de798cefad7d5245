// The record a learner downloads: who, when, the score (the knowledge check only; predictions are
// practice), pass or not yet, the chapters to review, and every answer, in a versioned JSON shape
// a trainer's script can read.
import type { Lesson } from './lesson';
import type { LessonPosition } from './lessonProgress';
import { chaptersToReview, type LessonScore } from './lessonScore';
import type { Quiz } from './quiz';

export interface CompletionRecord {
  kind: 'pat-fence-completion';
  version: 2;
  lesson: string;
  name: string;
  completedAt: string;
  score: LessonScore;
  passMark: number;
  passed: boolean;
  /** Chapter ids to go back to (questions missed); empty on a full score. */
  review: string[];
  drills: {
    chapter: string;
    scenario: string;
    play: string;
    variant?: string;
    predicted: string;
    actual: string;
    outcomeRight: boolean;
    reasonRight: boolean | null;
  }[];
  quiz: { question: string; choice: string; correct: boolean }[];
}

export function completionRecord(
  lesson: Lesson,
  quiz: Quiz | undefined,
  position: LessonPosition,
  score: LessonScore,
  name: string,
  completedAt: string,
): CompletionRecord {
  const passMark = quiz?.passMark ?? 0.75;
  return {
    kind: 'pat-fence-completion',
    version: 2,
    lesson: lesson.title,
    name,
    completedAt,
    score,
    passMark,
    passed: score.passed,
    review: quiz
      ? chaptersToReview(
          quiz,
          position.answers,
          lesson.chapters.map((c) => c.id),
        )
      : [],
    drills: lesson.chapters.flatMap((c, ci) =>
      c.drills.flatMap((d, di) => {
        const r = position.drills[`${ci}.${di}`];
        if (!r) return [];
        return [
          {
            chapter: c.id,
            scenario: d.scenario,
            play: d.play,
            ...(d.variant ? { variant: d.variant } : {}),
            predicted: r.predicted,
            actual: r.actual,
            outcomeRight: r.outcomeRight,
            reasonRight: r.reasonRight,
          },
        ];
      }),
    ),
    quiz: (quiz?.questions ?? []).flatMap((q, i) => {
      const a = position.answers[String(i)];
      return a ? [{ question: q.id, choice: a.choice, correct: a.correct }] : [];
    }),
  };
}
