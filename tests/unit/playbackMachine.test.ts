// The playback machine three ways: pure transitions, a running actor on a simulated clock, and
// every path of a small model walked with xstate/graph. Plus the runes bridge, which must import in node.

import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  SimulatedClock,
  createActor,
  initialTransition,
  transition,
  type SnapshotFrom,
} from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import {
  SPEEDS,
  clampStep,
  durationFor,
  dwellFor,
  playbackMachine,
  type PlaybackEvent,
  type PlaybackInput,
} from '../../src/machines/playbackMachine';
import { Playback } from '../../src/machines/playback.svelte';

type Snap = SnapshotFrom<typeof playbackMachine>;
// Only the timers send these; the pure and graph tests send them by hand.
const TICK = ev('xstate.after.tickDelay.playback.playing');
const SETTLE = ev('xstate.after.stepDuration.playback.stepping');
const play = ev('playback.play');
const pause = ev('playback.pause');
const step = ev('playback.step');
const back = ev('playback.back');
const restart = ev('playback.restart');
const tick = ev('playback.tick');

const seek = (n: number) => ev('playback.seek', { step: n });
const load = (n: number, autoplay = false) => ev('playback.load', { stepCount: n, autoplay });
const speedTo = (n: number) => ev('playback.speed', { speed: n });

function ev(type: string, rest: object = {}): PlaybackEvent {
  return { type, ...rest } as PlaybackEvent;
}

function run(events: PlaybackEvent[], input: PlaybackInput = { stepCount: 3 }): Snap {
  return events.reduce(
    (s, ev) => transition(playbackMachine, s, ev)[0],
    initialTransition(playbackMachine, input)[0],
  );
}

describe('helpers', () => {
  it('motion scales with speed and vanishes under reduced motion; dwell leaves time to read', () => {
    expect(SPEEDS.map((speed) => durationFor(speed, false))).toEqual([1200, 600, 300, 150]);
    expect(SPEEDS.map((speed) => durationFor(speed, true))).toEqual([0, 0, 0, 0]);
    expect(SPEEDS.map(dwellFor)).toEqual([1800, 900, 450, 225]);
  });

  it('clampStep keeps a requested step in [-1, stepCount-1]', () => {
    const asked = [1, 99, -7, 1.7, NaN, Infinity];
    expect(asked.map((s) => clampStep(s, 3))).toEqual([1, 2, -1, 1, -1, -1]);
    expect(clampStep(0, 0)).toBe(-1);
  });
});

describe('pure transitions (stepCount 3 unless said)', () => {
  it.each<[string, PlaybackEvent[], string, number, PlaybackInput?]>([
    ['starts idle before the first step', [], 'idle', -1],
    ['play starts playing', [play], 'playing', -1],
    ['a tick advances one step', [play, tick], 'playing', 0],
    ['the timer event advances like a tick', [play, TICK, TICK], 'playing', 1],
    ['reaching the last step while playing ends', [play, tick, tick, tick], 'done', 2],
    ['pause keeps the step', [play, tick, pause], 'paused', 0],
    ['ticks are ignored when not playing', [tick, step, SETTLE, tick], 'paused', 0],
    ['a manual step animates first', [step], 'stepping', 0],
    ['then settles to paused', [step, SETTLE], 'paused', 0],
    ['or to done on the last step', [step, step, step, SETTLE], 'done', 2],
    ['reduced motion settles at once', [step], 'paused', 0, { stepCount: 3, reducedMotion: true }],
    ['back from step 0 shows nothing again', [step, SETTLE, back, SETTLE], 'paused', -1],
    ['back in idle is ignored', [back], 'idle', -1],
    ['step while playing stops autoplay', [play, tick, step, SETTLE], 'paused', 1],
    ['pause while stepping is ignored', [step, pause], 'stepping', 0],
    ['play from done restarts from the top', [play, tick, tick, tick, play], 'playing', -1],
    ['back from done', [play, tick, tick, tick, back], 'stepping', 1],
    ['step in done is ignored', [step, step, step, SETTLE, step], 'done', 2],
    ['restart', [play, tick, tick, restart], 'idle', -1],
    ['seek past the end clamps to done', [seek(99)], 'done', 2],
    ['seek below clamps to -1', [play, tick, seek(-7)], 'paused', -1],
    ['seek while playing pauses there', [play, seek(1)], 'paused', 1],
    ['load resets', [play, tick, load(5)], 'idle', -1],
    ['load with autoplay plays', [load(5, true)], 'playing', -1],
    ['an empty trace is done at once', [play], 'done', -1, { stepCount: 0 }],
    ['garbage step count means empty', [load(NaN, true)], 'done', -1],
  ])('%s', (_name, events, state, stepIndex, input) => {
    const s = run(events, input);
    expect(s.value).toBe(state);
    expect(s.context.step).toBe(stepIndex);
  });

  it.each([
    [2, 2],
    [3, 1],
    [0, 1],
  ])('speed %s is kept as %s', (speed, want) =>
    expect(run([speedTo(speed)]).context.speed).toBe(want),
  );

  it('entering playing schedules the tick with the speed-dependent delay', () => {
    const [, actions] = transition(playbackMachine, run([speedTo(2)]), play);
    expect(actions.map((a) => a.params)).toContainEqual(expect.objectContaining({ delay: 450 }));
  });
});

