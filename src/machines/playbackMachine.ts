// Playback of a Decision's trace: which step is shown, whether it advances on its own, how fast.
// It only counts steps (0 … stepCount-1); what a step means is the engine's business.

import { and, assign, raise, setup } from 'xstate';

export const SPEEDS = [0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

/** Time one step's motion takes at speed 1 (edge tween, highlight). */
export const BASE_MOTION_MS = 600;
/** Time one step stays on screen while playing at speed 1: its motion, then a pause to read. */
export const BASE_DWELL_MS = 900;

/** Tween duration for one step; 0 under reduced motion so the view jumps instead of moving. */
export function durationFor(speed: number, reducedMotion: boolean): number {
  return reducedMotion ? 0 : BASE_MOTION_MS / speed;
}

/**
 * How long autoplay waits before the next step. Deliberately independent of reduced motion:
 * those users still need the time to read each step, they just don't get the movement.
 */
export function dwellFor(speed: number): number {
  return BASE_DWELL_MS / speed;
}

export function isSpeed(value: unknown): value is Speed {
  return (SPEEDS as readonly unknown[]).includes(value);
}

/** Keeps a requested step inside [-1, stepCount-1]; garbage (NaN, Infinity from a URL) → -1. */
export function clampStep(step: number, stepCount: number): number {
  if (!Number.isFinite(step)) return -1;
  return Math.min(Math.max(Math.trunc(step), -1), stepCount - 1);
}

function toStepCount(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

export interface PlaybackContext {
  stepCount: number;
  /** -1 = nothing shown yet; otherwise the index of the trace step on screen. */
  step: number;
  speed: Speed;
  reducedMotion: boolean;
}

export interface PlaybackInput {
  stepCount: number;
  speed?: Speed;
  reducedMotion?: boolean;
}

export type PlaybackEvent =
  | { type: 'playback.play' }
  | { type: 'playback.pause' }
  | { type: 'playback.step' }
  | { type: 'playback.back' }
  | { type: 'playback.restart' }
  | { type: 'playback.speed'; speed: number }
  | { type: 'playback.reducedMotion'; value: boolean }
  | { type: 'playback.load'; stepCount: number; autoplay?: boolean }
  | { type: 'playback.seek'; step: number }
  | { type: 'playback.tick' };

const last = (c: PlaybackContext) => c.stepCount - 1;

export const playbackMachine = setup({
  types: {
    context: {} as PlaybackContext,
    events: {} as PlaybackEvent,
    input: {} as PlaybackInput,
  },
  delays: {
    tickDelay: ({ context }) => dwellFor(context.speed),
    stepDuration: ({ context }) => durationFor(context.speed, context.reducedMotion),
  },
  guards: {
    isAtLastStep: ({ context }) => context.step >= last(context),
    canStepForward: ({ context }) => context.step < last(context),
    canStepBack: ({ context }) => context.step > -1,
    isAllowedSpeed: ({ event }) => event.type === 'playback.speed' && isSpeed(event.speed),
    wantsAutoplay: ({ event }) => event.type === 'playback.load' && event.autoplay === true,
    seeksLastStep: ({ context, event }) =>
      event.type === 'playback.seek' && clampStep(event.step, context.stepCount) === last(context),
    motionIsReduced: ({ context }) => context.reducedMotion,
  },
  actions: {
    stepForward: assign({ step: ({ context }) => Math.min(context.step + 1, last(context)) }),
    stepBack: assign({ step: ({ context }) => Math.max(context.step - 1, -1) }),
    rewind: assign({ step: -1 }),
    seek: assign({
      step: ({ context, event }) =>
        event.type === 'playback.seek' ? clampStep(event.step, context.stepCount) : context.step,
    }),
    load: assign(({ context, event }) =>
      event.type === 'playback.load'
        ? { stepCount: toStepCount(event.stepCount), step: -1 }
        : context,
    ),
    setSpeed: assign({
      speed: ({ context, event }) =>
        event.type === 'playback.speed' && isSpeed(event.speed) ? event.speed : context.speed,
    }),
    setReducedMotion: assign({
      reducedMotion: ({ context, event }) =>
        event.type === 'playback.reducedMotion' ? event.value : context.reducedMotion,
    }),
    // The timer only raises a tick, so a test (or the graph walker) can send the same tick.
    raiseTick: raise({ type: 'playback.tick' }),
  },
}).createMachine({
  id: 'playback',
  initial: 'idle',
  context: ({ input }) => ({
    stepCount: toStepCount(input.stepCount),
    step: -1,
    speed: input.speed ?? 1,
    reducedMotion: input.reducedMotion ?? false,
  }),
  on: {
    'playback.load': [
      { guard: 'wantsAutoplay', target: '.playing', actions: 'load' },
      { target: '.idle', actions: 'load' },
    ],
    'playback.restart': { target: '.idle', actions: 'rewind' },
    // A jump (deep link, scrubber) stops autoplay: the user asked to look at that step.
    'playback.seek': [
      { guard: 'seeksLastStep', target: '.done', actions: 'seek' },
      { target: '.paused', actions: 'seek' },
    ],
    'playback.speed': { guard: 'isAllowedSpeed', actions: 'setSpeed' },
    'playback.reducedMotion': { actions: 'setReducedMotion' },
  },
  states: {
    idle: {
      on: {
        'playback.play': 'playing',
        'playback.step': { guard: 'canStepForward', target: 'stepping', actions: 'stepForward' },
      },
    },
    playing: {
      // Also catches play at the end (or an empty trace): nothing left to advance.
      always: { guard: 'isAtLastStep', target: 'done' },
      after: { tickDelay: { actions: 'raiseTick' } },
      on: {
        'playback.tick': { target: 'playing', reenter: true, actions: 'stepForward' },
        'playback.pause': 'paused',
        'playback.step': { guard: 'canStepForward', target: 'stepping', actions: 'stepForward' },
        'playback.back': { guard: 'canStepBack', target: 'stepping', actions: 'stepBack' },
        // Re-enter so the running timer is rescheduled with the new delay.
        'playback.speed': {
          guard: 'isAllowedSpeed',
          target: 'playing',
          reenter: true,
          actions: 'setSpeed',
        },
      },
    },
    paused: {
      on: {
        'playback.play': 'playing',
        'playback.step': { guard: 'canStepForward', target: 'stepping', actions: 'stepForward' },
        'playback.back': { guard: 'canStepBack', target: 'stepping', actions: 'stepBack' },
      },
    },
    // A manual step being animated. Under reduced motion there is nothing to animate, so it is
    // left within the same macrostep (no 0 ms timer for the view to race against).
    stepping: {
      always: [
        { guard: and(['motionIsReduced', 'isAtLastStep']), target: 'done' },
        { guard: 'motionIsReduced', target: 'paused' },
      ],
      after: {
        stepDuration: [{ guard: 'isAtLastStep', target: 'done' }, { target: 'paused' }],
      },
      on: {
        'playback.play': 'playing',
        'playback.step': {
          guard: 'canStepForward',
          target: 'stepping',
          reenter: true,
          actions: 'stepForward',
        },
        'playback.back': {
          guard: 'canStepBack',
          target: 'stepping',
          reenter: true,
          actions: 'stepBack',
        },
      },
    },
    done: {
      on: {
        'playback.play': { target: 'playing', actions: 'rewind' },
        'playback.back': { guard: 'canStepBack', target: 'stepping', actions: 'stepBack' },
      },
    },
  },
});

export type PlaybackMachine = typeof playbackMachine;
export type PlaybackStateName = 'idle' | 'playing' | 'paused' | 'stepping' | 'done';
