// The lab's long lists as one-line rows: an import of 45,000 named locations, 100,000 ranges or
// 2,000 policies is shown as a scrolling window over these rows (only what is in view is drawn),
// and searched by text. Every range gets a row of its own: nothing is cut to "+2 more". Rows hold
// the names as imported; the list masks (redacts) only the rows it draws.
import type { Decision, NamedLocation, Policy, PolicyState, TraceStep } from '../engine/types';

export type RowTone = 'head' | 'item' | 'pass' | 'fail' | 'skip';

/** One line of a list. Lists are keyed by position, so duplicate names never collide. */
export interface ListRow {
  /** The row's main text. */
  text: string;
  /** Mono-spaced detail after the text (a range, a state), if any. */
  code?: string;
  tone: RowTone;
  /** What a search looks in, lower-cased. */
  find: string;
  /** Also searched: the lower-cased name of the group a member row belongs to (one string shared
   * by the group's rows, so 100,000 ranges make no 100,000 new strings). */
  group?: string;
}

const LOOKUP = {
  clientIpAddress: 'looked up from the client IP address',
  authenticatorAppGps: "looked up from the Authenticator app's GPS",
} as const;

// One formatter for every row: toLocaleString makes a new one per call (10,000 rows took 200 ms).
const NUMBER = new Intl.NumberFormat('en-US');
const count = (n: number, one: string, many = `${one}s`) =>
  `${NUMBER.format(n)} ${n === 1 ? one : many}`;

/** One row per location, then one per range under it (IP locations). */
export function locationRows(locations: readonly NamedLocation[]): ListRow[] {
  const rows: ListRow[] = [];
  for (const l of locations) {
    const name = l.displayName;
    const trusted = l.isTrusted ? ' (trusted)' : '';
    const low = name.toLowerCase();
    if (l.kind === 'ip') {
      rows.push({
        text: `${name}${trusted}: ${l.ipRanges.length ? count(l.ipRanges.length, 'range') : 'no ranges'}`,
        tone: 'head',
        find: low,
      });
      for (const r of l.ipRanges)
        rows.push({ text: '', code: r, tone: 'item', find: r, group: low });
    } else if (l.kind === 'country') {
      const where = `countries ${l.countries.join(', ') || 'none'}${l.includeUnknownCountriesAndRegions ? ' and unknown countries' : ''}, ${LOOKUP[l.countryLookupMethod ?? 'clientIpAddress']}`;
      rows.push({
        text: `${name}${trusted}: ${where}`,
        tone: 'head',
        find: `${low} ${where.toLowerCase()}`,
      });
    } else {
      const what = 'a Global Secure Access compliant network: matches no IP address';
      rows.push({
        text: `${name}${trusted}: ${what}`,
        tone: 'head',
        find: `${low} ${what}`,
      });
    }
  }
  return rows;
}

const STATE_LABEL: Record<PolicyState, string> = {
  enabled: 'On',
  enabledForReportingButNotEnforced: 'Report-only',
  disabled: 'Off',
};

export function policyRows(policies: readonly Policy[]): ListRow[] {
  return policies.map((p) => {
    const name = p.displayName;
    const state = STATE_LABEL[p.state];
    return { text: `${name} — ${state}`, tone: 'item', find: `${name} ${state}`.toLowerCase() };
  });
}

/** Plain messages (warnings), one row each. */
export function textRows(texts: readonly string[]): ListRow[] {
  return texts.map((t) => ({ text: t, tone: 'item', find: t.toLowerCase() }));
}

/** Every trusted IP range with the location that holds it (the diagram's caption is short). */
export function trustedRangeRows(locations: readonly NamedLocation[]): ListRow[] {
  const rows: ListRow[] = [];
  for (const l of locations) {
    if (l.kind !== 'ip' || !l.isTrusted) continue;
    const name = l.displayName;
    const low = name.toLowerCase();
    for (const r of l.ipRanges)
      rows.push({ text: name, code: r, tone: 'item', find: r, group: low });
  }
  return rows;
}

/** The rows whose text holds every word of `query` (any case); all rows for an empty query. */
export function filterRows(rows: readonly ListRow[], query: string): readonly ListRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((r) => words.every((w) => r.find.includes(w) || !!r.group?.includes(w)));
}

/** The slice of rows to draw for a scroll position: what is in view, plus `overscan` each side. */
export function rowWindow(
  scrollTop: number,
  viewportPx: number,
  rowPx: number,
  total: number,
  overscan = 8,
): { start: number; end: number } {
  if (total <= 0 || rowPx <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowPx);
  const start = Math.max(0, Math.min(first, total - 1) - overscan);
  const end = Math.min(total, first + Math.ceil(Math.max(viewportPx, rowPx) / rowPx) + overscan);
  return { start, end: Math.max(start, end) };
}

/** How many policy steps the lab's step-by-step panel shows before the rest go to a list. */
export const TRACE_KEEP = 12;

/**
 * A decision whose trace is short enough to draw step by step, and the policy steps left out of
 * it. A trace has a step per policy, so 2,000 imported policies make 2,004 steps. Kept: every
 * step that is not about one policy, the last step, the first `keep` policy steps, and the first
 * policy step that refuses or asks for MFA (the one that decides), wherever it is.
 */
export function foldTrace(
  d: Decision,
  keep = TRACE_KEEP,
): { decision: Decision; folded: TraceStep[] } {
  const last = d.trace.length - 1;
  const policySteps = d.trace.filter((s, i) => s.policyId !== undefined && i !== last).length;
  if (policySteps <= keep + 1) return { decision: d, folded: [] };
  const decider = d.trace.findIndex(
    (s, i) =>
      s.policyId !== undefined && i !== last && (s.result === 'fail' || s.result === 'challenge'),
  );
  const trace: TraceStep[] = [];
  const folded: TraceStep[] = [];
  let seen = 0;
  d.trace.forEach((s, i) => {
    const policy = s.policyId !== undefined && i !== last;
    if (!policy || seen++ < keep || i === decider) trace.push(s);
    else folded.push(s);
  });
  return { decision: { ...d, trace }, folded };
}

const MARK: Record<TraceStep['result'], string> = {
  pass: '✓ pass',
  fail: '✗ fail',
  skip: '– skipped',
  challenge: 'asks for MFA',
};

const TONE: Record<TraceStep['result'], RowTone> = {
  pass: 'pass',
  fail: 'fail',
  skip: 'skip',
  challenge: 'fail',
};

export function stepRows(steps: readonly TraceStep[]): ListRow[] {
  return steps.map((s) => {
    const text = `${MARK[s.result]} · ${s.rule} · ${s.detail}`;
    return { text, tone: TONE[s.result], find: text.toLowerCase() };
  });
}
