// Turns one record of a recognised log into a SigninRow, whatever the file's format: cells come
// in as an array by field number (Cells), rows out to `rows`, bad cells to `problems`, rows
// counted apart to the log info. CSV and JSON readers share it, so both read a kind the same way.
import { isoInstant } from '../../engine/isoInstant';
import { FLOWS, UNKNOWN_COUNTRY, type Flow, type Result } from '../../engine/types';
import { parseIp } from '../../ip/ip';
import { scanIpv4 } from '../../ip/ipText';
import { cellText } from '../cellText';
import { CanonicalTimes, RepeatedTimes } from '../impactDates';
import { clientOf } from '../impactRequest';
import type { RowReads, RowProblem, SigninRow } from '../signinRows';
import { emptyAuditEvents, noteAuditEvent } from './auditEvents';
import { classifyMechanism, countryOf, entraFlow, isAzureDevOps, laTime } from './classify';
import type { LogInfo } from './logInfo';
import { noFlows, noteApart } from './logInfo';
import {
  FIELD_NUMBER as F,
  FIELD_PURPOSE,
  KIND_LABELS,
  type KindSpec,
  type LogField,
} from './logKinds';
import { cut } from '../../graph/visibleText';

const CLIENT_NAMES = 'browser, git, az-cli, rest, ssh, pipeline-agent';

/** Bound on each cache of distinct cell texts (IPs, token dates, countries). */
const CACHE_LIMIT = 100_000;

/**
 * Computes a cell text's value once per distinct text: logs repeat a few thousand IPs and users.
 * Kept under the text's shared copy (cellText), never the cell itself: a cell is a slice of the
 * file's text, which a cache that outlives the file must not keep.
 */
function cached<T>(compute: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let v = seen.get(text);
    if (v === undefined) {
      v = compute(text);
      if (seen.size >= CACHE_LIMIT) seen.clear();
      seen.set(cellText(text), v);
    }
    return v;
  };
}

// Each a pure function of the cell's text, so one cache serves every file and every slice of one
// (a large file is read slice by slice, each with its own RowMapper).
const checkIp = cached((t) => ({
  text: cellText(t),
  error: ((r) => (r.ok ? undefined : r.error))(parseIp(t)),
}));
/** A token's creation date in another form than the canonical one, normalised once per text. */
const tokenDate = cached((t): Result<string> => {
  const r = isoInstant(t);
  return r.ok ? { ok: true, value: cellText(r.value) } : r;
});
const country = cached(countryOf);
/**
 * Reads the rows' times, which come in order, by the hour; and token dates, which repeat on every
 * row of their token, from the last ones read. Both give canonicalMs's answers, so they serve
 * every slice of a file (and every file) instead of starting again with each.
 */
const times = new CanonicalTimes();
const tokenTimes = new RepeatedTimes();

/** Log Analytics' own CSV time format is read only in its exports: elsewhere 3/11 is ambiguous. */
function laReadTime(text: string): Result<string> {
  const r = isoInstant(text);
  return r.ok || !text.includes('/') ? r : isoInstant(laTime(text));
}

const TABLES = new Map<string, NonNullable<LogInfo['table']>>([
  ['signinlogs', 'SigninLogs'],
  ['aadnoninteractiveusersigninlogs', 'AADNonInteractiveUserSignInLogs'],
  ['noninteractiveusersigninlogs', 'AADNonInteractiveUserSignInLogs'],
]);

/**
 * One record's cells by field number (FIELD_NUMBER), trimmed, undefined when blank or missing.
 * A reader fills the fields its file has, for every record, and leaves the rest undefined.
 */
export type Cells = (string | undefined)[];

/** An array for a reader's Cells, every field undefined. */
export const emptyCells = (): Cells =>
  new Array<string | undefined>(Object.keys(F).length).fill(undefined);

export class RowMapper {
  readonly rows: SigninRow[] = [];
  readonly problems: RowProblem[] = [];
  readonly #info: LogInfo;
  /** Rows by flow (FLOWS, then none), as info.flows has them once asked for. */
  readonly #flowCounts = new Uint32Array(FLOWS.length + 1);

