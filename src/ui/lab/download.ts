// Saves text as a file from the page itself (a blob: URL on this origin; nothing is sent).
export function downloadText(name: string, text: string, type = 'text/csv'): void {
  downloadParts(name, [text], type);
}

/** The same from pieces of text: the Blob joins them, so no one huge string is ever built. */
export function downloadParts(name: string, parts: BlobPart[], type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Saves a file made piece by piece, yielding to the page between pieces (each a few tens of
 * milliseconds of work), so that a five-million-row export never freezes it.
 */
export async function downloadPieces(
  name: string,
  pieces: Iterable<string>,
  type = 'text/csv',
): Promise<void> {
  const parts: string[] = [];
  for (const piece of pieces) {
    parts.push(piece);
    await new Promise<void>((resolve) => setTimeout(resolve));
  }
  downloadParts(name, parts, type);
}
