// A report leaves the worker in pages: the per-row columns are transferred (no copy), and the long
// lists (users, IPs and their groups) follow in slices, so that the page never spends one long
// task deserialising a single huge message (the e2e long-task test holds it under 200 ms).
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
  for (const field of PAGED) {
    const list = report[field] as unknown[];
    for (let i = 0; i < list.length; i += pageItems)
      out.push({
        message: { type: 'page', id, field, items: list.slice(i, i + pageItems) },
        transfer: [],
      });
    head[field] = [];
  }
  const { rows } = report;
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
