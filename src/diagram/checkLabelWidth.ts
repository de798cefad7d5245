// Width reserved for a checkpoint's two-line label: the stage name over its longest state word.
import type { Stage } from '../model/engine/types';
import { CHECK_WORD, STAGE_SHORT } from './stages';
import { textWidth } from './textWidth';
import { smallText } from './smallText';

export function checkLabelWidth(stage: Stage, fontSize: number): number {
  const words = Object.values(CHECK_WORD).map((w) => textWidth(w, smallText(fontSize)));
  return Math.max(textWidth(STAGE_SHORT[stage], smallText(fontSize), true), ...words);
}
