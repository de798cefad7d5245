// The SCORM 1.2 adapter: finds the API up the frame chain (or the opener's), reports status and
// score, and is a quiet no-op without an LMS or when the LMS misbehaves.
import { describe, expect, it } from 'vitest';
import { findApi, ScormSession, type Scorm12Api } from '../../src/ui/lesson/scorm';

function fakeApi(values: Record<string, string> = {}) {
  const calls: string[] = [];
  const api: Scorm12Api = {
    LMSInitialize: () => (calls.push('LMSInitialize'), 'true'),
    LMSFinish: () => (calls.push('LMSFinish'), 'true'),
    LMSGetValue: (n) => (calls.push(`get ${n}`), values[n] ?? ''),
    LMSSetValue: (n, v) => (calls.push(`${n}=${v}`), 'true'),
    LMSCommit: () => (calls.push('LMSCommit'), 'true'),
  };
  return { api, calls };
}

type W = { API?: unknown; parent?: W | null; opener?: W | null };
function chain(depth: number, api?: unknown): W {
  const top: W = { API: api };
  top.parent = top;
  let w = top;
  for (let i = 0; i < depth; i++) w = { parent: w };
  return w;
}

describe('findApi', () => {
  it.each([0, 1, 3, 7])('finds the API %s frames up', (depth) => {
    const { api } = fakeApi();
    expect(findApi(chain(depth, api))).toBe(api);
  });

  it('stops after seven hops, then tries the opener', () => {
    const { api } = fakeApi();
    expect(findApi(chain(9, api))).toBeUndefined();
    const w = chain(2);
    w.opener = chain(1, api);
    expect(findApi(w)).toBe(api);
  });

  it('ignores a cross-origin parent that throws, and objects that are not an API', () => {
    const hostile = {
      get API() {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
      parent: null,
    };
    expect(findApi({ parent: hostile })).toBeUndefined();
    expect(findApi(chain(1, { LMSInitialize: 'yes' }))).toBeUndefined();
    expect(findApi(undefined)).toBeUndefined();
  });
});

describe('ScormSession', () => {
  it('initialises, marks the attempt incomplete, reports the score and finishes', () => {
    const { api, calls } = fakeApi({
      'cmi.core.lesson_status': 'not attempted',
      'cmi.core.student_name': 'Hansen, Dana',
    });
    const s = new ScormSession(chain(1, api));
    expect(s.start()).toBe(true);
    expect(s.learnerName()).toBe('Dana Hansen');
    s.complete({ raw: 87.6, passed: true });
    s.finish();
    s.finish();
    expect(calls).toEqual([
      'LMSInitialize',
      'get cmi.core.lesson_status',
      'cmi.core.lesson_status=incomplete',
      'LMSCommit',
      'get cmi.core.student_name',
      'cmi.core.score.min=0',
      'cmi.core.score.max=100',
      'cmi.core.score.raw=88',
      'cmi.core.lesson_status=passed',
      'LMSCommit',
      'LMSFinish',
    ]);
  });

  it.each([
    [
      { raw: 64, passed: false },
      [
        'cmi.core.score.min=0',
        'cmi.core.score.max=100',
        'cmi.core.score.raw=64',
        'cmi.core.lesson_status=failed',
        'LMSCommit',
      ],
    ],
    [null, ['cmi.core.lesson_status=completed', 'LMSCommit']],
  ])('reports %j as %j (the quiz score only; no quiz: completed)', (result, want) => {
    const { api, calls } = fakeApi({ 'cmi.core.lesson_status': 'incomplete' });
    const s = new ScormSession(chain(0, api));
    s.start();
    calls.length = 0;
    s.complete(result);
    expect(calls).toEqual(want);
  });

  it('keeps an earlier status on a later attempt', () => {
    const { api, calls } = fakeApi({ 'cmi.core.lesson_status': 'incomplete' });
    new ScormSession(chain(0, api)).start();
    expect(calls).toEqual(['LMSInitialize', 'get cmi.core.lesson_status']);
  });

  it('is a no-op without an LMS, and survives one that throws', () => {
    const none = new ScormSession(chain(2));
    expect(none.start()).toBe(false);
    expect(() => (none.complete({ raw: 50, passed: false }), none.finish())).not.toThrow();
    const broken = fakeApi().api;
    broken.LMSInitialize = () => {
      throw new Error('LMS down');
    };
    const s = new ScormSession(chain(0, broken));
    expect(s.start()).toBe(false);
    expect(s.connected).toBe(false);
  });
});

describe('an LMS that answers with the wrong types', () => {
  /** An API whose LMSGetValue answers `value` (or throws) for every name. */
  const odd = (get: () => unknown) => {
    const { api, calls } = fakeApi();
    api.LMSGetValue = get as Scorm12Api['LMSGetValue'];
    return { session: new ScormSession({ API: api }), calls };
  };
  it.each<[string, () => unknown, string]>([
    ['a number', () => 42, '42'],
    ['null', () => null, ''],
    ['undefined', () => undefined, ''],
    ['an object', () => ({ first: 'Ada' }), ''],
    ['an array', () => ['Lovelace', 'Ada'], ''],
    ['a boolean', () => true, ''],
    ['NaN', () => NaN, ''],
    [
      'a throwing getter',
      () => {
        throw new TypeError('LMS broke');
      },
      '',
    ],
    ['a 10,000-character string', () => 'x'.repeat(10_000), 'x'.repeat(255)],
    ['a proper name', () => 'Lovelace, Ada', 'Ada Lovelace'],
    // Issue 15: a PAT from the LMS was shown and stored in localStorage.
    ['a PAT (made up)', () => 'k7q2m4x3p3w6t5r5z2v7n4b6c3d2f5g2h7j4l4s3y6u2e5i2o7qa', ''],
    [
      'a name holding a PAT',
      () => 'Lovelace, k7q2m4x3p3w6t5r5z2v7n4b6c3d2f5g2h7j4l4s3y6u2e5i2o7qax',
      '',
    ],
  ])('cmi.core.student_name as %s: no throw, a name or nothing', (_n, get, name) => {
    const { session, calls } = odd(get);
    expect(session.start()).toBe(true);
    expect(session.learnerName()).toBe(name);
    // Whatever the status read as, the session went on and can report.
    expect(() => session.complete({ raw: 80, passed: true })).not.toThrow();
    expect(calls).toContain('cmi.core.lesson_status=passed');
  });
  it('LMSInitialize answering a non-string or throwing leaves the lesson alone', () => {
    for (const init of [
      () => 1,
      () => null,
      () => {
        throw new Error('x');
      },
    ]) {
      const { api } = fakeApi();
      api.LMSInitialize = init as unknown as Scorm12Api['LMSInitialize'];
      const s = new ScormSession({ API: api });
      expect(s.start()).toBe(false);
      expect(s.learnerName()).toBe('');
      expect(() => s.complete({ raw: 80, passed: true })).not.toThrow();
    }
  });
});
