// Hash routing: `#/<view>?<params>`. The hash keeps deep links working from any base path on any
// static host, with no server rewrite rules. Views own the meaning of their params.
export const VIEWS = ['player', 'lesson', 'lab'] as const;
export type View = (typeof VIEWS)[number];

export interface Route {
  view: View;
  params: URLSearchParams;
  /** True when the hash named a view that does not exist (shown as a notice). */
  unknown: boolean;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const name = decodeURIComponent((q < 0 ? raw : raw.slice(0, q)).replace(/\/+$/, '')) || 'player';
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  } catch {
    params = new URLSearchParams();
  }
  const known = (VIEWS as readonly string[]).includes(name);
  return { view: known ? (name as View) : 'player', params, unknown: !known };
}

export function formatHash(view: View, params?: URLSearchParams | Record<string, string>): string {
  const p = params instanceof URLSearchParams ? params : new URLSearchParams(params ?? {});
  const s = p.toString();
  return `#/${view}${s ? `?${s}` : ''}`;
}

export class Router {
  #route = $state.raw<Route>(parseHash(globalThis.location?.hash ?? ''));

  constructor() {
    globalThis.addEventListener?.('hashchange', () => {
      this.#route = parseHash(globalThis.location.hash);
    });
  }

  get route(): Route {
    return this.#route;
  }

  /** Navigates (a new history entry). */
  go(view: View, params?: URLSearchParams | Record<string, string>) {
    globalThis.location.hash = formatHash(view, params);
  }

  /** Updates the current view's params without a new history entry or a re-render loop. */
  replace(params: URLSearchParams | Record<string, string>) {
    const hash = formatHash(this.#route.view, params);
    if (hash === globalThis.location.hash) return;
    history.replaceState(history.state, '', hash);
    this.#route = parseHash(hash);
  }
}
