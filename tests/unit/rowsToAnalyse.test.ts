// Which rows the analysis decides (every row with a problem is skipped), the skipped rows grouped
// by reason for the lab's list, and the verdict that says skipped rows are not counted.
import { describe, expect, it } from 'vitest';
import { headline, skippedText } from '../../src/model/impact/logs/coverage';
import { rowsToAnalyse, skippedRowNumbers } from '../../src/model/impact/rowsToAnalyse';
import { skipReasons } from '../../src/model/impact/skipReasons';
import type { RowProblem, SigninRow } from '../../src/model/impact/signinRows';

const row = (n: number): SigninRow => ({ row: n, ip: '192.0.2.1' });
const flow = (n: number, value: string): RowProblem => ({
  row: n,
  field: 'flow',
  message: `"${value}" is not one of web, pat, ssh, oauth`,
});
const when = (n: number): RowProblem => ({
  row: n,
  field: 'when',
  message: '"yesterday" is not an ISO 8601 date such as 2024-05-14T09:30:00Z',
});

describe('rowsToAnalyse', () => {
  it.each<[string, number[], RowProblem[], number[]]>([
    ['no problem: every row', [2, 3, 4], [], [2, 3, 4]],
    ['a bad cell skips its row', [2, 3, 4], [flow(3, 'telnet')], [2, 4]],
    ['several bad cells, one row skipped', [2, 3], [flow(3, 'x'), when(3)], [2]],
    ['a problem for a row not read changes nothing', [2, 3], [when(9)], [2, 3]],
  ])('%s', (_name, rows, problems, kept) => {
    expect(rowsToAnalyse({ rows: rows.map(row), problems }).map((r) => r.row)).toEqual(kept);
  });
  it('lists each skipped row once, in file order', () => {
    expect(skippedRowNumbers([when(6), flow(5, 'a'), when(5)])).toEqual([5, 6]);
  });
});

describe('skipReasons', () => {
  it('groups by column and message, whatever the value, with each row once', () => {
    const problems = [flow(5, 'telnet'), when(5), flow(7, 'ftp'), flow(9, 'telnet'), when(9)];
    expect(skipReasons(problems)).toEqual([
      {
        field: 'flow',
        message: '"telnet" is not one of web, pat, ssh, oauth',
        otherValues: 1,
        count: 3,
        rows: [5, 7, 9],
      },
      { field: 'when', message: when(5).message, otherValues: 0, count: 2, rows: [5, 9] },
    ]);
  });
  it('keeps the first rows of a long list and counts the rest', () => {
    const many = Array.from({ length: 50 }, (_, i) => when(i + 2));
    const [r] = skipReasons(many, 20);
    expect(r!.count).toBe(50);
    expect(r!.rows).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
  });
  it('a message without a quoted value is its own reason', () => {
    const ip: RowProblem = { row: 4, field: 'ip', message: 'missing' };
    expect(skipReasons([ip, { ...ip, row: 8 }])).toMatchObject([{ count: 2, rows: [4, 8] }]);
  });
});

describe('the verdict says skipped rows are not counted', () => {
  it.each<[number, string]>([
    [0, ''],
    [1, ' 1 row was skipped for a bad cell and is not counted.'],
    [2500, ' 2,500 rows were skipped for a bad cell and are not counted.'],
  ])('%i skipped', (n, text) => {
    expect(skippedText(n)).toBe(text);
    const h = headline(3, undefined, undefined, 'pat', n);
    expect(h.verdict).toBe(
      `Turning the org policy on would newly refuse 3 of the requests in this log.${text}`,
    );
  });
});
