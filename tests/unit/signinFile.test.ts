// A log file read where it lies (the File the page posts to the worker): slice by slice through
// the shared decoder, the token guard and SigninStream, decided as it comes. It must give the
// report the same text read whole gives (an audit export's PAT dates and switch date included,
// which sit at the end of the file), decode UTF-16 and Windows-1252, mask tokens cut between
// slices, stop on a cancel and refuse what is over its limit with the sizes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImpactReport } from '../../src/model/impact/impactTypes';
import { readSigninRows, type SigninRow } from '../../src/model/impact/signinRows';
import { guardText } from '../../src/model/share/tokenGuard';
import { TokenStreamGuard } from '../../src/model/share/tokenGuardStreams';
import { runImpactJob, type JobOutcome } from '../../src/worker/impactJob';
import type { Progress } from '../../src/worker/protocol';
import { JSON_FILE, streamSigninFile } from '../../src/worker/signinFile';
import { blockOutside, IP, world } from './support/world';

const read = (path: string) =>
  readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const AT = '2026-03-01T12:00:00Z';
const tenant = world([blockOutside]);
const opts = { world: tenant, at: AT } as const;
const blob = (text: string) => new Blob([text], { type: 'text/csv' });
/** A token-shaped run (52 base32 characters), built here so no token sits in the source. */
const TOKEN = 'abcdefghijklmnopqrstuvwxyz234567'.repeat(2).slice(0, 52);

function done(o: JobOutcome) {
  if (o.status !== 'done') throw new Error(JSON.stringify(o));
  return o.report;
}

/** A plain CSV of n rows over a few addresses, users and flows (a bad IP among them). */
function plainCsv(n: number): string {
  const ips = [IP.hq, IP.home, IP.cafe, IP.hq6, IP.home6, 'not-an-ip'];
  const flows = ['pat', 'ssh', 'web', 'oauth', ''];
  const lines = ['ip,user,flow,at'];
  for (let i = 0; i < n; i++)
    lines.push(
      `${ips[i % 6]},u${i % 17}@contoso.com,${flows[i % 5]},2026-02-0${1 + (i % 9)}T10:00:00Z`,
    );
  return lines.join('\r\n') + '\r\n';
}

/** The parts of two reports that must agree, whatever way the rows were read. */
function same(a: ImpactReport, b: ImpactReport) {
  const pick = (r: ImpactReport) => ({
    processed: r.processed,
    off: r.off,
    on: r.on,
    newlyBlocked: r.newlyBlocked,
    newlyBlockedByFlow: r.newlyBlockedByFlow,
    invalid: r.invalid,
    enabledAt: r.enabledAt,
    range: r.range,
    rows: [...r.rows.row],
    log: r.log && { ...r.log, audit: r.log.audit },
    problems: r.inputs?.rowProblemCount,
    firstProblems: r.inputs?.rowProblems.slice(0, 5),
    byUser: r.byUser.map((g) => [g.key, g.count]),
  });
  expect(pick(a)).toEqual(pick(b));
}

describe('a file read where it lies gives the report its whole text gives', () => {
  it('a plain CSV over several slices', async () => {
    const text = plainCsv(120_000); // ~6 MB: three file slices, several stream slices
    const seen: Progress[] = [];
    const fromFile = done(
      await runImpactJob({ ...opts, file: blob(text) }, { onProgress: (p) => seen.push(p) }),
    );
    const fromText = done(await runImpactJob({ ...opts, csvText: text }));
    same(fromFile, fromText);
    const reads = seen.filter((p) => p.phase === 'read');
    expect(reads.length).toBeGreaterThan(2);
    expect(reads.at(-1)).toMatchObject({ done: text.length, total: text.length });
    expect(reads.at(-1)!.rows).toBeGreaterThan(100_000);
    expect(seen.at(-1)?.phase).toBe('report');
  }, 60_000);

  it('an audit export whose PAT creations and policy switch come after the uses (read twice)', async () => {
    const audit = read('logs/ado-audit.csv');
    const [header, ...data] = audit.split(/\r?\n/).filter((l) => l !== '');
    // Repeated until it spans slices: the dating rows sit after every use they date.
    const text = [header, ...Array.from({ length: 600 }, () => data).flat()].join('\r\n');
    const seen: Progress[] = [];
    const fromFile = done(
      await runImpactJob({ ...opts, file: blob(text) }, { onProgress: (p) => seen.push(p) }),
    );
    const fromText = done(await runImpactJob({ ...opts, csvText: text }));
    same(fromFile, fromText);
    expect(Object.keys(fromFile.log?.audit?.patCreated ?? {}).length).toBeGreaterThan(0);
    expect(fromFile.enabledAt?.from).toBe('audit-log');
    expect(seen.some((p) => p.phase === 'reread')).toBe(true);
  }, 60_000);

  it('a plain CSV is read once', async () => {
    const seen: Progress[] = [];
    done(
      await runImpactJob(
        { ...opts, file: blob(plainCsv(100)) },
        { onProgress: (p) => seen.push(p) },
      ),
    );
    expect(seen.some((p) => p.phase === 'reread')).toBe(false);
  });

  it('a small file and the sample audit export, as files', async () => {
    for (const text of [
      plainCsv(7),
      read('logs/ado-audit.csv'),
      read('logs/la-azuredevopsauditing.csv'),
    ])
      same(
        done(await runImpactJob({ ...opts, file: blob(text) })),
        done(await runImpactJob({ ...opts, csvText: text })),
      );
  });

  it('a JSON log file is read whole, like its text', async () => {
    const text = read('logs/ado-audit.json');
    same(
      done(await runImpactJob({ ...opts, file: blob(text) })),
      done(await runImpactJob({ ...opts, csvText: text })),
    );
  });
});

