// The player's scenarios, one chunk each (src/build/catalogPlugin.ts, every one checked at build
// time): the picker lists every scenario by title, and a scenario's world, plays and words load
// when it is picked or a link names it, then stay. A chunk that does not arrive (offline) leaves
// the player as it was and says so; picking it again tries again.
import type { Scenario } from '../model/content/scenario';
import { hasPlayerLink } from '../model/share/playerLinkKeys';
import { parsePlayerLink } from '../model/share/urlStatePlayer';
import { index, loaders } from 'virtual:pat-fence-scenarios';

export interface ScenarioEntry {
  id: string;
  title: string;
}

/** What the player says when a scenario's chunk did not load. */
export function loadFailed(title: string): string {
  return `“${title}” could not be loaded; the connection may be down. Pick it again to retry, or reload the page.`;
}

export class ScenarioShelf {
  readonly index: ScenarioEntry[];
  #loaders: Record<string, () => Promise<Scenario>>;
  #loaded = $state.raw<Scenario[]>([]);
  // Bookkeeping only, never shown: no reactive wrapper needed.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #pending = new Map<string, Promise<Scenario>>();

  constructor(entries: ScenarioEntry[], load: Record<string, () => Promise<Scenario>>) {
    this.index = entries;
    this.#loaders = load;
  }

  /** The scenarios loaded so far, in catalog order. */
  get scenarios(): Scenario[] {
    return this.#loaded;
  }

  has(id: string): boolean {
    return this.#loaded.some((s) => s.id === id);
  }

  /** Loads one scenario (once); rejects with `loadFailed`'s words when its chunk fails. */
  load(id: string): Promise<Scenario> {
    const have = this.#loaded.find((s) => s.id === id);
    if (have) return Promise.resolve(have);
    const loader = this.#loaders[id];
    const title = this.index.find((e) => e.id === id)?.title ?? id;
    if (!loader) return Promise.reject(new Error(loadFailed(title)));
    let pending = this.#pending.get(id);
    if (!pending) {
      pending = loader()
        .then(
          (s) => {
            const order = (x: Scenario) => this.index.findIndex((e) => e.id === x.id);
            if (!this.has(s.id))
              this.#loaded = [...this.#loaded, s].sort((a, b) => order(a) - order(b));
            return s;
          },
          () => {
            throw new Error(loadFailed(title));
          },
        )
        .finally(() => this.#pending.delete(id));
      this.#pending.set(id, pending);
    }
    return pending;
  }

  /** The scenario a player link opens: the one it names if there is one, else the first (the
   * player then says the link's scenario does not exist). */
  idFor(params: URLSearchParams): string {
    const named = hasPlayerLink(params) ? parsePlayerLink(params).link.scenario : undefined;
    return named && this.#loaders[named] ? named : (this.index[0]?.id ?? '');
  }

  /** Loads what a player link needs; resolves with the scenarios loaded so far. */
  async open(params: URLSearchParams): Promise<Scenario[]> {
    const id = this.idFor(params);
    if (id) await this.load(id);
    return this.scenarios;
  }
}

/** The app's one shelf. */
export const shelf = new ScenarioShelf(index, loaders);
