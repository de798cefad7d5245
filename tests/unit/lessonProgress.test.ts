// Progress kept in the browser: what comes back from storage is checked, never trusted, and
// storage that is missing or throws costs nothing but the saved place.
import { describe, expect, it } from 'vitest';
import { parseProgress, type StoredProgress } from '../../src/model/content/lessonProgress';
import { lessonScore } from '../../src/model/content/lessonScore';
import {
  CANNOT_SAVE,
  NEWER_RECORD,
  PROGRESS_KEY,
  ProgressStore,
} from '../../src/ui/lesson/progressStore';
import { newerVersion } from '../../src/model/content/lessonProgress';

const shape = { chapterDrills: [1, 0, 2], questions: 2 };
const key = ['a', 'b'];
const good: StoredProgress = {
  v: 1,
  position: {
    phase: 'quiz',
    chapter: 2,
    question: 1,
    drills: {
      '0.0': {
        predicted: 'blocked',
        reason: 'R4',
        actual: 'blocked',
        outcomeRight: true,
        reasonRight: true,
      },
    },
    answers: { 0: { choice: 'a', correct: true } },
  },
  name: 'Dana',
  completedAt: '2026-11-02',
};

describe('parseProgress', () => {
  it('round-trips good progress', () => {
    expect(parseProgress(JSON.stringify(good), shape, key)).toEqual(good);
  });

  it.each([null, '', '{', 'null', '[]', '{"v":2,"position":{}}', '{"v":1}'])(
    'nothing usable in %j',
    (raw) => expect(parseProgress(raw, shape, key)).toBeUndefined(),
  );

  it('drops or repairs every tampered field', () => {
    const bad = {
      v: 1,
      position: {
        phase: 'hacked',
        chapter: 99,
        question: -1,
        drills: {
          '0.0': { predicted: 'allowed', actual: 'blocked', outcomeRight: true, reasonRight: true },
          '1.0': { predicted: 'allowed', actual: 'allowed' }, // chapter 1 has no drills
          '2.5': { predicted: 'allowed', actual: 'allowed' },
          '2.0': { predicted: 'maybe', actual: 'allowed' },
          __proto__x: 1,
        },
        answers: { 0: { choice: 'b', correct: true }, 1: { choice: 7 }, 9: { choice: 'a' } },
      },
      name: 42,
      completedAt: '<script>',
    };
    expect(parseProgress(JSON.stringify(bad), shape, key)).toEqual({
      v: 1,
      position: {
        phase: 'chapter',
        chapter: 0,
        question: 0,
        drills: {
          '0.0': {
            predicted: 'allowed',
            actual: 'blocked',
            outcomeRight: false,
            reasonRight: null,
          },
        },
        answers: { 0: { choice: 'b', correct: false } },
      },
      name: '',
    });
  });
});

