// The reports of a batch what-if, written piece by piece (a log can have millions of rows): one
// line per sign-in with its outcome with the policy off and on, then the counts for both states
// and how many sign-ins turning it on would cut off; or the same as one JSON object.
import { FLOWS, type Outcome } from '../model/engine/types';
import { INVALID_DECISION } from '../model/impact/impactTypes';
import type { BatchReport } from './batch';
import type { BatchExtras } from './batchExtras';
import { columns } from './columns';
import { visible } from '../model/graph/visibleText';

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
    lines.push(`Counted apart: ${a.count} ${a.label}${seen}: ${list(a.rows, a.count)}.`);
  }
  const audit = log.audit;
  if (audit) {
    const created = Object.keys(audit.patCreated).length;
    if (created) lines.push(`PAT creation dates from Token.PatCreateEvent: ${created} PATs.`);
  }
  if (x.enabledAt?.from === 'audit-log')
    lines.push(
      `Org policy switched on ${x.enabledAt.at} (OrganizationPolicy.PolicyValueUpdated, row ${x.enabledAt.row}): used for R12.`,
    );
  return lines;
}

/** The range, the coverage sentence and the remedies. */
export function formatFindings(x: BatchExtras): string[] {
  const lines = ['', x.headline.verdict];
  for (const r of x.range.readings)
    lines.push(`  with ${r.assumption}=${r.strictValue} (${r.rule}) alone: ${r.newlyBlocked}`);
  if (x.headline.coverage) lines.push('', `What this log can hold: ${x.headline.coverage}`);
  if (x.remedies.length) {
    lines.push('', 'Remedies (effect recomputed; Graph PATCH bodies with --json):');
    for (const r of x.remedies)
      lines.push(
        `  ${r.label}: newly refused ${r.before} -> ${r.after}` +
          ` (PATCH /identity/conditionalAccess/namedLocations/${r.locationId})`,
      );
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

/** Calls `each(i, pair)` for every decided row, in file order; pair = off * 65536 + on. */
/** The JSON text of a repeated value (an IP, a user, an outcome pair), made once per key. */
export function cached<T>(cache: Map<T, string>, key: T, make: () => string): string {
  let v = cache.get(key);
  if (v === undefined) cache.set(key, (v = make()));
  return v;
}

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
  write: (text: string) => void,
  warningCount = 0,
  extras?: BatchExtras,
): void {
  // Names and users come from files: a terminal must show their control characters, not obey them.
  const out = (text: string) => write(visible(text, true));
  const mark = (state: 'on' | 'off') => (r.current === state ? `${state} (current)` : state);
  const evaluated = evaluatedCount(r);
  const read = extras ? formatRead(extras, file) : [];
  read.push(`Sign-ins from ${file}: ${evaluated} evaluated, ${r.problems.length} skipped.`);
  out(read.join('\n') + '\n');
  if (evaluated) {
    const { impact } = r;
    const rows = impact.rows;
    const head = ['row', 'ip', 'flow', 'user', mark('off'), mark('on'), 'code (on)', 'rule (on)'];
    // Shown escaped once per distinct IP and user, not once per row.
    const userText: (string | undefined)[] = [];
    const ipText: (string | undefined)[] = [];
    const user = (u: number) => (userText[u] ??= visible(impact.users[u] || '-'));
    const ipOf = (k: number) => (ipText[k] ??= visible(impact.ips[k]!));
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
    // Widths first (as columns() pads), from the distinct values rather than every row.
    const w = head.map((h) => h.length);
    forEachRow(r, (i, pair) => {
      w[0] = Math.max(w[0]!, String(rows.row[i]).length);
      w[1] = Math.max(w[1]!, ipOf(rows.ip[i]!).length);
      w[2] = Math.max(w[2]!, FLOWS[rows.flow[i]!]!.length);
      w[3] = Math.max(w[3]!, user(rows.user[i]!).length);
      cellsOf(pair)
        .slice(0, 4)
        .forEach((c, k) => (w[4 + k] = Math.max(w[4 + k]!, c.length)));
    });
    const pad = (cells: string[], from: number) =>
      cells.map((c, k) => (from + k === 8 ? c : c.padEnd(w[from + k]!))).join('  ');
    const padded = <T>(cache: Map<T, string>, key: T, make: () => string) => {
      let v = cache.get(key);
      if (v === undefined) cache.set(key, (v = make()));
      return v;
    };
    const ipCells = new Map<number, string>();
    const userCells = new Map<number, string>();
    const tails = new Map<number, string>();
    let lines = ['', `  ${pad([...head, ''], 0)}`.trimEnd()];
    forEachRow(r, (i, pair) => {
      const ip = rows.ip[i]!;
      const u = rows.user[i]!;
      lines.push(
        `  ${String(rows.row[i]).padEnd(w[0]!)}  ` +
          padded(ipCells, ip, () => ipOf(ip).padEnd(w[1]!)) +
          '  ' +
          FLOWS[rows.flow[i]!]!.padEnd(w[2]!) +
          '  ' +
          padded(userCells, u, () => user(u).padEnd(w[3]!)) +
          '  ' +
          padded(tails, pair, () => pad(cellsOf(pair), 4).trimEnd()),
      );
      // Every cell is already shown escaped (visible per distinct IP and user; the rest is ours).
      if (lines.length >= PIECE) {
        write(lines.join('\n') + '\n');
        lines = [];
      }
    });
    if (lines.length) write(lines.join('\n') + '\n');
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
      `sign-in${evaluated === 1 ? '' : 's'} from allowed to blocked.`,
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
}

/**
 * The JSON report, exactly as JSON.stringify({ current, rows, summary, problems, ...more },
 * null, 2) would print it, without building the rows: `rows` holds one object per decided
 * sign-in (row, ip, flow, user, off, on, and the code and rule with the policy on).
 */
export function writeBatchJson(
  r: BatchReport,
  out: (text: string) => void,
  more: Record<string, unknown> = {},
): void {
  const { impact } = r;
  const rows = impact.rows;
  const ipJson = new Map<number, string>();
  const userJson = new Map<number, string>();
  const tailJson = new Map<number, string>();
  const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);
  let text = `{\n  "current": ${JSON.stringify(r.current)},\n  "rows": [`;
  let n = 0;
  forEachRow(r, (i, pair) => {
    const ip = rows.ip[i]!;
    const u = rows.user[i]!;
    text +=
      (n++ ? ',' : '') +
      `\n    {\n      "row": ${rows.row[i]},\n      "ip": ` +
      cached(ipJson, ip, () => JSON.stringify(impact.ips[ip])) +
      `,\n      "flow": "${FLOWS[rows.flow[i]!]}",\n      "user": ` +
      cached(userJson, u, () => JSON.stringify(impact.users[u] || null)) +
      cached(tailJson, pair, () => {
        const c = pairCells(r, pair >>> 16, pair & 0xffff);
        const tail = JSON.stringify({ ...c }, null, 2).slice(1, -2);
        return ',' + indent(tail, '    ') + '\n    }';
      });
    if (n % PIECE === 0) {
      out(text);
      text = '';
    }
  });
  text += n ? '\n  ],' : '],';
  text += `\n  "summary": ${indent(JSON.stringify(r.summary, null, 2), '  ')}`;
  text += `,\n  "problems": ${indent(JSON.stringify(r.problems, null, 2), '  ')}`;
  for (const [k, v] of Object.entries(more))
    if (v !== undefined)
      text += `,\n  ${JSON.stringify(k)}: ${indent(JSON.stringify(v, null, 2), '  ')}`;
  out(text + '\n}\n');
}
