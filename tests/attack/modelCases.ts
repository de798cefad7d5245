// The attack's in-process cases: every importer the page and the command line share (Graph
// locations and policies, every log kind, evidence, URL state of each view, lesson progress), the
// token guard's shapes and placements, real names it must let through, and everyday spreadsheet
// encodings. Each case is clean when the importer returns a value or a short message, throws
// nothing, pollutes no prototype and gives back no token, in its messages or in its value.
import { readFileSync, readdirSync } from 'node:fs';
import { parseEvidence } from '../../src/model/evidence/evidence';
import { decodeText } from '../../src/model/graph/decodeText';
import type { SourceFile } from '../../src/model/graph/graphFiles';
import { importFiles } from '../../src/model/lab/labImport';
import { newerVersion, parseProgress } from '../../src/model/content/lessonProgress';
import { readSigninRows } from '../../src/model/impact/signinRows';
import { defaultSandbox } from '../../src/model/lab/sandboxTypes';
import { decodeSandbox, encodeSandbox, readSandbox } from '../../src/model/lab/sandboxUrl';
import { parseCompareLink } from '../../src/model/share/compareLink';
import { findPartialTokens } from '../../src/model/share/secretScan';
import { guardParams, guardText, guardTyped } from '../../src/model/share/tokenGuard';
import { decodeState, encodeState } from '../../src/model/share/urlState';
import { parsePlayerLink } from '../../src/model/share/urlStatePlayer';
import { NASTY, PAT52, PAT84, PLANTED, leakIn, pollution, type Outcome } from './support';

const FIX = new URL('../fixtures/', import.meta.url);
const fixture = (p: string) => readFileSync(new URL(p, FIX), 'utf8');
const bytes = (s: string) => new TextEncoder().encode(s);

/** At most this long, each message an importer gives (a binary file once gave 3 million). */
const MESSAGE_MAX = 1000;

/** Strings in `v`, with big ones cut: what a check reads for tokens and message sizes. */
function texts(v: unknown, out: string[] = [], depth = 0): string[] {
  if (typeof v === 'string') out.push(v);
  else if (v && typeof v === 'object' && depth < 40) {
    for (const [k, x] of Object.entries(v)) {
      out.push(k);
      texts(x, out, depth + 1);
    }
  }
  return out;
}

/** Runs `fn` and judges its result; `messages` picks what the user would be told. */
function judge(
  category: string,
  name: string,
  fn: () => unknown,
  messages: (r: unknown) => string[] = defaultMessages,
): Outcome {
  const fail = (detail: string): Outcome => ({ category, name, ok: false, detail });
  let r: unknown;
  try {
    r = fn();
  } catch (e) {
    return fail(`threw: ${String((e as Error)?.message ?? e).slice(0, 200)}`);
  }
  const p = pollution();
  if (p) return fail(p);
  const said = messages(r);
  const long = said.find((m) => m.length > MESSAGE_MAX);
  if (long !== undefined) return fail(`a ${long.length}-character message`);
  const all = [...said, ...texts(r)];
  for (const t of all) if (leakIn(t)) return fail(`gave back a token: ${t.slice(0, 80)}…`);
  return { category, name, ok: true, detail: '' };
}

function defaultMessages(r: unknown): string[] {
  if (!r || typeof r !== 'object') return [];
  const o = r as { error?: unknown; warnings?: unknown; problems?: unknown };
  const list = [o.error, ...(Array.isArray(o.warnings) ? o.warnings : [])];
  if (Array.isArray(o.problems))
    list.push(...o.problems.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))));
  return list.filter((x): x is string => typeof x === 'string');
}

