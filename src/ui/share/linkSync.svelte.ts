// Keeps the player and the address bar in step: a choice (scenario, play, switch) is a new history
// entry, so Back returns to it; playback steps only replace the entry. A hash the player did not
// write itself (a pasted link, Back, Forward) is resolved again and the player re-opened on it,
// once the scenario it names has loaded (scenarios load one by one: src/ui/scenarioShelf.svelte.ts).
import { untrack } from 'svelte';
import type { Scenario } from '../../model/content/scenario';
import type { Selection } from '../player/playerState.svelte';
import { formatHash, type Router } from '../router.svelte';
import { paramsOf, resolveLink, type ResolvedLink } from './resolveLink';

export class LinkSync {
  #router: Router;
  #scenarios: Scenario[] | (() => Scenario[]);
  #load?: (params: URLSearchParams) => Promise<unknown>;
  /** Counts the hashes opened, so only the last one's scenario, once loaded, re-opens the player. */
  #opening = 0;
  #waiting = false;
  #written = '';
  #lastChoice: string | null = null;
  #resolved = $state.raw<ResolvedLink>({
    initial: { scenario: '', play: '', overrides: {} },
    notices: [],
  });
  #key = $state(0);
  #extra: Record<string, string>;

  /** `extra` params are kept in every link written (e.g. `embed=1`). `load` fetches what a
   * link needs (its scenario) before the player re-opens on it; the first link's is loaded. */
  constructor(
    router: Router,
    scenarios: Scenario[] | (() => Scenario[]),
    extra: Record<string, string> = {},
    load?: (params: URLSearchParams) => Promise<unknown>,
  ) {
    this.#router = router;
    this.#scenarios = scenarios;
    this.#extra = extra;
    this.#load = load;
    this.#open();
    $effect(() => {
      const route = this.#router.route;
      if (formatHash(route.view, route.params) === this.#written) return;
      untrack(() => this.#reopen());
    });
  }

  async #reopen() {
    const route = this.#router.route;
    const n = ++this.#opening;
    if (this.#load) {
      // Until it has loaded, the player stays as it is and writes nothing over the new address.
      this.#waiting = true;
      try {
        await this.#load(route.params);
      } catch (e) {
        if (n !== this.#opening) return;
        // Not loaded (offline): the player stays, says so, and its next change is written.
        this.#waiting = false;
        this.#written = formatHash(route.view, route.params);
        this.#resolved = { ...this.#resolved, notices: [(e as Error).message] };
        return;
      }
      if (n !== this.#opening) return;
      this.#waiting = false;
    }
    this.#open();
    this.#key++;
  }

  #open() {
    const route = this.#router.route;
    this.#written = formatHash(route.view, route.params);
    this.#lastChoice = null;
    const list = typeof this.#scenarios === 'function' ? this.#scenarios() : this.#scenarios;
    const resolved = resolveLink(list, route.params);
    if (route.unknown)
      resolved.notices.unshift(
        'That link points to a page PAT Fence does not have; here are the scenarios instead.',
      );
    this.#resolved = resolved;
  }

  get resolved(): ResolvedLink {
    return this.#resolved;
  }
  /** Changes whenever the player must be re-created from `resolved`. */
  get key(): number {
    return this.#key;
  }

  params(sel: Selection, step: number): URLSearchParams {
    const p = paramsOf(sel, step);
    for (const [k, v] of Object.entries(this.#extra)) p.set(k, v);
    return p;
  }

  /** The player changed: write its state to the address bar. */
  write = (sel: Selection, step: number) => {
    if (this.#waiting) return;
    const choice = JSON.stringify(sel);
    // Until the re-opened player reports in, a different selection comes from the player being
    // replaced (a last autoplay tick): writing it would undo the Back/Forward that opened this.
    if (this.#lastChoice === null) {
      if (choice !== JSON.stringify(this.#resolved.initial)) return;
    } else if (globalThis.location.hash !== this.#written) {
      // Back/Forward has changed the address but its popstate has not arrived yet: writing now
      // would overwrite the entry being returned to.
      return;
    }
    const params = this.params(sel, step);
    const view = this.#router.route.view;
    this.#written = formatHash(view, params);
    if (this.#lastChoice !== null && choice !== this.#lastChoice) this.#router.go(view, params);
    else this.#router.replace(params);
    this.#lastChoice = choice;
  };
}
