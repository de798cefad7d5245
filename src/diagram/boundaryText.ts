// The trusted network's caption: a title and its ranges fitted to the rectangle's width. The
// returned height is what the caption takes from the top of the rectangle.
import { rangeLines } from './rangeLines';
import { smallText } from './smallText';

export const BOUNDARY_TITLE = 'Trusted network';

/** Top inset of the caption, in font-size units; its lines are 1.2 small-text sizes apart. */
export const BOUNDARY_TEXT_TOP = 0.35;

export function boundaryText(
  ranges: string[],
  width: number,
  fontSize: number,
): { lines: string[]; height: number } {
  const small = smallText(fontSize);
  const pad = fontSize * 0.7;
  const maxChars = Math.floor((width - 2 * pad) / (small * 0.54));
  const lines = rangeLines(ranges, Math.max(8, maxChars));
  const height = fontSize * (BOUNDARY_TEXT_TOP + 0.2) + (1 + lines.length) * 1.2 * small;
  return { lines, height };
}
