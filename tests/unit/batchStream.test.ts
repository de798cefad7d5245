// `whatif --batch` reads its file as a stream: the result must not depend on where the pieces
// are cut, on the encoding (UTF-8 with or without a BOM, UTF-16 LE/BE with a BOM), on CRLF line
// ends or on `;` as the separator; and the JSON it writes row by row must be exactly
// JSON.stringify of the report.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runBatchFile } from '../../src/cli/batch';
import { streamText } from '../../src/cli/files';
import { writeBatch, writeBatchJson } from '../../src/cli/formatBatch';
import { writeBatchNdjson } from '../../src/cli/formatBatchNdjson';
import { loadWorld } from '../../src/cli/loadWorld';
import { DEFAULT_ASSUMPTIONS } from '../../src/model/engine/assumptions';
import { parseCsv } from '../../src/model/impact/csv';
import { readSigninRows, type SigninRow } from '../../src/model/impact/signinRows';
import { SigninStream } from '../../src/worker/signinChunks';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const F = `${ROOT}/tests/fixtures/cli`;
const dir = mkdtempSync(join(tmpdir(), 'pat-fence-batch-'));

/** A CSV with quoted newlines, quoted separators, blank and bad rows. */
function csv(rows: number, sep = ',', eol = '\n'): string {
  const lines = [['at', 'user', 'ip', 'flow', 'note'].join(sep)];
  for (let i = 0; i < rows; i++) {
    const ip = i % 97 === 0 ? '010.0.0.1' : `100.64.${i % 7}.${i % 251}`;
    const note = i % 5 === 0 ? `"two${eol}lines, ""quoted""${sep} here"` : 'plain';
    lines.push(
      [`2026-03-0${1 + (i % 9)}T10:00:00Z`, `u${i % 13}@contoso.com`, ip, 'pat', note].join(sep),
    );
    if (i % 50 === 0) lines.push('');
  }
  return lines.join(eol) + eol;
}

function streamed(text: string, piece: number, slice: number) {
  const rows: SigninRow[] = [];
  const problems: unknown[] = [];
  const s = new SigninStream((part) => {
    rows.push(...part.rows);
    problems.push(...part.problems);
  }, slice);
  for (let i = 0; i < text.length; i += piece)
    expect(s.push(text.slice(i, i + piece))).toBe(undefined);
  const end = s.end();
  return { end, rows, problems };
}

