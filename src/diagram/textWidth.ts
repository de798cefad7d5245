// A generous estimate of how wide a line of sans-serif text renders, so the layout can size boxes
// without a DOM. Errs wide: average glyph widths of Arial/Segoe UI are under these factors.
export function textWidth(text: string, fontSize: number, bold = false): number {
  return text.length * fontSize * (bold ? 0.58 : 0.54);
}
