// `whatif --batch` reads every CSV as a stream, decided slice by slice and dropped, so a file of
// any size gets the whole report: which log it was, the range over the disputed rules, the PAT
// creation dates an audit export records below the rows that used those PATs, the org policy's
// switch date, and remedies with their effect. Cut into tiny pieces, every fixture log must give
// exactly the report it gives read in one piece, and that report must match the model's own
// analysis of the whole file.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatchFile, type BatchReport } from '../../src/cli/batch';
import { writeBatch, writeBatchJson } from '../../src/cli/formatBatch';
import { loadWorld } from '../../src/cli/loadWorld';
import { DEFAULT_ASSUMPTIONS } from '../../src/model/engine/assumptions';
import { analyseImpact, ImpactAnalysis } from '../../src/model/impact/impact';
import { impactRange } from '../../src/model/impact/impactRange';
import { worldFromLog } from '../../src/model/impact/logs/logWorld';
import { applyRemedy } from '../../src/model/impact/remedies';
import { readSigninRows } from '../../src/model/impact/signinRows';
import { readSigninRowsInChunks } from '../../src/worker/signinChunks';

const D = 'tests/fixtures/logs';
const LOGS = readdirSync(D).filter(
  (f) => /\.(csv|json)$/.test(f) && !/^(locations|policies|unknown)/.test(f),
);
const read0 = loadWorld(`${D}/locations.json`, `${D}/policies.json`);
if (!read0.ok) throw new Error(read0.error);
const loaded = read0;
const settings = {
  validation: false,
  assumptions: DEFAULT_ASSUMPTIONS,
  at: '2025-11-05T00:00:00Z',
};

function batch(file: string, sizes = {}): BatchReport {
  const r = runBatchFile(
    loaded.value,
    file.startsWith('/') ? file : `${D}/${file}`,
    settings,
    sizes,
  );
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function jsonOf(r: BatchReport): string {
  let text = '';
  const { headline, ...more } = r.extras;
  writeBatchJson(r, (t) => (text += t), { ...more, verdict: headline.verdict });
  return text;
}

describe('whatif --batch on a file cut into tiny pieces', () => {
  it.each(LOGS)('%s: the same report as read in one piece', (file) => {
    const whole = batch(file);
    const tiny = batch(file, { pieceBytes: 61, sliceChars: 300 });
    expect(jsonOf(tiny)).toBe(jsonOf(whole));
    expect(tiny.warnings).toEqual(whole.warnings);
  });

  it('an audit export: PAT dates from Token.PatCreateEvent rows below their use, and the switch', () => {
    const tiny = batch('ado-audit.csv', { pieceBytes: 61, sliceChars: 300 });
    const audit = tiny.extras.log!.audit!;
    expect(Object.keys(audit.patCreated).length).toBeGreaterThan(0);
    // The fixture dates two of the three PATs its rows use (the third has no creation row).
    expect(Object.keys(audit.patsUsed).length).toBe(3);
    let text = '';
    writeBatch(tiny, 'ado-audit.csv', (t) => (text += t), 0, tiny.extras);
    expect(text).toContain(
      'PAT creation dates (R12): 2 Token.PatCreateEvent rows date 2 of the 3 PATs this log uses; the other 1 is read as undated.',
    );
    // The model's own analysis of the whole file, read at once.
    const read = readSigninRows(readFileSync(`${D}/ado-audit.csv`, 'utf8'));
    if (!read.ok) throw new Error(read.error);
    const { locations, policies } = loaded.value;
    const given = { locations, policies, org: { ipValidation: true } };
    const dated = worldFromLog(given, read.value.log);
    expect(tiny.extras.enabledAt).toEqual(dated.enabledAt);
    const bad = new Set(read.value.problems.map((p) => p.row));
    const rows = read.value.rows.filter((r) => !bad.has(r.row));
    const defaults = { at: settings.at, defaultFlow: 'pat' as const };
    const analysis = new ImpactAnalysis(dated.world, DEFAULT_ASSUMPTIONS, defaults, rows.length);
    analysis.add(rows);
    expect(tiny.extras.range).toEqual(impactRange(analysis, DEFAULT_ASSUMPTIONS));
    expect(tiny.summary.newlyBlocked).toBe(analysis.finish().newlyBlocked);
    // Each remedy's effect is what a new analysis of every row in the changed tenant counts.
    for (const r of tiny.extras.remedies)
      expect(r.after).toBe(
        analyseImpact(applyRemedy(dated.world, r), rows, DEFAULT_ASSUMPTIONS, defaults)
          .newlyBlocked,
      );
  });
});

describe('skipped rows in the readable report', () => {
  it('counts rows, not bad cells, and the verdict says they are not counted (as the lab does)', () => {
    const r = batch('plain.csv');
    let text = '';
    writeBatch(r, 'plain.csv', (t) => (text += t), 0, r.extras);
    // Row 5 has three bad cells and row 6 one: two rows skipped.
    expect(text).toContain('Requests from plain.csv: 3 evaluated, 2 skipped.');
    expect(text).toContain('2 rows were skipped for a bad cell and are not counted.');
  });
});

describe('refused traffic by block and by user (the readable report and --json)', () => {
  it('lists the blocks and users the model groups, with their counts', () => {
    const r = batch('ado-audit.csv');
    expect(r.extras.blocks.top[0]).toEqual({
      block: '20.42.0.0/24',
      refused: 2,
      newlyRefused: 2,
      ips: ['20.42.0.17', '20.42.0.23'],
      addresses: 2,
    });
    expect(r.extras.users.top[0]).toEqual({
      user: 'ci-bot@contoso.com',
      refused: 2,
      newlyRefused: 2,
    });
    let text = '';
    writeBatch(r, 'ado-audit.csv', (t) => (text += t), 0, r.extras);
    expect(text).toMatch(
      /by address block \(4\):\n {2}block +refused +newly +addresses\n {2}20\.42\.0\.0\/24 +2 +2 +20\.42\.0\.17, 20\.42\.0\.23\n/,
    );
    expect(text).toMatch(
      /by user \(4\):\n {2}user +refused +newly\n {2}ci-bot@contoso\.com +2 +2\n/,
    );
  });
});

describe('what the log says of the org policy switch, when its date is not used', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pat-fence-switch-'));
  const header = 'Id,ActorUPN,AuthenticationMechanism,Timestamp,IpAddress,ActionId,Data';
  const sw = (id: number, at: string, value: string) =>
    `${id},admin@contoso.com,AAD,${at},203.0.113.1,OrganizationPolicy.PolicyValueUpdated,"{""PolicyName"":""Policy.EnforceAADConditionalAccess"",""PolicyValue"":""${value}""}"`;
  const use =
    '9,bot@contoso.com,PAT_Unscoped authorizationId: a1,2025-11-04T10:00:00Z,20.42.0.5,Git.RefUpdatePoliciesBypassed,{}';
  const text = (r: BatchReport) => {
    let out = '';
    writeBatch(r, 'log.csv', (t) => (out += t), 0, r.extras);
    return out;
  };
  it('switched on, then off: says so, and uses no date', () => {
    const file = join(dir, 'onoff.csv');
    writeFileSync(
      file,
      [header, use, sw(2, '2025-11-03T12:00:00Z', 'OFF'), sw(3, '2025-11-02T00:00:00Z', 'ON')].join(
        '\n',
      ),
    );
    const r = runBatchFile(loaded.value, file, settings);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.extras.enabledAt).toBeUndefined();
    expect(text(r.value)).toContain(
      "The log records the org policy switched off 2025-11-03T12:00:00.000Z (OrganizationPolicy.PolicyValueUpdated, row 3), after it was switched on 2025-11-02T00:00:00.000Z (row 4): it is off at the log's end, so no switch date from the log is used for R12.",
    );
  });
  it("--validation-enabled-at over the log's own date: says which is used", () => {
    const file = join(dir, 'on.csv');
    writeFileSync(file, [header, use, sw(2, '2025-11-03T12:00:00Z', 'ON')].join('\n'));
    const r = runBatchFile(loaded.value, file, { ...settings, enabledAt: '2025-10-01T00:00:00Z' });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.extras.enabledAt).toEqual({ at: '2025-10-01T00:00:00Z', from: 'input' });
    expect(text(r.value)).toContain(
      'The log records the org policy switched on 2025-11-03T12:00:00.000Z; --validation-enabled-at 2025-10-01T00:00:00Z is used for R12 instead.',
    );
  });
});