  /** The log info, its per-flow counts brought up to date. */
  get info(): LogInfo {
    const flows = this.#info.flows;
    FLOWS.forEach((f, i) => (flows[f] = this.#flowCounts[i]!));
    flows.unset = this.#flowCounts[FLOWS.length]!;
    return this.#info;
  }
  readonly #spec: KindSpec;
  readonly #nameOf: (f: LogField) => string;
  readonly #ip = checkIp;
  readonly #tokenDate = tokenDate;
  readonly #country = country;
  readonly #hasLocation: boolean;
  readonly #times = times;
  readonly #tokenTimes = tokenTimes;
  readonly #hasResource: boolean;

  /** `names`: the header (or JSON keys) as written; `index`: the name used for each field. */
  constructor(
    spec: KindSpec,
    format: 'csv' | 'json',
    names: string[],
    used: Map<LogField, number>,
  ) {
    this.#spec = spec;
    this.#hasLocation = used.has('location');
    this.#hasResource = used.has('resourceId');
    const label = KIND_LABELS[spec.kind];
    const usedAt = new Set(used.values());
    this.#info = {
      kind: spec.kind,
      name: `${label.name} (${format.toUpperCase()})`,
      format,
      coverage: label.coverage,
      holdsPat: spec.holdsPat,
      used: [...used].map(([f, i]) => ({ name: names[i]!, use: FIELD_PURPOSE[f] })),
      ignored: names.filter((_, i) => !usedAt.has(i)),
      apart: [],
      flows: noFlows(),
      noClientApp: 0,
    };
    if (spec.kind === 'ado-audit-la') this.#info.table = 'AzureDevOpsAuditing';
    if (spec.kind === 'ado-audit' || spec.kind === 'ado-audit-la')
      this.#info.audit = emptyAuditEvents();
    this.#nameOf = (f) => names[used.get(f)!] ?? f;
  }

  #problem(row: number, f: LogField, message: string) {
    // A cell is echoed in quotes: cut to 200 characters, so a 5 MB cell cannot fill a screen.
    const short = message.replace(/"([^"]{201,})"/g, (_m, v: string) => `"${cut(v)}"`);
    this.problems.push({ row, field: this.#nameOf(f), message: cut(short, 600) });
  }

  /** The IP as written, with a problem noted when it does not parse. */
  #checkIp(row: number, f: LogField, text: string): string | undefined {
    // Canonical IPv4, most of any log, is checked in one pass: no cache lookup, no hashing.
    const v4 = scanIpv4(text);
    this.#v4 = v4;
    if (v4 >= 0) return text;
    const c = this.#ip(text);
    if (c.error !== undefined) {
      this.#problem(row, f, c.error);
      return undefined;
    }
    return c.text;
  }

  /** The instant #time last read (NaN when it read none or normalised the text). */
  #ms = NaN;

