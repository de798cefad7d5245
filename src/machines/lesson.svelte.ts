// Bridges the lesson actor to runes: components read getters, the actor stays the only writer.
import { createActor, type SnapshotFrom } from 'xstate';
import {
  lessonMachine,
  type LessonContext,
  type LessonEvent,
  type LessonInput,
  type LessonMachine,
} from './lessonMachine';

export type LessonStep =
  'reading' | 'predicting' | 'playing' | 'revealed' | 'asking' | 'answered' | 'finished';

export class LessonRun {
  #actor;
  #snapshot: SnapshotFrom<LessonMachine>;
  #unsubscribe: () => void;

  constructor(input: LessonInput, onchange?: (context: LessonContext) => void) {
    this.#actor = createActor(lessonMachine, { input });
    this.#snapshot = $state.raw(this.#actor.getSnapshot());
    const sub = this.#actor.subscribe((s) => {
      this.#snapshot = s;
      onchange?.(s.context);
    });
    this.#unsubscribe = () => sub.unsubscribe();
    this.#actor.start();
  }

  /** The leaf state: what the learner is doing now. */
  get step(): LessonStep {
    const v = this.#snapshot.value;
    return (typeof v === 'string' ? v : Object.values(v)[0]) as LessonStep;
  }
  get context(): LessonContext {
    return this.#snapshot.context;
  }

  send(event: LessonEvent): void {
    this.#actor.send(event);
  }

  destroy(): void {
    this.#unsubscribe();
    this.#actor.stop();
  }
}
