// The readable report of a batch what-if: one line per sign-in with its outcome with the policy
// off and on, then the counts for both states and how many sign-ins turning it on would cut off.
import type { Outcome } from '../model/engine/types';
import type { BatchReport } from './batch';
import { columns } from './columns';

const OUTCOMES: readonly Outcome[] = ['allowed', 'blocked', 'mfa-required'];

export function formatBatch(r: BatchReport, file: string, warningCount = 0): string {
  const mark = (state: 'on' | 'off') => (r.current === state ? `${state} (current)` : state);
  const evaluated = r.rows.length;
  const lines = [`Sign-ins from ${file}: ${evaluated} evaluated, ${r.problems.length} skipped.`];
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
