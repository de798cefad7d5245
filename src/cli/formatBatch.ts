// The reports of a batch what-if, written piece by piece (a log can have millions of rows): one
// line per sign-in with its outcome with the policy off and on, then the counts for both states
// and how many sign-ins turning it on would cut off; or the same as one JSON object.
import { FLOWS, type Outcome } from '../model/engine/types';
import { INVALID_DECISION } from '../model/impact/impactTypes';
import { skippedRowNumbers } from '../model/impact/rowsToAnalyse';
import { patDatesNote, policyOnSince, switchedOffNote } from '../model/impact/logs/auditEvents';
import type { BatchReport } from './batch';
import type { BatchExtras } from './batchExtras';
import { columns } from './columns';
import { visible } from '../model/graph/visibleText';
import { noClientAppNote } from '../model/impact/logs/logInfo';
import { apartCount } from '../model/impact/logs/classify';
import { ByteOut, CellArena, utf8, type Write } from './byteOut';

const OUTCOMES: readonly Outcome[] = ['allowed', 'blocked', 'mfa-required'];
/** Lines per piece of output. */
export const PIECE = 20_000;

const quoted = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(', ');
const list = (rows: readonly number[], count: number) =>
  `row${count === 1 ? '' : 's'} ${rows.join(', ')}${count > rows.length ? ', …' : ''}`;

/** What was read: the kind, every column used and ignored, the rows counted apart. */
export function formatRead(x: BatchExtras, file: string): string[] {
  const log = x.log;
  if (!log) return [];
  const lines = [`Read ${file} as: ${log.name}.`];
  lines.push(
    `Columns used: ${log.used.map((c) => `${JSON.stringify(c.name)} (${c.use})`).join('; ')}.`,
  );
  if (log.ignored.length) lines.push(`Columns ignored: ${quoted(log.ignored)}.`);
  for (const a of log.apart) {
    const seen = a.values?.length ? ` (${a.values.join(', ')})` : '';
    lines.push(`Counted apart: ${apartCount(a.reason, a.count)}${seen}: ${list(a.rows, a.count)}.`);
  }
  const audit = log.audit;
  const dates = patDatesNote(audit);
  if (dates) lines.push(dates);
  const fromLog = audit ? policyOnSince(audit) : undefined;
  if (x.enabledAt?.from === 'audit-log')
    lines.push(
      `Org policy switched on ${x.enabledAt.at} (OrganizationPolicy.PolicyValueUpdated, row ${x.enabledAt.row}): used for R12.`,
    );
  else if (fromLog && x.enabledAt?.from === 'input' && x.enabledAt.at !== fromLog)
    lines.push(
      `The log records the org policy switched on ${fromLog}; --validation-enabled-at ${x.enabledAt.at} is used for R12 instead.`,
    );
  const off = switchedOffNote(audit);
  if (off) lines.push(off);
  return lines;
}

/** The range, the coverage sentence and the remedies. */
export function formatFindings(x: BatchExtras): string[] {
  const lines = ['', x.headline.verdict];
  for (const r of x.range.readings)
    lines.push(`  with ${r.assumption}=${r.strictValue} (${r.rule}) alone: ${r.newlyBlocked}`);
  if (x.headline.coverage) lines.push('', `What this log can hold: ${x.headline.coverage}`);
  const shown = (n: number, of: number) => (of > n ? `the busiest ${n} of ${of}` : `${of}`);
  if (x.blocks.top.length) {
    lines.push(
      '',
      `Refused with the policy on, by address block (${shown(x.blocks.top.length, x.blocks.of)}):`,
    );
    lines.push(
      ...columns([
        ['block', 'refused', 'newly', 'addresses'],
        ...x.blocks.top.map((b) => [
          b.block,
          String(b.refused),
          String(b.newlyRefused),
          b.ips.join(', ') + (b.addresses > b.ips.length ? `, … (${b.addresses})` : ''),
        ]),
      ]),
    );
  }
  if (x.users.top.length) {
    const n = x.users.top.length;
    const which = x.users.of > n ? `the ${n} most newly refused of ${x.users.of}` : `${x.users.of}`;
    lines.push('', `Refused with the policy on, by user (${which}):`);
    lines.push(
      ...columns([
        ['user', 'refused', 'newly'],
        ...x.users.top.map((u) => [u.user || '-', String(u.refused), String(u.newlyRefused)]),
      ]),
    );
  }
  if (x.remedies.length) {
    lines.push('', 'Remedies (effect recomputed; Graph PATCH bodies with --json):');
    for (const r of x.remedies) {
      lines.push(
        `  ${r.label}: newly refused ${r.before} -> ${r.after}` +
          ` (PATCH /identity/conditionalAccess/namedLocations/${r.locationId})`,
      );
      if (r.warning) lines.push(`    Warning: ${r.warning}`);
    }
  }
  return lines;
}

