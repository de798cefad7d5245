// SCORM 1.2 run-time: find the LMS's API object by walking up parent frames (then the opener's),
// as the SCORM 1.2 run-time environment describes, and report status and score through it.
// With no LMS around every call is a no-op, so the same build works as a plain page.
import { looksLikeToken } from '../../model/share/secretScan';
import { tokenNotice } from '../share/tokenNotice.svelte';

/** The SCORM 1.2 API an LMS puts on a parent window as `API`. */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(name: string): string;
  LMSSetValue(name: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError?(): string;
}

interface FrameLike {
  API?: unknown;
  parent?: FrameLike | null;
  opener?: FrameLike | null;
}

const MAX_HOPS = 7; // the ADL sample searches at most this deep

function isApi(v: unknown): v is Scorm12Api {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as Scorm12Api).LMSInitialize === 'function' &&
    typeof (v as Scorm12Api).LMSSetValue === 'function'
  );
}

/** Reading `API` on a cross-origin frame throws; that frame simply has no API for us. */
function apiOf(w: FrameLike): Scorm12Api | undefined {
  try {
    return isApi(w.API) ? w.API : undefined;
  } catch {
    return undefined;
  }
}

function searchUp(start: FrameLike | null | undefined): Scorm12Api | undefined {
  let w = start;
  for (let hops = 0; w && hops <= MAX_HOPS; hops++) {
    const api = apiOf(w);
    if (api) return api;
    let parent: FrameLike | null | undefined;
    try {
      parent = w.parent;
    } catch {
      return undefined;
    }
    if (!parent || parent === w) return undefined;
    w = parent;
  }
  return undefined;
}

export function findApi(win: FrameLike | undefined): Scorm12Api | undefined {
  if (!win) return undefined;
  let opener: FrameLike | null | undefined;
  try {
    opener = win.opener;
  } catch {
    opener = undefined;
  }
  return searchUp(win) ?? searchUp(opener);
}

export interface ScormResult {
  /** 0…100 */
  raw: number;
  passed: boolean;
}

export class ScormSession {
  readonly api: Scorm12Api | undefined;
  #open = false;

  constructor(win: FrameLike | undefined = globalThis as unknown as FrameLike) {
    this.api = findApi(win);
  }

  get connected(): boolean {
    return this.#open;
  }

  #call<T>(fn: (api: Scorm12Api) => T): T | undefined {
    if (!this.api) return undefined;
    try {
      return fn(this.api);
    } catch {
      return undefined; // a broken LMS must not break the lesson
    }
  }

  /**
   * A value read from the LMS, as text: some LMSs answer with numbers, null or objects, or throw;
   * anything but a string or a number reads as '' (SCORM 1.2 says every value is a string).
   */
  #get(name: string): string {
    const v: unknown = this.#call((a) => a.LMSGetValue(name));
    if (typeof v === 'string') return v;
    return typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
  }

  /** Opens the session and marks a first attempt as incomplete. */
  start(): boolean {
    if (this.#open) return true;
    this.#open = this.#call((a) => String(a.LMSInitialize('')) === 'true') ?? false;
    if (!this.#open) return false;
    const status = this.#get('cmi.core.lesson_status');
    if (!status || status === 'not attempted') {
      this.#call((a) => a.LMSSetValue('cmi.core.lesson_status', 'incomplete'));
      this.#call((a) => a.LMSCommit(''));
    }
    return true;
  }

  /** The learner's name as the LMS knows it ("Last, First" in SCORM 1.2), or ''. */
  learnerName(): string {
    if (!this.#open) return '';
    // CMIString255: a longer answer is not a name.
    const raw = this.#get('cmi.core.student_name').slice(0, 255);
    // A name that holds a token is no name: it is not shown, stored or put on a certificate.
    if (looksLikeToken(raw)) {
      tokenNotice.flag('the name the learning platform gave');
      return '';
    }
    const [last, first] = raw.split(',').map((s) => s.trim());
    return first ? `${first} ${last}` : (last ?? '');
  }

  /** Reports the result; `null` when there was no knowledge check (completed, no score). */
  complete(result: ScormResult | null): void {
    if (!this.#open) return;
    if (!result) {
      this.#call((a) => {
        a.LMSSetValue('cmi.core.lesson_status', 'completed');
        a.LMSCommit('');
      });
      return;
    }
    const raw = Math.max(0, Math.min(100, Math.round(result.raw)));
    this.#call((a) => {
      a.LMSSetValue('cmi.core.score.min', '0');
      a.LMSSetValue('cmi.core.score.max', '100');
      a.LMSSetValue('cmi.core.score.raw', String(raw));
      a.LMSSetValue('cmi.core.lesson_status', result.passed ? 'passed' : 'failed');
      a.LMSCommit('');
    });
  }

  finish(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#call((a) => a.LMSFinish(''));
  }
}
