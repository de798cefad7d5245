// Bridges the playback actor to runes: components read getters, the actor stays the only writer.
// Follows the OS "reduce motion" setting when there is a window (never in node tests or the CLI).

import { createActor, type ActorOptions, type SnapshotFrom } from 'xstate';
import {
  playbackMachine,
  type PlaybackEvent,
  type PlaybackMachine,
  type PlaybackStateName,
  type Speed,
} from './playbackMachine';

const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

export interface PlaybackOptions {
  stepCount?: number;
  speed?: Speed;
  /** Start playing at once (e.g. an embed with autoplay). */
  autoplay?: boolean;
  /** Overrides the OS setting; otherwise `prefers-reduced-motion` decides. */
  reducedMotion?: boolean;
  /** A fake clock for tests; the real timers otherwise. */
  clock?: ActorOptions<PlaybackMachine>['clock'];
}

export class Playback {
  #actor;
  #snapshot: SnapshotFrom<PlaybackMachine>;
  #media: MediaQueryList | undefined;
  #unsubscribe: () => void;

  constructor(options: PlaybackOptions = {}) {
    this.#media =
      typeof window !== 'undefined' && typeof window.matchMedia === 'function'
        ? window.matchMedia(REDUCED_MOTION_QUERY)
        : undefined;
    this.#actor = createActor(playbackMachine, {
      input: {
        stepCount: options.stepCount ?? 0,
        speed: options.speed,
        reducedMotion: options.reducedMotion ?? this.#media?.matches ?? false,
      },
      // xstate spreads options over its defaults, so an explicit `clock: undefined` would
      // replace the real timers with nothing.
      ...(options.clock ? { clock: options.clock } : {}),
    });
    this.#snapshot = $state.raw(this.#actor.getSnapshot());
    const subscription = this.#actor.subscribe((snapshot) => (this.#snapshot = snapshot));
    this.#unsubscribe = () => subscription.unsubscribe();
    this.#media?.addEventListener('change', this.#onMediaChange);
    this.#actor.start();
    if (options.autoplay) this.send({ type: 'playback.play' });
  }

  #onMediaChange = (e: MediaQueryListEvent) =>
    this.send({ type: 'playback.reducedMotion', value: e.matches });

  get state(): PlaybackStateName {
    return this.#snapshot.value;
  }
  get step(): number {
    return this.#snapshot.context.step;
  }
  get stepCount(): number {
    return this.#snapshot.context.stepCount;
  }
  get speed(): Speed {
    return this.#snapshot.context.speed;
  }
  get reducedMotion(): boolean {
    return this.#snapshot.context.reducedMotion;
  }
  get playing(): boolean {
    return this.#snapshot.value === 'playing';
  }
  get done(): boolean {
    return this.#snapshot.value === 'done';
  }

  send(event: PlaybackEvent): void {
    this.#actor.send(event);
  }

  /** A new Decision: show it from the start, playing it if asked. */
  load(stepCount: number, autoplay = false): void {
    this.send({ type: 'playback.load', stepCount, autoplay });
  }

  destroy(): void {
    this.#media?.removeEventListener('change', this.#onMediaChange);
    this.#unsubscribe();
    this.#actor.stop();
  }
}