/** One sign-in as the report shows it: the cells that depend on the row's decisions, cached. */
interface Cells {
  off: Outcome;
  on: Outcome;
  code: string | null;
  rule: string;
}

export function pairCells(r: BatchReport, off: number, on: number): Cells {
  const d = r.impact.decisions;
  return { off: d[off]!.outcome, on: d[on]!.outcome, code: d[on]!.code, rule: d[on]!.decidedBy };
}

/** A repeated value's output (an IP, a user, an outcome pair), made once per key. */
export function cached<T, V>(cache: Map<T, V>, key: T, make: () => V): V {
  let v = cache.get(key);
  if (v === undefined) cache.set(key, (v = make()));
  return v;
}

/** Calls `each(i, pair)` for every decided row, in file order; pair = off * 65536 + on. */
export function forEachRow(r: BatchReport, each: (i: number, pair: number) => void): void {
  const { count, off, on } = r.impact.rows;
  for (let i = 0; i < count; i++)
    if (off[i] !== INVALID_DECISION) each(i, off[i]! * 65536 + on[i]!);
}

function evaluatedCount(r: BatchReport): number {
  const t = r.summary.off;
  return t.allowed + t.blocked + t['mfa-required'];
}

export function writeBatch(
  r: BatchReport,
  file: string,
  write: Write,
  warningCount = 0,
  extras?: BatchExtras,
): void {
  const bo = new ByteOut(write);
  // Names and users come from files: a terminal must show their control characters, not obey them.
  const out = (text: string) => {
    bo.text(visible(text, true));
    bo.mark();
  };
  const mark = (state: 'on' | 'off') => (r.current === state ? `${state} (current)` : state);
  const evaluated = evaluatedCount(r);
  const read = extras ? formatRead(extras, file) : [];
  // A row with three bad cells is one row skipped.
  const skipped = skippedRowNumbers(r.problems).length;
  // An audit export's rows are audited requests, not sign-ins: the report says requests.
  read.push(`Requests from ${file}: ${evaluated} evaluated, ${skipped} skipped.`);
  const unset = extras?.log?.flows.unset ?? 0;
  if (unset)
    read.push(
      `${unset} row${unset === 1 ? ' gives' : 's give'} no flow: counted as pat (whatif --batch reads a row without a flow as a PAT).`,
    );
  const noClient = noClientAppNote(extras?.log);
  if (noClient) read.push(noClient);
  out(read.join('\n') + '\n');
  if (evaluated) {
    const { impact } = r;
    const rows = impact.rows;
    const head = ['row', 'ip', 'flow', 'user', mark('off'), mark('on'), 'code (on)', 'rule (on)'];
    // Shown escaped once per distinct IP and user, not once per row.
    const userText: (string | undefined)[] = [];
    const user = (u: number) => (userText[u] ??= visible(impact.users[u] || '-'));
    // Not kept per IP: each is made twice at most (its width, its cell), and there can be millions.
    const ipOf = (k: number) => visible(impact.ips[k]!);
    const pairs = new Map<number, string[]>();
    const cellsOf = (pair: number) => {
      let cells = pairs.get(pair);
      if (!cells) {
        const c = pairCells(r, pair >>> 16, pair & 0xffff);
        const newly = c.off === 'allowed' && c.on === 'blocked' ? '<- newly blocked' : '';
        cells = [c.off, c.on, c.code ?? '-', c.rule, newly];
        pairs.set(pair, cells);
      }
      return cells;
    };
    // Widths first (as columns() pads), from the distinct values of the decided rows.
    const w = head.map((h) => h.length);
    const ipSeen = new Uint8Array(impact.ips.length);
    const userSeen = new Uint8Array(impact.users.length);
    let lastRow = 0;
    // Pairs and flows seen, by number: no lookup of a pair number (above 2^31) per row.
    const d = impact.decisions.length;
    const pairSeen = new Uint8Array(d * d);
    const flowSeen = new Uint8Array(FLOWS.length + 1);
    for (let i = 0; i < rows.count; i++) {
      const off = rows.off[i]!;
      if (off === INVALID_DECISION) continue;
      lastRow = Math.max(lastRow, rows.row[i]!);
      const ip = rows.ip[i]!;
      if (!ipSeen[ip]) {
        ipSeen[ip] = 1;
        w[1] = Math.max(w[1]!, ipOf(ip).length);
      }
      const u = rows.user[i]!;
      if (!userSeen[u]) {
        userSeen[u] = 1;
        w[3] = Math.max(w[3]!, user(u).length);
      }
      const f = rows.flow[i]!;
      if (!flowSeen[f]) {
        flowSeen[f] = 1;
        w[2] = Math.max(w[2]!, FLOWS[f]!.length);
      }
      const on = rows.on[i]!;
      if (!pairSeen[off * d + on]) {
        pairSeen[off * d + on] = 1;
        cellsOf(off * 65536 + on).forEach(
          (c, k) => k < 4 && (w[4 + k] = Math.max(w[4 + k]!, c.length)),
        );
      }
    }
    w[0] = Math.max(w[0]!, String(lastRow).length);
    const pad = (cells: string[], from: number) =>
      cells.map((c, k) => (from + k === 8 ? c : c.padEnd(w[from + k]!))).join('  ');
    // Each row is its number and four cells made once per distinct value, written as bytes.
    const ipCells = new CellArena(impact.ips.length, (k) => '  ' + ipOf(k).padEnd(w[1]!));
    const userCells = new CellArena(impact.users.length, (u) => '  ' + user(u).padEnd(w[3]!));
    const flowCells = new CellArena(FLOWS.length, (f) => '  ' + FLOWS[f]!.padEnd(w[2]!));
    // The decided rows' outcome pairs are all known by now (the widths): one tail cell each.
    const pairList = [...pairs.keys()];
    // A pair's tail cell by its two decision numbers, in an array: no lookup of a pair number
    // (above 2^31, so not a small integer) per row.
    const tailOf = new Int32Array(d * d);
    pairList.forEach((p, k) => (tailOf[(p >>> 16) * d + (p & 0xffff)] = k));
    const tailCells = new CellArena(
      pairList.length,
      (k) => '  ' + pad(cellsOf(pairList[k]!), 4).trimEnd(),
    );
    bo.line();
    bo.text(`  ${pad([...head, ''], 0)}`.trimEnd());
    bo.line();
    // Every cell is already shown escaped (visible per distinct IP and user; the rest is ours),
    // and made into bytes once per distinct value: a row copies four of them after its number.
    const { off, on } = rows;
    for (let i = 0; i < rows.count; i++) {
      const o = off[i]!;
      if (o === INVALID_DECISION) continue;
      bo.int(rows.row[i]!, w[0], 2);
      ipCells.write(bo, rows.ip[i]!);
      flowCells.write(bo, rows.flow[i]!);
      userCells.write(bo, rows.user[i]!);
      tailCells.write(bo, tailOf[o * d + on[i]!]!);
      bo.line();
    }
  }
  const lines = [
    '',
    'Summary:',
    ...columns([
      ['', mark('off'), mark('on')],
      ...OUTCOMES.map((o) => [o, String(r.summary.off[o]), String(r.summary.on[o])]),
    ]),
    '',
    `Turning the organisation policy on changes ${r.summary.newlyBlocked} of ${evaluated} ` +
      `request${evaluated === 1 ? '' : 's'} from allowed to blocked.`,
  ];
  if (extras) lines.push(...formatFindings(extras));
  // Skipped rows go out in pieces, never spread: a log can hold hundreds of thousands of them.
  if (r.problems.length) lines.push('', 'Skipped rows:');
  for (let i = 0; i < r.problems.length; i += PIECE) {
    out(lines.join('\n') + '\n');
    lines.length = 0;
    const piece = r.problems.slice(i, i + PIECE);
    lines.push(piece.map((p) => `  row ${p.row}, ${p.field}: ${p.message}`).join('\n'));
  }
  if (warningCount) lines.push('', `Import warnings: ${warningCount}, printed on stderr.`);
  out(lines.join('\n') + '\n');
  bo.flush();
}

