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
import { factsNotCarried, headline } from '../../src/model/impact/logs/coverage';
import { suggestRemedies } from '../../src/model/impact/remedies';
import { rowsToAnalyse } from '../../src/model/impact/rowsToAnalyse';
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
  return rowsToAnalyse(r.value);
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

describe('finding 3: the kind comes from the mechanism and client-app columns, time or not', () => {
  const read = (text: string) => {
    const r = readSigninRows(text);
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };
  it('a summarised AzureDevOpsAuditing export: mechanisms classified, none of them a PAT', () => {
    const v = read(
      'ActorUPN,IpAddress,AuthenticationMechanism,count_\n' +
        'alice@contoso.com,192.0.2.10,AAD_Cookie,12\n' +
        ',192.0.2.99,S2S_ServicePrincipal,30\n' +
        'bob@contoso.com,192.0.2.11,SessionToken_Unscoped authorizationId: 4f1e2d3c-5b6a-4978-8a9b-0c1d2e3f4a5b,3\n' +
        'ci@contoso.com,192.0.2.12,PAT_Unscoped authorizationId: 7d0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d,3\n',
    );
    expect(v.log!.kind).toBe('ado-audit');
    expect(v.rows.map((r) => r.flow)).toEqual(['web', 'pat']);
    expect(v.rows.every((r) => r.at === undefined)).toBe(true);
    expect(v.log!.apart.map((a) => a.reason).sort()).toEqual([
      'service-principal',
      'session-token',
    ]);
    expect(v.log!.used.map((u) => u.name)).toEqual([
      'ActorUPN',
      'IpAddress',
      'AuthenticationMechanism',
    ]);
  });
  it('a summarised SigninLogs export: "Other clients" is OAuth, never a PAT', () => {
    const v = read(
      'UserPrincipalName,IPAddress,AppDisplayName,ClientAppUsed,count_\n' +
        'alice@contoso.com,192.0.2.10,Azure DevOps,Browser,12\n' +
        'bob@contoso.com,192.0.2.11,Azure DevOps,Mobile Apps and Desktop clients,4\n' +
        'carol@contoso.com,192.0.2.12,Azure DevOps,Other clients,4\n',
    );
    expect(v.log!.holdsPat).toBe(false);
    expect(v.rows.map((r) => r.flow)).toEqual(['web', 'oauth', 'oauth']);
  });
  it('a Graph $select export without clientAppUsed on some rows: OAuth, never a PAT', () => {
    const v = read(
      JSON.stringify({
        value: [
          {
            userPrincipalName: 'a@contoso.com',
            ipAddress: '192.0.2.10',
            clientAppUsed: 'Browser',
            resourceId: '499b84ac-1321-427f-aa17-267ca6975798',
          },
          {
            userPrincipalName: 'b@contoso.com',
            ipAddress: '192.0.2.11',
            resourceId: '499b84ac-1321-427f-aa17-267ca6975798',
          },
        ],
      }),
    );
    expect(v.log!.holdsPat).toBe(false);
    expect(v.rows.map((r) => r.flow)).toEqual(['web', 'oauth']);
  });
  it('a hand-made list: a client-app cell is never a PAT, a mechanism cell is classified', () => {
    const v = read(
      'ip,flow,client app,AuthenticationMechanism\n' +
        '192.0.2.1,,Other clients,\n' +
        '192.0.2.2,,,S2S_ServicePrincipal\n' +
        '192.0.2.3,,,PAT_Unscoped\n' +
        '192.0.2.4,pat,,\n',
    );
    expect(v.log!.kind).toBe('plain');
    expect(v.rows.map((r) => [r.ip, r.flow])).toEqual([
      ['192.0.2.1', 'oauth'],
      ['192.0.2.3', 'pat'],
      ['192.0.2.4', 'pat'],
    ]);
    expect(v.log!.apart.map((a) => a.reason)).toEqual(['service-principal']);
  });
  it('rows without a time take the analysis time', () => {
    const v = read('ActorUPN,IpAddress,AuthenticationMechanism\nci@contoso.com,192.0.2.99,PAT_x\n');
    const { report } = analyse(world('2026-01-15T00:00:00Z'), v.rows);
    expect(report.at).toBe(AT);
    expect(report.newlyBlocked).toBe(1);
  });
});

