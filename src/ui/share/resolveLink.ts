// Turns a link's player params into what the player opens with, checked against the catalog:
// unknown scenarios, plays, variants, actors and steps fall back to something sensible, and each
// fallback is explained in one short sentence for the notice.
import type { Scenario } from '../../model/content/scenario';
import {
  formatPlayerLink,
  hasPlayerLink,
  parsePlayerLink,
  type PlayerLink,
} from '../../model/share/urlStatePlayer';
import { PlayerState, type Selection } from '../player/playerState.svelte';

export interface ResolvedLink {
  /** Always normalised by PlayerState, so the opened player reports exactly this selection. */
  initial: Selection;
  initialStep?: number;
  notices: string[];
}

export function linkOf(sel: Selection, step: number): PlayerLink {
  return {
    scenario: sel.scenario,
    play: sel.play,
    variant: sel.variant,
    org: sel.overrides.org,
    actor: sel.overrides.actor,
    flow: sel.overrides.flow,
    step,
  };
}

/** The player's state as link params (`v=1&s=…`). */
export function paramsOf(sel: Selection, step: number): URLSearchParams {
  return formatPlayerLink(linkOf(sel, step));
}

export function resolveLink(scenarios: Scenario[], params: URLSearchParams): ResolvedLink {
  if (!hasPlayerLink(params))
    return { initial: new PlayerState(scenarios, {}).selection, notices: [] };
  const { link, problems } = parsePlayerLink(params);
  const notices = [...problems];
  const initial: Partial<Selection> = {
    scenario: link.scenario,
    play: link.play,
    variant: link.variant,
    overrides: {
      ...(link.org !== undefined ? { org: link.org } : {}),
      ...(link.actor ? { actor: link.actor } : {}),
      ...(link.flow ? { flow: link.flow } : {}),
    },
  };
  const state = new PlayerState(scenarios, initial);
  const sel = state.selection;
  const scenario = scenarios.find((s) => s.id === sel.scenario);
  if (link.scenario && link.scenario !== sel.scenario)
    notices.push(`The link's scenario does not exist; showing “${scenario?.title ?? ''}” instead.`);
  else if (link.play && link.play !== sel.play)
    notices.push("The link's play is not in this scenario; showing its first play.");
  if (link.variant && link.variant !== sel.variant && link.scenario === sel.scenario)
    notices.push("The link's switch setting does not exist for this play; it was left out.");
  if (link.actor && !scenario?.actors.some((a) => a.id === link.actor))
    notices.push("The link's actor is not in this scenario; the play's own actor is shown.");
  const steps = state.decision?.trace.length ?? 0;
  let initialStep = link.step;
  if (initialStep !== undefined && initialStep > steps - 1) {
    notices.push(
      `The link's step ${initialStep + 1} is past the end of this play (${steps} steps); showing the outcome.`,
    );
    initialStep = steps - 1;
  }
  return { initial: sel, initialStep, notices: [...new Set(notices)] };
}
