// The batch report as NDJSON (--ndjson): one JSON object a line, so a log of millions of rows can
// be piped into jq, a database or a SIEM and read line by line. The fields are those of --json:
// each decided row, then each problem, then the summary with everything else, always last.
import { FLOWS } from '../model/engine/types';
import type { BatchReport } from './batch';
import { PIECE, cached, forEachRow, pairCells } from './formatBatch';

/**
 * Lines of `{"type":"row", row, ip, flow, user, off, on, code, rule}` in file order, then
 * `{"type":"problem", row, field, message}`, then one `{"type":"summary", current, summary,
 * ...more}` (more: kind, log, range, remedies, verdict, coverage, as --json prints them).
 */
export function writeBatchNdjson(
  r: BatchReport,
  out: (text: string) => void,
  more: Record<string, unknown> = {},
): void {
  const { impact } = r;
  const rows = impact.rows;
  // Most of a line repeats (the same IP, user or outcome pair): each piece is made once.
  const ipJson = new Map<number, string>();
  const userJson = new Map<number, string>();
  const tailJson = new Map<number, string>();
  let text = '';
  let n = 0;
  const flush = () => {
    if (++n % PIECE !== 0) return;
    out(text);
    text = '';
  };
  forEachRow(r, (i, pair) => {
    const ip = rows.ip[i]!;
    const u = rows.user[i]!;
    text +=
      `{"type":"row","row":${rows.row[i]},"ip":` +
      cached(ipJson, ip, () => JSON.stringify(impact.ips[ip])) +
      `,"flow":"${FLOWS[rows.flow[i]!]}","user":` +
      cached(userJson, u, () => JSON.stringify(impact.users[u] || null)) +
      cached(
        tailJson,
        pair,
        () => ',' + JSON.stringify(pairCells(r, pair >>> 16, pair & 0xffff)).slice(1),
      ) +
      '\n';
    flush();
  });
  for (const p of r.problems) {
    text += JSON.stringify({ type: 'problem', ...p }) + '\n';
    flush();
  }
  const summary: Record<string, unknown> = {
    type: 'summary',
    current: r.current,
    summary: r.summary,
  };
  for (const [k, v] of Object.entries(more)) if (v !== undefined) summary[k] = v;
  out(text + JSON.stringify(summary) + '\n');
}
