// Every kind of log the impact analysis reads, from small fixtures shaped like the real exports
// (header quirks included): which kind, which flows, what is counted apart, which columns.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  apartCount,
  classifyMechanism,
  countryOf,
  entraFlow,
  laTime,
} from '../../src/model/impact/logs/classify';
import { rowsToAnalyse } from '../../src/model/impact/rowsToAnalyse';
import { noClientAppNote } from '../../src/model/impact/logs/logInfo';
import type { ApartReason } from '../../src/model/impact/logs/classify';
import { readSigninRows, type SigninImport } from '../../src/model/impact/signinRows';

const read = (name: string): SigninImport => {
  const r = readSigninRows(
    readFileSync(new URL(`../fixtures/logs/${name}`, import.meta.url), 'utf8'),
  );
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('recognises each log by its header or fields', () => {
  it.each<
    [string, string, string, string | undefined, Record<string, number>, Record<string, number[]>]
  >([
    [
      'ado-audit.csv',
      'ado-audit',
      'Azure DevOps audit export (CSV)',
      undefined,
      { pat: 4, ssh: 1, web: 3 },
      { 'service-principal': [7], 'session-token': [8], 'no-mechanism': [9] },
    ],
    [
      'ado-audit.json',
      'ado-audit',
      'Azure DevOps audit export (JSON)',
      undefined,
      { pat: 4, ssh: 1, web: 3 },
      { 'service-principal': [6], 'session-token': [7], 'no-mechanism': [8] },
    ],
    [
      'la-azuredevopsauditing.csv',
      'ado-audit-la',
      'Log Analytics export of AzureDevOpsAuditing (CSV)',
      'AzureDevOpsAuditing',
      { pat: 4, ssh: 1, web: 3 },
      { 'service-principal': [7], 'session-token': [8], 'no-mechanism': [9] },
    ],
    [
      'entra-signin.csv',
      'entra-signin',
      'Entra sign-in export (CSV)',
      undefined,
      { web: 4, oauth: 1 },
      { 'other-resource': [6] },
    ],
    [
      'entra-signin-noninteractive.json',
      'entra-signin',
      'Entra sign-in export, non-interactive (JSON)',
      undefined,
      { oauth: 2 },
      { 'other-resource': [3] },
    ],
    [
      'la-signinlogs.csv',
      'entra-signin-la',
      'Log Analytics export of SigninLogs (CSV)',
      'SigninLogs',
      { web: 3 },
      { 'other-resource': [5] },
    ],
    [
      'la-aadnoninteractive.csv',
      'entra-signin-la',
      'Log Analytics export of AADNonInteractiveUserSignInLogs (CSV)',
      'AADNonInteractiveUserSignInLogs',
      { oauth: 2 },
      {},
    ],
    [
      'plain.csv',
      'plain',
      'CSV with an ip column (CSV)',
      undefined,
      // Rows 5 (flow "telnet") and 6 (time "yesterday") are skipped, not counted as unset.
      { pat: 2, ssh: 1 },
      {},
    ],
  ])('%s', (file, kind, name, table, flows, apart) => {
    const signins = read(file);
    const { log } = signins;
    // The flows count the rows the analysis decides: those with a bad cell are skipped.
    const rows = rowsToAnalyse(signins);
    expect(log).toMatchObject({ kind, name });
    expect(log!.table).toBe(table);
    const all = { web: 0, pat: 0, ssh: 0, oauth: 0, unset: 0, ...flows };
    expect(log!.flows).toEqual(all);
    expect(Object.fromEntries(log!.apart.map((a) => [a.reason, a.rows]))).toEqual(apart);
    const counted = rows.reduce<Record<string, number>>(
      (m, r) => ((m[r.flow ?? 'unset'] = (m[r.flow ?? 'unset'] ?? 0) + 1), m),
      {},
    );
    expect(counted).toEqual(flows);
  });

  it('never reads an Entra or Log Analytics sign-in row as a PAT or SSH', () => {
    for (const f of [
      'entra-signin.csv',
      'entra-signin-noninteractive.json',
      'la-signinlogs.csv',
      'la-aadnoninteractive.csv',
    ]) {
      const { log, rows } = read(f);
      expect(log!.holdsPat).toBe(false);
      expect(rows.every((r) => r.flow === 'web' || r.flow === 'oauth')).toBe(true);
    }
  });
});

describe("a hand-made list that borrows an export's headers is read as a plain list", () => {
  // The bench's file: Entra's header names, plus the plain list's own flow column. Read as an
  // Entra export, every PAT row became OAuth and the worker's CSV path disagreed with its rows.
  const read1 = (header: string, cells: string) => {
    const r = readSigninRows(`${header}\r\n${cells}\r\n`);
    if (!r.ok) throw new Error(r.error);
    return { kind: r.value.log!.kind, row: r.value.rows[0] };
  };
  it.each<[string, string, string, string, Record<string, string>]>([
    [
      'Entra names with a flow column',
      'Date (UTC),Username,IP address,flow,token-created,client',
      '2026-03-01T00:00:00Z,ann@contoso.com,20.1.2.3,pat,2025-10-01T00:00:00Z,git',
      'plain',
      { flow: 'pat', tokenCreated: '2025-10-01T00:00:00.000Z', client: 'git' },
    ],
    [
      'Entra names with a token-created column',
      'Date (UTC),IP address,token-created',
      '2026-03-01T00:00:00Z,20.1.2.3,2025-10-01T00:00:00Z',
      'plain',
      { tokenCreated: '2025-10-01T00:00:00.000Z' },
    ],
    [
      'audit names with a flow column',
      'Timestamp,ActorUPN,IpAddress,AuthenticationMechanism,flow',
      '2026-03-01T00:00:00Z,ann@contoso.com,20.1.2.3,AAD,ssh',
      'plain',
      { flow: 'ssh' },
    ],
    [
      'an Entra export stays one',
      'Date (UTC),Username,IP address,Client app',
      '2026-03-01T00:00:00Z,ann@contoso.com,20.1.2.3,Other clients',
      'entra-signin',
      { flow: 'oauth' },
    ],
    [
      'an audit export stays one',
      'Timestamp,ActorUPN,IpAddress,AuthenticationMechanism',
      '2026-03-01T00:00:00Z,ann@contoso.com,20.1.2.3,PAT_Unscoped',
      'ado-audit',
      { flow: 'pat' },
    ],
  ])('%s', (_name, header, cells, kind, fields) => {
    const got = read1(header, cells);
    expect(got.kind).toBe(kind);
    expect(got.row).toMatchObject({ ip: '20.1.2.3', ...fields });
  });
});

describe('the Entra portal CSV and its quirks', () => {
  const { log, rows } = read('entra-signin.csv');
  it('matches "Resource ID " with its trailing space, and lists the columns as written', () => {
    expect(log!.used.map((c) => c.name)).toEqual([
      'Date (UTC)',
      'Username',
      'IP address',
      'IP address (seen by resource)',
      'Client app',
      'Resource ID ',
      'Location',
    ]);
    expect(log!.ignored).toContain('Application ID ');
    expect(log!.ignored).toContain('Autonomous system  number');
    expect(log!.ignored.filter((c) => c === 'Incoming token type')).toHaveLength(2);
  });
  it('takes the IP seen by resource as the IP reaching Azure DevOps, and Location as the country', () => {
    expect(rows.find((r) => r.user === 'bruno.silva@contoso.com')).toMatchObject({
      ip: '20.42.0.61',
      signinIp: '198.51.100.18',
      country: 'PT',
      flow: 'web',
    });
  });
});

describe('an empty Location cell (R23)', () => {
  it('is an IP that maps to no country; a log without the column gives none', () => {
    const head = 'Date (UTC),Username,IP address,Client app,Resource ID ,Location';
    const rid = '499b84ac-1321-427f-aa17-267ca6975798';
    const csv = `${head}\n2025-11-04T09:00:00Z,a@contoso.com,192.0.2.1,Browser,${rid},\n`;
    const r = readSigninRows(csv);
    expect(r.ok && r.value.rows[0]?.country).toBe('unknown');
    const plain = readSigninRows('ip,flow\n192.0.2.1,pat\n');
    // No country: the field is there for every row (one shape), and undefined.
    expect(plain.ok && plain.value.rows[0]!.country).toBeUndefined();
  });
});

describe('the audit export dates PATs and the org policy (R12)', () => {
  it.each(['ado-audit.csv', 'ado-audit.json', 'la-azuredevopsauditing.csv'])('%s', (file) => {
    const { log, rows } = read(file);
    expect(log!.audit!.policySwitches).toEqual([
      expect.objectContaining({ at: '2025-11-03T15:00:00.000Z', value: 'on' }),
    ]);
    const dana = rows.find((r) => r.user === 'dana.okafor@contoso.com' && r.flow === 'pat');
    expect(dana?.tokenCreated).toBe('2025-10-20T10:12:00.000Z');
    const bot = rows.filter((r) => r.user === 'ci-bot@contoso.com');
    expect(bot.map((r) => [r.ip, r.tokenCreated])).toEqual([
      ['20.42.0.17', '2025-11-03T16:05:00.000Z'],
      ['20.42.0.23', '2025-11-03T16:05:00.000Z'],
    ]);
    // A PAT whose creation is not in the export gets no date (it counts as new, R12).
    expect(
      rows.find((r) => r.user === 'alice.jansen@contoso.com' && r.flow === 'pat')?.tokenCreated,
    ).toBeUndefined();
  });
});

describe('a plain CSV honours flow, client, user, time and country, and reports unknown values', () => {
  const { log, problems } = read('plain.csv');
  it('uses and ignores columns', () => {
    expect(log!.used.map((c) => c.name).sort()).toEqual([
      'client',
      'country',
      'flow',
      'ip',
      'user',
      'when',
    ]);
    expect(log!.ignored).toEqual(['note']);
  });
  it('reports each unknown value with its row and column', () => {
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [5, 'flow'],
      [5, 'country'],
      [5, 'client'],
      [6, 'when'],
    ]);
  });
});

