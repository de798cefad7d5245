// Fits a list of CIDR ranges into at most `maxLines` lines of `maxChars` characters, ending with
// "+N more" when they do not all fit, so the trusted boundary always names what it trusts.
export function rangeLines(ranges: string[], maxChars: number, maxLines = 2): string[] {
  if (ranges.length === 0) return ['no ranges set'];
  const items = ranges.map((r) => (r.length <= maxChars ? r : `${r.slice(0, maxChars - 1)}…`));
  const lines: string[] = [];
  let i = 0;
  while (i < items.length && lines.length < maxLines) {
    const last = lines.length === maxLines - 1;
    let line = '';
    let j = i;
    for (; j < items.length; j++) {
      const next = line ? `${line}, ${items[j]}` : (items[j] ?? '');
      const rest = items.length - j - 1;
      const suffix = last && rest > 0 ? ` +${rest} more` : '';
      if ((next + suffix).length > maxChars) break;
      line = next;
    }
    if (last && j < items.length) {
      const rest = items.length - j;
      lines.push(line ? `${line} +${rest} more` : `+${rest} more`);
      return lines;
    }
    lines.push(line || (items[i] ?? ''));
    i = Math.max(j, i + 1);
  }
  return lines;
}
