// The scenario player's state in a link: `v=1&s=<scenario>&p=<play>&x=<variant>&o=0|1&a=<actor>
// &f=web|pat|ssh&t=<step>`. Short keys keep links readable; `v` lets a later version change them.
// `t` counts like the player's "Step 3 of 5" (t=3); t=0 or no t is before the first step.
// This file checks syntax only; whether the ids exist is the catalog's business (ui/share).
import { looksLikeToken } from './secretScan';
import type { Flow } from '../engine/types';
import { hasPlayerLink } from './playerLinkKeys';

export const LINK_VERSION = 1;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;
const LINK_FLOWS: readonly Flow[] = ['web', 'pat', 'ssh'];
/** Highest step a link may name; traces are far shorter, the catalog clamps further. */
const MAX_STEP = 99;

export interface PlayerLink {
  scenario?: string;
  play?: string;
  variant?: string;
  org?: boolean;
  actor?: string;
  flow?: Flow;
  /** The trace index on screen, -1 = before the first step (the link's `t` is this + 1). */
  step?: number;
}

export interface ParsedPlayerLink {
  link: PlayerLink;
  /** Short sentences for the reader: what was ignored and why. Empty when all was fine. */
  problems: string[];
}

const isId = (v: string | undefined): v is string => !!v && ID.test(v) && !looksLikeToken(v);

/** Params in a fixed order, only those set; ids that look wrong or like tokens are left out. */
export function formatPlayerLink(link: PlayerLink): URLSearchParams {
  const p = new URLSearchParams({ v: String(LINK_VERSION) });
  if (isId(link.scenario)) p.set('s', link.scenario);
  if (isId(link.play)) p.set('p', link.play);
  if (isId(link.variant)) p.set('x', link.variant);
  if (typeof link.org === 'boolean') p.set('o', link.org ? '1' : '0');
  if (isId(link.actor)) p.set('a', link.actor);
  if (link.flow && LINK_FLOWS.includes(link.flow)) p.set('f', link.flow);
  if (link.step !== undefined && Number.isInteger(link.step) && link.step >= 0)
    p.set('t', String(Math.min(link.step + 1, MAX_STEP)));
  return p;
}

/** True when the params carry any player state at all (a bare `#/player` has none). */
export { hasPlayerLink };

export function parsePlayerLink(params: URLSearchParams): ParsedPlayerLink {
  const problems: string[] = [];
  const link: PlayerLink = {};
  const v = params.get('v');
  if (v !== null && v !== String(LINK_VERSION)) {
    const shown = /^\d{1,6}$/.test(v) ? `version ${v}` : 'an unknown version';
    problems.push(`This link was made by ${shown} of PAT Fence; only its scenario was kept.`);
    const s = params.get('s') ?? undefined;
    if (isId(s)) link.scenario = s;
    return { link, problems };
  }
  const ids: [keyof PlayerLink & ('scenario' | 'play' | 'variant' | 'actor'), string][] = [
    ['scenario', 's'],
    ['play', 'p'],
    ['variant', 'x'],
    ['actor', 'a'],
  ];
  for (const [field, key] of ids) {
    const value = params.get(key);
    if (value === null || value === '') continue;
    if (isId(value)) link[field] = value;
    else if (looksLikeToken(value))
      problems.push('Something that looks like a token was removed from the link.');
    else problems.push(`The link's ${field} is not a valid name, so it was ignored.`);
  }
  const o = params.get('o');
  if (o === '0' || o === '1') link.org = o === '1';
  else if (o !== null)
    problems.push('The org policy setting in the link was not 0 or 1, so it was ignored.');
  const f = params.get('f');
  if (f !== null) {
    if ((LINK_FLOWS as readonly string[]).includes(f)) link.flow = f as Flow;
    else problems.push("The link's flow is not web, pat or ssh, so it was ignored.");
  }
  const t = params.get('t');
  if (t !== null) {
    const n = /^\d{1,6}$/.test(t) ? Number(t) : NaN;
    if (Number.isInteger(n) && n <= MAX_STEP) link.step = n - 1;
    else
      problems.push(
        'The step in the link is not a step number, so the play starts at the beginning.',
      );
  }
  return { link, problems: [...new Set(problems)] };
}
