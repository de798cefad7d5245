// The lab and the command line decide the same rows of every log: each fixture log goes through
// the worker's job (as text, and as a file read where it lies) and through `whatif --batch --json`
// in-process, and both must decide the same rows, skip the same rows (every row with a bad cell,
// rowsToAnalyse) and count the same newly refused. plain.csv once differed: the lab decided rows
// 2–6, guessing at row 5's flow "telnet" and row 6's time "yesterday"; the CLI decided 2–4.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { Outcome } from '../../src/model/engine/types';
import { INVALID_DECISION, type ImpactReport } from '../../src/model/impact/impactTypes';
import { MAX_ROW_PROBLEMS, runImpactJob } from '../../src/worker/impactJob';

const D = 'tests/fixtures/logs';
const AT = '2025-11-05T00:00:00Z';
/** Graph exports, not logs. */
const TENANT_FILES = new Set(['locations.json', 'policies.json', 'policies-group-outside.json']);
const POLICY_SETS = ['policies.json', 'policies-group-outside.json'];

interface Verdict {
  decided: number[];
  /** How many rows were skipped, and the first of them (the lab lists the first 200 problems). */
  skippedCount: number;
  skipped: number[];
  off: Record<Outcome, number>;
  on: Record<Outcome, number>;
  newlyRefused: number;
  range: [number, number] | undefined;
}

interface CliJson {
  rows: { row: number; off: Outcome; on: Outcome }[];
  summary: { off: Record<Outcome, number>; on: Record<Outcome, number> };
  problems: { row: number }[];
  range?: { low: number; high: number };
}

const rowSet = (rows: { row: number }[]) =>
  [...new Set(rows.map((p) => p.row))].sort((a, b) => a - b);

function cli(log: string, policies: string): Verdict | { error: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(
    [
      ...['--locations', `${D}/locations.json`, '--policies', `${D}/${policies}`],
      ...['--validation', 'on', '--batch', log, '--at', AT, '--json'],
    ],
    { stdout: (t) => out.push(t), stderr: (t) => err.push(t), now: () => new Date(AT) },
  );
  if (code !== 0) return { error: err.join('') };
  const j = JSON.parse(out.join('')) as CliJson;
  return {
    decided: j.rows.map((r) => r.row),
    skippedCount: rowSet(j.problems).length,
    skipped: rowSet(j.problems),
    off: j.summary.off,
    on: j.summary.on,
    newlyRefused: j.rows.filter((r) => r.off === 'allowed' && r.on !== 'allowed').length,
    range: j.range && [j.range.low, j.range.high],
  };
}

function lab(report: ImpactReport): Verdict {
  const { rows } = report;
  const decided: number[] = [];
  for (let i = 0; i < rows.count; i++)
    if (rows.off[i] !== INVALID_DECISION) decided.push(rows.row[i]!);
  const invalid = report.invalidExamples.map((e) => ({ row: e.row }));
  return {
    decided,
    // The CLI lists the rows evaluate() refuses among its skipped rows too.
    skippedCount: (report.inputs?.skippedRows ?? 0) + report.invalid,
    skipped: rowSet([...(report.inputs?.rowProblems ?? []), ...invalid]),
    off: report.off,
    on: report.on,
    newlyRefused: report.newlyBlocked,
    range: report.range && [report.range.low, report.range.high],
  };
}

async function worker(text: string, policies: string, asFile: boolean) {
  const input = {
    locationsJson: JSON.parse(readFileSync(`${D}/locations.json`, 'utf8')),
    policiesJson: JSON.parse(readFileSync(`${D}/${policies}`, 'utf8')),
    at: AT,
    defaultFlow: 'pat' as const,
  };
  const o = await runImpactJob(
    asFile ? { ...input, file: new Blob([text]) } : { ...input, csvText: text },
  );
  if (o.status === 'error') return { error: o.message };
  if (o.status !== 'done') throw new Error(o.status);
  return { report: o.report, verdict: lab(o.report) };
}

/** A plain CSV with a bad cell every few rows (IP, flow, time, country, client), over slices. */
function badCellsCsv(n: number): string {
  const lines = ['ip,user,flow,client,at,country'];
  const ips = ['203.0.113.14', '20.42.0.17', '2001:db8:99::7', '198.51.100.45', '010.0.0.1'];
  const flows = ['pat', 'ssh', 'telnet', '', 'PAT', 'web'];
  const clients = ['git', 'putty', '', 'pipeline-agent'];
  const times = ['2025-11-04T08:00:00Z', 'yesterday', ''];
  const countries = ['NL', 'US', 'Portugal', ''];
  for (let i = 0; i < n; i++)
    lines.push(
      [
        ips[i % 5],
        `u${i % 13}@contoso.com`,
        flows[i % 6],
        clients[i % 4],
        times[i % 7 === 0 ? 1 : i % 3 === 0 ? 2 : 0],
        countries[i % 11 === 0 ? 2 : i % 4],
      ].join(','),
    );
  return lines.join('\r\n') + '\r\n';
}

const generated = join(mkdtempSync(join(tmpdir(), 'parity-')), 'bad-cells.csv');
writeFileSync(generated, badCellsCsv(60_000));

const LOGS = [
  ...readdirSync(D)
    .filter((f) => !TENANT_FILES.has(f))
    .map((f) => `${D}/${f}`),
  'tests/fixtures/signins.csv',
  'tests/fixtures/cli/signins.csv',
  generated,
];

describe('the lab and the command line decide, skip and refuse the same rows', () => {
  it('covers every fixture log, and plain.csv skips rows 5 and 6', async () => {
    expect(LOGS.length).toBeGreaterThan(10);
    const plain = await worker(readFileSync(`${D}/plain.csv`, 'utf8'), 'policies.json', false);
    if ('error' in plain) throw new Error(plain.error);
    expect(plain.verdict.decided).toEqual([2, 3, 4]);
    expect(plain.verdict.skipped).toEqual([5, 6]);
    expect(plain.report.inputs?.skippedRows).toBe(2);
    // The log's flows count decided rows only: the skipped ones are not "unset" PATs.
    expect(plain.report.log?.flows).toEqual({ web: 0, pat: 2, ssh: 1, oauth: 0, unset: 0 });
  });

  for (const log of LOGS)
    for (const policies of POLICY_SETS)
      it(`${log.replace(/^.*\//, '')} with ${policies}`, async () => {
        const text = readFileSync(log, 'utf8');
        const fromCli = cli(log, policies);
        for (const asFile of [false, true]) {
          const fromLab = await worker(text, policies, asFile);
          if ('error' in fromCli) {
            // A file of no known kind: both refuse it, naming the columns they needed.
            expect('error' in fromLab).toBe(true);
            continue;
          }
          if ('error' in fromLab) throw new Error(fromLab.error);
          const listed = fromLab.verdict.skipped.length;
          expect(fromLab.verdict).toEqual({
            ...fromCli,
            skipped: fromCli.skipped.slice(0, listed),
          });
          if (fromCli.skipped.length > listed)
            expect(fromLab.report.inputs?.rowProblems).toHaveLength(MAX_ROW_PROBLEMS);
          const skipped = fromLab.report.inputs?.skippedRows ?? 0;
          expect(fromLab.report.total + skipped).toBeGreaterThanOrEqual(fromCli.decided.length);
        }
      }, 60_000);
});