describe('finding 2: R22 "depends on" in the batch', () => {
  const auditRows = rowsOf(`${D}/ado-audit.csv`);
  it('a group-targeted fence: "up to N more if group membership", counted in the high end', () => {
    const p = parsePolicies({
      value: [
        {
          id: 'block-devs-outside',
          displayName: 'block-devs-outside',
          state: 'enabled',
          conditions: {
            users: { includeGroups: ['grp-developers'] },
            applications: { includeApplications: ['499b84ac-1321-427f-aa17-267ca6975798'] },
            clientAppTypes: ['all'],
            locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] },
          },
          grantControls: { operator: 'OR', builtInControls: ['block'] },
        },
      ],
    });
    if (!p.ok) throw new Error('policy');
    const w: World = { ...world('2025-11-03T15:00:00Z'), policies: p.value };
    const { report, range } = analyse(w, auditRows);
    expect(report.newlyBlocked).toBe(0);
    // ci-bot twice (PAT) and erin (SSH) come from outside the trusted ranges.
    expect(range.dependsOn).toEqual({ total: 3, byFact: [{ fact: 'groups', count: 3 }] });
    expect(range.high).toBeGreaterThanOrEqual(3);
    const h = headline(report.newlyBlocked, undefined, range, 'pat');
    expect(h.verdict).toMatch(/up to 3 more if group membership makes a policy apply \(R22\)/);
    expect(h.dependsOn).toEqual(['up to 3 more if group membership makes a policy apply']);
  });
  it('the coverage sentence names the facts this kind of log cannot carry', () => {
    const audit = readSigninRows(readFileSync(`${D}/ado-audit.csv`, 'utf8'));
    const entra = readSigninRows(readFileSync(`${D}/entra-signin.csv`, 'utf8'));
    if (!audit.ok || !entra.ok) throw new Error('fixtures');
    expect(factsNotCarried(audit.value.log)).toContain('country');
    expect(factsNotCarried(entra.value.log)).not.toContain('country');
    const h = headline(0, audit.value.log, undefined, 'pat');
    expect(h.coverage).toMatch(
      /reads no group membership, directory roles, the country of the IP, .* "depends on" \(R22\)/,
    );
  });
  it('the CLI prints it, and --json carries it in range.dependsOn', () => {
    const args = [
      '--locations',
      `${D}/locations.json`,
      '--policies',
      `${D}/policies-group-outside.json`,
      '--validation',
      'on',
      '--batch',
      `${D}/ado-audit.csv`,
    ];
    expect(cli(args)).toMatch(/up to 3 more if group membership/);
    const out = JSON.parse(cli([...args, '--json']).replace(/^[^{]*/, '')) as {
      range: { dependsOn: unknown };
    };
    expect(out.range.dependsOn).toEqual({ total: 3, byFact: [{ fact: 'groups', count: 3 }] });
  });
});

describe('review 13: a remedy that would trust pipeline agents carries an R20 warning', () => {
  it('plain.csv: the ci-bot block (pipeline agent) is warned about, the SSH block is not', () => {
    const { report } = analyse(world(), rowsOf(`${D}/plain.csv`));
    const remedies = suggestRemedies(report, world());
    const agent = remedies.find((r) => r.block === '20.42.0.0/24')!;
    expect(agent.warning).toMatch(
      /pipeline agents calling with a PAT \(R20\).*System\.AccessToken/,
    );
    expect(remedies.find((r) => r.block === '2001:db8:99::/48')!.warning).toBeUndefined();
  });
});
