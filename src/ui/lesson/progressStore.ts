// Keeps lesson progress in localStorage under one namespaced key. Storage may be missing, full
// or throw on access (private mode, sandboxed frames, an LMS's iframe): then progress simply
// lives as long as the page, and nothing is thrown.
import { isRecord } from '../../model/graph/graphFields';
import {
  parseProgress,
  type LessonShape,
  type StoredProgress,
} from '../../model/content/lessonProgress';

export const PROGRESS_KEY = 'pat-fence.lesson.v1';

const EMPTY: StoredProgress = {
  v: 1,
  position: { phase: 'chapter', chapter: 0, question: 0, drills: {}, answers: {} },
  name: '',
};

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function defaultStore(): Store | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // reading the property itself throws in some sandboxes
  }
}

export class ProgressStore {
  #store: Store | undefined;
  constructor(store: Store | undefined = defaultStore()) {
    this.#store = store;
  }

  load(shape: LessonShape, quizKey: string[]): StoredProgress | undefined {
    try {
      return parseProgress(this.#store?.getItem(PROGRESS_KEY), shape, quizKey);
    } catch {
      return undefined;
    }
  }

  save(progress: StoredProgress): boolean {
    try {
      this.#store?.setItem(PROGRESS_KEY, JSON.stringify(progress));
      return !!this.#store;
    } catch {
      return false;
    }
  }

  /** The build-the-fence challenges solved, kept in the lesson's record. */
  solvedChallenges(): string[] {
    const json = this.#raw();
    return Array.isArray(json?.challenges)
      ? json.challenges.filter((c): c is string => typeof c === 'string')
      : [];
  }

  /** Adds a solved challenge to the lesson's record (starting one if there is none). */
  markSolved(id: string): boolean {
    const json = this.#raw() ?? { ...EMPTY, position: { ...EMPTY.position } };
    const solved = new Set(Array.isArray(json.challenges) ? json.challenges : []);
    solved.add(id);
    try {
      this.#store?.setItem(PROGRESS_KEY, JSON.stringify({ ...json, challenges: [...solved] }));
      return !!this.#store;
    } catch {
      return false;
    }
  }

  #raw(): Record<string, unknown> | undefined {
    try {
      const json: unknown = JSON.parse(this.#store?.getItem(PROGRESS_KEY) ?? 'null');
      return isRecord(json) && json.v === 1 && isRecord(json.position) ? json : undefined;
    } catch {
      return undefined;
    }
  }

  clear(): void {
    try {
      this.#store?.removeItem(PROGRESS_KEY);
    } catch {
      /* nothing kept, nothing to clear */
    }
  }
}