describe('a file of no known kind', () => {
  it.each([
    ['unknown.csv', 'Name,Email,Department\nA,a@x,b\n', /"Name", "Email", "Department"/],
    ['JSON objects without log fields', '[{"name":"a"}]', /entries have "name"/],
  ])('%s names the columns it needed', (_n, text, found) => {
    const r = readSigninRows(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(/IpAddress, AuthenticationMechanism/);
    expect(r.error).toMatch(/Date \(UTC\), IP address/);
    expect(r.error).toMatch(/TimeGenerated, UserPrincipalName, IPAddress/);
    expect(r.error).toMatch(/"ip" column/);
    expect(r.error).toMatch(found);
  });
  it.each([
    ['broken JSON', '[{"a":', /not valid JSON/],
    ['an empty JSON list', '[]', /no log entries/],
    ['a list of numbers', '[1,2]', /Entry 1 is not an object/],
  ])('%s', (_n, text, error) => {
    const r = readSigninRows(text);
    expect(!r.ok && r.error).toMatch(error);
  });
});

describe('classification of one cell', () => {
  it.each<[string | undefined, object]>([
    [
      'PAT_Unscoped authorizationId: 7D0B2F5E-3c41-4a8e-9f21-6b5c0e8d1a42',
      { flow: 'pat', authorizationId: '7d0b2f5e-3c41-4a8e-9f21-6b5c0e8d1a42' },
    ],
    ['PAT_Scoped', { flow: 'pat' }],
    ['SSH', { flow: 'ssh' }],
    ['AAD', { flow: 'web' }],
    ['AAD_Cookie', { flow: 'web' }],
    ['S2S_ServicePrincipal', { apart: 'service-principal' }],
    ['SessionToken_Unscoped authorizationId: 4f1e', { apart: 'session-token' }],
    ['UserAuthToken', { apart: 'other-mechanism' }],
    [undefined, { apart: 'no-mechanism' }],
  ])('AuthenticationMechanism %s', (text, expected) => {
    expect(classifyMechanism(text)).toEqual(expected);
  });
  it.each([
    ['Browser', 'web'],
    ['Mobile Apps and Desktop clients', 'oauth'],
    ['Other clients', 'oauth'],
    ['Exchange ActiveSync', 'oauth'],
    [undefined, 'oauth'],
  ])('Client app %s', (text, flow) => {
    expect(entraFlow(text)).toBe(flow);
  });
  it.each([
    ['Amsterdam, Noord-Holland, NL', 'NL'],
    ['NL', 'NL'],
    ['{"city":"Lisbon","countryOrRegion":"PT"}', 'PT'],
    ['Somewhere', undefined],
    ['{broken', undefined],
    // R23: a location with no country is an IP that maps to none, not a missing fact.
    ['{"city":"","countryOrRegion":""}', 'unknown'],
  ])('Location %s', (text, cc) => {
    expect(countryOf(text)).toBe(cc);
  });
  it.each([
    ['11/4/2025, 9:41:07.881 AM', '2025-11-04T09:41:07.881Z'],
    ['11/4/2025, 12:05:00.000 PM', '2025-11-04T12:05:00.000Z'],
    ['11/4/2025, 12:05:00 AM', '2025-11-04T00:05:00.000Z'],
    ['1/14/2026, 11:59:59.5 PM', '2026-01-14T23:59:59.500Z'],
    ['2025-11-04T09:41:07Z', '2025-11-04T09:41:07Z'],
  ])('Log Analytics time %s', (text, iso) => {
    expect(laTime(text)).toBe(iso);
  });
});

describe('an Entra export row with an empty resource ID', () => {
  it('is counted apart, not taken as Azure DevOps', () => {
    const csv = [
      'Date (UTC),Username,IP address,Client app,Resource ID,Location',
      '2025-11-04T07:58:12Z,a@x,203.0.113.14,Browser,499b84ac-1321-427f-aa17-267ca6975798,"A, B, NL"',
      '2025-11-04T07:58:12Z,c@x,203.0.113.14,Browser,,"A, B, NL"',
    ].join('\n');
    const r = readSigninRows(csv);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.rows.map((x) => x.row)).toEqual([2]);
    expect(r.value.log!.apart).toEqual([
      expect.objectContaining({ reason: 'no-resource', count: 1, rows: [3] }),
    ]);
  });
});

