// Text measures: how wide and tall the diagram's words render, so the layout can size boxes and
// captions without a DOM. Every size is in CSS pixels at a given font size.
import type { Stage } from '../model/engine/types';
import { CHECK_WORD, STAGE_SHORT } from './stages';

// The size of secondary text (sublabels, pills, captions, checkpoint labels): a little smaller
// than the labels, but never under 12 px, so it stays legible on a phone.
export const MIN_TEXT_PX = 12;

export function smallText(fontSize: number): number {
  return Math.max(MIN_TEXT_PX, fontSize * 0.86);
}

// A generous estimate of how wide a line of sans-serif text renders, so the layout can size boxes
// without a DOM. Errs wide: average glyph widths of Arial/Segoe UI are under these factors.
export function textWidth(text: string, fontSize: number, bold = false): number {
  return text.length * fontSize * (bold ? 0.58 : 0.54);
}

// Size of a box that fits its label (bold), sublabel and optional pill at a given font size.
// DiagramNode draws the lines at the offsets this assumes (see BOX_LINES).
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

// Width reserved for a checkpoint's two-line label: the stage name over its longest state word.
export function checkLabelWidth(stage: Stage, fontSize: number): number {
  const words = Object.values(CHECK_WORD).map((w) => textWidth(w, smallText(fontSize)));
  return Math.max(textWidth(STAGE_SHORT[stage], smallText(fontSize), true), ...words);
}

// Fits a list of CIDR ranges into at most `maxLines` lines of `maxChars` characters, ending with
// "and N more" when they do not all fit, so the trusted boundary always names what it trusts and
// says plainly that it leaves some out.
export function rangeLines(ranges: string[], maxChars: number, maxLines = 2): string[] {
  return rangeCaption(ranges, maxChars, maxLines).lines;
}

/** The caption's lines and how many ranges it leaves out. */
export function rangeCaption(
  ranges: string[],
  maxChars: number,
  maxLines = 2,
): { lines: string[]; hidden: number } {
  if (ranges.length === 0) return { lines: ['no ranges set'], hidden: 0 };
  const items = ranges.map((r) => (r.length <= maxChars ? r : `${r.slice(0, maxChars - 1)}…`));
  const more = (n: number) => `and ${n.toLocaleString('en-US')} more`;
  const lines: string[] = [];
  let i = 0;
  while (i < items.length && lines.length < maxLines) {
    const last = lines.length === maxLines - 1;
    let line = '';
    let j = i;
    for (; j < items.length; j++) {
      const next = line ? `${line}, ${items[j]}` : (items[j] ?? '');
      const rest = items.length - j - 1;
      const suffix = last && rest > 0 ? ` ${more(rest)}` : '';
      if ((next + suffix).length > maxChars) break;
      line = next;
    }
    if (last && j < items.length) {
      const rest = items.length - j;
      lines.push(line ? `${line} ${more(rest)}` : more(rest));
      return { lines, hidden: rest };
    }
    lines.push(line || (items[i] ?? ''));
    i = Math.max(j, i + 1);
  }
  return { lines, hidden: 0 };
}

// The trusted network's caption: a title and its ranges fitted to the rectangle's width. The
// returned height is what the caption takes from the top of the rectangle.
export const BOUNDARY_TITLE = 'Trusted network';

/** Top inset of the caption, in font-size units; its lines are 1.2 small-text sizes apart. */
export const BOUNDARY_TEXT_TOP = 0.35;

/** The extra caption line when the page lists every range under the diagram. */
export const listedBelow = (total: number, maxChars: number) => {
  const long = `all ${total.toLocaleString('en-US')} listed below`;
  return long.length <= maxChars ? long : 'all listed below';
};

/** `listed`: the page lists every range under the diagram, so an abbreviated caption says so. */
export function boundaryText(
  ranges: string[],
  width: number,
  fontSize: number,
  listed = false,
): { lines: string[]; height: number; hidden: number } {
  const small = smallText(fontSize);
  const pad = fontSize * 0.7;
  const maxChars = Math.max(8, Math.floor((width - 2 * pad) / (small * 0.54)));
  const caption = rangeCaption(ranges, maxChars);
  const lines =
    listed && caption.hidden > 0
      ? [...caption.lines, listedBelow(ranges.length, maxChars)]
      : caption.lines;
  const height = fontSize * (BOUNDARY_TEXT_TOP + 0.2) + (1 + lines.length) * 1.2 * small;
  return { lines, height, hidden: caption.hidden };
}
