// `npm run bench`: the impact analysis on a million generated sign-ins (a ~91 MB CSV) against a
// tenant with 500 ranges and 20 policies, side by side:
// - three CSV readers on that file (the project's cursor, uDSV, Papa Parse), and which of them
//   handle quoted newlines, a BOM, CRLF, `;` and UTF-16;
// - the worker's own code path (runImpactJob, minus postMessage), from rows and from CSV text;
// - `whatif --batch` on the file as a child process, end to end, with its peak memory: the shipped
//   dist-cli/pat-fence.mjs (built here first) is the headline, tsx (npm run whatif) is shown too;
//   the ratio is its wall (and cpu) time over uDSV's read + parse of that file in this same run,
//   in a process of its own run beside each whatif run (the budget's peer), and in this process.
// BENCH_BIG=5000000 also runs the command line on a file of that many rows.
// Medians of a few runs, with the machine's load; no timing ever fails the run.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { inferSchema, initParser } from 'udsv';
import { DEFAULT_ASSUMPTIONS } from '../../src/model/engine/assumptions';
import { parseCsv } from '../../src/model/impact/csv';
import { CsvCursor } from '../../src/model/impact/csvCursor';
import { evaluate } from '../../src/model/engine/evaluate';
import { parseNamedLocations } from '../../src/model/graph/graphLocations';
import { parsePolicies } from '../../src/model/graph/graphPolicies';
import { impactRow, rowRequest, type ImpactReport } from '../../src/model/impact/impact';
import { readSigninRows, type SigninRow } from '../../src/model/impact/signinRows';
import type { Flow, World } from '../../src/model/engine/types';
import { runImpactJob, type JobOutcome } from '../../src/worker/impactJob';

const SEED = 0x1a_b0_0c;
const ROWS = 1_000_000;
const RANGES = 500;
const USERS = 3_000;
const TARGET_S = 2;
const AT = '2026-03-31T23:59:59Z';
const ENABLED_AT = '2026-02-01T00:00:00Z';
const ADO = '499b84ac-1321-427f-aa17-267ca6975798';
const ARM = '797f4846-ba00-4fd7-ba43-dac1f8f63013';
const EXCHANGE = '00000002-0000-0ff1-ce00-000000000000';

