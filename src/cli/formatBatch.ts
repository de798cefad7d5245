// The readable report of a batch what-if: one line per sign-in with its outcome with the policy
// off and on, then the counts for both states and how many sign-ins turning it on would cut off.
import type { Outcome } from '../model/engine/types';
import type { BatchReport } from './batch';
import type { BatchExtras } from './batchExtras';
import { columns } from './columns';

const OUTCOMES: readonly Outcome[] = ['allowed', 'blocked', 'mfa-required'];

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

export function formatBatch(
  r: BatchReport,
  file: string,
  warningCount = 0,
  extras?: BatchExtras,
): string {
  const mark = (state: 'on' | 'off') => (r.current === state ? `${state} (current)` : state);
  const evaluated = r.rows.length;
  const lines = extras ? formatRead(extras, file) : [];
  lines.push(`Sign-ins from ${file}: ${evaluated} evaluated, ${r.problems.length} skipped.`);
  if (evaluated) {
    const table = r.rows.map((row) => [
      String(row.row),
      row.ip,
      row.flow,
      row.user ?? '-',
      row.off,
      row.on,
      row.code ?? '-',
      row.rule,
      row.off === 'allowed' && row.on === 'blocked' ? '<- newly blocked' : '',
    ]);
    lines.push(
      '',
      ...columns([
        ['row', 'ip', 'flow', 'user', mark('off'), mark('on'), 'code (on)', 'rule (on)', ''],
        ...table,
      ]),
    );
  }
  lines.push(
    '',
    'Summary:',
    ...columns([
      ['', mark('off'), mark('on')],
      ...OUTCOMES.map((o) => [o, String(r.summary.off[o]), String(r.summary.on[o])]),
    ]),
    '',
    `Turning the organisation policy on changes ${r.summary.newlyBlocked} of ${evaluated} ` +
      `sign-in${evaluated === 1 ? '' : 's'} from allowed to blocked.`,
  );
  if (extras) lines.push(...formatFindings(extras));
  if (r.problems.length) {
    lines.push(
      '',
      'Skipped rows:',
      ...r.problems.map((p) => `  row ${p.row}, ${p.field}: ${p.message}`),
    );
  }
  if (warningCount) lines.push('', `Import warnings: ${warningCount}, printed on stderr.`);
  return lines.join('\n') + '\n';
}
