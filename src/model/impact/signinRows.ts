// Reads a list of real sign-ins (Entra's sign-in CSV export, or a hand-made CSV with an `ip`
// column) into rows the impact analysis can evaluate. Bad cells are reported per row; the rest of
// the file still imports.
import { CsvCursor } from './csvCursor';
import type { ImportResult } from '../graph/importResult';
import { parseIp } from '../ip/ip';
import { isoInstant } from '../engine/isoInstant';
import { FLOWS, type Flow, type Result } from '../engine/types';

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

/** Bound on each per-file cache of distinct cell texts (IPs, users, token dates). */
const CACHE_LIMIT = 100_000;

/**
 * Looks a cell text up by value, computing it once per distinct text. Sign-in logs repeat a few
 * thousand users and IPs across a million rows: sharing one string per value spares the parse and
 * keeps the rows from holding millions of copies, which the garbage collector pays for.
 */
function cached<T>(compute: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let v = seen.get(text);
    if (v === undefined) {
      v = compute(text);
      if (seen.size >= CACHE_LIMIT) seen.clear();
      seen.set(text, v);
    }
    return v;
  };
}

interface IpCheck {
  ip: string;
  error: string | undefined;
}

export function readSigninRows(text: string): ImportResult<SigninImport> {
  const fail = (error: string): ImportResult<SigninImport> => ({ ok: false, error, warnings: [] });
  if (text.length > MAX_SIGNIN_TEXT) {
    return fail(`The sign-in file is over 100 MB; export a shorter period or split it.`);
  }
  // Records are read in place rather than through parseCsv, so only the columns used are sliced.
  const csv = new CsvCursor(text);
  // A CSV error anywhere in the file comes before complaints about its header, as with parseCsv.
  const failHeader = (error: string) => {
    while (csv.next());
    return fail(csv.error ?? error);
  };
  const header = csv.next() ? csv.fields() : undefined;
  if (!header || header.every((h) => h.trim() === '')) {
    return failHeader(
      'The sign-in file is empty: expected a header row with an "IP address" column.',
    );
  }
  const names = header.map((h) => h.trim());
  const lower = names.map((h) => h.toLowerCase());
  const index = Object.fromEntries(
    Object.entries(COLUMNS).map(([field, accepted]) => [
      field,
      accepted.map((a) => lower.indexOf(a)).find((i) => i >= 0),
    ]),
  ) as Record<Column, number | undefined>;
  const ipAt = index.ip;
  if (ipAt === undefined) {
    const found = names.map((n) => JSON.stringify(n)).join(', ');
    return failHeader(`No IP column: expected "IP address" or "ip"; the header has ${found}.`);
  }
  const nameOf = (c: Column) => names[index[c]!]!;

  const rows: SigninRow[] = [];
  const problems: RowProblem[] = [];
  const checkIp = cached((ip): IpCheck => {
    const r = parseIp(ip);
    return { ip, error: r.ok ? undefined : r.error };
  });
  const same = cached((text) => text);
  const tokenDate = cached(isoInstant);
  const date = (row: number, c: Column, read: (text: string) => Result<string>) => {
    const v = csv.cell(index[c]);
    if (v === undefined) return undefined;
    const r = read(v);
    if (r.ok) return r.value;
    problems.push({ row, field: nameOf(c), message: r.error });
    return undefined;
  };
  while (csv.next()) {
    if (csv.isBlank()) continue;
    const row = csv.records;
    const ipText = csv.cell(ipAt);
    let ip = '';
    if (ipText === undefined) problems.push({ row, field: nameOf('ip'), message: 'missing' });
    else {
      const check = checkIp(ipText);
      ip = check.ip;
      if (check.error !== undefined) {
        problems.push({ row, field: nameOf('ip'), message: check.error });
      }
    }
    const out: SigninRow = { row, ip };
    const flowText = csv.cell(index.flow);
    if (flowText !== undefined) {
      const lower = flowText.toLowerCase();
      const f = FLOWS.find((x) => x === lower);
      if (f) out.flow = f;
      else {
        const message = `"${flowText}" is not one of ${FLOWS.join(', ')}`;
        problems.push({ row, field: nameOf('flow'), message });
      }
    } else {
      const f = CLIENT_APP_FLOWS.get(csv.cell(index.clientApp)?.toLowerCase() ?? '');
      if (f) out.flow = f;
    }
    const user = csv.cell(index.user);
    if (user !== undefined) out.user = same(user);
    // Token dates repeat per user; sign-in times rarely repeat, so caching them would only cost.
    const tokenCreated = date(row, 'tokenCreated', tokenDate);
    if (tokenCreated !== undefined) out.tokenCreated = tokenCreated;
    const at = date(row, 'at', isoInstant);
    if (at !== undefined) out.at = at;
    const client = csv.cell(index.client) ?? csv.cell(index.clientApp);
    if (client !== undefined) out.client = same(client);
    rows.push(out);
  }
  if (csv.error !== undefined) return fail(csv.error);
  const warnings = rows.length === 0 ? ['The sign-in file has a header but no data rows.'] : [];
  return { ok: true, value: { rows, problems }, warnings };
}