describe('running actor on a simulated clock', () => {
  function arrange(input: PlaybackInput = { stepCount: 3 }) {
    const clock = new SimulatedClock();
    const actor = createActor(playbackMachine, { input, clock }).start();
    const at = () => [actor.getSnapshot().value, actor.getSnapshot().context.step];
    return { clock, actor, at };
  }

  it('plays one step per dwell and stops at the end', () => {
    const { clock, actor, at } = arrange();
    actor.send(play);
    clock.increment(899);
    expect(at()).toEqual(['playing', -1]);
    clock.increment(1);
    expect(at()).toEqual(['playing', 0]);
    // SimulatedClock starts a timer set during a flush at the new "now", so advance step by step.
    clock.increment(900);
    expect(at()).toEqual(['playing', 1]);
    clock.increment(900);
    expect(at()).toEqual(['done', 2]);
    clock.increment(10_000);
    expect(at()).toEqual(['done', 2]);
  });

  it('a speed change reschedules the running timer', () => {
    const { clock, actor, at } = arrange();
    actor.send(play);
    clock.increment(500);
    actor.send(speedTo(4));
    clock.increment(225);
    expect(at()).toEqual(['playing', 0]);
  });

  it('reduced motion keeps the reading pace but drops the step animation', () => {
    const { clock, actor, at } = arrange({ stepCount: 3, reducedMotion: true });
    actor.send(step);
    expect(at()).toEqual(['paused', 0]);
    actor.send(play);
    clock.increment(899);
    expect(at()).toEqual(['playing', 0]);
    clock.increment(1);
    expect(at()).toEqual(['playing', 1]);
  });

  it('turning reduced motion on mid-step settles the step', () => {
    const { actor, at } = arrange();
    actor.send(step);
    actor.send(ev('playback.reducedMotion', { value: true }));
    expect(at()).toEqual(['paused', 0]);
  });

  it.each([
    [1, 600],
    [2, 300],
  ])('a manual step at speed %s animates for %s ms', (speed, ms) => {
    const { clock, actor, at } = arrange({ stepCount: 3, speed: speed as 1 | 2 });
    actor.send(step);
    clock.increment(ms - 1);
    expect(at()).toEqual(['stepping', 0]);
    clock.increment(1);
    expect(at()).toEqual(['paused', 0]);
  });

  it('pause cancels the timer', () => {
    const { clock, actor, at } = arrange();
    actor.send(play);
    actor.send(pause);
    clock.increment(10_000);
    expect(at()).toEqual(['paused', -1]);
  });
});

describe('every path (stepCount 2)', () => {
  const stateNames = ['idle', 'playing', 'paused', 'stepping', 'done'];
  const control = [play, pause, step, back, restart, tick, TICK, SETTLE];
  const events = [
    ...control,
    ...[-3, 0, 1, 5].map((s) => seek(s)),
    ...[0.5, 4, 3].map(speedTo),
    ...[true, false].map((value) => ev('playback.reducedMotion', { value })),
    load(2),
    load(2, true),
  ];

  function assertInvariants(s: Snap) {
    const { step: at, stepCount, speed, reducedMotion } = s.context;
    const last = stepCount - 1;
    expect(at).toBeGreaterThanOrEqual(-1);
    expect(at).toBeLessThanOrEqual(last);
    expect(SPEEDS).toContain(speed);
    if (s.value === 'done') expect(at).toBe(last);
    if (s.value === 'idle') expect(at).toBe(-1);
    if (s.value === 'playing') expect(at).toBeLessThan(last);
    if (s.value === 'stepping') expect(reducedMotion).toBe(false);
    if (at === last) expect(['stepping', 'done']).toContain(s.value);
  }

  it.each([
    ['shortest', () => getShortestPaths(playbackMachine, { input: { stepCount: 2 }, events })],
    ['simple', () => getSimplePaths(playbackMachine, { input: { stepCount: 2 }, events: control })],
  ])('%s paths reach every state and keep the invariants on every step', (_kind, paths) => {
    const all = paths();
    expect(new Set(all.map((p) => p.state.value))).toEqual(new Set(stateNames));
    for (const path of all)
      for (const s of [path.state, ...path.steps.map((x) => x.state)]) assertInvariants(s);
  });
});

describe('Playback (runes bridge)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('imports without a window and mirrors the actor', () => {
    const clock = new SimulatedClock();
    const pb = new Playback({ stepCount: 2, clock });
    expect([pb.state, pb.step, pb.speed, pb.reducedMotion]).toEqual(['idle', -1, 1, false]);
    pb.load(3, true);
    clock.increment(900);
    expect([pb.playing, pb.step, pb.stepCount]).toEqual([true, 0, 3]);
    pb.send(seek(9));
    expect([pb.done, pb.step]).toEqual([true, 2]);
    pb.destroy();
  });

  it('destroy stops the timers', () => {
    const clock = new SimulatedClock();
    const pb = new Playback({ stepCount: 3, autoplay: true, clock });
    pb.destroy();
    clock.increment(5000);
    expect(pb.step).toBe(-1);
  });

  it('follows prefers-reduced-motion when there is a window', () => {
    let onChange = (_e: { matches: boolean }) => {};
    const query = {
      matches: true,
      addEventListener: (_t: string, fn: typeof onChange) => (onChange = fn),
      removeEventListener: vi.fn(),
    };
    vi.stubGlobal('window', { matchMedia: vi.fn(() => query) });
    const pb = new Playback({ stepCount: 2 });
    expect(window.matchMedia).toHaveBeenCalledWith('(prefers-reduced-motion: reduce)');
    expect(pb.reducedMotion).toBe(true);
    onChange({ matches: false });
    expect(pb.reducedMotion).toBe(false);
    pb.destroy();
    expect(query.removeEventListener).toHaveBeenCalledWith('change', onChange);
  });
});
