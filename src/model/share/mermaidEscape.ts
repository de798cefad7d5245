// Text made safe for a double-quoted Mermaid label. Its own module so that the compare view's
// Mermaid export (on the first page) does not carry the player's trace flowchart with it.

/**
 * Text made safe inside a double-quoted Mermaid label: Mermaid entity codes for every character
 * that could close the quote, start markup or end a statement; whitespace folded to one line.
 */
export function escapeMermaid(text: string): string {
  const flat = String(text).replace(/\s+/g, ' ').trim();
  // Never cut: a step's text is the explanation, and Mermaid wraps long labels itself.
  return flat.replace(/[#"<>&;`\\|{}[\]]/g, (ch) => `#${ch.codePointAt(0)};`);
}
