// What every attack case shares: the token samples planted in inputs (random characters in the
// real shapes, never an issued credential), the shape of a case's result, and the checks that
// make an outcome "clean" (no throw, no hang, a short message, no token, no polluted prototype).

export interface Outcome {
  category: string;
  name: string;
  ok: boolean;
  /** Why it is not clean (empty when it is). */
  detail: string;
}

/** A deterministic sample of an alphabet (a linear congruential draw, as the property test does). */
export function sample(alphabet: string, n: number, seed: number): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out += alphabet[(x >>> 16) % alphabet.length];
  }
  return out;
}
const B32 = 'abcdefghijklmnopqrstuvwxyz234567';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A legacy PAT: 52 characters of lowercase base32. */
export const PAT52 = sample(B32, 52, 7);
/** A current-format PAT: 84 alphanumerics, JQQJ at offset 52 and AZDO at offset 76. */
export const PAT84 =
  sample(ALNUM, 52, 11) + 'JQQJ' + sample(ALNUM, 20, 13) + 'AZDO' + sample(ALNUM, 4, 17);
export const TOKENS = [PAT52, PAT84];

/** The pieces whose presence anywhere means a token leaked (a third of each is plenty). */
const PIECES = [PAT52.slice(8, 28), PAT84.slice(10, 40)];

/** The token (or a piece of one) found in `text`, if any. */
export function leakIn(text: string): string | undefined {
  return PIECES.find((p) => text.includes(p));
}

/** Every way a token is planted: alone, and with characters touching it on either side. */
export const PLANTED: [string, string][] = [
  ['52-char PAT', PAT52],
  ['84-char PAT', PAT84],
  ['PAT+"x"', `${PAT52}x`],
  ['"x"+PAT', `x${PAT52}`],
  ['84+"x"', `${PAT84}x`],
  ['PAT in words', `Block ${PAT52} now`],
  ['PAT as a URL user', `https://${PAT52}@dev.azure.com/org`],
  ['PAT in quotes', `"${PAT84}"`],
];

/** Own properties of the built-in prototypes, to see that no input added any. */
const PROTO = Object.getOwnPropertyNames(Object.prototype).sort().join();
const ARRAY = Object.getOwnPropertyNames(Array.prototype).sort().join();
export function pollution(): string | undefined {
  if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== PROTO)
    return 'Object.prototype changed';
  if (Object.getOwnPropertyNames(Array.prototype).sort().join() !== ARRAY)
    return 'Array.prototype changed';
  const o = {} as Record<string, unknown>;
  if (o.polluted !== undefined || o.isAdmin !== undefined) return 'a polluted property';
  return undefined;
}

/** C0 and C1 controls other than tab and line feed: a terminal obeys these. */
// eslint-disable-next-line no-control-regex
export const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Hostile strings any field may get: markup, controls, bidi, zero-width, prototype keys. */
export const NASTY: [string, string][] = [
  ['empty', ''],
  ['spaces', '   '],
  ['__proto__', '__proto__'],
  ['constructor', 'constructor'],
  ['markup', '<img src=x onerror=alert(1)><script>alert(1)</script>'],
  ['formula', '=HYPERLINK("http://evil.example","x")'],
  ['clear screen', 'a\u001b[2Jb'],
  ['OSC 0 title', '\u001b]0;pwned\u0007'],
  ['OSC 8 link', '\u001b]8;;http://evil.example\u0007click\u001b]8;;\u0007'],
  ['C1 CSI', 'x\u009b31mred'],
  ['NUL and BEL', 'a\u0000b\u0007c'],
  ['RTL override', '\u202egnp.exe\u202c'],
  ['zero-width', 'a\u200bb\u200dc\ufeff'],
  ['lone surrogate', 'x\ud800y'],
  ['emoji', '👩🏽‍💻 Ops'],
  ['200k chars', 'A'.repeat(200_000)],
];
