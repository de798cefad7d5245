// The learner's score. Only the knowledge check counts toward the pass mark: predictions are made
// before a topic is taught, so they are practice, tallied and shown but never scored. The maximum
// counts every question, so skipping does not raise the percentage.
import type { LessonPosition } from './lessonProgress';
import type { Quiz } from './quiz';

export interface LessonScore {
  /** Practice: predictions right, of every drill. */
  drillsRight: number;
  drillsTotal: number;
  reasonsRight: number;
  reasonsAsked: number;
  quizRight: number;
  quizTotal: number;
  /** The scored part: quiz answers right, of every question. */
  points: number;
  max: number;
  /** 0…100, rounded; the quiz only. */
  percent: number;
  /** The pass mark in percent (75 for 0.75). */
  passPercent: number;
  /** Right answers needed to pass. */
  passPoints: number;
  /** Only with a knowledge check: without one there is nothing to pass. */
  passed: boolean;
}

export function lessonScore(
  position: Pick<LessonPosition, 'drills' | 'answers'>,
  drillsTotal: number,
  quizTotal: number,
  passMark = 0.75,
): LessonScore {
  const drills = Object.values(position.drills);
  const answers = Object.values(position.answers);
  const drillsRight = drills.filter((d) => d.outcomeRight).length;
  const reasons = drills.filter((d) => d.reasonRight !== null);
  const quizRight = quizTotal > 0 ? answers.filter((a) => a.correct).length : 0;
  const percent = quizTotal > 0 ? Math.round((100 * quizRight) / quizTotal) : 0;
  const passPercent = Math.round(passMark * 100);
  return {
    drillsRight,
    drillsTotal,
    reasonsRight: reasons.filter((d) => d.reasonRight).length,
    reasonsAsked: reasons.length,
    quizRight,
    quizTotal,
    points: quizRight,
    max: quizTotal,
    percent,
    passPercent,
    passPoints: Math.ceil((passPercent * quizTotal) / 100),
    passed: quizTotal > 0 && percent >= passPercent,
  };
}

/** The chapters whose questions were missed or not answered, in lesson order, each once. */
export function chaptersToReview(
  quiz: Pick<Quiz, 'questions'>,
  answers: LessonPosition['answers'],
  chapterIds: readonly string[],
): string[] {
  const missed = new Set(
    quiz.questions.filter((q, i) => !answers[String(i)]?.correct).map((q) => q.chapter),
  );
  return chapterIds.filter((id) => missed.has(id));
}
