// Lesson progress as it is kept in the browser: where the learner is and what they answered.
// Whatever comes back from storage is checked field by field; anything odd is dropped, never
// thrown, so a tampered or half-written entry costs the learner their place, not the page.
import { isRecord } from '../graph/graphFields';
import { readSeed } from './quizOrder';
import { RULES } from '../engine/rules';
import type { Outcome, RuleId } from '../engine/types';

export interface DrillResult {
  predicted: Outcome;
  reason?: RuleId;
  actual: Outcome;
  outcomeRight: boolean;
  /** null when no reason was asked for or given. */
  reasonRight: boolean | null;
}

export interface QuizResult {
  choice: string;
  correct: boolean;
}

export interface LessonPosition {
  phase: 'chapter' | 'quiz' | 'finished';
  chapter: number;
  question: number;
  /** By drill key `chapter.drill`. */
  drills: Record<string, DrillResult>;
  /** By question index. */
  answers: Record<string, QuizResult>;
}

export interface StoredProgress {
  v: 1;
  position: LessonPosition;
  name: string;
  /** ISO date the lesson was finished on (stamped by the view, which may read the clock). */
  completedAt?: string;
  /** The seed of this attempt's option order (made by the view; see quizOrder). */
  seed?: number;
  /** Ids of the build-the-fence challenges solved. */
  challenges?: string[];
}

export interface LessonShape {
  chapterDrills: number[];
  questions: number;
}

const OUTCOMES: readonly unknown[] = ['allowed', 'blocked', 'mfa-required'];
const PHASES: readonly unknown[] = ['chapter', 'quiz', 'finished'];
const isIndex = (n: unknown, count: number): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < count;

function readDrill(v: unknown): DrillResult | undefined {
  if (!isRecord(v) || !OUTCOMES.includes(v.predicted) || !OUTCOMES.includes(v.actual)) return;
  const reason = typeof v.reason === 'string' && Object.hasOwn(RULES, v.reason) ? v.reason : null;
  const predicted = v.predicted as Outcome;
  const actual = v.actual as Outcome;
  // Right or wrong is recomputed, so a hand-edited entry cannot award itself points.
  return {
    predicted,
    ...(reason ? { reason: reason as RuleId } : {}),
    actual,
    outcomeRight: predicted === actual,
    reasonRight: reason && typeof v.reasonRight === 'boolean' ? v.reasonRight : null,
  };
}

function readEntries<T>(
  v: unknown,
  keep: (k: string) => boolean,
  read: (x: unknown) => T | undefined,
) {
  const out: Record<string, T> = {};
  if (!isRecord(v)) return out;
  for (const [k, x] of Object.entries(v)) {
    const r = keep(k) ? read(x) : undefined;
    if (r) out[k] = r;
  }
  return out;
}

/**
 * The version of a record written by a newer PAT Fence (`"v": 2` and up), which this one must
 * keep as it is rather than overwrite; undefined for anything else, damaged records included.
 */
export function newerVersion(raw: string | null | undefined): number | undefined {
  if (!raw) return undefined;
  try {
    const v: unknown = (JSON.parse(raw) as { v?: unknown } | null)?.v;
    return typeof v === 'number' && Number.isInteger(v) && v > 1 ? v : undefined;
  } catch {
    return undefined;
  }
}

// A challenge id as the challenge schema has it (hyphenated words), each word short enough that
// no stored id can carry a token's 52-character run.
const CHALLENGE_ID = /^[a-z0-9]{1,40}(-[a-z0-9]{1,40})*$/;

/** Reads what storage held; undefined when there is nothing usable. */
export function parseProgress(
  raw: string | null | undefined,
  shape: LessonShape,
  quizKey: string[],
): StoredProgress | undefined {
  if (!raw) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isRecord(json) || json.v !== 1 || !isRecord(json.position)) return undefined;
  const p = json.position;
  const chapters = shape.chapterDrills.length;
  const drills = readEntries(
    p.drills,
    (k) => {
      const [c, d] = k.split('.').map(Number);
      return isIndex(c, chapters) && isIndex(d, shape.chapterDrills[c!]!) && k === `${c}.${d}`;
    },
    readDrill,
  );
  const answers = readEntries(
    p.answers,
    (k) => isIndex(Number(k), shape.questions) && k === String(Number(k)),
    (x) =>
      isRecord(x) && typeof x.choice === 'string'
        ? { choice: x.choice, correct: false }
        : undefined,
  );
  for (const [k, a] of Object.entries(answers)) a.correct = quizKey[Number(k)] === a.choice;
  const completedAt =
    typeof json.completedAt === 'string' && /^\d{4}-\d\d-\d\d/.test(json.completedAt)
      ? json.completedAt
      : undefined;
  const seed = readSeed(json.seed);
  const challenges = Array.isArray(json.challenges)
    ? [
        ...new Set(
          json.challenges.filter(
            (c): c is string => typeof c === 'string' && c.length <= 60 && CHALLENGE_ID.test(c),
          ),
        ),
      ]
    : [];
  return {
    v: 1,
    position: {
      phase: PHASES.includes(p.phase) ? (p.phase as LessonPosition['phase']) : 'chapter',
      chapter: isIndex(p.chapter, chapters) ? p.chapter : 0,
      question: isIndex(p.question, shape.questions) ? p.question : 0,
      drills,
      answers,
    },
    name: typeof json.name === 'string' ? json.name.slice(0, 120) : '',
    ...(completedAt ? { completedAt } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(challenges.length ? { challenges } : {}),
  };
}