/** mulberry32: tiny, seeded, good enough to pick test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(SEED);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
const v4 = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
const hex = () => int(0x10000).toString(16);

// ---- The tenant: 500 ranges over 9 locations, 20 policies -------------------------------------
interface Loc {
  id: string;
  name: string;
  trusted: boolean;
  share: number;
  v4: number[];
  v6: string[];
}
const LOCS: Loc[] = [
  ['hq', 'HQ', true, 0.2],
  ['vpn', 'VPN egress', true, 0.2],
  ['branches', 'Branch offices', true, 0.25],
  ['dc', 'Datacentres', true, 0.1],
  ['agents', 'Self-hosted agents', true, 0.05],
  ['partners', 'Partner networks', false, 0.1],
  ['labs', 'Test labs', false, 0.05],
  ['blocked', 'Known bad ranges', false, 0.05],
].map(
  ([id, name, trusted, share]) =>
    ({ id: `loc-${id}`, name, trusted, share, v4: [], v6: [] }) as Loc,
);
const cidrs = new Map<string, string[]>();
for (const loc of LOCS) {
  const list: string[] = [];
  const count = Math.round(RANGES * (loc.share as number));
  for (let i = 0; i < count; i++) {
    if (i % 10 === 9) {
      const prefix = `2001:db8:${hex()}`;
      loc.v6.push(prefix);
      list.push(`${prefix}::/48`);
    } else {
      const base = ((int(200) + 20) * 2 ** 24 + int(2 ** 24)) & ~0xff; // a /24 (sometimes /28)
      loc.v4.push(base);
      list.push(`${v4(base)}/${i % 4 === 3 ? 28 : 24}`);
    }
  }
  cidrs.set(loc.id, list);
}
const locationsJson = {
  value: [
    ...LOCS.map((l) => ({
      '@odata.type': '#microsoft.graph.ipNamedLocation',
      id: l.id,
      displayName: l.name,
      isTrusted: l.trusted,
      ipRanges: cidrs.get(l.id)!.map((c) => ({
        '@odata.type': c.includes(':')
          ? '#microsoft.graph.iPv6CidrRange'
          : '#microsoft.graph.iPv4CidrRange',
        cidrAddress: c,
      })),
    })),
    {
      '@odata.type': '#microsoft.graph.countryNamedLocation',
      id: 'loc-sanctioned',
      displayName: 'Sanctioned countries',
      countriesAndRegions: ['KP', 'IR'],
    },
  ],
};
const contractors = Array.from({ length: 60 }, (_, i) => `user${i * 50}@contoso.com`);
const outside = { includeLocations: ['All'], excludeLocations: ['AllTrusted'] };
function pol(
  id: string,
  state: string,
  grant: string[] | null,
  cond: Record<string, unknown> = {},
) {
  return {
    id,
    displayName: id,
    state,
    conditions: {
      users: { includeUsers: ['All'], excludeUsers: ['breakglass@contoso.com'] },
      applications: { includeApplications: [ADO] },
      clientAppTypes: ['all'],
      ...cond,
    },
    grantControls: grant && { operator: 'OR', builtInControls: grant },
  };
}
const policiesJson = {
  value: [
    pol('CA01 Block ADO outside trusted', 'enabled', ['block'], { locations: outside }),
    pol('CA02 MFA outside trusted (all apps)', 'enabled', ['mfa'], {
      applications: { includeApplications: ['All'] },
      locations: outside,
    }),
    pol('CA03 Block known bad ranges', 'enabled', ['block'], {
      locations: { includeLocations: ['loc-blocked'] },
    }),
    pol('CA04 Report-only: block partners', 'enabledForReportingButNotEnforced', ['block'], {
      locations: { includeLocations: ['loc-partners'] },
    }),
    pol('CA05 Disabled: MFA from labs', 'disabled', ['mfa'], {
      locations: { includeLocations: ['loc-labs'] },
    }),
    pol('CA06 Compliant device for engineering', 'enabled', ['compliantDevice'], {
      users: { includeGroups: ['grp-engineering'] },
    }),
    pol('CA07 Block Exchange outside trusted', 'enabled', ['block'], {
      applications: { includeApplications: [EXCHANGE] },
      locations: outside,
    }),
    pol('CA08 Block ARM outside trusted', 'enabled', ['block'], {
      applications: { includeApplications: [ARM] },
      locations: outside,
    }),
    pol('CA09 Block legacy authentication', 'enabled', ['block'], {
      applications: { includeApplications: ['All'] },
      clientAppTypes: ['exchangeActiveSync', 'other'],
    }),
    pol('CA10 Report-only: MFA everywhere', 'enabledForReportingButNotEnforced', ['mfa']),
    pol('CA11 Contractors: block outside partners and trusted', 'enabled', ['block'], {
      users: { includeUsers: contractors },
      locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted', 'loc-partners'] },
    }),
    pol('CA12 Sign-in frequency 8 h', 'enabled', null),
    pol('CA13 Sanctioned countries', 'enabled', ['block'], {
      locations: { includeLocations: ['loc-sanctioned'] },
    }),
    pol('CA14 Admins MFA', 'enabled', ['mfa'], {
      users: { includeRoles: ['62e90394-69f5-4237-9190-012177145e10'] },
    }),
    pol('CA15 Device for datacentre access', 'enabled', ['compliantDevice', 'domainJoinedDevice'], {
      locations: { includeLocations: ['loc-dc'] },
      users: { includeUsers: contractors },
    }),
    pol('CA16 Disabled: block everything', 'disabled', ['block'], {
      applications: { includeApplications: ['All'] },
    }),
    pol(
      'CA17 Report-only: device outside',
      'enabledForReportingButNotEnforced',
      ['compliantDevice'],
      { locations: outside },
    ),
    pol('CA18 Browser MFA from labs', 'enabled', ['mfa'], {
      clientAppTypes: ['browser'],
      locations: { includeLocations: ['loc-labs'] },
    }),
    pol('CA19 Terms of use outside', 'enabled', ['mfa'], {
      users: { includeUsers: contractors.slice(0, 10) },
      locations: outside,
    }),
    pol('CA20 Block Exchange everywhere', 'disabled', ['block'], {
      applications: { includeApplications: [EXCHANGE] },
    }),
  ],
};

// ---- A month of sign-ins ------------------------------------------------------------------------
// Real logs repeat addresses: offices leave through a few egress IPs per range, people work from
// a couple of home connections; 5% of sign-ins come from somewhere new (mobile, travel, café).
const trusted = LOCS.filter((l) => l.trusted);
const egress = new Map(
  trusted.map((l) => [
    l,
    [
      ...l.v4.flatMap((base) => Array.from({ length: 1 + int(4) }, () => v4(base + 1 + int(14)))),
      ...l.v6.flatMap((p) => Array.from({ length: 1 + int(4) }, () => `${p}:${hex()}::${hex()}`)),
    ],
  ]),
);
const outsideIp = () =>
  random() < 0.12
    ? `2a02:${hex()}:${hex()}:${hex()}:${hex()}:${hex()}:${hex()}:${hex()}`
    : v4(((int(200) + 20) * 2 ** 24 + int(2 ** 24)) >>> 0);
const users = Array.from({ length: USERS }, (_, i) => ({
  upn: i === 0 ? 'breakglass@contoso.com' : `user${i}@contoso.com`,
  home: [outsideIp(), outsideIp()],
  office: egress.get(pick(trusted))!,
  patCreated: new Date(Date.parse('2025-10-01T00:00:00Z') + int(180) * 86_400_000).toISOString(),
}));
const hostedAgents = Array.from({ length: 400 }, outsideIp);
const start = Date.parse('2026-03-01T00:00:00Z');
/** Sign-in i of a log of `total` rows spread over March 2026. */
function signin(i: number, total: number): SigninRow {
  const u = users[Math.min(USERS - 1, Math.floor(USERS * random() ** 2))]!; // some users far busier
  const r = random();
  const flow: Flow = r < 0.8 ? 'pat' : r < 0.9 ? 'ssh' : 'web';
  const where = random();
  let ip: string;
  let client: string = flow === 'web' ? 'browser' : flow === 'ssh' ? 'ssh' : 'git';
  if (where < 0.55) ip = pick(u.office);
  else if (where < 0.85) ip = pick(u.home);
  else if (where < 0.95) {
    ip = pick(hostedAgents);
    if (flow === 'pat') client = 'pipeline-agent';
  } else ip = outsideIp();
  const at = new Date(start + Math.floor((i / total) * 30 * 86_400_000)).toISOString();
  const row: SigninRow = { row: i + 2, ip, flow, user: u.upn, at, client };
  if (flow === 'pat') row.tokenCreated = u.patCreated;
  return row;
}
const rows: SigninRow[] = [];
for (let i = 0; i < ROWS; i++) rows.push(signin(i, ROWS));
const cell = (v: string | undefined) => v ?? '';
const HEADER = 'Date (UTC),Username,IP address,flow,token-created,client';
const line = (r: SigninRow) =>
  [r.at, r.user, r.ip, r.flow, cell(r.tokenCreated), r.client].map(cell).join(',');
