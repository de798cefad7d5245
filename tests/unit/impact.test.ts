// analyseImpact: counts off and on, newly blocked rows, groups by user and IP, the compact rows,
// and the CSV export (RFC 4180 quoting, formula injection defused).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topGroups, type GroupOrder } from '../../src/model/impact/impactGroups';
import { DEFAULT_ASSUMPTIONS } from '../../src/model/engine/assumptions';
import {
  analyseImpact,
  impactRow,
  impactToCsv,
  sortGroups,
  type ImpactGroup,
  type ImpactReport,
} from '../../src/model/impact/impact';
import { csvCell } from '../../src/model/impact/impactCsv';
import { parseCsv } from '../../src/model/impact/csv';
import type { SigninRow } from '../../src/model/impact/signinRows';
import { blockOutside, IP, mfaOutside, world } from './support/world';

const AT = '2026-03-01T12:00:00Z';
const opts = { at: AT, defaultFlow: 'pat' as const };
const tenant = world([blockOutside, mfaOutside], {
  ipValidation: true,
  enabledAt: '2026-02-01T00:00:00Z',
});

let n = 1;
const row = (r: Omit<SigninRow, 'row'>): SigninRow => ({ row: ++n, ...r });
const rows: SigninRow[] = [
  row({ ip: IP.hq, user: 'ann@contoso.com' }), // allowed both ways
  row({ ip: IP.home, user: 'ann@contoso.com' }), // newly blocked
  row({ ip: IP.home, user: 'ann@contoso.com', flow: 'ssh' }), // newly blocked
  row({ ip: IP.cafe, user: 'bob@contoso.com', tokenCreated: '2026-01-01T00:00:00Z' }), // R12: allowed
  row({ ip: IP.cafe, user: 'bob@contoso.com' }), // newly blocked
  row({ ip: IP.home, user: 'cy@contoso.com', flow: 'web' }), // blocked both ways (Entra)
  row({ ip: IP.vpn, flow: 'oauth' }), // allowed, no user
  row({ ip: '300.1.2.3', user: 'dee@contoso.com' }), // invalid
];

describe('analyseImpact', () => {
  const report = analyseImpact(tenant, rows, DEFAULT_ASSUMPTIONS, opts);

  it('counts every valid row off and on', () => {
    expect(report.off).toEqual({ allowed: 6, blocked: 1, 'mfa-required': 0 });
    expect(report.on).toEqual({ allowed: 3, blocked: 4, 'mfa-required': 0 });
    expect(report.newlyBlocked).toBe(3);
    expect(report.newlyBlockedByFlow).toEqual({ web: 0, pat: 2, ssh: 1, oauth: 0 });
    expect(report).toMatchObject({ total: 8, processed: 8, complete: true, invalid: 1 });
    expect(report.invalidExamples).toEqual([
      { row: 9, message: expect.stringMatching(/^ip: "300\.1\.2\.3" is not a valid IP address/) },
    ]);
  });

  it('groups the rows blocked with the policy on by user, largest first', () => {
    expect(report.byUser.map((g) => [g.key, g.count, g.newlyBlocked])).toEqual([
      ['ann@contoso.com', 2, 2],
      ['bob@contoso.com', 1, 1],
      ['cy@contoso.com', 1, 0],
    ]);
    const ann = report.byUser[0]!;
    expect(ann.flows).toEqual({ pat: 1, ssh: 1 });
    expect(ann.examples).toEqual([3, 4]);
    expect(ann.deciders).toEqual([
      expect.objectContaining({
        decidedBy: 'R4',
        policyId: 'block-outside',
        code: 'VS403463',
        count: 1,
      }),
      expect.objectContaining({
        decidedBy: 'R11',
        displayName: 'Block Azure DevOps outside trusted',
        count: 1,
      }),
    ]);
  });

  it('groups by IP too', () => {
    expect(report.byIp.map((g) => [g.key, g.count])).toEqual([
      [IP.home, 3],
      [IP.cafe, 1],
    ]);
    expect(report.byIp[0]!.deciders.map((d) => d.code)).toContain('AADSTS53003');
  });

  it('keeps every row, readable with impactRow', () => {
    expect(report.rows.count).toBe(8);
    expect(impactRow(report, 1)).toEqual({
      row: 3,
      ip: IP.home,
      user: 'ann@contoso.com',
      flow: 'pat',
      off: { outcome: 'allowed', code: null, decidedBy: 'R5', policyId: null },
      on: { outcome: 'blocked', code: 'VS403463', decidedBy: 'R4', policyId: 'block-outside' },
    });
    expect(impactRow(report, 6)).toMatchObject({ user: undefined, flow: 'oauth' });
    expect(impactRow(report, 7)).toMatchObject({ ip: '300.1.2.3', off: null, on: null });
  });

  it('reports progress and stops when asked', () => {
    const many = Array.from({ length: 120_000 }, (_, i) => ({ row: i + 2, ip: IP.home }));
    const seen: [number, number][] = [];
    const stopped = analyseImpact(
      tenant,
      many,
      DEFAULT_ASSUMPTIONS,
      opts,
      (done, total) => seen.push([done, total]),
      () => seen.length >= 2,
    );
    expect(seen).toEqual([
      [50_000, 120_000],
      [100_000, 120_000],
    ]);
    expect(stopped).toMatchObject({ processed: 100_000, complete: false, newlyBlocked: 100_000 });
    expect(stopped.rows.count).toBe(100_000);
  });

  it('handles no rows', () => {
    const empty = analyseImpact(tenant, [], DEFAULT_ASSUMPTIONS, opts);
    expect(empty).toMatchObject({ total: 0, processed: 0, complete: true, byUser: [], byIp: [] });
  });
});

