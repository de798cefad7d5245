// What the share tools need to know about the step on screen, handed out by the player.
import type { Decision, Flow } from '../../model/engine/types';
import type { Selection } from '../player/playerState.svelte';

export interface StageInfo {
  selection: Selection;
  step: number;
  decision: Decision;
  /** "Scenario title — play title (— variant)". */
  title: string;
  /** The words under the diagram in an exported picture: the step's narration, then the answer. */
  caption: string;
  actorLabel: string;
  flow: Flow;
  orgPolicyOn: boolean;
  /** The live diagram, for exports. */
  diagram: () => SVGSVGElement | null;
}

/** "policy-on-kim-cafe-step4": a file name made only of safe characters. */
export function fileStem(info: Pick<StageInfo, 'selection' | 'step'>): string {
  const { scenario, play, variant } = info.selection;
  const parts = ['pat-fence', scenario, play, variant, `step${Math.max(0, info.step + 1)}`];
  return parts
    .filter(Boolean)
    .join('-')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .slice(0, 120);
}

const ANSWER = { allowed: 'allowed', blocked: 'refused', 'mfa-required': 'asked for MFA' } as const;

/** "<narration>. Answer: refused, HTTP 403 VS403463 (rule R4)." once the trace is done. */
export function stageCaption(words: string, done?: Decision): string {
  if (!done) return words;
  const code = done.code ? ` ${done.code}` : '';
  const answer = `Answer: ${ANSWER[done.outcome]}, HTTP ${done.status}${code} (rule ${done.decidedBy}).`;
  return words ? `${words} ${answer}` : answer;
}
