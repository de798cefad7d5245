// The knowledge check as data (scenarios/lesson/quiz.json): questions with options, the right
// answer, feedback, the rule and source it rests on and the chapter to go back to. A question
// about an outcome names the play it describes, and each option its outcome, so the engine can
// be asked whether the answer key is right. Checked at build time, in lessonCheck.ts.
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
