// The one decoder the browser and the command line share (issue 15, item 7): Windows-1252 is
// read with a notice, a binary file gets a short message, and reading piece by piece (the CLI's
// stream, any cut) gives exactly what reading the whole file gives.
import { describe, expect, it } from 'vitest';
import {
  BINARY,
  TextStreamDecoder,
  WINDOWS_1252_NOTICE,
  decodeText,
  looksBinary,
} from '../../src/model/graph/decodeText';

const bytes = (...b: number[]) => new Uint8Array(b);
const latin = (t: string) => new Uint8Array(Buffer.from(t, 'latin1'));
const utf16le = (t: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(t, 'utf16le')]);
/** Bytes 0x20–0xff on one line, as a binary file read as a CSV (the attack's 5 MB header). */
const sweep = (n: number) => new Uint8Array(Array.from({ length: n }, (_, i) => 0x20 + (i % 0xe0)));
/** Deterministic noise with every byte value, as /dev/urandom gives. */
const noise = (n: number) => {
  let x = 12345;
  return new Uint8Array(
    Array.from({ length: n }, () => (x = (x * 1103515245 + 12345) >>> 0) >>> 24),
  );
};

describe('Windows-1252: read, with a notice', () => {
  it.each([
    ['a Norwegian name', 'ip;user\r\n203.0.113.7;Bj\xf8rn \xc6r\xf8\r\n', 'Bjørn Ærø'],
    [
      'German and French letters',
      'user,ip\nJ\xfcrgen Wei\xdf,1.2.3.4\nFran\xe7oise,1\n',
      'Jürgen Weiß',
    ],
    [
      'curly quotes and the euro sign',
      '"note"\n\x93quoted\x94 costs \x80 5\n',
      '“quoted” costs € 5',
    ],
    ['one byte at the very end', 'ip\n1.2.3.4 \xe9', '1.2.3.4 é'],
  ])('%s', (_n, text, expected) => {
    const r = decodeText(latin(text));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.encoding).toBe('Windows-1252');
    expect(r.value.notice).toBe(WINDOWS_1252_NOTICE);
    expect(r.value.text).toContain(expected);
    expect(r.value.text).not.toContain('\ufffd');
  });

  it('decodes the bytes Windows-1252 gives letters to (0x80–0x9f), not as Latin-1 controls', () => {
    const r = decodeText(bytes(0x80, 0x8a, 0x93, 0x94, 0x9f));
    // Node's non-fatal windows-1252 decoder reads these as Latin-1 controls; the fatal one is right.
    expect(r.ok && r.value.text).toBe('€Š“”Ÿ');
  });

  it('UTF-8 is never taken for Windows-1252, and gets no notice', () => {
    const r = decodeText(new TextEncoder().encode('ip;user\n1.2.3.4;Bjørn\n'));
    expect(r).toEqual({ ok: true, value: { text: 'ip;user\n1.2.3.4;Bjørn\n', encoding: 'UTF-8' } });
  });

  it('a UTF-8 file with one bad byte far in is Windows-1252 when read whole', () => {
    const text = 'ip\n' + '1.2.3.4\n'.repeat(200_000) + 'caf\xe9\n';
    const r = decodeText(latin(text));
    expect(r.ok && r.value.encoding).toBe('Windows-1252');
  });
});

describe('a binary file: one short message', () => {
  it.each([
    ['5 MB of bytes 0x20–0xff on one line', sweep(5_000_000)],
    ['random bytes', noise(100_000)],
    ['a PNG header', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d)],
    ['valid UTF-8 holding NUL', new TextEncoder().encode('ip\n1.2.3.4\u0000\n')],
    ['a ZIP (an .xlsx saved as .csv)', bytes(0x50, 0x4b, 3, 4, 0x14, 0, 6, 0, 8, 0, 0, 0)],
  ])('%s', (_n, input) => {
    expect(decodeText(input)).toEqual({ ok: false, error: BINARY });
    expect(BINARY.length).toBeLessThan(40);
  });

  it.each([
    ['plain text with tabs and form feeds', latin('a\tb\fc\r\nd\xe9\n'), false],
    ['one stray control in a long text', latin('x'.repeat(1000) + '\x01'), false],
    ['many controls', latin('a\x01b\x02c\x03'), true],
  ])('looksBinary: %s', (_n, input, binary) => {
    expect(looksBinary(input)).toBe(binary);
  });
});

describe('piece by piece is the same as whole', () => {
  const cases: [string, Uint8Array][] = [
    [
      'UTF-8 with multi-byte letters',
      new TextEncoder().encode('user\nØyvind 😀 Ærø\n'.repeat(500)),
    ],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('ip\n1\n')])],
    ['UTF-16 LE (Excel "Unicode text")', utf16le('ip\tuser\r\n1.2.3.4\tBjørn 😀\r\n'.repeat(300))],
    ['Windows-1252', latin('ip;user\r\n1.2.3.4;Bjørn\r\n'.repeat(300))],
  ];
  it.each(cases.flatMap(([n, b]) => [1, 2, 3, 7, 4096].map((p) => [n, p, b] as const)))(
    '%s in pieces of %i bytes',
    (_n, piece, input) => {
      const whole = decodeText(input);
      // The stream tells the encoding from its first piece: give it a real file's first piece.
      const d = new TextStreamDecoder();
      const first = Math.max(piece, 64);
      let text = '';
      for (let i = 0; i < input.length; i += i === 0 ? first : piece) {
        const r = d.push(input.subarray(i, i === 0 ? first : i + piece));
        if (!r.ok) throw new Error(r.error);
        text += r.value;
      }
      const end = d.end();
      expect(end.ok).toBe(true);
      if (end.ok) text += end.value;
      expect(whole.ok).toBe(true);
      if (whole.ok) {
        expect(text).toBe(whole.value.text);
        expect(d.encoding).toBe(whole.value.encoding);
      }
    },
  );

  it('a stream that starts as UTF-8 and breaks later says where', () => {
    const d = new TextStreamDecoder();
    expect(d.push(new TextEncoder().encode('ip\n1.2.3.4\n')).ok).toBe(true);
    expect(d.push(latin('caf\xe9\n'))).toEqual({
      ok: false,
      error: expect.stringMatching(/^not UTF-8 text after byte 11 /),
    });
  });

  it('UTF-16 cut short is found at the end of the stream', () => {
    const d = new TextStreamDecoder();
    expect(d.push(bytes(0xff, 0xfe, 0x7b, 0x00)).ok).toBe(true);
    expect(d.push(bytes(0x7d)).ok).toBe(true);
    expect(d.end()).toEqual({
      ok: false,
      error: 'UTF-16 LE text with an odd number of bytes: the file is cut short',
    });
  });
});
