// Reads a list of real sign-ins (Entra's sign-in CSV export, or a hand-made CSV with an `ip`
// column) into rows the impact analysis can evaluate. Bad cells are reported per row; the rest of
// the file still imports.
import { parseCsv } from './csv';
import type { ImportResult } from './importResult';
import { parseIp } from './ip';
import { isoInstant } from './isoInstant';
import { FLOWS, type Flow } from './types';

export interface SigninRow {
  /** 1-based record number in the file: the header is row 1, so the first data row is 2. */
  row: number;
  ip: string;
  flow?: Flow;
  user?: string;
  /** ISO 8601, normalised to UTC. */
  tokenCreated?: string;
  /** ISO 8601, normalised to UTC. */
  at?: string;
  client?: string;
}

export interface RowProblem {
  row: number;
  /** The column as it is named in the file. */
  field: string;
  message: string;
}

export interface SigninImport {
  rows: SigninRow[];
  problems: RowProblem[];
}

/** Files beyond this are refused before parsing (the UI also checks the file size first). */
export const MAX_SIGNIN_TEXT = 100 * 1024 * 1024;

/** Accepted header names per field, lower-cased, in order of preference. */
const COLUMNS = {
  ip: ['ip', 'ip address', 'ipaddress'],
  flow: ['flow'],
  clientApp: ['client app', 'clientapp', 'clientappused'],
  // Entra's `User` is a display name and `Username` the UPN: prefer the UPN.
  user: ['username', 'user principal name', 'userprincipalname', 'upn', 'user'],
  tokenCreated: ['token-created', 'tokencreated', 'token created'],
  at: ['at', 'date (utc)', 'date', 'createddatetime'],
  client: ['client'],
} as const;

/** Entra's "Client app" values that say which kind of sign-in it was. */
const CLIENT_APP_FLOWS = new Map<string, Flow>([
  ['browser', 'web'],
  ['mobile apps and desktop clients', 'oauth'],
]);

type Column = keyof typeof COLUMNS;

export function readSigninRows(text: string): ImportResult<SigninImport> {
  const fail = (error: string): ImportResult<SigninImport> => ({ ok: false, error, warnings: [] });
  if (text.length > MAX_SIGNIN_TEXT) {
    return fail(`The sign-in file is over 100 MB; export a shorter period or split it.`);
  }
  const parsed = parseCsv(text);
  if (!parsed.ok) return fail(parsed.error);
  const [header, ...records] = parsed.value;
  if (!header || header.every((h) => h.trim() === '')) {
    return fail('The sign-in file is empty: expected a header row with an "IP address" column.');
  }
  const names = header.map((h) => h.trim());
  const lower = names.map((h) => h.toLowerCase());
  const index = Object.fromEntries(
    Object.entries(COLUMNS).map(([field, accepted]) => [
      field,
      accepted.map((a) => lower.indexOf(a)).find((i) => i >= 0),
    ]),
  ) as Record<Column, number | undefined>;
  if (index.ip === undefined) {
    const found = names.map((n) => JSON.stringify(n)).join(', ');
    return fail(`No IP column: expected "IP address" or "ip"; the header has ${found}.`);
  }

  const rows: SigninRow[] = [];
  const problems: RowProblem[] = [];
  records.forEach((record, k) => {
    if (record.every((cell) => cell.trim() === '')) return;
    const row = k + 2;
    const cell = (c: Column) => {
      const i = index[c];
      const v = i === undefined ? undefined : record[i]?.trim();
      return v === '' ? undefined : v;
    };
    const problem = (c: Column, message: string) =>
      problems.push({ row, field: names[index[c]!]!, message });
    const date = (c: Column) => {
      const v = cell(c);
      if (v === undefined) return undefined;
      const r = isoInstant(v);
      if (r.ok) return r.value;
      problem(c, r.error);
      return undefined;
    };

    const ip = cell('ip') ?? '';
    if (ip === '') problem('ip', 'missing');
    else {
      const r = parseIp(ip);
      if (!r.ok) problem('ip', r.error);
    }
    const out: SigninRow = { row, ip };
    const flowText = cell('flow');
    if (flowText !== undefined) {
      const f = flowText.toLowerCase() as Flow;
      if (FLOWS.includes(f)) out.flow = f;
      else problem('flow', `"${flowText}" is not one of ${FLOWS.join(', ')}`);
    } else {
      const f = CLIENT_APP_FLOWS.get(cell('clientApp')?.toLowerCase() ?? '');
      if (f) out.flow = f;
    }
    const user = cell('user');
    if (user !== undefined) out.user = user;
    const tokenCreated = date('tokenCreated');
    if (tokenCreated !== undefined) out.tokenCreated = tokenCreated;
    const at = date('at');
    if (at !== undefined) out.at = at;
    const client = cell('client') ?? cell('clientApp');
    if (client !== undefined) out.client = client;
    rows.push(out);
  });
  const warnings = rows.length === 0 ? ['The sign-in file has a header but no data rows.'] : [];
  return { ok: true, value: { rows, problems }, warnings };
}
