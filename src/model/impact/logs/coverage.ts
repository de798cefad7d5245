// The sentence that goes next to the numbers: what this kind of log can hold, and what "N newly
// refused" means from it. A log without PAT traffic never reads as "safe to switch on".
import { factWords } from '../../engine/dependsOnText';
import type { Fact, Flow } from '../../engine/types';
import type { ImpactRange } from '../impactRange';
import { patRows, type LogInfo } from './logInfo';
import { FIELD_PURPOSE } from './logKinds';

export interface Headline {
  /** The log holds no PAT or SSH row: its count says nothing about PATs. */
  noPatTraffic: boolean;
  /** "between 2 and 3" or "2". */
  count: string;
  /** The one-line verdict. */
  verdict: string;
  /** What this kind of log can and cannot hold, and which facts (R22) it never carries. */
  coverage: string;
  /** "up to 3 more if group membership makes a policy apply", one per fact (R22). */
  dependsOn: string[];
}

/** The R22 facts a policy may need that a log row could lack; logs carry at most the user and the country. */
const FACTS: readonly Fact[] = [
  'user',
  'groups',
  'roles',
  'country',
  'platform',
  'deviceFilter',
  'insiderRisk',
];

/** The facts PAT Fence does not read from this log's rows (the user and the country come from their columns). */
export function factsNotCarried(log: LogInfo | undefined): Fact[] {
  const country = log?.used.some(
    (c) => c.use === FIELD_PURPOSE.country || c.use === FIELD_PURPOSE.location,
  );
  const user = log?.used.some((c) => c.use === FIELD_PURPOSE.user);
  return FACTS.filter((f) => (f !== 'country' || !country) && (f !== 'user' || !user));
}

/** "group membership, the device platform or insider risk". */
function orList(facts: readonly Fact[]): string {
  const w = facts.map((f) => factWords({ facts: [f] }));
  return w.length < 2 ? (w[0] ?? '') : `${w.slice(0, -1).join(', ')} or ${w[w.length - 1]!}`;
}

function dependsOnLines(range: ImpactRange | undefined): string[] {
  return (range?.dependsOn.byFact ?? []).map(
    ({ fact, count }) =>
      `up to ${fmt(count)} more if ${factWords({ facts: [fact] })} makes a policy apply`,
  );
}

const fmt = (n: number) => n.toLocaleString('en');

export function rangeText(newly: number, range: ImpactRange | undefined): string {
  if (!range || range.low === range.high) return fmt(newly);
  return `between ${fmt(range.low)} and ${fmt(range.high)}`;
}

/** "3 rows were skipped for a bad cell and are not counted.", or '' when none was. */
export function skippedText(skipped: number): string {
  if (skipped <= 0) return '';
  const rows = skipped === 1 ? '1 row was' : `${fmt(skipped)} rows were`;
  return ` ${rows} skipped for a bad cell and ${skipped === 1 ? 'is' : 'are'} not counted.`;
}

/**
 * `skipped`: rows left out for a bad cell (rowsToAnalyse). The verdict counts decided rows only,
 * and says so, so a log whose bad rows were PATs never reads as if they had been weighed.
 */
export function headline(
  newly: number,
  log: LogInfo | undefined,
  range: ImpactRange | undefined,
  defaultFlow: Flow,
  skipped = 0,
): Headline {
  const count = rangeText(newly, range);
  const left = skippedText(skipped);
  const notCarried = factsNotCarried(log);
  const coverage = [
    log?.coverage ?? '',
    log
      ? `PAT Fence reads no ${orList(notCarried)} from these rows: a policy that needs one of these is counted as "depends on" (R22), not as applying.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  const dependsOn = dependsOnLines(range);
  const more = dependsOn.length ? ` Of the rest, ${dependsOn.join('; ')} (R22).` : '';
  const noPat = log !== undefined && (!log.holdsPat || patRows(log, defaultFlow) === 0);
  if (noPat) {
    return {
      noPatTraffic: true,
      count,
      verdict: `This log holds no PAT traffic: "${count} newly refused" says nothing about PATs or SSH keys. It does not mean that turning the org policy on breaks nothing.${left}${more}`,
      coverage,
      dependsOn,
    };
  }
  const audit = log?.kind === 'ado-audit' || log?.kind === 'ado-audit-la';
  const of = audit ? 'of the audited requests in this log' : 'of the requests in this log';
  const reads = audit ? ' Reads with a PAT (clone, fetch, REST GETs) are not in it.' : '';
  return {
    noPatTraffic: false,
    count,
    verdict: `Turning the org policy on would newly refuse ${count} ${of}.${left}${more}${reads}`,
    coverage,
    dependsOn,
  };
}
