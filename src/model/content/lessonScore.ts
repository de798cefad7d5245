// The learner's score: one point per drill whose outcome they predicted, one per quiz answer
// that was right. The maximum counts every drill and (when the quiz is on) every question, so
// skipping does not raise the percentage.
import type { LessonPosition } from './lessonProgress';

export interface LessonScore {
  drillsRight: number;
  drillsTotal: number;
  reasonsRight: number;
  reasonsAsked: number;
  quizRight: number;
  quizTotal: number;
  points: number;
  max: number;
  /** 0…100, rounded. */
  percent: number;
}

export function lessonScore(
  position: Pick<LessonPosition, 'drills' | 'answers'>,
  drillsTotal: number,
  quizTotal: number,
): LessonScore {
  const drills = Object.values(position.drills);
  const answers = Object.values(position.answers);
  const drillsRight = drills.filter((d) => d.outcomeRight).length;
  const reasons = drills.filter((d) => d.reasonRight !== null);
  const quizRight = answers.filter((a) => a.correct).length;
  const points = drillsRight + quizRight;
  const max = drillsTotal + quizTotal;
  return {
    drillsRight,
    drillsTotal,
    reasonsRight: reasons.filter((d) => d.reasonRight).length,
    reasonsAsked: reasons.length,
    quizRight,
    quizTotal,
    points,
    max,
    percent: max > 0 ? Math.round((100 * points) / max) : 0,
  };
}
