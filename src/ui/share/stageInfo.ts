// What the share tools need to know about the step on screen, handed out by the player.
import type { Decision, Flow } from '../../model/engine/types';
import type { Selection } from '../player/playerState.svelte';

export interface StageInfo {
  selection: Selection;
  step: number;
  decision: Decision;
  /** "Scenario title — play title (— variant)". */
  title: string;
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
