// The lab's long lists (issue 15 item 6, issue 12 "every range"): rows for imported locations,
// policies, warnings, trusted ranges and folded trace steps; search; the scrolling window; and the
// import client that runs importFiles in a worker or, without one, in place.
import { describe, expect, it } from 'vitest';
import {
  filterRows,
  foldTrace,
  locationRows,
  policyRows,
  rowWindow,
  stepRows,
  textRows,
  trustedRangeRows,
} from '../../src/model/lab/longLists';
import { compileWorld } from '../../src/model/engine/compiledWorld';
import { evaluate } from '../../src/model/engine/evaluate';
import { DEFAULT_ASSUMPTIONS } from '../../src/model/engine/assumptions';
import { buildSandbox } from '../../src/model/lab/sandboxBuild';
import { defaultSandbox } from '../../src/model/lab/sandboxTypes';
import { importFiles } from '../../src/model/lab/labImport';
import { ImportClient } from '../../src/worker/importClient';
import type { Decision, NamedLocation, Policy, TraceStep } from '../../src/model/engine/types';

const ip = (id: string, name: string, trusted: boolean, ranges: string[]): NamedLocation =>
  ({ kind: 'ip', id, displayName: name, isTrusted: trusted, ipRanges: ranges }) as NamedLocation;

const LOCS: NamedLocation[] = [
  ip('a', 'HQ Oslo', true, ['203.0.113.0/24', '2001:db8::/48']),
  ip('b', 'Branch', false, ['198.51.100.0/25']),
  ip('c', 'Empty', true, []),
  {
    kind: 'country',
    id: 'd',
    displayName: 'Nordics',
    isTrusted: false,
    countries: ['NO', 'SE'],
    includeUnknownCountriesAndRegions: false,
  } as NamedLocation,
];

describe('locationRows: a head row per location, a row per range', () => {
  const rows = locationRows(LOCS);
  it.each([
    [0, 'head', 'HQ Oslo (trusted): 2 ranges', undefined],
    [1, 'item', '', '203.0.113.0/24'],
    [2, 'item', '', '2001:db8::/48'],
    [3, 'head', 'Branch: 1 range', undefined],
    [4, 'item', '', '198.51.100.0/25'],
    [5, 'head', 'Empty (trusted): no ranges', undefined],
    [6, 'head', 'Nordics: countries NO, SE, looked up from the client IP address', undefined],
  ])('row %i is a %s: %j %j', (i, tone, text, code) => {
    expect(rows[i]).toMatchObject({ tone, text, ...(code ? { code } : {}) });
  });
  it('has no other rows', () => expect(rows).toHaveLength(7));
  it('counts with thousands separators', () => {
    const many = Array.from({ length: 1234 }, (_, i) => `10.0.${i >> 8}.${i & 255}/32`);
    expect(locationRows([ip('x', 'Big', false, many)])[0]!.text).toBe('Big: 1,234 ranges');
  });
});

describe('filterRows: every word, any case, in the row or its group', () => {
  const rows = locationRows(LOCS);
  it.each([
    ['', 7],
    ['oslo', 3], // the head and both of its ranges
    ['OSLO 2001:db8', 1],
    ['203.0.113', 1],
    ['branch 198.51', 1],
    ['nordics se', 1],
    ['nowhere', 0],
  ])('%j finds %i rows', (q, n) => expect(filterRows(rows, q)).toHaveLength(n));
});

describe('the other lists', () => {
  it('policies: name and state', () => {
    const p = [
      { displayName: 'CA1', state: 'enabled' },
      { displayName: 'CA1', state: 'enabledForReportingButNotEnforced' },
      { displayName: 'Old', state: 'disabled' },
    ] as Policy[];
    expect(policyRows(p).map((r) => r.text)).toEqual([
      'CA1 — On',
      'CA1 — Report-only',
      'Old — Off',
    ]);
  });
  it('warnings: one row each, duplicates kept', () => {
    expect(textRows(['same', 'same']).map((r) => r.text)).toEqual(['same', 'same']);
  });
  it('trusted ranges: every range of every trusted IP location, with its name', () => {
    expect(trustedRangeRows(LOCS).map((r) => [r.text, r.code])).toEqual([
      ['HQ Oslo', '203.0.113.0/24'],
      ['HQ Oslo', '2001:db8::/48'],
    ]);
  });
});

