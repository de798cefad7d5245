// Keeps lesson progress in localStorage under one namespaced key. Storage may be missing, full
// or throw on access (private mode, sandboxed frames, an LMS's iframe): then progress simply
// lives as long as the page, and nothing is thrown.
import {
  parseProgress,
  type LessonShape,
  type StoredProgress,
} from '../../model/content/lessonProgress';

export const PROGRESS_KEY = 'pat-fence.lesson.v1';

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

  clear(): void {
    try {
      this.#store?.removeItem(PROGRESS_KEY);
    } catch {
      /* nothing kept, nothing to clear */
    }
  }
}
