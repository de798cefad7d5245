// Everyday spreadsheet files (issue 15, item 7): European Excel's semicolon CSV, Excel's "Unicode
// text" (UTF-16 LE, tab-separated), .tsv, Windows-1252 and UTF-16 BE all read as the same rows as
// the plain comma CSV, in the model, the worker's slices and the command line alike.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { WINDOWS_1252_NOTICE, decodeText } from '../../src/model/graph/decodeText';
import { detectSeparator } from '../../src/model/impact/csvCursor';
import { readSigninRows } from '../../src/model/impact/signinRows';
import { readSigninRowsInChunks } from '../../src/worker/signinChunks';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const F = `${ROOT}/tests/fixtures/cli`;
const TMP = mkdtempSync(join(tmpdir(), 'pf-sheets-'));

const HEADER = ['ip', 'flow', 'user', 'note'];
const ROWS = [
  ['203.0.113.10', 'pat', 'alice@contoso.com', 'HQ'],
  ['100.64.12.7', 'pat', 'bjørn@contoso.no', 'home; "the" café, Ærø'],
  ['198.51.100.20', 'ssh', 'carol@contoso.com', ''],
  ['2001:db8:10::42', '', 'dave@contoso.com', 'v6'],
];

/** The table as a spreadsheet writes it: fields with the separator or a quote are quoted. */
function sheet(sep: string, eol: string): string {
  const cell = (c: string) => (/[",;\t\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return [HEADER, ...ROWS].map((r) => r.map(cell).join(sep)).join(eol) + eol;
}

const utf8 = (t: string) => new Uint8Array(Buffer.from(t, 'utf8'));
const bom8 = (t: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(t)]);
const utf16le = (t: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(t, 'utf16le')]);
const utf16be = (t: string) =>
  new Uint8Array([0xfe, 0xff, ...Buffer.from(t, 'utf16le').map((_, i, a) => a[i ^ 1]!)]);
const cp1252 = (t: string) => new Uint8Array(Buffer.from(t, 'latin1'));

const FORMS: [string, string, Uint8Array, string | undefined][] = [
  ['comma CSV (UTF-8)', 'plain.csv', utf8(sheet(',', '\n')), undefined],
  ['European Excel "CSV UTF-8" (; BOM CRLF)', 'eu.csv', bom8(sheet(';', '\r\n')), undefined],
  ['European Excel "CSV" (; Windows-1252)', 'eu-1252.csv', cp1252(sheet(';', '\r\n')), 'notice'],
  ['Excel "Unicode text" (UTF-16 LE, tab)', 'unicode.txt', utf16le(sheet('\t', '\r\n')), undefined],
  ['.tsv (UTF-8, tab)', 'log.tsv', utf8(sheet('\t', '\n')), undefined],
  ['UTF-16 BE with BOM, semicolon', 'be.csv', utf16be(sheet(';', '\n')), undefined],
  ['Windows-1252 comma CSV', '1252.csv', cp1252(sheet(',', '\n')), 'notice'],
];

const expectedRows = ROWS.map(([ip, flow, user], i) => ({
  row: i + 2,
  ip,
  ...(flow ? { flow } : {}),
  user,
}));

describe('separator sniffing from the header line', () => {
  it.each([
    ['ip,user', ','],
    ['ip;user', ';'],
    ['ip\tuser', '\t'],
    ['"a;b",c', ','],
    ['"a,b";c', ';'],
    ['"a,b"\t"c;d"', '\t'],
    ['ip', ','],
    ['ip;user,x;y', ';'],
    ['ip\tuser\tx;y', '\t'],
    ['ip,user\n1;2;3;4', ','],
    // A quote inside a field is text, as the reader has it: the count stops at the header's end.
    ['ip,x"\ny";;', ','],
    ['ip;us"er\n1,2,3"', ';'],
    ['\uFEFF"a,b";c', ';'],
    ['"a""b,c";d', ';'],
    ['"a\nb,c,d";e\n1,2,3', ';'],
  ])('%j → %j', (header, sep) => {
    expect(String.fromCharCode(detectSeparator(header))).toBe(sep);
  });
});

describe.each(FORMS)('%s', (_name, file, bytes, notice) => {
  const decoded = decodeText(bytes);
  it('decodes, with a notice only for Windows-1252', () => {
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(decoded.value.notice).toBe(notice && WINDOWS_1252_NOTICE);
  });
  const text = decoded.ok ? decoded.value.text : '';

  it('reads the same rows as the comma CSV', () => {
    const r = readSigninRows(text);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.rows.map(({ row, ip, flow, user }) => ({ row, ip, flow, user }))).toEqual(
      expectedRows.map((e) => ({ flow: undefined, ...e })),
    );
    expect(r.value.problems).toEqual([]);
    expect(r.value.log?.ignored).toEqual(['note']);
  });

  it("reads the same rows in the worker's slices", async () => {
    const many = text + text.slice(text.search(/\r?\n/) + 1).repeat(2000);
    const whole = readSigninRows(many);
    const sliced = await readSigninRowsInChunks(many, {}, 10_000);
    expect(whole.ok && sliced?.ok).toBe(true);
    if (whole.ok && sliced?.ok) expect(sliced.value.rows).toEqual(whole.value.rows);
  });

  it('whatif --batch gives the same report, and says how it read the file', () => {
    const path = join(TMP, file);
    writeFileSync(path, bytes);
    const out: string[] = [];
    const err: string[] = [];
    const code = main(
      [
        ...['--locations', `${F}/locations.json`, '--policies', `${F}/policies-block-outside.json`],
        ...['--validation', 'on', '--at', '2026-11-01T10:00:00Z', '--batch', path, '--json'],
      ],
      { stdout: (t) => out.push(t), stderr: (t) => err.push(t), now: () => new Date(0) },
    );
    expect(code).toBe(0);
    const json = JSON.parse(out.join(''));
    expect(json.rows.map((r: { user: string }) => r.user)).toEqual(ROWS.map((r) => r[2]));
    expect(json.summary.on).toEqual({ allowed: 3, blocked: 1, 'mfa-required': 0 });
    expect(err.join('').includes('Windows-1252')).toBe(notice !== undefined);
  });
});

describe('one decoder for JSON too: a UTF-16 log is read like its UTF-8 twin', () => {
  const log = JSON.stringify([
    { ip: '203.0.113.10', flow: 'pat', user: 'alice@contoso.com' },
    { ip: '100.64.12.7', flow: 'pat', user: 'bjørn@contoso.no' },
  ]);
  it.each([
    ['UTF-8', utf8(log)],
    ['UTF-16 LE', utf16le(log)],
    ['UTF-16 BE', utf16be(log)],
  ])('%s', (_n, bytes) => {
    const d = decodeText(bytes);
    expect(d.ok && d.value.text).toBe(log);
  });
});