// ---------------------------------------------------------------- Graph exports
function graphCases(): Outcome[] {
  const out: Outcome[] = [];
  const locs = fixture('graph/namedLocations.json');
  const pols = fixture('graph/policies.json');
  // Through the lab's import (what the page's worker runs); the command line's own reading is in
  // the command-line cases.
  const both: [string, string, (files: SourceFile[]) => unknown][] = [
    ['locations', locs, (files) => importFiles('locations', files)],
    ['policies', pols, (files) => importFiles('policies', files)],
  ];
  for (const [what, text, load] of both) {
    const name0 = (JSON.parse(text) as { value: { displayName: string }[] }).value[0]!.displayName;
    const planted = (v: string) =>
      text.replace(JSON.stringify(name0), JSON.stringify(v)).replace(/"id": ?"[^"]+"/, '"id":"x"');
    for (const [label, v] of [...PLANTED, ...NASTY]) {
      const t = planted(v);
      out.push(
        judge('importers', `Graph ${what}: displayName ${label} (picked)`, () =>
          load([{ name: 'export.json', bytes: bytes(t) }]),
        ),
        judge('importers', `Graph ${what}: displayName ${label} (pasted)`, () =>
          load([{ name: 'pasted text', text: t }]),
        ),
      );
    }
    const hostile: [string, string][] = [
      ['nested 100,000 deep', '['.repeat(100_000) + ']'.repeat(100_000)],
      ['__proto__ items', '{"value":[{"__proto__":{"polluted":1},"id":"a"}]}'],
      ['constructor.prototype', '{"constructor":{"prototype":{"polluted":1}},"value":[]}'],
      ['wrong types', '{"value":[{"id":1,"displayName":[],"ipRanges":"x","state":{}}]}'],
      ['null', 'null'],
      ['a number', '42'],
      ['truncated', text.slice(0, text.length / 2)],
      ['a PAT as the whole file', PAT52],
      ['an error-quoting key', `{"value":[{"${PAT84}":1}]}`],
    ];
    for (const [label, t] of hostile)
      out.push(
        judge('importers', `Graph ${what}: ${label}`, () =>
          load([{ name: 'export.json', bytes: bytes(t) }]),
        ),
      );
    // Two files, one of them bad: all or nothing, both named.
    out.push(
      judge('importers', `Graph ${what}: the same bad file twice`, () =>
        load([
          { name: 'a.json', bytes: bytes('{"value": 3') },
          { name: 'a.json', bytes: bytes('{"value": 3') },
        ]),
      ),
    );
  }
  return out;
}

// ---------------------------------------------------------------- every log kind
const LOGS = readdirSync(new URL('logs/', FIX)).filter(
  (f) => /\.(csv|json)$/.test(f) && !/^(locations|policies)\.json$/.test(f),
);

function logCases(): Outcome[] {
  const out: Outcome[] = [];
  for (const file of LOGS) {
    const text = fixture(`logs/${file}`);
    const user = /[A-Za-z0-9._-]+@[A-Za-z0-9.-]+/.exec(text)?.[0];
    const plant = (v: string) =>
      user ? text.split(user).join(/\.json$/.test(file) ? v.replace(/["\\]/g, '') : v) : text + v;
    for (const [label, v] of PLANTED)
      out.push(judge('importers', `log ${file}: user ${label}`, () => readSigninRows(plant(v))));
    const lines = text.split('\n');
    const hostile: [string, string][] = [
      ['header only', lines[0]! + '\n'],
      ['truncated', text.slice(0, Math.floor(text.length / 2))],
      ['a 1 MB cell', plant('x'.repeat(1_000_000))],
      ['controls in a user', plant('a\u001b]0;t\u0007b')],
      ['binary garbage', String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => i % 256))],
      ['a PAT header', `${PAT52},ip\n${PAT84},1.2.3.4\n`],
    ];
    for (const [label, t] of hostile)
      out.push(judge('importers', `log ${file}: ${label}`, () => readSigninRows(t)));
  }
  const json: [string, string][] = [
    ['JSON 100,000 deep', '['.repeat(100_000) + ']'.repeat(100_000)],
    ['JSON __proto__ rows', '[{"__proto__":{"polluted":1},"ipAddress":"1.2.3.4"}]'],
    ['JSON wrong types', '{"value":[{"ipAddress":7,"userPrincipalName":{},"createdDateTime":[]}]}'],
    ['CSV __proto__ column', '__proto__,ip\n1,1.2.3.4\n'],
    ['CSV 10,000 columns', Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',') + ',ip\n'],
  ];
  for (const [label, t] of json)
    out.push(judge('importers', `log: ${label}`, () => readSigninRows(t)));
  return out;
}