describe("Excel's sep= first line", () => {
  const dir = mkdtempSync(join(tmpdir(), 'pat-fence-sep-'));
  const body = 'ip;user;flow\n203.0.113.5;a@contoso.com;pat\n20.42.0.9;b@contoso.com;pat\n';
  it.each([
    ['LF', 'sep=;\n'],
    ['CRLF', 'sep=;\r\n'],
    ['upper case', 'SEP=;\n'],
  ])('%s: is not the header, and rows are numbered as Excel shows them', (_n, hint) => {
    const plain = join(dir, 'plain.csv');
    const hinted = join(dir, 'hinted.csv');
    writeFileSync(plain, body);
    writeFileSync(hinted, hint + body);
    const want = jsonOf(batch(plain.replace(`${D}/`, '')));
    for (const sizes of [{}, { pieceBytes: 3, sliceChars: 20 }]) {
      const r = runBatchFile(loaded.value, hinted, settings, sizes);
      if (!r.ok) throw new Error(r.error);
      expect(jsonOf(r.value)).toBe(want);
    }
  });
});

describe("Excel's sep= first line, in the lab's readers", () => {
  it('readSigninRows and readSigninRowsInChunks read it as if it were not there', async () => {
    const body =
      'ip;user;flow\n203.0.113.5;a@contoso.com;pat\n' + '20.42.0.9;b@contoso.com;pat\n'.repeat(50);
    const want = readSigninRows(body);
    expect(readSigninRows('sep=;\n' + body)).toEqual(want);
    expect(await readSigninRowsInChunks('sep=;\r\n' + body, {}, 100)).toEqual(
      await readSigninRowsInChunks(body, {}, 100),
    );
  });
});
