// The compare view's state inside <pat-fence-compare>: kept in the element, not the page's URL,
// so switches work without touching the host page's address or history.
export class LocalNav {
  #params = $state.raw<URLSearchParams>();

  constructor(params: Record<string, string>) {
    // Replaced, never mutated (as the router's params): no reactive wrapper needed.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    this.#params = new URLSearchParams(params);
  }

  get route(): { params: URLSearchParams } {
    return { params: this.#params! };
  }

  replace(params: Record<string, string>) {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    this.#params = new URLSearchParams(params);
  }
}
