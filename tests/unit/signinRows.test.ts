import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_SIGNIN_TEXT, readSigninRows, type SigninRow } from '../../src/model/impact/signinRows';

const fixture = readFileSync(new URL('../fixtures/signins.csv', import.meta.url), 'utf8');

describe('readSigninRows on the shared Entra-style export', () => {
  const r = readSigninRows(fixture);
  if (!r.ok) throw new Error(r.error);
  const { rows, problems } = r.value;
  it('reads 26 Azure DevOps rows, counts 4 for another resource apart, no problems', () => {
    expect(rows).toHaveLength(26);
    expect(r.value.log).toMatchObject({ kind: 'entra-signin', holdsPat: false });
    expect(r.value.log?.apart).toEqual([
      expect.objectContaining({ reason: 'other-resource', count: 4, rows: [11, 15, 22, 27] }),
    ]);
    expect(problems).toEqual([]);
    expect(r.warnings).toEqual([]);
  });
  it('maps the Entra columns of the first row', () => {
    expect(rows[0]).toEqual({
      row: 2,
      ip: '203.0.113.14',
      flow: 'web',
      user: 'alice.jansen@contoso.com',
      at: '2025-11-03T07:58:12.000Z',
      client: 'Browser',
      country: 'NL',
    });
  });
  it('takes "IP address (seen by resource)" as the IP and "IP address" as the sign-in IP (R10)', () => {
    expect(rows.find((x) => x.row === 18)).toMatchObject({
      ip: '192.0.2.40',
      signinIp: '198.51.100.18',
    });
  });
  it('never reads an Entra row as a PAT or SSH', () => {
    expect(new Set(rows.map((x) => x.flow))).toEqual(new Set(['web', 'oauth']));
  });
  it('derives oauth from "Mobile Apps and Desktop clients" and includes IPv6 rows', () => {
    expect(rows[1]!.flow).toBe('oauth');
    expect(rows.filter((x) => x.ip.includes(':')).length).toBeGreaterThanOrEqual(2);
  });
});

describe('readSigninRows maps columns', () => {
  it.each<[string, string, Omit<SigninRow, 'row'>]>([
    ['a plain ip column', 'ip\n192.0.2.1', { ip: '192.0.2.1' }],
    ['header case and spaces', ' IP ,FLOW\n192.0.2.1, pat ', { ip: '192.0.2.1', flow: 'pat' }],
    ['IPAddress', 'IPAddress\n2001:db8::1', { ip: '2001:db8::1' }],
    ['ipAddress', 'ipAddress\n192.0.2.1', { ip: '192.0.2.1' }],
    [
      'every hand-made column',
      'ip,flow,user,token-created,at,client\n192.0.2.1,ssh,u@x.org,2025-01-01,2025-02-01T10:00:00Z,git',
      {
        ip: '192.0.2.1',
        flow: 'ssh',
        user: 'u@x.org',
        tokenCreated: '2025-01-01T00:00:00.000Z',
        at: '2025-02-01T10:00:00.000Z',
        client: 'git',
      },
    ],
    [
      'tokenCreated',
      'ip,tokenCreated\n192.0.2.1,2025-01-01T08:00:00+02:00',
      { ip: '192.0.2.1', tokenCreated: '2025-01-01T06:00:00.000Z' },
    ],
    [
      'Date (UTC) without a zone is UTC',
      'ip,Date (UTC)\n192.0.2.1,2025-11-03 07:58:12',
      { ip: '192.0.2.1', at: '2025-11-03T07:58:12.000Z' },
    ],
    ['Date', 'ip,Date\n192.0.2.1,2025-11-03', { ip: '192.0.2.1', at: '2025-11-03T00:00:00.000Z' }],
    [
      'Username beats User',
      'User,Username,ip\nAlice Jansen,alice@contoso.com,192.0.2.1',
      { ip: '192.0.2.1', user: 'alice@contoso.com' },
    ],
    [
      'User principal name',
      'User principal name,ip\nalice@contoso.com,192.0.2.1',
      { ip: '192.0.2.1', user: 'alice@contoso.com' },
    ],
    ['User alone', 'User,ip\nAlice,192.0.2.1', { ip: '192.0.2.1', user: 'Alice' }],
    [
      'Client app Browser is web',
      'IP address,Client app\n192.0.2.1,Browser',
      { ip: '192.0.2.1', flow: 'web', client: 'Browser' },
    ],
    [
      'another Client app is an Entra sign-in: OAuth, never a PAT',
      'IP address,Client app\n192.0.2.1,Exchange ActiveSync',
      { ip: '192.0.2.1', flow: 'oauth', client: 'Exchange ActiveSync' },
    ],
    [
      'flow beats Client app',
      'ip,flow,Client app\n192.0.2.1,pat,Browser',
      { ip: '192.0.2.1', flow: 'pat', client: 'Browser' },
    ],
    ['empty cells are absent', 'ip,flow,user,at\n192.0.2.1,,,', { ip: '192.0.2.1' }],
    ['a short row', 'ip,flow,user\n192.0.2.1', { ip: '192.0.2.1' }],
    ['surrounding spaces in the IP', 'ip\n" 192.0.2.1 "', { ip: '192.0.2.1' }],
  ])('%s', (_name, text, expected) => {
    const r = readSigninRows(text);
    expect(r).toMatchObject({ ok: true, warnings: [] });
    if (r.ok) {
      expect(r.value.rows).toEqual([{ row: 2, ...expected }]);
      expect(r.value.problems).toEqual([]);
    }
  });

  it('skips records whose every cell is blank, quoted or not', () => {
    const r = readSigninRows('ip,user\n , \n"",""\n" ",\u00a0\n192.0.2.1,a\n');
    expect(r.ok && r.value.rows.map((x) => [x.row, x.ip])).toEqual([[5, '192.0.2.1']]);
  });

  it('gives repeated values to every row they are on', () => {
    const r = readSigninRows(
      'ip,user,token-created\n192.0.2.1,a,2025-01-01\nnope,a,2025-01-01\nnope,b,nope\n192.0.2.1,b,2025-01-01',
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.value.rows.map((x) => [x.row, x.ip, x.user, x.tokenCreated])).toEqual([
      [2, '192.0.2.1', 'a', '2025-01-01T00:00:00.000Z'],
      [3, 'nope', 'a', '2025-01-01T00:00:00.000Z'],
      [4, 'nope', 'b', undefined],
      [5, '192.0.2.1', 'b', '2025-01-01T00:00:00.000Z'],
    ]);
    expect(r.value.problems.map((p) => [p.row, p.field])).toEqual([
      [3, 'ip'],
      [4, 'ip'],
      [4, 'token-created'],
    ]);
  });

  it('numbers rows by record, skipping blank lines but not renumbering', () => {
    const r = readSigninRows(
      'ip,note\r\n192.0.2.1,a\r\n\r\n192.0.2.2,"two\nlines"\r\n192.0.2.3,c\r\n',
    );
    expect(r.ok && r.value.rows.map((x) => [x.row, x.ip])).toEqual([
      [2, '192.0.2.1'],
      [4, '192.0.2.2'],
      [5, '192.0.2.3'],
    ]);
  });
});

