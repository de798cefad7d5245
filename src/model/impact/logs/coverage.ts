// The sentence that goes next to the numbers: what this kind of log can hold, and what "N newly
// refused" means from it. A log without PAT traffic never reads as "safe to switch on".
import type { Flow } from '../../engine/types';
import type { ImpactRange } from '../impactRange';
import { patRows, type LogInfo } from './logInfo';

export interface Headline {
  /** The log holds no PAT or SSH row: its count says nothing about PATs. */
  noPatTraffic: boolean;
  /** "between 2 and 3" or "2". */
  count: string;
  /** The one-line verdict. */
  verdict: string;
  /** What this kind of log can and cannot hold. */
  coverage: string;
}

const fmt = (n: number) => n.toLocaleString('en');

export function rangeText(newly: number, range: ImpactRange | undefined): string {
  if (!range || range.low === range.high) return fmt(newly);
  return `between ${fmt(range.low)} and ${fmt(range.high)}`;
}

export function headline(
  newly: number,
  log: LogInfo | undefined,
  range: ImpactRange | undefined,
  defaultFlow: Flow,
): Headline {
  const count = rangeText(newly, range);
  const coverage = log?.coverage ?? '';
  const noPat = log !== undefined && (!log.holdsPat || patRows(log, defaultFlow) === 0);
  if (noPat) {
    return {
      noPatTraffic: true,
      count,
      verdict: `This log holds no PAT traffic: "${count} newly refused" says nothing about PATs or SSH keys. It does not mean that turning the org policy on breaks nothing.`,
      coverage,
    };
  }
  const audit = log?.kind === 'ado-audit' || log?.kind === 'ado-audit-la';
  const of = audit ? 'of the audited requests in this log' : 'of the requests in this log';
  const reads = audit ? ' Reads with a PAT (clone, fetch, REST GETs) are not in it.' : '';
  return {
    noPatTraffic: false,
    count,
    verdict: `Turning the org policy on would newly refuse ${count} ${of}.${reads}`,
    coverage,
  };
}
