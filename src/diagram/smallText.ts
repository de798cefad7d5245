// The size of secondary text (sublabels, pills, captions, checkpoint labels): a little smaller
// than the labels, but never under 12 px, so it stays legible on a phone.
export const MIN_TEXT_PX = 12;

export function smallText(fontSize: number): number {
  return Math.max(MIN_TEXT_PX, fontSize * 0.86);
}
