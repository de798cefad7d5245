// Saves text as a file from the page itself (a blob: URL on this origin; nothing is sent). Every
// piece of text passes the one token guard on the way out as well: whatever was screened on the
// way in, no download holds a token. Blobs come from the impact worker, which screens its pieces.
import { guardText } from '../../model/share/tokenGuard';

const screened = (part: BlobPart): BlobPart =>
  typeof part === 'string' ? guardText(part).value : part;

export function downloadText(name: string, text: string, type = 'text/csv'): void {
  downloadParts(name, [text], type);
}

/** The same from pieces of text: the Blob joins them, so no one huge string is ever built. */
export function downloadParts(name: string, parts: BlobPart[], type = 'text/csv'): void {
  save(name, parts.map(screened), type);
}

function save(name: string, parts: BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Saves a file made piece by piece, yielding to the page between pieces (each a few tens of
 * milliseconds of work, its token check included), so that a five-million-row export never
 * freezes it. Pieces end at line ends, so no token is cut in two.
 */
export async function downloadPieces(
  name: string,
  pieces: Iterable<string>,
  type = 'text/csv',
): Promise<void> {
  const parts: BlobPart[] = [];
  for (const piece of pieces) {
    parts.push(screened(piece));
    await new Promise<void>((resolve) => setTimeout(resolve));
  }
  save(name, parts, type);
}