describe('readSigninRows keeps bad rows and reports them', () => {
  it.each<[string, string, { field: string; message: RegExp }]>([
    [
      'an invalid IPv4',
      'ip\n192.0.2.300',
      { field: 'ip', message: /"192\.0\.2\.300" is not a valid IP address/ },
    ],
    [
      'a CIDR instead of an IP',
      'IP address\n192.0.2.0/24',
      { field: 'IP address', message: /"192\.0\.2\.0\/24"/ },
    ],
    ['a missing IP', 'ip,user\n,alice', { field: 'ip', message: /^missing$/ }],
    [
      'an unknown flow',
      'ip,flow\n192.0.2.1,ftp',
      { field: 'flow', message: /"ftp" is not one of web, pat, ssh, oauth/ },
    ],
    [
      'an impossible date',
      'ip,at\n192.0.2.1,2025-02-30',
      { field: 'at', message: /"2025-02-30" is not an ISO 8601 date/ },
    ],
    [
      'a US-style Entra date',
      'ip,Date (UTC)\n192.0.2.1,"11/3/2025, 7:58:12 AM"',
      { field: 'Date (UTC)', message: /not an ISO 8601 date/ },
    ],
    [
      'a bad token date',
      'ip,token-created\n192.0.2.1,yesterday',
      { field: 'token-created', message: /"yesterday"/ },
    ],
  ])('%s', (_name, text, problem) => {
    const r = readSigninRows(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.rows).toHaveLength(1);
    expect(r.value.problems).toHaveLength(1);
    expect(r.value.problems[0]).toMatchObject({ row: 2, field: problem.field });
    expect(r.value.problems[0]!.message).toMatch(problem.message);
  });

  it('reports problems on the right rows and keeps the good ones', () => {
    const r = readSigninRows('ip,flow\n192.0.2.1,web\nnope,pat\n2001:db8::1,bogus\n');
    expect(r.ok && r.value.rows.map((x) => x.row)).toEqual([2, 3, 4]);
    expect(r.ok && r.value.problems.map((p) => [p.row, p.field])).toEqual([
      [3, 'ip'],
      [4, 'flow'],
    ]);
  });
});

describe('readSigninRows refuses', () => {
  it.each<[string, string, RegExp]>([
    ['an empty file', '', /empty: expected a header row/],
    ['a blank header', ',,\n', /empty/],
    [
      'no IP column, naming the columns found',
      'Date (UTC),User,IP address (seen by resource)\n',
      /No IP column.*"Date \(UTC\)", "User", "IP address \(seen by resource\)"/,
    ],
    ['an unterminated quote', 'ip,user\n192.0.2.1,"alice\n', /row 2 .*never closed/],
    [
      'an unterminated quote before a bad header is noticed',
      'user\nalice\n"bob',
      /row 3 .*never closed/,
    ],
    ['an unterminated quote in the header', 'ip,"user\n1.2.3.4', /row 1 .*never closed/],
  ])('%s', (_name, text, error) => {
    const r = readSigninRows(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });

  it('text over 100 MB, before parsing it', () => {
    const r = readSigninRows('x'.repeat(MAX_SIGNIN_TEXT + 1));
    expect(!r.ok && r.error).toMatch(/over 100 MB/);
  });

  it('warns about a header with no data rows', () => {
    expect(readSigninRows('ip\n')).toMatchObject({
      ok: true,
      value: { rows: [], problems: [], log: { kind: 'plain' } },
      warnings: ['The sign-in file has a header but no data rows.'],
    });
  });
});