const csvText = [HEADER, ...rows.map(line)].join('\r\n');

// ---- Runs -----------------------------------------------------------------------------------------
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const secs = (ms: number) => (ms / 1000).toFixed(2);
const common = {
  locationsJson,
  policiesJson,
  enabledAt: ENABLED_AT,
  assumptions: DEFAULT_ASSUMPTIONS,
  at: AT,
};
const pause = () => new Promise<void>((r) => setTimeout(r));
function done(o: JobOutcome): Extract<JobOutcome, { status: 'done' }> {
  if (o.status !== 'done') throw new Error(o.status === 'error' ? o.message : 'cancelled');
  return o;
}

const ips = new Set(rows.map((r) => r.ip)).size;
console.log(
  `tenant: ${RANGES} ranges in ${LOCS.length} IP named locations (+1 country), ${policiesJson.value.length} policies; ` +
    `${fmt(ROWS)} rows (80% pat, 10% ssh, 10% web), ${fmt(USERS)} users, ${fmt(ips)} distinct IPs; seed 0x${SEED.toString(16)}`,
);
const runs: number[] = [];
let report: ImpactReport | undefined;
const analyseCpu: number[] = [];
for (let k = 0; k < 3; k++) {
  const c = process.cpuUsage();
  const o = done(await runImpactJob({ ...common, rows }, { pause }));
  const used = process.cpuUsage(c);
  analyseCpu.push((used.user + used.system) / 1000);
  runs.push(o.timings.analyseMs);
  report ??= o.report;
}
const first = runs[0]!;
console.log(`impact: ${fmt(ROWS)} rows in ${secs(first)} s (${fmt(ROWS / (first / 1000))} rows/s)`);
console.log(`  warm runs: ${runs.slice(1).map(secs).join(' s, ')} s`);
console.log(
  `  target < ${TARGET_S} s on one core: ${first < TARGET_S * 1000 ? 'met' : 'NOT met'} (informational, never a failure)`,
);