describe('rowWindow: the rows in view plus an overscan', () => {
  it.each([
    // scrollTop, viewport, rowPx, total, start, end
    [0, 280, 28, 100_000, 0, 18],
    [2800, 280, 28, 100_000, 92, 118],
    [28 * 99_995, 280, 28, 100_000, 99_987, 100_000],
    [0, 280, 28, 5, 0, 5],
    [0, 280, 28, 0, 0, 0],
    [-50, 280, 28, 10, 0, 10],
    [1e9, 280, 28, 10, 1, 10],
  ])('top %i, view %i, row %i, %i rows → %i…%i', (top, view, row, total, start, end) => {
    expect(rowWindow(top, view, row, total)).toEqual({ start, end });
  });
});

const step = (rule: string, result: TraceStep['result'], policyId?: string): TraceStep =>
  ({
    rule,
    result,
    stage: 'entra',
    detail: `${rule} ${policyId ?? ''}`,
    sources: [],
    policyId,
  }) as TraceStep;

describe('foldTrace: a step per policy folds beyond the first few, the decider kept', () => {
  const decision = (trace: TraceStep[]) => ({ trace }) as unknown as Decision;
  it('a short trace is untouched', () => {
    const d = decision([step('T1', 'pass'), step('R4', 'fail', 'p1'), step('R13', 'fail', 'p1')]);
    expect(foldTrace(d)).toEqual({ decision: d, folded: [] });
  });
  it('keeps the first 3 policy steps, the deciding one, and every other step', () => {
    const policies = Array.from({ length: 10 }, (_, i) =>
      step(i === 7 ? 'R4' : 'R16', i === 7 ? 'fail' : 'skip', `p${i}`),
    );
    const d = decision([step('T1', 'pass'), ...policies, step('R13', 'fail', 'p7')]);
    const { decision: short, folded } = foldTrace(d, 3);
    expect(short.trace.map((s) => s.policyId ?? s.rule)).toEqual([
      'T1',
      'p0',
      'p1',
      'p2',
      'p7',
      'p7',
    ]);
    expect(folded.map((s) => s.policyId)).toEqual(['p3', 'p4', 'p5', 'p6', 'p8', 'p9']);
    expect(stepRows(folded)[0]).toMatchObject({ tone: 'skip', text: '– skipped · R16 · R16 p3' });
  });
  it('2,000 imported policies: the lab draws a dozen steps and lists the rest', () => {
    const base = buildSandbox(defaultSandbox());
    const one = base.world!.policies[0]!;
    const policies = Array.from({ length: 2000 }, (_, i) => ({ ...one, id: `p${i}` }));
    const world = { ...base.world!, policies };
    const r = evaluate(world, base.request!, DEFAULT_ASSUMPTIONS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { decision: short, folded } = foldTrace(r.value);
    expect(short.trace.length).toBeLessThan(25);
    expect(short.trace.length + folded.length).toBe(r.value.trace.length);
    expect(short.trace.at(-1)).toEqual(r.value.trace.at(-1));
  });
});

describe('compileWorld: shared by worlds around the same locations, compiled lazily', () => {
  it('a new World with the same locations reuses the compiled sets', () => {
    const a = compileWorld({ locations: LOCS, policies: [], org: { ipValidation: true } });
    const b = compileWorld({ locations: LOCS, policies: [], org: { ipValidation: false } });
    expect(a.rangesOf('a')).toBe(b.rangesOf('a'));
    expect(a.trusted).toBe(b.trusted);
    expect(a.trusted.containsText('203.0.113.9')).toBe(true);
    expect(a.trusted.containsText('198.51.100.9')).toBe(false);
    expect(a.rangesOf('d')).toBeUndefined();
    expect(a.rangesOf('nope')).toBeUndefined();
  });
});

describe('ImportClient', () => {
  const text = JSON.stringify({
    value: [
      {
        '@odata.type': '#microsoft.graph.ipNamedLocation',
        id: 'x',
        displayName: 'X',
        isTrusted: true,
        ipRanges: [{ cidrAddress: '203.0.113.0/24' }],
      },
    ],
  });
  it('without a Worker, answers exactly what importFiles does', async () => {
    const files = [{ name: 'l.json', text }];
    const r = await new ImportClient(() => undefined).import('locations', files);
    expect(r).toEqual(importFiles('locations', files));
  });
  it('a worker that fails gives one clear error, not a hang', async () => {
    const fake = {
      onmessage: null,
      onerror: null as ((e: ErrorEvent) => void) | null,
      postMessage() {
        queueMicrotask(() => fake.onerror?.({ message: 'boom' } as ErrorEvent));
      },
      terminate() {},
    };
    const r = await new ImportClient(() => fake).import('locations', [{ name: 'l.json', text }]);
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.error).toMatch(/could not run in the background \(boom\)/);
  });
});