// ---------------------------------------------------------------- evidence
function evidenceCases(): Outcome[] {
  const out: Outcome[] = [];
  const files = readdirSync(new URL('evidence/', FIX));
  for (const file of files) {
    const text = fixture(`evidence/${file}`);
    const user = /[A-Za-z0-9._-]+@[A-Za-z0-9.-]+/.exec(text)?.[0];
    for (const [label, v] of PLANTED.slice(0, 6)) {
      const t = user ? text.split(user).join(v.replace(/["\\]/g, '')) : `${text}\n${v}\n`;
      out.push(judge('importers', `evidence ${file}: ${label}`, () => parseEvidence(t)));
    }
  }
  for (const [label, v] of NASTY)
    out.push(judge('importers', `evidence: ${label}`, () => parseEvidence(v)));
  out.push(
    judge('importers', 'evidence: git output with a PAT in the URL', () =>
      parseEvidence(`git clone https://${PAT52}@dev.azure.com/org/p/_git/r\nVS403463`),
    ),
    judge('importers', 'evidence: Authorization header', () =>
      parseEvidence(`curl -H "Authorization: Basic ${btoa(':' + PAT84)}"\nVS403463`),
    ),
  );
  return out;
}

// ---------------------------------------------------------------- URL state and progress
function urlCases(): Outcome[] {
  const out: Outcome[] = [];
  const linkMessages = (r: unknown) => {
    const o = r as { problems?: string[]; warnings?: string[] };
    return [...(o.problems ?? []), ...(o.warnings ?? [])];
  };
  const values: [string, string][] = [
    ...PLANTED,
    ...NASTY.filter(([l]) => l !== '200k chars'),
    ['100k', 'x'.repeat(100_000)],
  ];
  for (const [label, v] of values) {
    const p = new URLSearchParams({ flow: v, policy: v, scenario: v });
    out.push(
      judge('url state', `compare link: ${label}`, () => parseCompareLink(p), linkMessages),
      judge(
        'url state',
        `player link: ${label}`,
        () => parsePlayerLink(new URLSearchParams({ v: '1', s: v, p: v, t: v })),
        linkMessages,
      ),
      judge('url state', `guardParams: ${label}`, () => guardParams(new URLSearchParams({ q: v }))),
    );
  }
  const states: [string, string][] = [
    ['garbage', '%%%'],
    ['1.garbage', '1.!!!'],
    ['a PAT', PAT52],
    ['1.<PAT>', `1.${PAT84}`],
    ['huge', '1.' + 'A'.repeat(1_000_000)],
    ['JSON bomb', '1.' + Buffer.from('['.repeat(50_000)).toString('base64url')],
  ];
  for (const [label, t] of states)
    out.push(
      judge('url state', `state codec: ${label}`, () => decodeState(t)),
      judge('url state', `sandbox link: ${label}`, () => decodeSandbox(t)),
    );
  const c = defaultSandbox();
  const dupLoc = { ...c, locations: [c.locations[0]!, { ...c.locations[0]!, name: 'again' }] };
  const dupPol = { ...c, policies: [c.policies[0]!, { ...c.policies[0]!, name: 'again' }] };
  for (const [label, cfg] of [
    ['two locations, one id', dupLoc],
    ['two policies, one id', dupPol],
  ] as const) {
    out.push(
      judge('duplicate keys', `readSandbox: ${label} is refused`, () => {
        const r = readSandbox(JSON.parse(JSON.stringify(cfg)));
        if (r.ok) throw new Error('accepted duplicate ids');
        return r;
      }),
      judge('duplicate keys', `sandbox link: ${label} is refused`, () => {
        const e = encodeSandbox(cfg as never);
        const r = e.ok ? decodeSandbox(e.value) : e;
        if (r.ok) throw new Error('accepted duplicate ids');
        return r;
      }),
    );
  }
  out.push(
    judge('url state', 'state codec refuses to encode a token', () => {
      const r = encodeState({ name: PAT52 });
      if (r.ok) throw new Error('encoded a token');
      return r;
    }),
  );
  const shape = { chapterDrills: [2, 1, 3], questions: 4 };
  const key = ['a', 'b', 'c', 'd'];
  const records: [string, string][] = [
    ['v:2', '{"v":2,"position":{}}'],
    ['broken JSON', '{"v":1,"position":{"chapter":"x'],
    ['__proto__', '{"v":1,"position":{"__proto__":{"polluted":1}}}'],
    ['a PAT as a challenge', `{"v":1,"position":{},"challenges":["${PAT52}"]}`],
    ['a PAT as the student', `{"v":1,"position":{},"student":"${PAT84}"}`],
    ['wrong types', '{"v":1,"position":{"drills":7,"answers":"x"},"seed":{}}'],
    ['null', 'null'],
    ['huge', `{"v":1,"position":{},"student":"${'x'.repeat(1_000_000)}"}`],
  ];
  for (const [label, raw] of records)
    out.push(
      judge('url state', `lesson progress: ${label}`, () => ({
        p: parseProgress(raw, shape, key),
        v: newerVersion(raw),
      })),
    );
  return out;
}

// ---------------------------------------------------------------- tokens, and real names
const REAL_NAMES = [
  'CA001-Global-BaseProtection-AllApps-AnyPlatform-BlockNonCompliant',
  'CA002-Global-IdentityProtection-AllApps-AnyPlatform-RequireMFAForRiskySignIns',
  'CA010-Admins-IdentityProtection-AllApps-AnyPlatform-RequireMFA',
  'CA100-Internals-BaseProtection-AzureDevOps-AnyPlatform-RequireCompliantDevice',
  'AzureDevOps-SelfHosted-Agents-WestEurope-Prod01',
  'AzureDevOps_Microsoft_Hosted_Agents_NorthEurope_Range_02',
  'corp.vpn.gateways.westeurope.prod.contoso.com',
  'svc-build-agent-01-Prod-WestEurope-Pipelines@contoso.com',
  'first.middle.lastname.contractor@fabrikam.onmicrosoft.com',
  'adele.vance_contoso.com#EXT#@fabrikam.onmicrosoft.com',
  '499b84ac-1321-427f-aa17-267ca6975798',
  '0a8f7259-833f-4bbe-a16a-4eeda131920b',
  '0a8f7259833f4bbea16a4eeda131920b',
  'f3c1a2b4d5e6f708192a3b4c5d6e7f80a1b2c3d4',
  'https://graph.microsoft.com/v1.0/identity/conditionalAccess/namedLocations/3e2a1f2c-0000-4000-8000-000000000001',
  'https://graph.microsoft.com/beta/identity/conditionalAccess/policies?$select=id,displayName',
  'https://dev.azure.com/contoso/Fabrikam-Fiber/_git/fabrikam-web-app-frontend-repository',
  'Block-PAT-From-Untrusted-Networks-Except-Build-Agents-Europe',
  'Require-Compliant-Device-For-AzureDevOps-And-Azure-Portal',
  'GRP-AzureDevOps-ProjectCollectionAdministrators-Production',
  'ipv6-2001-db8-ffff-ffff-ffff-ffff-ffff-ffff-trusted-range',
  '203.0.113.0/24,198.51.100.0/24,192.0.2.0/24,2001:db8::/32',
  'x-ms-client-request-id: 7f2b7a34-9d1c-4b8e-a6d1-2f3e4a5b6c7d',
  'AADSTS53003: Access has been blocked by Conditional Access policies.',
  'VS403463: The conditional access policy defined by your Azure AD tenant admin',
  'correlationId 5d2f3c8e-4a1b-4c9d-8e7f-6a5b4c3d2e1f at 2026-03-01T10:00:00Z',
  'Build-Agents-Pool-02-Ubuntu-22.04-WestEurope-Scale-Set',
  'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  'C:\\Users\\build\\AppData\\Local\\Microsoft\\AzureDevOps\\Agents\\agent01',
  '/home/vsts/work/1/s/src/Contoso.Fabrikam.Pipelines.BuildAgent/Program.cs',
  'MicrosoftAzureDevOpsServicesConditionalAccessPolicyForContractors',
  'ThisIsAVeryLongCamelCaseLocationNameForTheWestEuropeDatacenter',
  'Headquarters – Amsterdam (Zuidas) / 3rd floor',
  'Büro München – Netz für Gäste',
  'Trusted: HQ, Branch 1, Branch 2, Build agents, VPN egress',
  '#/lab?tab=sandbox&s=1.eyJ2IjoxLCJsb2NhdGlvbnMiOltdLCJwb2xpY2llcyI6W119',
  '#/player?v=1&s=policy-on&p=cafe-pat&t=3',
  '#/compare?flow=ssh&policy=both',
  'eyJ2IjoxLCJsb2NhdGlvbnMiOlt7ImlkIjoiaHEiLCJuYW1lIjoiSFEifV19',
  'ssh-rsa-key-for-build-agent-west-europe-production-2026-03',
  'tenant 72f988bf-86f1-41af-91ab-2d7cd011db47, app 499b84ac-1321-427f-aa17-267ca6975798',
  'sp-azdo-pipelines-prod-westeurope-0001-serviceconnection',
  'Contoso.Security.ConditionalAccess.Policies.Baseline.v2026.03',
  'john_doe_2026_contractor_external_vendor_account_01',
  '11111111-1111-4111-8111-111111111111',
  'AllTrusted',
  'All',
  'None',
  'Report-only: Block legacy authentication (all users)',
  'Entra ID P1 – Named location – Country: NL, BE, DE, FR, LU',
];

function tokenCases(): Outcome[] {
  const out: Outcome[] = [];
  for (const [i, name] of REAL_NAMES.entries())
    out.push(
      judge('false positives', `real name ${i + 1}: ${name.slice(0, 40)}`, () => {
        const g = guardText(name);
        if (g.found.length || g.value !== name) throw new Error('removed as a token');
        // Typed, it may be held while it could still become a token, never removed on leaving.
        if (findPartialTokens(name).length) throw new Error('removed when typed');
        return undefined;
      }),
    );
  const touching = ['x', 'Z', '9', '_', '-', '.', '/', '+', '=', '"', ' ', ':', '@', '\u200b'];
  for (const [pname, pat] of [
    ['52-char', PAT52],
    ['84-char', PAT84],
  ])
    for (const c of touching) {
      for (const [side, t] of [
        ['after', `${pat}${c}`],
        ['before', `${c}${pat}`],
      ])
        out.push(
          judge('tokens', `${pname} PAT, ${JSON.stringify(c)} touching ${side}`, () => {
            const g = guardText(`name ${t} end`);
            if (!g.found.length) throw new Error('not detected');
            return g;
          }),
        );
    }
  for (const n of [20, 30, 40, 45, 50, 51])
    out.push(
      judge('tokens', `a ${n}-character prefix being typed is held back`, () => {
        const prefix = PAT52.slice(0, n);
        const t = guardTyped('', prefix, prefix.length);
        if (t.action === 'keep') throw new Error('let through to state');
        return undefined;
      }),
    );
  for (const [label, v] of PLANTED)
    out.push(
      judge('tokens', `typed whole: ${label}`, () => {
        const t = guardTyped('', v, v.length);
        if (t.action !== 'clean') throw new Error(`typing it: ${t.action}`);
        return { value: t.value };
      }),
    );
  return out;
}

// ---------------------------------------------------------------- spreadsheets
function utf16(text: string, be: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(be ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i + (be ? 1 : 0)] = c & 0xff;
    out[2 + 2 * i + (be ? 0 : 1)] = c >> 8;
  }
  return out;
}

function spreadsheetCases(): Outcome[] {
  const out: Outcome[] = [];
  const rows = [
    ['ip', 'user', 'flow'],
    ['203.0.113.9', 'José Müller', 'pat'],
    ['198.51.100.7', 'Zoë; "Ops"', 'pat'],
    ['52.168.1.12', 'adele@contoso.com', 'ssh'],
  ];
  const csv = (sep: string, eol = '\n') =>
    rows
      .map((r) => r.map((c) => (/[";,\t]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(sep))
      .join(eol) + eol;
  const expectRows = (b: Uint8Array, notice: boolean) => () => {
    const d = decodeText(b);
    if (!d.ok) throw new Error(d.error);
    if (notice !== Boolean(d.value.notice)) throw new Error(`notice: ${d.value.notice ?? 'none'}`);
    const r = readSigninRows(d.value.text);
    if (!r.ok) throw new Error(r.error);
    if (r.value.rows.length !== 3) throw new Error(`${r.value.rows.length} rows`);
    if (!r.value.rows.some((x) => x.user === 'José Müller')) throw new Error('user garbled');
    return r;
  };
  const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0) & 0xff));
  const cases: [string, Uint8Array, boolean][] = [];
  for (const [sep, label] of [
    [',', 'comma'],
    [';', 'semicolon'],
    ['\t', 'tab'],
  ] as const)
    for (const [eol, el] of [
      ['\n', 'LF'],
      ['\r\n', 'CRLF'],
    ] as const) {
      cases.push(
        [`${label} ${el} UTF-8`, bytes(csv(sep, eol)), false],
        [`${label} ${el} UTF-8 BOM`, bytes('\ufeff' + csv(sep, eol)), false],
        [`${label} ${el} UTF-16 LE`, utf16(csv(sep, eol), false), false],
        [`${label} ${el} UTF-16 BE`, utf16(csv(sep, eol), true), false],
        [`${label} ${el} Windows-1252`, latin1(csv(sep, eol)), true],
      );
    }
  for (const [label, b, notice] of cases)
    out.push(judge('spreadsheets', label, expectRows(b, notice)));
  const binary = Uint8Array.from({ length: 3_000_000 }, (_, i) => (i * 7919) % 256);
  out.push(
    judge('spreadsheets', 'binary file: a short message', () => {
      const d = decodeText(binary);
      if (d.ok) throw new Error('read a binary file as text');
      return d;
    }),
    judge('spreadsheets', 'PNG renamed .csv: a short message', () => {
      const d = decodeText(new Uint8Array(readFileSync(new URL('lab/screenshot.png', FIX))));
      if (d.ok) throw new Error('read a PNG as text');
      return d;
    }),
  );
  return out;
}

export function modelCases(): Outcome[] {
  return [
    ...graphCases(),
    ...logCases(),
    ...evidenceCases(),
    ...urlCases(),
    ...tokenCases(),
    ...spreadsheetCases(),
  ];
}