const csv = done(await runImpactJob({ ...common, csvText }, { pause }));
const { parseMs, analyseMs } = csv.timings;
console.log(
  `csv: ${(csvText.length / 1e6).toFixed(1)} MB parsed in ${secs(parseMs)} s (${fmt(ROWS / (parseMs / 1000))} rows/s), ` +
    `then analysed in ${secs(analyseMs)} s; ${secs(parseMs + analyseMs)} s in all; read as ${csv.report.log?.name}`,
);

// ---- Sanity: the figures, and a sample checked against evaluate() -------------------------------
const r = report!;
console.log(
  `off: ${fmt(r.off.allowed)} allowed, ${fmt(r.off.blocked)} blocked, ${fmt(r.off['mfa-required'])} MFA; ` +
    `on: ${fmt(r.on.allowed)} allowed, ${fmt(r.on.blocked)} blocked, ${fmt(r.on['mfa-required'])} MFA; ` +
    `newly blocked ${fmt(r.newlyBlocked)}; ${r.byUser.length} users and ${fmt(r.byIp.length)} IPs affected; invalid ${r.invalid}`,
);
const csvSame =
  csv.report.on.blocked === r.on.blocked && csv.report.newlyBlocked === r.newlyBlocked;
const worlds = ((): World[] => {
  const locations = parseNamedLocations(locationsJson);
  const policies = parsePolicies(policiesJson);
  if (!locations.ok || !policies.ok) throw new Error('tenant did not import');
  return [false, true].map((ipValidation) => ({
    locations: locations.value,
    policies: policies.value,
    org: { ipValidation, enabledAt: ENABLED_AT },
  }));
})();
let mismatches = 0;
const SAMPLE = 2_000;
for (let k = 0; k < SAMPLE; k++) {
  const i = int(ROWS);
  const view = impactRow(r, i);
  const req = rowRequest(rows[i]!, { at: AT, defaultFlow: 'pat' });
  worlds.forEach((w, on) => {
    const d = evaluate(w, req, DEFAULT_ASSUMPTIONS);
    const fast = on ? view.on : view.off;
    if (!d.ok || !fast || d.value.outcome !== fast.outcome || d.value.decidedBy !== fast.decidedBy)
      mismatches++;
  });
}
console.log(
  `checked ${fmt(SAMPLE)} sampled rows against evaluate(): ${mismatches} mismatches; csv path agrees: ${csvSame}`,
);

