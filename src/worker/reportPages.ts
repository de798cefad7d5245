// A report leaves the worker in pages: copies of the per-row columns are transferred (the worker
// keeps its report for the exports), the lists of users and IPs follow in slices, and of the
// groups only those a table can show go (groupsShown): 700,000 groups of objects, even in pages,
// kept the page's thread busy for seconds (the e2e long-task test holds it under 200 ms).
import { groupsShown } from '../model/impact/impactGroups';
import type { ImpactReport } from '../model/impact/impactTypes';
import type { FromWorker, PagedField } from './protocol';

/** Items per page: each page deserialises in a few milliseconds. */
export const PAGE_ITEMS = 500;
const PAGED: readonly PagedField[] = ['ips', 'users', 'byUser', 'byIp'];

/** The messages that carry `report` for run `id`, in order, each with what it transfers. */
export function reportMessages(
  id: number,
  report: ImpactReport,
  pageItems = PAGE_ITEMS,
): { message: FromWorker; transfer: ArrayBuffer[] }[] {
  const out: { message: FromWorker; transfer: ArrayBuffer[] }[] = [];
  const head = { ...report };
  const shown = { byUser: groupsShown(report.byUser), byIp: groupsShown(report.byIp) };
  // The job may have kept only the IP groups shown already (GroupCounts): its totals stand.
  const totals = {
    byUser: report.byUser.length,
    byIp: report.groupTotals?.byIp ?? report.byIp.length,
  };
  if (shown.byUser.length < totals.byUser || shown.byIp.length < totals.byIp)
    head.groupTotals = totals;
  for (const field of PAGED) {
    // A report that big keeps its users and IPs in the worker too: only its exports read them.
    if (head.groupTotals && (field === 'ips' || field === 'users')) {
      head[field] = [];
      continue;
    }
    const list =
      field === 'byUser' || field === 'byIp' ? shown[field] : (report[field] as unknown[]);
    for (let i = 0; i < list.length; i += pageItems)
      out.push({
        message: { type: 'page', id, field, items: list.slice(i, i + pageItems) },
        transfer: [],
      });
    head[field] = [];
  }
  const r = report.rows;
  const rows = {
    count: r.count,
    row: r.row.slice(),
    ip: r.ip.slice(),
    user: r.user.slice(),
    flow: r.flow.slice(),
    off: r.off.slice(),
    on: r.on.slice(),
  };
  head.rows = rows;
  const transfer = [rows.row, rows.ip, rows.user, rows.flow, rows.off, rows.on].map(
    (a) => a.buffer as ArrayBuffer,
  );
  out.push({ message: { type: 'result', id, report: head }, transfer });
  return out;
}

/** Collects the pages of one run and puts them back into its report. */
export class ReportPages {
  readonly #lists = new Map<PagedField, unknown[][]>();

  add(field: PagedField, items: unknown[]): void {
    const lists = this.#lists.get(field) ?? [];
    lists.push(items);
    this.#lists.set(field, lists);
  }

  /** The report whole again. */
  complete(head: ImpactReport): ImpactReport {
    const report = { ...head };
    for (const [field, lists] of this.#lists)
      (report as Record<PagedField, unknown[]>)[field] = lists.flat();
    return report;
  }
}
