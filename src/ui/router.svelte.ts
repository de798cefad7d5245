// Hash routing: `#/<view>?<params>`. The hash keeps deep links working from any base path on any
// static host, with no server rewrite rules. Views own the meaning of their params.
// `#/` is the compare view (the landing page). `embed` is the player with minimal chrome, for
// iframes (so is the player or the compare view with `embed=1`).
// `#/rules/R12` is a short form of `#/rules?rule=R12` (a link to one rule on the rules page).
// Every hash passes the token guard both ways: a param holding a token is dropped from the route
// and from the address bar (with the warning), and is never written into one.
import { findTokens } from '../model/share/secretScan';
import { guardParams } from '../model/share/tokenGuard';
import { tokenNotice } from './share/tokenNotice.svelte';
export const VIEWS = ['compare', 'player', 'lesson', 'lab', 'rules', 'embed'] as const;
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
  const path = (q < 0 ? raw : raw.slice(0, q)).replace(/\/+$/, '');
  let name: string;
  try {
    name = decodeURIComponent(path) || 'compare';
  } catch {
    name = path; // a malformed escape (%E0%A4%A) is an unknown view, not an exception
  }
  // Route params are parsed once and replaced, never mutated: no reactive wrapper needed.
  let params: URLSearchParams;
  try {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  } catch {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    params = new URLSearchParams();
  }
  const slash = name.indexOf('/');
  if (slash > 0 && name.slice(0, slash) === 'rules') {
    if (!params.has('rule')) params.set('rule', name.slice(slash + 1));
    name = 'rules';
  }
  const known = (VIEWS as readonly string[]).includes(name);
  return { view: known ? (name as View) : 'player', params, unknown: !known };
}

/** The landing page exactly as index.html holds it prerendered: the compare view, no params. */
export function isLanding(hash: string): boolean {
  const route = parseHash(hash);
  return route.view === 'compare' && !route.unknown && [...route.params.keys()].length === 0;
}

/** The link to one rule on the rules page. */
export const ruleHash = (rule: string) => `#/rules/${encodeURIComponent(rule)}`;

export function formatHash(view: View, params?: URLSearchParams | Record<string, string>): string {
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  const p = params instanceof URLSearchParams ? params : new URLSearchParams(params ?? {});
  const s = p.toString();
  return `#/${view}${s ? `?${s}` : ''}`;
}

/**
 * `hash` without any token: params holding one are dropped, and a view name holding one reads as
 * the landing page. `removed` says whether anything was.
 */
export function guardHash(hash: string): { hash: string; route: Route; removed: boolean } {
  const route = parseHash(hash);
  let raw = hash;
  try {
    raw = decodeURIComponent(hash);
  } catch {
    // the parts are checked one by one below
  }
  const inPath = findTokens(raw.split('?')[0] ?? '', { generic: false }).length > 0;
  const g = guardParams(route.params);
  if (!inPath && !g.removed.length) return { hash, route, removed: false };
  const view: View = inPath ? 'compare' : route.view;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  const params = inPath ? new URLSearchParams() : g.params;
  return { hash: formatHash(view, params), route: { view, params, unknown: false }, removed: true };
}

export class Router {
  #hash = '';
  #route = $state.raw<Route>(parseHash(''));

  constructor() {
    this.#set(globalThis.location?.hash ?? '');
    // Back/forward between pushState entries fires popstate; a typed or linked hash fires
    // hashchange. Either way, read the hash once per actual change.
    const sync = () => this.#set(globalThis.location.hash);
    globalThis.addEventListener?.('hashchange', sync);
    globalThis.addEventListener?.('popstate', sync);
  }

  #set(hash: string) {
    if (hash === this.#hash) return;
    const g = guardHash(hash);
    if (g.removed) {
      tokenNotice.flag('the link');
      // The address bar and this history entry lose it too, not only the view.
      globalThis.history?.replaceState(globalThis.history.state, '', g.hash || '#/');
    }
    this.#hash = g.removed ? g.hash : hash;
    this.#route = g.route;
  }

  get route(): Route {
    return this.#route;
  }

  /** Navigates (a new history entry). */
  go(view: View, params?: URLSearchParams | Record<string, string>) {
    const hash = guardHash(formatHash(view, params)).hash;
    if (hash === globalThis.location.hash) return;
    history.pushState(history.state, '', hash);
    this.#set(hash);
  }

  /** Updates the current view's params without a new history entry or a re-render loop. */
  replace(params: URLSearchParams | Record<string, string>) {
    const hash = guardHash(formatHash(this.#route.view, params)).hash;
    if (hash === globalThis.location.hash) return;
    history.replaceState(history.state, '', hash);
    this.#set(hash);
  }
}