describe('decoding and the token guard, slice by slice', () => {
  const rowsOf = async (file: Blob, sliceBytes = 64 * 1024) => {
    const rows: SigninRow[] = [];
    const r = await streamSigninFile(file, (part) => rows.push(...part.rows), {}, sliceBytes);
    if (r === undefined || r === JSON_FILE || !r.ok) throw new Error(JSON.stringify(r));
    return { rows, read: r };
  };

  it('UTF-16 LE with a BOM, cut into odd slices', async () => {
    const text = plainCsv(40_000); // over a megabyte, so slices follow the first
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i);
    const { rows } = await rowsOf(new Blob([bytes]), 65_537);
    const whole = readSigninRows(text);
    expect(whole.ok && whole.value.rows).toEqual(rows);
  });

  it('Windows-1252 with the notice, and the report says so', async () => {
    const text = 'ip,user\r\n' + `${IP.hq},Ren\xe9e@contoso.com\r\n`;
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
    const { rows, read: r } = await rowsOf(new Blob([bytes]));
    expect(rows[0]?.user).toBe('Renée@contoso.com');
    expect(r.value.notice).toMatch(/Windows-1252/);
    const report = done(await runImpactJob({ ...opts, file: new Blob([bytes]) }));
    expect(report.inputs?.encodingNotice).toMatch(/Windows-1252/);
  });

  it('a binary file gets one short line', async () => {
    const o = await runImpactJob({
      ...opts,
      file: new Blob([new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 1])]),
    });
    expect(o).toEqual({ status: 'error', message: 'Sign-ins: a binary file, not text' });
  });

  it('a token cut between two slices is masked whole, and the report says one was removed', async () => {
    const head = plainCsv(15_000);
    // The token straddles the first slice's end (a megabyte) in a user cell, 20 characters before.
    const before = `${IP.hq},`;
    const pad = (1 << 20) - 20 - head.length - before.length - 1;
    const text =
      head +
      `${before}${'-'.repeat(pad)}.${TOKEN}@contoso.com\r\n` +
      plainCsv(30_000).split('\r\n').slice(1).join('\r\n');
    expect(text.indexOf(TOKEN)).toBe((1 << 20) - 20);
    const { rows, read: r } = await rowsOf(blob(text));
    expect(r.value.tokens.length).toBeGreaterThan(0);
    expect(rows.some((x) => x.user?.includes(TOKEN))).toBe(false);
    expect(rows.some((x) => x.user?.includes('[token removed]'))).toBe(true);
    const report = done(await runImpactJob({ ...opts, file: blob(text) }));
    expect(report.inputs?.tokensRemoved).toBe(true);
    expect(JSON.stringify(report.users)).not.toContain(TOKEN);
  });

  it('TokenStreamGuard gives what guardText gives, however the text is cut', () => {
    const text = `a,b ${TOKEN} c;${TOKEN}x,d ${TOKEN.slice(0, 30)}\n`.repeat(20);
    for (const step of [1, 7, 51, 52, 53, 500]) {
      const g = new TokenStreamGuard();
      let out = '';
      for (let i = 0; i < text.length; i += step) out += g.push(text.slice(i, i + step));
      out += g.end();
      expect(out).toBe(guardText(text).value);
    }
  });
});

describe('cancel and limits', () => {
  it('a cancel between slices stops the read at once', async () => {
    const text = plainCsv(120_000);
    let slices = 0;
    let cancelled = false;
    const o = await runImpactJob(
      { ...opts, file: blob(text) },
      {
        onProgress: (p) => {
          if (p.phase === 'read' && ++slices === 1) cancelled = true;
        },
        isCancelled: () => cancelled,
      },
    );
    expect(o).toEqual({ status: 'cancelled' });
    expect(slices).toBe(1);
  });

  /** A Blob that says it is `size` bytes and starts with `head` (nothing that big is made). */
  const huge = (size: number, head: string) =>
    ({
      size,
      slice: () => blob(head),
      arrayBuffer: () => Promise.reject(new Error('too big to read whole')),
    }) as unknown as Blob;

  it('a CSV over 1 GB is refused before a byte is read, with both sizes', async () => {
    const o = await runImpactJob({ ...opts, file: huge(1.5 * 1024 ** 3, 'ip\r\n') });
    expect(o).toEqual({
      status: 'error',
      message:
        'Sign-ins: the file is 1.5 GB, over the 1 GB limit for a CSV log; export a shorter period or split it.',
    });
  });

  it('a JSON log over 100 MB is refused with the CSV way out', async () => {
    const o = await runImpactJob({ ...opts, file: huge(200 * 1024 ** 2, '[{"a":1}') });
    expect(o.status === 'error' && o.message).toMatch(
      /a JSON log is read whole, up to 100\.0 MB; this one is 200\.0 MB\. Export CSV instead \(up to 1 GB\)/,
    );
  });
});
