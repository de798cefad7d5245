// The batch report as NDJSON (--ndjson): one JSON object a line, so a log of millions of rows can
// be piped into jq, a database or a SIEM and read line by line. The fields are those of --json:
// each decided row, then each problem, then the summary with everything else, always last.
import { FLOWS } from '../model/engine/types';
import type { BatchReport } from './batch';
import { ByteOut, CellArena, utf8, type Write } from './byteOut';
import { cached, forEachRow, pairCells } from './formatBatch';

/**
 * Lines of `{"type":"row", row, ip, flow, user, off, on, code, rule}` in file order, then
 * `{"type":"problem", row, field, message}`, then one `{"type":"summary", current, summary,
 * ...more}` (more: kind, log, range, remedies, verdict, coverage, as --json prints them).
 */
export function writeBatchNdjson(
  r: BatchReport,
  write: Write,
  more: Record<string, unknown> = {},
): void {
  const { impact } = r;
  const rows = impact.rows;
  const bo = new ByteOut(write);
  // Most of a line repeats (the same IP, user or outcome pair): each piece is made once.
  const ipJson = new CellArena(impact.ips.length, (k) => JSON.stringify(impact.ips[k]));
  const userJson = new CellArena(impact.users.length, (u) =>
    JSON.stringify(impact.users[u] || null),
  );
  const tailJson = new Map<number, Uint8Array>();
  const flowJson = FLOWS.map((f) => utf8(`,"flow":"${f}","user":`));
  const rowKey = utf8('{"type":"row","row":');
  const ipKey = utf8(',"ip":');
  forEachRow(r, (i, pair) => {
    const ip = rows.ip[i]!;
    const u = rows.user[i]!;
    bo.bytes(rowKey);
    bo.int(rows.row[i]!);
    bo.bytes(ipKey);
    ipJson.write(bo, ip);
    bo.bytes(flowJson[rows.flow[i]!]!);
    userJson.write(bo, u);
    bo.bytes(
      cached(tailJson, pair, () =>
        utf8(',' + JSON.stringify(pairCells(r, pair >>> 16, pair & 0xffff)).slice(1)),
      ),
    );
    bo.line();
  });
  for (const p of r.problems) {
    bo.text(JSON.stringify({ type: 'problem', ...p }));
    bo.line();
  }
  const summary: Record<string, unknown> = {
    type: 'summary',
    current: r.current,
    summary: r.summary,
  };
  for (const [k, v] of Object.entries(more)) if (v !== undefined) summary[k] = v;
  bo.text(JSON.stringify(summary));
  bo.line();
  bo.flush();
}
