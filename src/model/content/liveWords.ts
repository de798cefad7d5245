// The player's words for the state on screen. While a play is as its author wrote it, the author's
// title, goal and labels stand; once a switch changes the org policy, the actor or the flow, the
// words that would now be wrong give way to live ones: who, how, from which IP, policy on or off.
import type { AccessRequest, Flow, World } from '../engine/types';
import type { Actor, Play, Scenario, Variant } from './scenario';

export interface LiveState {
  scenario: Scenario;
  play: Play;
  variant?: Variant;
  world: World;
  request: AccessRequest;
  actor: Actor;
  /** True when a switch was changed by hand (not by picking an author's variant). */
  modified: boolean;
}

export interface LiveWords {
  /** The stage's one-line heading. */
  title: string;
  goal: string;
  /** What the narration says before the first step. */
  intro: string;
  /** The scenario picker's label for the scenario on screen. */
  scenarioLabel: string;
  /** The label of the play on screen in the "who tries" buttons. */
  playLabel: string;
}

const FLOW_WORD: Record<Flow, string> = {
  web: 'sign-in',
  pat: 'PAT',
  ssh: 'SSH key',
  oauth: 'Entra token',
};

/** "Dana" from "Dana, at her desk in the Oslo office", "A stranger" from "A stranger who …". */
export const whoOf = (actor: Actor) => actor.label.split(/,| who /)[0] ?? actor.label;

const ARTICLE: Record<Flow, string> = { web: 'a', pat: 'a', ssh: 'an', oauth: 'an' };

const policyWord = (on: boolean) => (on ? 'on' : 'off');
/** "a stranger" inside a sentence, "Dana" stays "Dana". */
const midSentence = (who: string) => who.replace(/^(A|An|The) /, (m) => m.toLowerCase());

export function liveWords(s: LiveState): LiveWords {
  const asWritten = !s.modified && !s.variant;
  const on = s.world.org.ipValidation;
  const orgChanged = on !== s.scenario.world.org.ipValidation;
  const who = whoOf(s.actor);
  const flow = FLOW_WORD[s.request.flow];
  const from =
    s.request.signinIp && s.request.signinIp !== s.request.ip
      ? `${s.request.ip} (Entra sees ${s.request.signinIp})`
      : s.request.ip;
  const title = asWritten
    ? s.play.title
    : `${who}: ${flow} from ${s.request.ip}, org policy ${policyWord(on)}`;
  // The author's goal speaks of the scenario's own actor, flow and policy state; a changed actor
  // or flow, or the policy flipped, makes it a claim about something else.
  const goalStands = !orgChanged && !s.modified;
  const goal = goalStands
    ? s.scenario.goal
    : `See whether ${midSentence(who)}'s ${flow} from ${from} gets in with the org policy ${policyWord(on)}, and which check decides.`;
  const intro = goalStands
    ? s.scenario.summary
    : `${who} sends ${ARTICLE[s.request.flow]} ${flow} request from ${from}, with the org policy ${policyWord(on)}. Play or step to see each check and who makes it.`;
  const scenarioLabel = orgChanged
    ? `${s.scenario.title} (as written; the org policy is now ${policyWord(on)})`
    : s.scenario.title;
  return { title, goal, intro, scenarioLabel, playLabel: asWritten ? s.play.title : title };
}
