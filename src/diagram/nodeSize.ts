// Size of a box that fits its label (bold), sublabel and optional pill at a given font size.
// DiagramNode draws the lines at the offsets this assumes (see BOX_LINES).
import { textWidth } from './textWidth';
import { smallText } from './smallText';

/** Baselines and pill position, in font-size units from the top of the box. */
export const BOX_LINES = { label: 1.3, sublabel: 2.45, pillTop: 2.9, pillH: 1.35, pillText: 3.85 };

export function nodeSize(
  text: { label: string; sublabel: string; pill?: string },
  fontSize: number,
): { w: number; h: number } {
  const inner = Math.max(
    textWidth(text.label, fontSize, true),
    textWidth(text.sublabel, smallText(fontSize)),
    text.pill ? textWidth(text.pill, smallText(fontSize)) + fontSize : 0,
  );
  return { w: inner + fontSize * 1.2, h: fontSize * (text.pill ? 4.7 : 3.3) };
}
