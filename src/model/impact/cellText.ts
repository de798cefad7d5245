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

// A table of its own (open addressing, FNV-1a over the text's code units) rather than a Map or a
// prototype-less object: an object's lookup asks the engine's table of every unique string, and
// in a 1M-row batch (cpu profile) this took 90-121 ms where that took 253-311 ms.
let keys: (string | undefined)[] = new Array<string | undefined>(1 << 12);
let size = 0;

/** A copy of `text` that does not keep the text it was cut from alive. */
const copy = (text: string) => (' ' + text).slice(1);

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** The slot of `text` in `table`: where it is, or the empty one where it would go. */
function slotOf(table: (string | undefined)[], text: string): number {
  const mask = table.length - 1;
  let s = hash(text) & mask;
  for (;;) {
    const k = table[s];
    if (k === undefined || k === text) return s;
    s = (s + 1) & mask;
  }
}

/** Twice the slots, every text moved to its new slot (the table stays at most half full). */
function grow(): void {
  const old = keys;
  keys = new Array<string | undefined>(old.length * 2);
  for (const k of old) if (k !== undefined) keys[slotOf(keys, k)] = k;
}

/**
 * The shared copy of `text`: equal to it, and the same string for every equal text (until the
 * pool is full, when it starts again: still equal, only slower to compare).
 */
export function cellText(text: string): string {
  const known = keys[slotOf(keys, text)];
  return known !== undefined ? known : keep(text);
}

/** A new text, its copy kept. */
function keep(text: string): string {
  if (size >= LIMIT) {
    keys = new Array<string | undefined>(1 << 12);
    size = 0;
  } else if ((size + 1) * 2 > keys.length) grow();
  const v = copy(text);
  keys[slotOf(keys, text)] = v;
  size++;
  return v;
}