describe('an Entra export row with an empty Client app', () => {
  const ADO = '499b84ac-1321-427f-aa17-267ca6975798';
  const csv = [
    'Date (UTC),Username,IP address,Client app,Resource ID',
    `2025-11-04T07:58:12Z,a@x,203.0.113.14,Browser,${ADO}`,
    `2025-11-04T07:58:13Z,b@x,203.0.113.14,,${ADO}`,
    `2025-11-04T07:58:14Z,c@x,203.0.113.14,Mobile Apps and Desktop clients,${ADO}`,
    // Skipped for its address: not counted among the rows read as OAuth.
    `2025-11-04T07:58:15Z,d@x,203.0.113.300,,${ADO}`,
  ].join('\n');

  it('is read as OAuth (only Browser is web), counted, and said so', () => {
    const r = readSigninRows(csv);
    if (!r.ok) throw new Error(r.error);
    const log = r.value.log!;
    expect(rowsToAnalyse(r.value).map((x) => [x.row, x.flow])).toEqual([
      [2, 'web'],
      [3, 'oauth'],
      [4, 'oauth'],
    ]);
    expect(log.noClientApp).toBe(1);
    expect(noClientAppNote(log)).toBe(
      '1 sign-in gives no Client app: read as OAuth (only "Browser" makes an Entra sign-in web).',
    );
  });

  it('a log with every Client app given says nothing', () => {
    expect(noClientAppNote(read('entra-signin.csv').log)).toBeUndefined();
  });
});

describe('rows counted apart, as the report counts them', () => {
  it.each<[ApartReason, number, string]>([
    ['service-principal', 1, '1 service principal (S2S_ServicePrincipal), not a PAT'],
    ['service-principal', 3, '3 service principals (S2S_ServicePrincipal), not PATs'],
    ['session-token', 1, '1 session token (SessionToken_…), not a PAT'],
    ['other-resource', 1, '1 sign-in to a resource other than Azure DevOps'],
    ['other-resource', 1200, '1,200 sign-ins to resources other than Azure DevOps'],
    ['no-ip', 2, '2 rows with no IP address'],
    ['no-mechanism', 1, '1 row with no authentication mechanism (a system event)'],
  ])('%s × %i: %s', (reason, count, text) => {
    expect(apartCount(reason, count)).toBe(text);
  });
});
