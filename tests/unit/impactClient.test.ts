// ImpactClient against an in-process stand-in for the worker that runs the real job: results,
// progress, errors, cancel (answered or not), and a lazily created worker.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CANCEL_GRACE_MS,
  ImpactCancelledError,
  ImpactClient,
  type WorkerLike,
} from '../../src/worker/impactClient';
import { impactCsvPieces, impactToCsv } from '../../src/model/impact/impactCsv';
import { groupsShown, type GroupCounts } from '../../src/model/impact/impactGroups';
import type { ImpactReport } from '../../src/model/impact/impactTypes';
import { runImpactJob } from '../../src/worker/impactJob';
import type { FromWorker, ImpactInput, Progress, ToWorker } from '../../src/worker/protocol';
import { reportMessages } from '../../src/worker/reportPages';
import { blockOutside, IP, world } from './support/world';

const AT = '2026-03-01T12:00:00Z';
const input = (n: number): ImpactInput => ({
  rows: Array.from({ length: n }, (_, i) => ({ row: i + 2, ip: i % 2 ? IP.home : IP.hq })),
  world: world([blockOutside]),
  at: AT,
});

/** Runs the job as impactWorker.ts does, posting messages back asynchronously. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly received: ToWorker[] = [];
  terminated = false;
  /** A stuck worker never answers (as one busy in a long synchronous step). */
  constructor(private readonly stuck = false) {}
  #cancelled = new Set<number>();
  /** Whole reports by run, and their IP groups, as the worker keeps the last for the exports. */
  readonly kept = new Map<number, ImpactReport>();
  readonly keptIpGroups = new Map<number, GroupCounts>();

  postMessage(msg: ToWorker): void {
    this.received.push(msg);
    if (this.stuck) return;
    if (msg.type === 'cancel') this.#cancelled.add(msg.id);
    else if (msg.type === 'export') {
      const { id, kind } = msg;
      const report = this.kept.get(id);
      queueMicrotask(() =>
        this.#post(
          report
            ? {
                type: 'file',
                id,
                kind,
                blob: new Blob([
                  ...impactCsvPieces(report, kind, undefined, this.keptIpGroups.get(id)),
                ]),
              }
            : { type: 'file', id, kind, error: 'that report is no longer here' },
        ),
      );
    } else void this.#run(msg);
  }
  terminate(): void {
    this.terminated = true;
  }
  #post(data: FromWorker): void {
    if (!this.terminated) this.onmessage?.({ data } as MessageEvent<FromWorker>);
  }
  async #run(msg: Extract<ToWorker, { type: 'run' }>): Promise<void> {
    const { id } = msg;
    const o = await runImpactJob(msg, {
      onProgress: (p) => this.#post({ type: 'progress', id, ...p }),
      isCancelled: () => this.#cancelled.has(id),
    });
    if (o.status === 'done') {
      this.kept.set(id, o.report);
      this.keptIpGroups.set(id, o.ipGroups);
      for (const { message } of reportMessages(id, o.report, 1_000)) this.#post(message);
    } else if (o.status === 'error') this.#post({ type: 'error', id, message: o.message });
    else this.#post({ type: 'cancelled', id });
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('ImpactClient', () => {
  it('creates the worker on the first run only, and resolves with the report', async () => {
    const workers: FakeWorker[] = [];
    const client = new ImpactClient(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    expect(workers).toHaveLength(0);
    const progress: Progress[] = [];
    const report = await client.run(input(60_000), (p) => progress.push(p));
    expect(report).toMatchObject({ total: 60_000, newlyBlocked: 30_000 });
    expect(progress.filter((p) => p.phase === 'analyse').map((p) => p.done)).toEqual([
      50_000, 60_000,
    ]);
    // Then the report is made: one step, no fraction of it to show.
    expect(progress.at(-1)).toEqual({ phase: 'report', done: 0, total: 60_000 });
    await client.run(input(10), () => {});
    expect(workers).toHaveLength(1);
    expect(client.busy).toBe(false);
  });

  it('puts a report sent in pages back together, exactly', { timeout: 30_000 }, async () => {
    const many: ImpactInput = {
      world: world([blockOutside]),
      at: AT,
      rows: Array.from({ length: 7_500 }, (_, i) => ({
        row: i + 2,
        ip: `100.64.${i >> 8}.${i & 255}`,
        user: `u${i % 2_500}@contoso.com`,
      })),
    };
    const direct = await runImpactJob(many);
    if (direct.status !== 'done') throw new Error(direct.status);
    expect(reportMessages(1, direct.report, 100).length).toBeGreaterThan(2);
    const client = new ImpactClient(() => new FakeWorker());
    // The groups come as the tables can show them; the worker keeps them all for the exports.
    const { byUser, byIp } = direct.report;
    const got = await client.run(many);
    expect(got.groupTotals).toEqual({ byUser: 2_500, byIp: 7_500 });
    expect(got.byUser).toHaveLength(groupsShown(byUser).length);
    expect(got.byUser.length).toBeLessThanOrEqual(600);
    expect(got).toEqual({
      ...direct.report,
      byUser: groupsShown(byUser),
      byIp: groupsShown(byIp),
      ips: [],
      users: [],
      groupTotals: { byUser: 2_500, byIp: 7_500 },
    });
  });

  it("rejects with the worker's one-line message", async () => {
    const client = new ImpactClient(() => new FakeWorker());
    await expect(client.run({ ...input(1), at: 'soon' })).rejects.toThrow(
      /^at: "soon" is not a date/,
    );
  });

  it('cancel() rejects the run and tells the worker, which stops and is kept', async () => {
    const w = new FakeWorker();
    const client = new ImpactClient(() => w);
    const run = client.run(input(200_000), () => client.cancel());
    await expect(run).rejects.toBeInstanceOf(ImpactCancelledError);
    expect(w.received.map((m) => m.type)).toEqual(['run', 'cancel']);
    await new Promise((r) => setTimeout(r, CANCEL_GRACE_MS + 50));
    expect(w.terminated).toBe(false);
  });

  it('a new run cancels the one still going', async () => {
    const client = new ImpactClient(() => new FakeWorker());
    const first = client.run(input(200_000));
    const second = client.run(input(4));
    await expect(first).rejects.toBeInstanceOf(ImpactCancelledError);
    await expect(second).resolves.toMatchObject({ total: 4 });
  });

  it('terminates a worker that does not answer a cancel, and reruns the next run on a new one', async () => {
    vi.useFakeTimers();
    const stuck = new FakeWorker(true);
    const fresh = new FakeWorker();
    const made = [stuck, fresh];
    const client = new ImpactClient(() => made.shift()!);
    const first = client.run(input(10));
    const second = client.run(input(6));
    await expect(first).rejects.toBeInstanceOf(ImpactCancelledError);
    vi.advanceTimersByTime(CANCEL_GRACE_MS);
    expect(stuck.terminated).toBe(true);
    expect(fresh.received).toEqual([expect.objectContaining({ type: 'run', id: 2 })]);
    vi.useRealTimers();
    await expect(second).resolves.toMatchObject({ total: 6 });
  });

  it('rejects when the worker cannot start, and starts a new one next time', async () => {
    const broken = new FakeWorker(true);
    const made = [broken, new FakeWorker()];
    const client = new ImpactClient(() => made.shift()!);
    const run = client.run(input(3));
    broken.onerror?.({ message: 'failed to load', preventDefault() {} } as ErrorEvent);
    await expect(run).rejects.toThrow('The impact worker stopped: failed to load');
    expect(broken.terminated).toBe(true);
    await expect(client.run(input(3))).resolves.toMatchObject({ total: 3 });
  });
});

describe('exports come from the whole report the worker kept', () => {
  it('gives the CSV of every group, though the page got only those a table shows', async () => {
    const fake = new FakeWorker();
    const client = new ImpactClient(() => fake);
    // 1,000 distinct users, each refused once: more groups than the page is sent.
    const rows = Array.from({ length: 1_000 }, (_, i) => ({
      row: i + 2,
      ip: IP.home,
      user: `u${i}@contoso.com`,
    }));
    const report = await client.run({ rows, world: world([blockOutside]), at: AT });
    expect(report.groupTotals).toEqual({ byUser: 1_000, byIp: 1 });
    expect(report.byUser.length).toBeLessThan(1_000);
    const blob = await client.exportCsv('users');
    const whole = fake.kept.get(1)!;
    expect(await blob.text()).toBe(impactToCsv(whole, 'users'));
    expect((await blob.text()).trim().split('\r\n')).toHaveLength(1_001);
  });

  it('gives the CSV of every IP group, which the job keeps as counts, not as groups', async () => {
    const fake = new FakeWorker();
    const client = new ImpactClient(() => fake);
    // 5,000 distinct addresses, each refused once: the report holds the groups shown only.
    const rows = Array.from({ length: 5_000 }, (_, i) => ({
      row: i + 2,
      ip: `100.64.${i >> 8}.${i & 255}`,
    }));
    const direct = await runImpactJob({ rows, world: world([blockOutside]), at: AT });
    if (direct.status !== 'done') throw new Error(direct.status);
    expect(direct.report.byIp).toEqual(groupsShown(direct.ipGroups.all()));
    expect(direct.report.byIp.length).toBeLessThanOrEqual(600);
    expect(direct.report.groupTotals).toEqual({ byUser: 1, byIp: 5_000 });
    const report = await client.run({ rows, world: world([blockOutside]), at: AT });
    expect(report.groupTotals).toEqual({ byUser: 1, byIp: 5_000 });
    const text = await (await client.exportCsv('ips')).text();
    // Every group, in the order of the groups made whole, through the same writer.
    const whole = { ...fake.kept.get(1)!, byIp: direct.ipGroups.all() };
    expect(text).toBe(impactToCsv(whole, 'ips'));
    expect(text.trim().split('\r\n')).toHaveLength(5_001);
  });

  it('refuses when no report was made', async () => {
    await expect(new ImpactClient(() => new FakeWorker()).exportCsv('rows')).rejects.toThrow(
      /no report/,
    );
  });
});