// ---- CSV readers on the same file ---------------------------------------------------------------
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = () => loadavg()[0]!.toFixed(1);
/** Median wall time in ms; `cpu` gets the median CPU time (the machine may be shared). */
function timed(fn: () => unknown, times = 3, cpu: number[] = []): number {
  const ms: number[] = [];
  const cpus: number[] = [];
  for (let k = 0; k < times; k++) {
    const t = performance.now();
    const c = process.cpuUsage();
    fn();
    const used = process.cpuUsage(c);
    cpus.push((used.user + used.system) / 1000);
    ms.push(performance.now() - t);
  }
  cpu.push(median(cpus));
  return median(ms);
}
const udsv = (text: string) => {
  const schema = inferSchema(text);
  return [schema.cols.map((c) => c.name), ...initParser(schema).stringArrs(text)];
};
const papa = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
const cursor = (text: string) => {
  const c = new CsvCursor(text);
  const out: string[][] = [];
  while (c.next()) out.push(c.fields());
  return out;
};
const READERS: [string, (text: string) => string[][]][] = [
  ['project cursor (csvCursor.ts)', cursor],
  ['uDSV 0.7.3', udsv],
  ['Papa Parse 5.7.1', papa],
];
/** What every reader must get right; UTF-16 is decoded first, as the app and the CLI do. */
const utf16 = new TextDecoder('utf-16le').decode(
  Buffer.from('\uFEFFip,user\r\n203.0.113.7,"zo\u00eb\r\n@contoso.com"\r\n', 'utf16le'),
);
const FEATURES: [string, string, string[][]][] = [
  [
    'quoted newline',
    'ip,user\n203.0.113.7,"a\nb"\n',
    [
      ['ip', 'user'],
      ['203.0.113.7', 'a\nb'],
    ],
  ],
  [
    'BOM',
    '\uFEFFip,user\n203.0.113.7,a\n',
    [
      ['ip', 'user'],
      ['203.0.113.7', 'a'],
    ],
  ],
  [
    'CRLF',
    'ip,user\r\n203.0.113.7,"a\r\nb"\r\n',
    [
      ['ip', 'user'],
      ['203.0.113.7', 'a\r\nb'],
    ],
  ],
  [
    '; separator',
    'ip;user\r\n203.0.113.7;"a;b"\r\n',
    [
      ['ip', 'user'],
      ['203.0.113.7', 'a;b'],
    ],
  ],
  [
    'UTF-16 with BOM',
    utf16,
    [
      ['ip', 'user'],
      ['203.0.113.7', 'zo\u00eb\r\n@contoso.com'],
    ],
  ],
];
console.log(
  `\ncsv readers on the ${(csvText.length / 1e6).toFixed(1)} MB file (all cells as strings; median of 3; load ${load()}):`,
);
const readerMs = new Map<string, number>();
for (const [name, read] of READERS) {
  const fails = FEATURES.filter(([, text, want]) => {
    try {
      return JSON.stringify(read(text)) !== JSON.stringify(want);
    } catch {
      return true;
    }
  }).map(([f]) => f);
  const cpu: number[] = [];
  const ms = timed(() => read(csvText), 3, cpu);
  readerMs.set(name, cpu[0]!);
  const ok = fails.length ? `fails: ${fails.join(', ')}` : 'handles all five cases';
  console.log(`  ${name.padEnd(30)} ${secs(ms)} s wall, ${secs(cpu[0]!)} s cpu  (${ok})`);
}
const allOk = READERS.filter(([, read]) =>
  FEATURES.every(([, text, want]) => {
    try {
      return JSON.stringify(read(text)) === JSON.stringify(want);
    } catch {
      return false;
    }
  }),
).map(([n]) => n);
const fastest = allOk.sort((a, b) => readerMs.get(a)! - readerMs.get(b)!)[0];
console.log(`  fastest that handles all: ${fastest ?? 'none'}`);
// What the pipeline asks of a reader: the trimmed cells of each record, no array per record.
const cellsCpu: number[] = [];
const cellsMs = timed(
  () => {
    const c = new CsvCursor(csvText);
    let n = 0;
    while (c.next()) for (let k = 0; k < c.count; k++) if (c.cell(k) !== undefined) n++;
    return n;
  },
  3,
  cellsCpu,
);
const udsvCellsCpu: number[] = [];
const udsvCellsMs = timed(
  () => {
    let n = 0;
    for (const row of udsv(csvText)) for (const v of row) if (v.trim() !== '') n++;
    return n;
  },
  3,
  udsvCellsCpu,
);
console.log(
  `  the pipeline's read (every trimmed cell, record by record): cursor ${secs(cellsMs)} s wall, ${secs(cellsCpu[0]!)} s cpu; uDSV ${secs(udsvCellsMs)} s wall, ${secs(udsvCellsCpu[0]!)} s cpu`,
);
const signinCpu: number[] = [];
const signinMs = timed(() => readSigninRows(csvText), 1, signinCpu);
console.log(
  `  readSigninRows (the app's reader: cursor + checks + rows): ${secs(signinMs)} s wall, ${secs(signinCpu[0]!)} s cpu`,
);
if (JSON.stringify(parseCsv(csvText.slice(0, 5000)).ok) !== 'true') throw new Error('csv');