describe('sortGroups', () => {
  const g = (key: string, count: number, newlyBlocked: number): ImpactGroup => ({
    key,
    count,
    newlyBlocked,
    flows: {},
    examples: [],
    deciders: [],
  });
  const groups = [g('b', 2, 0), g('a', 2, 2), g('c', 5, 1)];
  it.each<[Parameters<typeof sortGroups>[1], 'asc' | 'desc' | undefined, string[]]>([
    ['count', undefined, ['c', 'a', 'b']],
    ['count', 'asc', ['a', 'b', 'c']],
    ['newlyBlocked', undefined, ['a', 'c', 'b']],
    ['key', undefined, ['a', 'b', 'c']],
    ['key', 'desc', ['c', 'b', 'a']],
  ])('by %s %s', (by, dir, keys) => {
    expect(sortGroups(groups, by, dir).map((x) => x.key)).toEqual(keys);
  });
});

describe('topGroups: the first rows of a table without sorting them all', () => {
  const arbGroups = fc.uniqueArray(
    fc.record({
      key: fc.string({ maxLength: 3 }),
      count: fc.integer({ min: 0, max: 5 }),
      newlyBlocked: fc.integer({ min: 0, max: 5 }),
    }),
    { selector: (x) => x.key, maxLength: 60 },
  );
  it('gives sortGroups(...).slice(0, limit) for every order', () => {
    fc.assert(
      fc.property(
        arbGroups,
        fc.constantFrom<GroupOrder>('count', 'newlyBlocked', 'key'),
        fc.constantFrom<'asc' | 'desc' | undefined>('asc', 'desc', undefined),
        fc.integer({ min: 1, max: 20 }),
        (list, by, dir, limit) => {
          const groups = list.map((x) => ({ ...x, flows: {}, examples: [], deciders: [] }));
          expect(topGroups(groups, by, dir, limit)).toEqual(
            sortGroups(groups, by, dir).slice(0, limit),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('impactToCsv', () => {
  it.each<[string | number | null | undefined, string]>([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['2001:db8::1', '2001:db8::1'],
    [42, '42'],
    [null, ''],
    [undefined, ''],
  ])('csvCell(%j) is %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  const evil: SigninRow[] = [
    { row: 2, ip: IP.home, user: '=cmd|"/c calc"!A1' },
    { row: 3, ip: IP.hq, user: 'ok@contoso.com' },
  ];
  const report: ImpactReport = analyseImpact(tenant, evil, DEFAULT_ASSUMPTIONS, opts);

  it('exports only the rows blocked with the policy on, in RFC 4180 form', () => {
    const csv = impactToCsv(report);
    expect(csv.endsWith('\r\n')).toBe(true);
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.value).toEqual([
      [
        'row',
        'ip',
        'user',
        'flow',
        'outcome_off',
        'outcome_on',
        'newly_blocked',
        'code',
        'decided_by',
        'policy_id',
        'policy_name',
      ],
      [
        '2',
        IP.home,
        '\'=cmd|"/c calc"!A1',
        'pat',
        'allowed',
        'blocked',
        'yes',
        'VS403463',
        'R4',
        'block-outside',
        'Block Azure DevOps outside trusted',
      ],
    ]);
  });

  it('exports the groups', () => {
    const users = parseCsv(impactToCsv(report, 'users'));
    const ips = parseCsv(impactToCsv(report, 'ips'));
    if (!users.ok || !ips.ok) throw new Error('not CSV');
    expect(users.value[0]).toEqual([
      'user',
      'blocked_rows',
      'newly_blocked',
      'flows',
      'example_rows',
      'decided_by',
      'policy',
    ]);
    expect(users.value[1]).toEqual([
      '\'=cmd|"/c calc"!A1',
      '1',
      '1',
      'pat 1',
      '2',
      'R4',
      'Block Azure DevOps outside trusted',
    ]);
    expect(ips.value[1]![0]).toBe(IP.home);
  });
});