/**
 * The JSON report, exactly as JSON.stringify({ current, rows, summary, problems, ...more },
 * null, 2) would print it, without building the rows: `rows` holds one object per decided
 * sign-in (row, ip, flow, user, off, on, and the code and rule with the policy on).
 */
export function writeBatchJson(
  r: BatchReport,
  write: Write,
  more: Record<string, unknown> = {},
): void {
  const { impact } = r;
  const rows = impact.rows;
  const bo = new ByteOut(write);
  // Most of a row repeats (the same IP, user or outcome pair): each piece is made once.
  const ipJson = new CellArena(impact.ips.length, (k) => JSON.stringify(impact.ips[k]));
  const userJson = new CellArena(impact.users.length, (u) =>
    JSON.stringify(impact.users[u] || null),
  );
  const tailJson = new Map<number, Uint8Array>();
  const flowJson = FLOWS.map((f) => utf8(`,\n      "flow": "${f}",\n      "user": `));
  const firstRow = utf8('\n    {\n      "row": ');
  const nextRow = utf8(',\n    {\n      "row": ');
  const ipKey = utf8(',\n      "ip": ');
  const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);
  bo.text(`{\n  "current": ${JSON.stringify(r.current)},\n  "rows": [`);
  let n = 0;
  forEachRow(r, (i, pair) => {
    const ip = rows.ip[i]!;
    const u = rows.user[i]!;
    bo.bytes(n++ ? nextRow : firstRow);
    bo.int(rows.row[i]!);
    bo.bytes(ipKey);
    ipJson.write(bo, ip);
    bo.bytes(flowJson[rows.flow[i]!]!);
    userJson.write(bo, u);
    bo.bytes(
      cached(tailJson, pair, () => {
        const c = pairCells(r, pair >>> 16, pair & 0xffff);
        const tail = JSON.stringify({ ...c }, null, 2).slice(1, -2);
        return utf8(',' + indent(tail, '    ') + '\n    }');
      }),
    );
    bo.mark();
  });
  let text = n ? '\n  ],' : '],';
  text += `\n  "summary": ${indent(JSON.stringify(r.summary, null, 2), '  ')}`;
  text += `,\n  "problems": ${indent(JSON.stringify(r.problems, null, 2), '  ')}`;
  for (const [k, v] of Object.entries(more))
    if (v !== undefined)
      text += `,\n  ${JSON.stringify(k)}: ${indent(JSON.stringify(v, null, 2), '  ')}`;
  bo.text(text + '\n}\n');
  bo.flush();
}
