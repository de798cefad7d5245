// The impact analysis tells the truth (issue 11, review findings 1, 2, 3, 7): whatever date the
// org policy is said to go on, every row is asked "what if it is on"; that date only sorts PATs
// created before / after for R12, and the range's low end reads undated PATs as possibly older.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { DEFAULT_ASSUMPTIONS } from '../../src/model/engine/assumptions';
import type { World } from '../../src/model/engine/types';
import { parseNamedLocations } from '../../src/model/graph/graphLocations';
import { parsePolicies } from '../../src/model/graph/graphPolicies';
import { ImpactAnalysis } from '../../src/model/impact/impact';
import { impactRange } from '../../src/model/impact/impactRange';
import { readSigninRows, type SigninRow } from '../../src/model/impact/signinRows';
import { buildSandbox } from '../../src/model/lab/sandboxBuild';
import { defaultSandbox } from '../../src/model/lab/sandboxTypes';
import { runImpactJob } from '../../src/worker/impactJob';

const D = 'tests/fixtures/logs';
const json = (f: string): unknown => JSON.parse(readFileSync(f, 'utf8'));
const loc = parseNamedLocations(json(`${D}/locations.json`));
const pol = parsePolicies(json(`${D}/policies.json`));
if (!loc.ok || !pol.ok) throw new Error('fixtures');
const world = (enabledAt?: string): World => ({
  locations: loc.value,
  policies: pol.value,
  org: enabledAt ? { ipValidation: true, enabledAt } : { ipValidation: true },
});
const AT = '2026-12-02T00:00:00Z';

function analyse(w: World, rows: readonly SigninRow[]) {
  const a = new ImpactAnalysis(w, DEFAULT_ASSUMPTIONS, { at: AT, defaultFlow: 'pat' }, rows.length);
  a.add(rows);
  return { report: a.finish(), range: impactRange(a, DEFAULT_ASSUMPTIONS) };
}
function rowsOf(file: string): SigninRow[] {
  const r = readSigninRows(readFileSync(file, 'utf8'));
  if (!r.ok) throw new Error(r.error);
  const bad = new Set(r.value.problems.map((p) => p.row));
  return r.value.rows.filter((x) => !bad.has(x.row));
}
function cli(args: string[]): string {
  const out: string[] = [];
  main(args, { stdout: (t) => out.push(t), stderr: (t) => out.push(t), now: () => new Date(AT) });
  return out.join('');
}

describe('finding 1: the enable date only sorts PATs for R12', () => {
  const plain = rowsOf(`${D}/plain.csv`);
  it('rows dated before the enable date are still asked "what if it is on"', () => {
    const none = analyse(world(), plain).report.newlyBlocked;
    expect(none).toBeGreaterThan(0);
    for (const at of ['2025-12-01T00:00:00Z', '2026-01-15T00:00:00Z', '2024-01-01T00:00:00Z'])
      expect(analyse(world(at), plain).report.newlyBlocked).toBe(none);
  });
  it('the range: undated PATs may be older (low end exempts them), dated ones are sorted', () => {
    const pat = (row: number, created?: string): SigninRow => ({
      row,
      ip: '192.0.2.99',
      at: '2026-02-01T00:00:00Z',
      flow: 'pat',
      ...(created ? { tokenCreated: created } : {}),
    });
    const rows = [pat(2), pat(3, '2025-06-01T00:00:00Z'), pat(4, '2026-01-20T00:00:00Z')];
    const { report, range } = analyse(world('2026-01-15T00:00:00Z'), rows);
    // Default (exempt): the undated PAT counts as created after, the old one keeps working.
    expect(report.newlyBlocked).toBe(2);
    // Lenient: only the PAT known to be newer than the policy; strict: all three.
    expect([range.low, range.high]).toEqual([1, 3]);
    // With no enable date the policy goes on now, after every PAT: the low end is 0.
    const now = analyse(world(), rows).range;
    expect([now.low, now.high]).toEqual([0, 3]);
  });
  it('the CLI: --validation-enabled-at no longer hides older rows', () => {
    const args = [
      '--locations',
      `${D}/locations.json`,
      '--policies',
      `${D}/policies.json`,
      '--validation',
      'on',
      '--batch',
      `${D}/plain.csv`,
    ];
    const without = cli(args);
    const withDate = cli([...args, '--validation-enabled-at', '2025-12-01T00:00:00Z']);
    const verdict = (t: string) => /would newly refuse (.*?) of/.exec(t)?.[1];
    expect(verdict(withDate)).toBe(verdict(without));
    expect(verdict(withDate)).toBe('between 1 and 3');
  });
  it("the lab: the sandbox's default date does not hide older rows", async () => {
    const b = buildSandbox(defaultSandbox());
    const w = b.world!;
    expect(w.org.enabledAt).toBeDefined();
    const csvText = readFileSync(`${D}/plain.csv`, 'utf8');
    const run = async (x: World) => {
      const o = await runImpactJob({ csvText, world: x, at: AT, defaultFlow: 'pat' });
      if (o.status !== 'done') throw new Error(o.status);
      return o.report.newlyBlocked;
    };
    expect(await run(w)).toBe(await run({ ...w, org: { ipValidation: true } }));
  });
});