describe('SigninStream', () => {
  const text = csv(3000);
  const whole = readSigninRows(text);
  if (!whole.ok) throw new Error(whole.error);

  it.each([
    [1_000_000, 1_000_000],
    [4096, 70_000],
    [777, 66_000],
    [100_003, 150_000],
  ])('pieces of %i characters, slices of %i: the same rows as one read', (piece, slice) => {
    const r = streamed(text, piece, slice);
    expect(r.end.ok).toBe(true);
    expect(r.rows).toEqual(whole.value.rows);
    expect(r.problems).toEqual(whole.value.problems);
  });

  it('one big piece is read in slices of about the slice size, not as one slice', () => {
    // A slice's rows live until it is analysed: a whole 8 MB piece read at once kept tens of
    // thousands of rows alive through the young generation's collections.
    const big = csv(30_000);
    const sizes: number[] = [];
    const s = new SigninStream((part) => sizes.push(part.rows.length), 100_000);
    expect(s.push(big)).toBe(undefined);
    expect(s.end().ok).toBe(true);
    const rowsPerSlice = 100_000 / (big.length / 30_000);
    expect(sizes.length).toBeGreaterThan(10);
    for (const n of sizes.slice(0, -1)) expect(n).toBeLessThan(rowsPerSlice * 1.2);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(30_000);
  });

  it('any pieces and slices, with a sep= first line, CRLF or ;: the same rows as one read', () => {
    const texts = [text, csv(3000, ';', '\r\n'), `sep=,\n${csv(2500)}`];
    const wholes = texts.map((t) => readSigninRows(t));
    fc.assert(
      fc.property(
        fc.nat(texts.length - 1),
        fc.integer({ min: 1, max: 90_000 }),
        fc.integer({ min: 1, max: 120_000 }),
        (k, piece, slice) => {
          const w = wholes[k]!;
          if (!w.ok) throw new Error(w.error);
          const r = streamed(texts[k]!, piece, slice);
          expect(r.end.ok).toBe(true);
          expect(r.rows).toEqual(w.value.rows);
          expect(r.problems).toEqual(w.value.problems);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a BOM, then a quoted first header field with a line break in it: the same rows as one read', () => {
    // The cut once took the BOM for the first field's text, so the quote for text and the line
    // break in it for the header's end; the reader, which skips the BOM, then had to go back.
    const bom = '\uFEFF"a\nt"' + csv(3000).slice(2);
    const w = readSigninRows(bom);
    if (!w.ok) throw new Error(w.error);
    expect(w.value.rows.length).toBe(3000);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 90_000 }),
        fc.integer({ min: 1, max: 120_000 }),
        (piece, slice) => {
          const r = streamed(bom, piece, slice);
          expect(r.end.ok).toBe(true);
          expect(r.rows).toEqual(w.value.rows);
          expect(r.problems).toEqual(w.value.problems);
        },
      ),
      { numRuns: 15 },
    );
  });

  it.each([
    ['; and CRLF', csv(3000, ';', '\r\n')],
    [', and CRLF', csv(3000, ',', '\r\n')],
  ])('%s give the same rows', (_, other) => {
    const r = streamed(other, 5000, 70_000);
    expect(r.rows).toEqual(whole.value.rows);
  });

  it('a header ended by a lone CR, then a blank LF line where a slice ends: rows numbered as one read', () => {
    // The text left after a slice goes behind the header: its CR and that LF must stay two breaks.
    const odd = 'ip,user\r1.1.1.1,a\n\n2.2.2.2,' + 'x'.repeat(70_000) + '\n';
    const w = readSigninRows(odd);
    if (!w.ok) throw new Error(w.error);
    const rows: number[] = [];
    const s = new SigninStream((p) => rows.push(...p.rows.map((r) => r.row)), 5);
    expect(s.push(odd.slice(0, 69_000))).toBe(undefined);
    expect(s.push(odd.slice(69_000))).toBe(undefined);
    expect(s.end().ok).toBe(true);
    expect(rows).toEqual(w.value.rows.map((r) => r.row));
    expect(rows).toEqual([2, 4]);
  });

  it.each([0, -5, Number.NaN])(
    'a slice size of %s reads one record at a time, and ends',
    (size) => {
      const some = csv(1500); // past the 64 KB kept back, so slices are cut
      const w = readSigninRows(some);
      if (!w.ok) throw new Error(w.error);
      const r = streamed(some, 40_000, size);
      expect(r.end.ok).toBe(true);
      expect(r.rows).toEqual(w.value.rows);
    },
  );

  it('a quote never closed far into the file: its row and line in the file, whatever the slices', () => {
    // Quoted line breaks before it make its line differ from its row.
    const plain = '2026-03-01T10:00:00Z,u@contoso.com,100.64.0.1,pat,plain\n'.repeat(2000);
    const bad = csv(2500) + '2026-03-01T10:00:00Z,"never closed,100.64.0.1,pat,x\n' + plain;
    const w = readSigninRows(bad);
    expect(w.ok).toBe(false);
    const want = w.ok ? '' : w.error;
    expect(want).toMatch(/^CSV row \d{4} \(line \d{4}\): a quoted field is never closed$/);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 90_000 }),
        fc.integer({ min: 1, max: 120_000 }),
        (piece, slice) => {
          const s = new SigninStream(() => {}, slice);
          let error: string | undefined;
          for (let i = 0; i < bad.length && error === undefined; i += piece)
            error = s.push(bad.slice(i, i + piece));
          if (error === undefined) {
            const end = s.end();
            error = end.ok ? undefined : end.error;
          }
          expect(error).toBe(want);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a quote still open after 16 million characters is reported then, with its row, not carried to the end', () => {
    const plain = '2026-03-01T10:00:00Z,u@contoso.com,100.64.0.1,pat,plain\n';
    const head = csv(100) + '2026-03-01T10:00:00Z,"never closed,100.64.0.1,pat,x\n';
    const w = readSigninRows(head);
    const row = w.ok ? 0 : Number(/^CSV row (\d+)/.exec(w.error)![1]);
    const s = new SigninStream(() => {}, 200_000);
    expect(s.push(head)).toBe(undefined);
    let error: string | undefined;
    let pushed = 0;
    const piece = plain.repeat(20_000); // about a megabyte
    while (error === undefined && pushed < 40) {
      error = s.push(piece);
      pushed++;
    }
    expect(error).toMatch(
      new RegExp(
        `^CSV row ${row} \\(line \\d+\\): a quoted field runs on for over 16 million characters without its closing quote$`,
      ),
    );
    expect(pushed).toBeLessThan(40);
  });

  it('a file of no known kind with long quoted cells gets its header message, not a CSV error', () => {
    const pieces = [
      'name,comment\na,"' + 'x\n'.repeat(150_000),
      '"\nb,c\n',
      'd,"' + 'y\n'.repeat(350_000),
      '"\ne,f\n',
    ];
    const w = readSigninRows(pieces.join(''));
    expect(w.ok).toBe(false);
    const s = new SigninStream(() => {}, 200_000);
    let error: string | undefined;
    for (const p of pieces) error ??= s.push(p);
    if (error === undefined) {
      const end = s.end();
      error = end.ok ? undefined : end.error;
    }
    expect(error).toBe(w.ok ? '' : w.error);
  });

  /** The stream's error for text pushed in pieces of `piece` characters, and how many it took. */
  function pushed(text: string, piece: number, slice = 200_000) {
    const s = new SigninStream(() => {}, slice);
    let error: string | undefined;
    let pieces = 0;
    for (let i = 0; i < text.length && error === undefined; i += piece, pieces++)
      error = s.push(text.slice(i, i + piece));
    if (error === undefined) {
      const end = s.end();
      error = end.ok ? undefined : end.error;
    }
    return { error, pieces };
  }

  it('no known kind, a piece ending inside a quoted cell past the first slice: the header message', () => {
    // The read of what had come reported the quote not closed yet as "never closed".
    const text =
      'name,comment\n' + 'a,b\n'.repeat(100_000) + 'c,"' + 'x\n'.repeat(150_000) + '"\nd,e\n';
    const w = readSigninRows(text);
    expect(w.ok ? '' : w.error).toMatch(/^No IP column, and not a log PAT Fence knows/);
    for (const piece of [500_003, 300_001, 65_537])
      expect(pushed(text, piece).error).toBe(w.ok ? '' : w.error);
  });

  it('no known kind, pieces and slices of any size: the message of one whole read', () => {
    const cell = fc.oneof(
      fc.constantFrom('a', '100.64.0.1', ''),
      fc
        .tuple(
          fc.string({ unit: fc.constantFrom('x', '\n', ',', '"', '\r'), maxLength: 20 }),
          fc.integer({ min: 0, max: 30_000 }),
        )
        .map(([t, n]) => '"' + (t + 'x\n'.repeat(n)).replace(/"/g, '""') + '"'),
      fc.constantFrom('"never closed', 'mid"quote'),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('name,comment', '\uFEFFx;y', 'sep=;\nname;comment'),
        fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.integer({ min: 1, max: 40_000 }),
        (head, rows, piece, slice) => {
          const sep = head.includes(';') ? ';' : ',';
          const text = head + '\n' + rows.map((r) => r.join(sep)).join('\n') + '\n';
          const w = readSigninRows(text);
          expect(pushed(text, piece, slice).error).toBe(w.ok ? undefined : w.error);
        },
      ),
      { numRuns: 150 },
    );
  });

  it.each([
    // A stray quote in the header made the separator depend on the rows after it: the end's
    // read of what was left sniffed another one than the whole read.
    ['a stray quote in the header', 'ip,x"\ny";;\n' + '100.64.0.1\n'.repeat(200_000)],
    ['the same, under a header of no known kind', 'name,x"\ny";;\n' + 'a\n'.repeat(200_000)],
    // The end's whole read took a second `sep=` line off too.
    ['two sep= lines', 'sep=;\nsep=,\nip\n1.2.3.4\n'],
    ['two sep= lines, the second ended by a lone CR', 'sep=;\nsep=,\r'],
  ])('%s: the rows or the message of one whole read', (_, text) => {
    const w = readSigninRows(text);
    for (const [piece, slice] of [
      [1 << 20, 200_000],
      [3, 70_000],
      [100_003, 5],
    ] as const) {
      const r = streamed(text, piece, slice);
      expect(r.end.ok ? undefined : r.end.error).toBe(w.ok ? undefined : w.error);
      if (w.ok) expect(r.rows).toEqual(w.value.rows);
    }
  });

  it('a record with no line break for over 16 million characters is refused then, with its row and line', () => {
    // Such a record was read again at every piece (quadratic) and carried whole: a 100 MB file of
    // one endless line ran out of memory.
    const head = 'ip,user\n100.64.0.1,"u\nv"\n';
    const text = head + 'a'.repeat(40 << 20);
    const r = pushed(text, 1 << 20);
    expect(r.error).toBe(
      'CSV row 3 (line 4): a record runs on for over 16 million characters without a line break',
    );
    expect(r.pieces).toBeLessThan(40);
  });

  it('no known kind and no line break for over 16 million characters: the header message then', () => {
    const text = 'name,comment\nx,y\n' + 'a'.repeat(40 << 20);
    const r = pushed(text, 1 << 20);
    expect(r.error).toMatch(/^No IP column, and not a log PAT Fence knows/);
    expect(r.pieces).toBeLessThan(40);
  });

  it.each([
    ['no line break', 'ip,user'],
    ['a quote left open', 'ip,"user'],
  ])('a header with %s for over 16 million characters is refused then', (_, head) => {
    const r = pushed(head + 'a'.repeat(40 << 20), 1 << 20);
    expect(r.error).toBe(
      "CSV row 1 (line 1): the header runs on for over 16 million characters without ending (a log's header is one line of column names)",
    );
    expect(r.pieces).toBeLessThan(40);
  });

  it('at the end, a quote never closed is said so, however long it ran', () => {
    const head = csv(100) + '2026-03-01T10:00:00Z,"never closed,100.64.0.1,pat,x\n';
    const text = head + 'a\n'.repeat(9_000_000);
    const w = readSigninRows(head);
    const s = new SigninStream(() => {}, 200_000);
    let error: string | undefined;
    for (let i = 0; i < text.length && error === undefined; i += 1 << 20)
      error = s.push(text.slice(i, i + (1 << 20)));
    const end = s.end();
    expect(error).toBe(undefined);
    expect(end.ok ? '' : end.error).toBe(w.ok ? '' : w.error);
  });

  it('a semicolon CSV parses like its comma twin', () => {
    expect(parseCsv('a;"b;c"\r\n1;2\r\n')).toEqual({
      ok: true,
      value: [
        ['a', 'b;c'],
        ['1', '2'],
      ],
    });
    expect(parseCsv('a,b;c\n1,2\n')).toEqual({
      ok: true,
      value: [
        ['a', 'b;c'],
        ['1', '2'],
      ],
    });
  });
});