describe('ProgressStore', () => {
  function memory() {
    const m = new Map<string, string>();
    return {
      m,
      getItem: (k: string) => m.get(k) ?? null,
      setItem: (k: string, v: string) => void m.set(k, v),
      removeItem: (k: string) => void m.delete(k),
    };
  }

  it('saves under its namespaced key, loads and clears', () => {
    const mem = memory();
    const store = new ProgressStore(mem);
    expect(store.save(good)).toBe(true);
    expect([...mem.m.keys()]).toEqual([PROGRESS_KEY]);
    expect(store.load(shape, key)).toEqual(good);
    store.clear();
    expect(store.load(shape, key)).toBeUndefined();
  });

  it('tolerates storage that throws or is missing', () => {
    const boom = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    const store = new ProgressStore({ getItem: boom, setItem: boom, removeItem: boom });
    expect(store.load(shape, key)).toBeUndefined();
    expect(store.save(good)).toBe(false);
    expect(() => store.clear()).not.toThrow();
    const none = new ProgressStore(undefined);
    expect(none.save(good)).toBe(false);
    expect(none.load(shape, key)).toBeUndefined();
  });

  it('says "progress can\'t be saved in this browser" when storage is full, throws or is missing', () => {
    const mem = memory();
    const full = new ProgressStore({
      ...mem,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    });
    expect(full.notice).toBeUndefined();
    expect(full.save(good)).toBe(false);
    expect(full.notice).toBe(CANNOT_SAVE);
    expect(full.notice).toMatch(/progress can't be saved in this browser/);
    expect(full.markSolved('first-fence')).toBe(false);
    const none = new ProgressStore(undefined);
    expect(none.save(good)).toBe(false);
    expect(none.notice).toBe(CANNOT_SAVE);
    // Storage that recovers: the notice goes.
    let quota = true;
    const flaky = new ProgressStore({
      ...mem,
      setItem: (k, v) => {
        if (quota) throw new DOMException('full', 'QuotaExceededError');
        mem.setItem(k, v);
      },
    });
    expect(flaky.save(good)).toBe(false);
    quota = false;
    expect(flaky.save(good)).toBe(true);
    expect(flaky.notice).toBeUndefined();
  });

  it('keeps a record from a newer version, with a notice, until the learner starts over', () => {
    const mem = memory();
    const newer = JSON.stringify({ v: 2, somethingNew: { chapter: 3 } });
    mem.setItem(PROGRESS_KEY, newer);
    const store = new ProgressStore(mem);
    expect(store.load(shape, key)).toBeUndefined();
    expect(store.notice).toBe(NEWER_RECORD);
    expect(store.save(good)).toBe(false);
    expect(store.markSolved('first-fence')).toBe(false);
    expect(mem.getItem(PROGRESS_KEY)).toBe(newer);
    store.clear();
    expect(store.notice).toBeUndefined();
    expect(store.save(good)).toBe(true);
    expect(store.load(shape, key)).toEqual(good);
  });

  it.each([
    ['v 2', '{"v":2}', 2],
    ['v 17', '{"v":17,"position":{}}', 17],
    ['v 1', '{"v":1}', undefined],
    ['v "2" as text', '{"v":"2"}', undefined],
    ['v 1.5', '{"v":1.5}', undefined],
    ['damaged', '{"v":2', undefined],
    ['null', 'null', undefined],
    ['nothing', null, undefined],
  ])('newerVersion: %s', (_n, raw, v) => expect(newerVersion(raw)).toBe(v));
});

describe('lessonScore', () => {
  it('scores the quiz only; predictions are practice', () => {
    expect(lessonScore(good.position, 3, 2)).toEqual({
      drillsRight: 1,
      drillsTotal: 3,
      reasonsRight: 1,
      reasonsAsked: 1,
      quizRight: 1,
      quizTotal: 2,
      points: 1,
      max: 2,
      percent: 50,
      passPercent: 75,
      passPoints: 2,
      passed: false,
    });
    expect(lessonScore({ drills: {}, answers: {} }, 0, 0).percent).toBe(0);
  });
});

describe('seed and challenges in the record', () => {
  it.each([
    [
      { seed: 12, challenges: ['cafe-vpn', 'cafe-vpn', 'BAD id', 3] },
      { seed: 12, challenges: ['cafe-vpn'] },
    ],
    [{ seed: -1, challenges: 'x' }, {}],
    // Found by the importers' property test: a 53-character base32 run is a token, not an id.
    [
      { challenges: ['xmoyt2ojre7gkvn44os5veqdd2ojreosnlrjaxtq7ylthrsh3zerhx', 'arm-target'] },
      { challenges: ['arm-target'] },
    ],
  ])('%j is read as %j', (extra, want) => {
    const got = parseProgress(JSON.stringify({ ...good, ...extra }), shape, key)!;
    expect({ seed: got.seed, challenges: got.challenges }).toEqual({
      seed: undefined,
      challenges: undefined,
      ...want,
    });
  });
});
