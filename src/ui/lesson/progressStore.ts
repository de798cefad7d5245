// Keeps lesson progress in localStorage under one namespaced key. Storage may be missing, full
// or throw on access (private mode, sandboxed frames, an LMS's iframe): then progress lives as
// long as the page, nothing is thrown, and `notice` says so. A record from a newer version is
// kept as it is: this version never writes over it (until the learner starts over).
import { isRecord } from '../../model/graph/graphFields';
import {
  newerVersion,
  parseProgress,
  type LessonShape,
  type StoredProgress,
} from '../../model/content/lessonProgress';
import { guardValue } from '../../model/share/tokenGuard';

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

export const CANNOT_SAVE =
  "Your progress can't be saved in this browser (its storage is full or turned off): it lasts until this page is closed.";
export const NEWER_RECORD =
  'Progress saved by a newer version of PAT Fence is in this browser; it is kept as it is, so your progress here is not saved.';

export class ProgressStore {
  #store: Store | undefined;
  #notice: string | undefined;
  constructor(store: Store | undefined = defaultStore()) {
    this.#store = store;
  }

  /** Why progress is not being kept, once a load or save found out; undefined while it is. */
  get notice(): string | undefined {
    return this.#notice;
  }

  /** Writes `value` unless a newer version's record is there; false (with a notice) if not kept. */
  #write(value: unknown): boolean {
    try {
      if (!this.#store) throw new Error('no storage');
      if (newerVersion(this.#store.getItem(PROGRESS_KEY)) !== undefined) {
        this.#notice = NEWER_RECORD;
        return false;
      }
      // Nothing that looks like a token is ever stored, whichever way it got into the record.
      this.#store.setItem(PROGRESS_KEY, JSON.stringify(guardValue(value).value));
      this.#notice = undefined;
      return true;
    } catch {
      this.#notice = CANNOT_SAVE;
      return false;
    }
  }

  load(shape: LessonShape, quizKey: string[]): StoredProgress | undefined {
    try {
      const raw = this.#store?.getItem(PROGRESS_KEY);
      if (newerVersion(raw) !== undefined) this.#notice = NEWER_RECORD;
      return parseProgress(raw, shape, quizKey);
    } catch {
      this.#notice = CANNOT_SAVE;
      return undefined;
    }
  }

  save(progress: StoredProgress): boolean {
    return this.#write(progress);
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
    return this.#write({ ...json, challenges: [...solved] });
  }

  #raw(): Record<string, unknown> | undefined {
    try {
      const json: unknown = JSON.parse(this.#store?.getItem(PROGRESS_KEY) ?? 'null');
      return isRecord(json) && json.v === 1 && isRecord(json.position) ? json : undefined;
    } catch {
      return undefined;
    }
  }

  /** Starting over: the learner's choice, so a newer version's record goes too. */
  clear(): void {
    try {
      this.#store?.removeItem(PROGRESS_KEY);
      this.#notice = undefined;
    } catch {
      /* nothing kept, nothing to clear */
    }
  }
}