// ---- whatif --batch, end to end ---------------------------------------------------------------
const dir = join(tmpdir(), 'pat-fence-bench');
mkdirSync(dir, { recursive: true });
const files = {
  locations: join(dir, 'locations.json'),
  policies: join(dir, 'policies.json'),
  csv: join(dir, `signins-${ROWS}.csv`),
};
writeFileSync(files.locations, JSON.stringify(locationsJson));
writeFileSync(files.policies, JSON.stringify(policiesJson));
writeFileSync(files.csv, csvText);
const udsvCpu: number[] = [];
const udsvFileMs = timed(() => udsv(readFileSync(files.csv, 'utf8')), 3, udsvCpu);

// The shipped command line (package.json "bin"), built from this checkout first.
const built = spawnSync(
  process.execPath,
  ['node_modules/vite/bin/vite.js', 'build', '-c', 'src/cli/vite.config.ts'],
  {
    encoding: 'utf8',
  },
);
if (built.status !== 0) throw new Error(`npm run build:cli failed: ${built.stderr}`);
const SHIPPED = ['dist-cli/pat-fence.mjs', 'whatif'];
const TSX = ['--import', 'tsx', 'src/cli/whatif.ts'];

interface Run {
  s: number;
  cpu: number;
  mb: number;
  /** What it printed, when asked to keep it. */
  stdout?: string;
}
/** A command as a child process, output to /dev/null: wall and cpu seconds and peak RSS. */
function timedChild(args: string[], keepOutput = false): Run {
  const out = keepOutput ? 'pipe' : openSync('/dev/null', 'w');
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], {
    stdio: ['ignore', out, 'pipe'],
    encoding: 'utf8',
  });
  if (typeof out === 'number') closeSync(out);
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(
    r.stderr,
  )!;
  const s = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)![1]);
  const user = Number(/User time \(seconds\): ([\d.]+)/.exec(r.stderr)![1]);
  const sys = Number(/System time \(seconds\): ([\d.]+)/.exec(r.stderr)![1]);
  return { s, cpu: user + sys, mb: kb / 1024, stdout: r.stdout ?? undefined };
}
/** `whatif --batch FILE` as a child process. */
function cli(csv: string, text?: string, how = SHIPPED): Run {
  if (text !== undefined) writeFileSync(csv, text);
  return timedChild([
    ...how,
    '--locations',
    files.locations,
    '--policies',
    files.policies,
    '--validation',
    'off',
    '--validation-enabled-at',
    ENABLED_AT,
    '--at',
    AT,
    '--batch',
    csv,
  ]);
}
// uDSV in a process of its own and whatif, one after the other, five times: this machine's
// speed drifts by a third over minutes, so each whatif run has its peer run beside it.
// The peer's time is what uDSV itself takes there, from reading the file to the last record
// (udsvParse.mjs measures it): starting node is counted for whatif, not for uDSV.
// One untimed run of each first: the first child after this bench's own work ran up to 1.8x slower
// (the machine hands back the memory this process used), whichever command it was.
timedChild(['tests/bench/udsvParse.mjs', files.csv], true);
cli(files.csv);
const udsvChildRuns: Run[] = [];
const udsvOwn: number[] = [];
const cliRuns: Run[] = [];
for (let k = 0; k < 5; k++) {
  const u = timedChild(['tests/bench/udsvParse.mjs', files.csv], true);
  const [records, ms] = u.stdout!.trim().split(' ').map(Number);
  if (records !== ROWS) throw new Error(`udsvParse.mjs read ${records} records, not ${ROWS}`);
  udsvChildRuns.push(u);
  udsvOwn.push(ms! / 1000);
  cliRuns.push(cli(files.csv));
}
const cliS = median(cliRuns.map((r) => r.s));
const cliCpu = median(cliRuns.map((r) => r.cpu));
const cliMb = Math.max(...cliRuns.map((r) => r.mb));
const startup = cli(join(dir, 'empty.csv'), 'ip\n');
const tsxRun = cli(files.csv, undefined, TSX);
const tsxStartup = cli(join(dir, 'empty.csv'), undefined, TSX);
const udsvS = udsvFileMs / 1000;
const udsvCpuS = udsvCpu[0]! / 1000;
console.log(
  `\nwhatif --batch ${fmt(ROWS)} rows, end to end (the shipped dist-cli/pat-fence.mjs with node, output to /dev/null; median of 5; load ${load()}):`,
);
console.log(
  `  wall ${cliRuns.map((r) => r.s.toFixed(2)).join(', ')} s -> ${cliS.toFixed(2)} s; cpu ${cliRuns.map((r) => r.cpu.toFixed(2)).join(', ')} s -> ${cliCpu.toFixed(2)} s; peak RSS ${fmt(cliMb)} MB (budget 1,024)`,
);
console.log(
  `  of which starting node (a one-row file): ${startup.s.toFixed(2)} s wall, ${startup.cpu.toFixed(2)} s cpu`,
);
console.log(
  `  through tsx (npm run whatif), once: ${tsxRun.s.toFixed(2)} s wall, ${tsxRun.cpu.toFixed(2)} s cpu, of which starting node + tsx ${tsxStartup.s.toFixed(2)} s wall`,
);
const peerS = median(udsvOwn);
const pairRatios = cliRuns.map((r, k) => r.s / udsvOwn[k]!);
console.log(
  `  uDSV reading + parsing the same file in a process of its own, run before each whatif run (tests/bench/udsvParse.mjs; node's start not counted): ${udsvOwn.map((x) => x.toFixed(2)).join(', ')} s -> ${peerS.toFixed(2)} s; the whole process ${median(udsvChildRuns.map((r) => r.s)).toFixed(2)} s wall, ${median(udsvChildRuns.map((r) => r.cpu)).toFixed(2)} s cpu`,
);
console.log(
  `  ratio whatif end to end / uDSV's own time: ${(cliS / peerS).toFixed(2)}x (run by run ${pairRatios.map((x) => x.toFixed(2)).join(', ')}, their median ${median(pairRatios).toFixed(2)}x; budget 3x); over uDSV's whole process ${(cliS / median(udsvChildRuns.map((r) => r.s))).toFixed(2)}x`,
);
console.log(
  `  uDSV reading + parsing the same file in this bench's process (its heap holds the generated log): ${udsvS.toFixed(2)} s wall, ${udsvCpuS.toFixed(2)} s cpu; ratio ${(cliS / udsvS).toFixed(2)}x wall, ${(cliCpu / udsvCpuS).toFixed(2)}x cpu`,
);
const runsCpu = analyseCpu;
const workerMb = process.resourceUsage().maxRSS / 1024;
console.log(
  `\nworker path: analysis ${secs(median(runs))} s wall, ${secs(median(runsCpu))} s cpu, median after parsing (budget 2 s); this bench's peak RSS ${fmt(workerMb)} MB (it also holds the generated rows and CSV)`,
);

// ---- Optional: a bigger file through the command line -----------------------------------------
const BIG = Number(process.env.BENCH_BIG ?? 0);
if (BIG > 0) {
  const big = join(dir, `signins-${BIG}.csv`);
  const fd = openSync(big, 'w');
  writeSync(fd, HEADER);
  for (let i = 0; i < BIG; i += 100_000) {
    const part: string[] = [];
    for (let j = i; j < Math.min(BIG, i + 100_000); j++) part.push(line(signin(j, BIG)));
    writeSync(fd, '\r\n' + part.join('\r\n'));
  }
  closeSync(fd);
  const r = cli(big);
  console.log(
    `\nwhatif --batch ${fmt(BIG)} rows: ${r.s.toFixed(2)} s, peak RSS ${fmt(r.mb)} MB (load ${load()})`,
  );
}
if (mismatches > 0 || !csvSame) process.exit(1);
