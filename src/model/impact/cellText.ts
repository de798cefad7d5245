// One copy of each distinct cell text a log repeats (users, addresses, clients, token dates),
// shared by the readers and the batch path's tables. A Map finds a key by its hash and then
// compares it: with the very same string that is one pointer test, with an equal copy it is a
// character-by-character comparison, ~4x slower. So a cell is looked up here once per row (its
// hash has to be worked out once anyway) and every later table lookup gets the shared copy, which
// the tables keep as their own key.
// A copy, not the cell itself: a cell read from a file is a slice of a slice of that file, and a
// table that kept one slice per distinct text would keep the whole file in memory.

/** Bound on the texts kept (a safeguard; logs repeat a few thousand users and addresses). */
const LIMIT = 200_000;

// A prototype-less object rather than a Map: a property lookup finds an equal string through the
// engine's table of unique strings, which measured ~25% faster than a Map's compare of a slice.
let pool: Record<string, string> = Object.create(null) as Record<string, string>;
let size = 0;

/** A copy of `text` that does not keep the text it was cut from alive. */
const copy = (text: string) => (' ' + text).slice(1);

/**
 * The shared copy of `text`: equal to it, and the same string for every equal text (until the
 * pool is full, when it starts again: still equal, only slower to compare).
 */
export function cellText(text: string): string {
  let v = pool[text];
  if (v === undefined) {
    if (size >= LIMIT) {
      pool = Object.create(null) as Record<string, string>;
      size = 0;
    }
    v = copy(text);
    pool[v] = v;
    size++;
  }
  return v;
}
