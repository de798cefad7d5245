// Which switch combinations the player offers: only requests that could really happen. A pipeline
// agent cannot do an interactive browser sign-in, the pipeline's own System.AccessToken is neither
// a browser session nor an SSH key, and SSH carries git only, never work-item or pipeline calls.
import { isGitAction } from '../engine/responses';
import type { Flow } from '../engine/types';
import type { ActorKind, PlayRequest } from './scenario';

/** The flows the player's "How they connect" switch can offer. */
export const SWITCH_FLOWS: readonly Flow[] = ['web', 'pat', 'ssh'];

/** Why this actor cannot make the play's request by `flow`, or undefined when it can. */
export function nonsense(kind: ActorKind, play: PlayRequest, flow: Flow): string | undefined {
  if (flow === play.flow) return undefined;
  const pipeline = kind === 'pipeline' || play.client === 'pipeline-agent';
  if ((flow === 'web' || flow === 'oauth') && pipeline)
    return 'a pipeline agent cannot sign in interactively in a browser';
  if (play.token?.kind === 'system-access-token')
    return "the pipeline's own System.AccessToken is not a browser session or an SSH key";
  if (flow === 'ssh' && !isGitAction(play.action))
    return 'SSH carries git only; work items and pipelines are REST calls';
  return undefined;
}

export const makesSense = (kind: ActorKind, play: PlayRequest, flow: Flow) =>
  nonsense(kind, play, flow) === undefined;