describe('streamText', () => {
  const text = `\uFEFFip,user\n203.0.113.10,zoë@contoso.com\n${'x'.repeat(5000)}\n`;
  const encodings: [string, Buffer][] = [
    ['UTF-8', Buffer.from(text.slice(1), 'utf8')],
    ['UTF-8 with a BOM', Buffer.from(text, 'utf8')],
    ['UTF-16 LE with a BOM', Buffer.from(text, 'utf16le')],
    ['UTF-16 BE with a BOM', Buffer.from(text, 'utf16le').swap16()],
  ];
  it.each(encodings)('%s, read in small pieces', (name, bytes) => {
    const path = join(dir, `${name}.csv`);
    writeFileSync(path, bytes);
    let got = '';
    expect(streamText('batch', path, (t) => void (got += t), 7)).toEqual({ ok: true, value: {} });
    expect(got).toBe(text.slice(1));
  });
  it('names the flag and the file when it cannot read', () => {
    expect(streamText('batch', join(dir, 'gone.csv'), () => undefined)).toEqual({
      ok: false,
      error: `--batch ${join(dir, 'gone.csv')}: cannot read it (no such file)`,
    });
  });
});

describe('the batch reports', () => {
  const loaded = loadWorld(`${F}/locations.json`, `${F}/policies-block-outside.json`);
  if (!loaded.ok) throw new Error(loaded.error);
  const path = join(dir, 'big.csv');
  writeFileSync(path, csv(20_000));
  const settings = {
    validation: true,
    assumptions: DEFAULT_ASSUMPTIONS,
    at: '2026-04-01T00:00:00Z',
  };

  it('writes JSON exactly as JSON.stringify would, with rows in file order', () => {
    const r = runBatchFile(loaded.value, path, settings);
    if (!r.ok) throw new Error(r.error);
    let text = '';
    writeBatchJson(r.value, (t) => (text += t));
    const json = JSON.parse(text);
    expect(text).toBe(JSON.stringify(json, null, 2) + '\n');
    expect(json.rows.length + json.problems.length).toBe(20_000);
    expect(json.rows[0]).toEqual({
      row: 4,
      ip: '100.64.1.1',
      flow: 'pat',
      user: 'u1@contoso.com',
      off: 'allowed',
      on: 'blocked',
      code: 'VS403463',
      rule: 'R4',
    });
    expect(json.problems[0]).toMatchObject({ row: 2, field: 'ip' });
  });

  it('writes NDJSON with the same rows and problems as --json, the summary last', () => {
    const r = runBatchFile(loaded.value, path, settings);
    if (!r.ok) throw new Error(r.error);
    let json = '';
    writeBatchJson(r.value, (t) => (json += t), { kind: 'plain' });
    let text = '';
    const pieces: string[] = [];
    writeBatchNdjson(
      r.value,
      (t) => {
        pieces.push(t);
        text += t;
      },
      { kind: 'plain', nothing: undefined },
    );
    // Written in pieces, each of whole lines.
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p.endsWith('\n')).toBe(true);
    const lines = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const whole = JSON.parse(json);
    const of = (type: string) =>
      lines.filter((l) => l.type === type).map(({ type: _t, ...rest }) => rest);
    expect(of('row')).toEqual(whole.rows);
    expect(of('problem')).toEqual(whole.problems);
    expect(lines.at(-1)).toEqual({
      type: 'summary',
      current: whole.current,
      summary: whole.summary,
      kind: 'plain',
    });
    expect(lines.filter((l) => l.type === 'summary')).toHaveLength(1);
    // Rows come before problems, in file order.
    const types = lines.map((l) => l.type).join(' ');
    expect(types).toMatch(/^(row )+(problem )+summary$/);
  });

  it('the text report lines every row up like columns() does', () => {
    const small = runBatchFile(loaded.value, `${F}/signins.csv`, settings);
    if (!small.ok) throw new Error(small.error);
    let text = '';
    writeBatch(small.value, 'signins.csv', (t) => (text += t));
    const lines = text.split('\n');
    const header = lines.find((l) => l.startsWith('  row'))!;
    const rows = lines.filter((l) => /^ {2}\d/.test(l));
    expect(rows.length).toBeGreaterThan(3);
    // Every row's cells start where the header's do.
    for (const col of ['ip', 'flow', 'user', 'code (on)', 'rule (on)']) {
      const at = header.indexOf(col);
      for (const row of rows) expect(row[at - 1]).toBe(' ');
    }
    expect(readFileSync(`${F}/signins.csv`, 'utf8')).toContain('010.0.0.1');
  });
});