  #time(row: number, f: LogField, text: string | undefined, read: (t: string) => Result<string>) {
    this.#ms = NaN;
    if (text === undefined) return undefined;
    // Already in the form isoInstant writes (2026-03-01T10:00:00.000Z, a valid time): its value
    // is the text itself, known without a lookup or a result for each of a million rows.
    if (text.length === 24) {
      const ms = f === 'at' ? this.#times.ms(text) : this.#tokenTimes.ms(text);
      if (ms !== undefined) {
        this.#ms = ms;
        return text;
      }
    }
    const r = read(text);
    if (r.ok) return r.value;
    this.#problem(row, f, r.error);
    return undefined;
  }

  /** Maps one record (`c`: its cells by field number). */
  add(c: Cells, row: number): void {
    const kind = this.#spec.kind;
    const audit = kind === 'ado-audit' || kind === 'ado-audit-la';
    const entra = kind === 'entra-signin' || kind === 'entra-signin-la';
    const la = kind === 'ado-audit-la' || kind === 'entra-signin-la';
    const at = this.#time(row, 'at', c[F.at], la ? laReadTime : isoInstant);
    const atMs = this.#ms;
    const mechanism = audit || kind === 'plain' ? c[F.mechanism] : undefined;
    const clientApp = c[F.clientApp];
    let flow: Flow | undefined;
    let authorizationId: string | undefined;
    if (audit) {
      noteAuditEvent(this.#info.audit!, c[F.action], c[F.data], row, at);
      const m = classifyMechanism(mechanism);
      if ('apart' in m) {
        const v = m.apart === 'other-mechanism' ? mechanism : undefined;
        return noteApart(this.#info, m.apart, row, v);
      }
      flow = m.flow;
      authorizationId = m.authorizationId;
      if (authorizationId) this.#info.audit!.patsUsed[authorizationId] = true;
    } else if (entra) {
      const resource = c[F.resourceId];
      // A log with a resource column says which resource each row signed in to: an empty cell
      // is not known to be Azure DevOps. A log without the column is taken as Azure DevOps'.
      if (resource === undefined && this.#hasResource)
        return noteApart(this.#info, 'no-resource', row);
      if (!isAzureDevOps(resource)) return noteApart(this.#info, 'other-resource', row);
      flow = entraFlow(clientApp);
      if (clientApp === undefined) this.#info.noClientApp++;
      this.#noteTable(c);
    }
    const seenIp = entra ? c[F.seenIp] : undefined;
    const ipCell = c[F.ip];
    const ipText = seenIp ?? ipCell;
    if (ipText === undefined) {
      if (audit || entra) return noteApart(this.#info, 'no-ip', row);
      this.#problem(row, 'ip', 'missing');
    }
    const ipField: LogField = seenIp !== undefined ? 'seenIp' : 'ip';
    this.#v4 = -1;
    const ip = ipText === undefined ? '' : (this.#checkIp(row, ipField, ipText) ?? ipText);
    const ipv4 = this.#v4;
    // Every field, in one order, those the row lacks left undefined (as reading them gives): all
    // rows share one shape, made at once, where adding fields one by one grew each row's
    // property store two or three times (alternating runs of a 1M-row batch: 2.39 to 2.35 s).
    const out: SigninRow = {
      row,
      ip,
      signinIp: undefined,
      flow: undefined,
      user: undefined,
      tokenCreated: undefined,
      at: undefined,
      client: undefined,
      country: undefined,
      authorizationId: undefined,
    };
    if (kind === 'plain') {
      // A mechanism cell says what the row is even in a hand-made list: a service principal or a
      // session token is counted apart, never analysed as a PAT.
      const m = mechanism === undefined ? undefined : classifyMechanism(mechanism);
      const flowText = c[F.flow];
      if (m && 'apart' in m && flowText === undefined) {
        const v = m.apart === 'other-mechanism' ? mechanism : undefined;
        return noteApart(this.#info, m.apart, row, v);
      }
      flow = this.#plainFlow(flowText, clientApp, row) ?? (m && 'flow' in m ? m.flow : undefined);
      if (m && 'flow' in m && m.authorizationId) authorizationId = m.authorizationId;
    }
    if (flow) out.flow = flow;
    // Counted by flow here, written into the info when it is asked for (a keyed update of the
    // info's counts per row cost more than the rest of the flow's reading).
    this.#flowCounts[flow === undefined ? FLOWS.length : FLOWS.indexOf(flow)]!++;
    if (authorizationId) out.authorizationId = authorizationId;
    const signinText = entra ? (seenIp !== undefined ? ipCell : undefined) : c[F.signinIp];
    if (signinText !== undefined && signinText !== ipText) {
      const f: LogField = entra ? 'ip' : 'signinIp';
      const s = this.#checkIp(row, f, signinText);
      if (s !== undefined) out.signinIp = s;
    }
    const user = c[F.user];
    if (user !== undefined) out.user = cellText(user);
    if (at !== undefined) out.at = at;
    const created = this.#time(row, 'tokenCreated', c[F.tokenCreated], this.#tokenDate);
    if (created !== undefined) out.tokenCreated = created;
    const createdMs = this.#ms;
    const countryCell = c[F.country];
    const country = countryCell ?? c[F.location];
    if (country !== undefined) {
      const cc =
        countryCell !== undefined ? this.#plainCountry(row, country) : this.#country(country);
      if (cc) out.country = cc;
    } else if (this.#hasLocation) {
      // An empty Location is Entra saying the IP maps to no country: R23's "unknown", not R22's
      // "not given".
      out.country = UNKNOWN_COUNTRY;
    }
    const clientCell = c[F.client];
    const client = clientCell ?? clientApp;
    if (client !== undefined) {
      // A client the engine knows, as written, is its own constant: no lookup, and one string.
      const known = clientOf(client);
      out.client = known === client ? known : cellText(client);
      if (clientCell !== undefined && known === undefined)
        this.#problem(row, 'client', `"${client}" is not one of ${CLIENT_NAMES}`);
    }
    const k = this.rows.length;
    if (k === this.#at.length) this.#grow();
    this.#at[k] = atMs;
    this.#created[k] = createdMs;
    this.#ipv4[k] = ipv4;
    this.rows.push(out);
  }

  // The instants read per row, kept as they are read (rows.length entries of each are in use).
  // Sized for a slice of a streamed file (some 2,000 rows), grown for more.
  #at = new Float64Array(4096);
  #created = new Float64Array(4096);
  #ipv4 = new Float64Array(4096);
  /** The number #checkIp last found (scanIpv4), -1 when the text was not canonical IPv4. */
  #v4 = -1;

  #grow() {
    const grown = (a: Float64Array) => {
      const b = new Float64Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.#at = grown(this.#at);
    this.#created = grown(this.#created);
    this.#ipv4 = grown(this.#ipv4);
  }

  /** The times read so far, for the rows read so far. */
  reads(): RowReads {
    const n = this.rows.length;
    return {
      rows: this.rows,
      at: this.#at.subarray(0, n),
      created: this.#created.subarray(0, n),
      ipv4: this.#ipv4.subarray(0, n),
    };
  }

  #plainFlow(text: string | undefined, app: string | undefined, row: number): Flow | undefined {
    if (text !== undefined) {
      // Most logs write it in lower case: matched as it is before lower-casing each row's cell.
      let i = FLOWS.indexOf(text as Flow);
      if (i < 0) i = FLOWS.indexOf(text.toLowerCase() as Flow);
      const f = i < 0 ? undefined : FLOWS[i];
      if (!f) this.#problem(row, 'flow', `"${text}" is not one of ${FLOWS.join(', ')}`);
      return f;
    }
    // A row with a client app is an Entra sign-in: web or OAuth, never a PAT.
    return app === undefined ? undefined : entraFlow(app);
  }

  #plainCountry(row: number, text: string): string | undefined {
    if (/^[A-Za-z]{2}$/.test(text)) return text.toUpperCase();
    if (text.toLowerCase() === UNKNOWN_COUNTRY) return UNKNOWN_COUNTRY;
    this.#problem(
      row,
      'country',
      `"${text}" is not a two-letter country code (ISO 3166) or ${UNKNOWN_COUNTRY}`,
    );
    return undefined;
  }

  #tableNoted = false;

  /** Interactive or not, from the first row that says (Log Analytics' Type, or isInteractive). */
  #noteTable(c: Cells) {
    if (this.#tableNoted) return;
    const t = TABLES.get(c[F.table]?.toLowerCase() ?? '');
    const i = c[F.interactive]?.toLowerCase();
    const interactive = i === 'true' ? true : i === 'false' ? false : undefined;
    if (!t && interactive === undefined) return;
    this.#tableNoted = true;
    const format = this.#info.format.toUpperCase();
    if (this.#spec.kind === 'entra-signin-la') {
      const table = t ?? (interactive ? 'SigninLogs' : 'AADNonInteractiveUserSignInLogs');
      this.#info.table = table;
      this.#info.name = `Log Analytics export of ${table} (${format})`;
    } else {
      const which = interactive === false || t === 'AADNonInteractiveUserSignInLogs';
      this.#info.name = `${KIND_LABELS[this.#spec.kind].name}, ${which ? 'non-interactive' : 'interactive'} (${format})`;
    }
  }
}
