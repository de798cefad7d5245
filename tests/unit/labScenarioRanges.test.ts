// One Contoso everywhere: the lab's sandbox starts with the same named locations and ranges as
// the scenarios, so an actor (Lee on the VPN at 198.51.100.37) gets the same answer in both.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/model/engine/evaluate';
import { buildSandbox } from '../../src/model/lab/sandboxBuild';
import { defaultSandbox } from '../../src/model/lab/sandboxTypes';

interface GraphLocation {
  displayName: string;
  ipRanges?: { cidrAddress: string }[];
}

const dir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const scenarios = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .sort()
  .map((f) => JSON.parse(readFileSync(dir + f, 'utf8')));

/** Every scenario's ranges per location name, as sorted "a, b" strings. */
const scenarioRanges = new Map<string, Set<string>>();
for (const s of scenarios)
  for (const l of s.world.namedLocations as GraphLocation[]) {
    const ranges = (l.ipRanges ?? [])
      .map((r) => r.cidrAddress)
      .sort()
      .join(', ');
    const seen = scenarioRanges.get(l.displayName) ?? new Set<string>();
    scenarioRanges.set(l.displayName, seen.add(ranges));
  }

// The challenges start (and are solved) from sandbox configurations: Contoso's locations there
// must be the scenarios' too. Locations only a challenge has (hosted agents) are its own.
const cdir = fileURLToPath(new URL('../../scenarios/challenges/', import.meta.url));
const challengeLocations = readdirSync(cdir)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .flatMap((f) =>
    [
      ...readFileSync(cdir + f, 'utf8').matchAll(
        /"name": "([^"]*)",\s*"trusted": \w+,\s*"ranges": (\[[^\]]*\])/g,
      ),
    ].map((m) => [f, m[1]!, (JSON.parse(m[2]!) as string[]).sort().join(', ')] as const),
  )
  .filter(([, name]) => scenarioRanges.has(name));

describe('the lab sandbox and the scenarios share one Contoso', () => {
  it.each(challengeLocations)(
    'challenge %s: %s has the scenarios’ ranges (%s)',
    (_f, name, ranges) => {
      expect([...scenarioRanges.get(name)!]).toEqual([ranges]);
    },
  );
  it('the challenges use Contoso HQ and the VPN', () => {
    expect(new Set(challengeLocations.map(([, name]) => name)).size).toBe(2);
  });

  it('every scenario gives a location the same ranges', () => {
    for (const [name, variants] of scenarioRanges) expect([name, variants.size]).toEqual([name, 1]);
  });

  it.each(defaultSandbox().locations.map((l) => [l.name, l] as const))(
    'lab location %s has the scenarios’ ranges',
    (name, loc) => {
      const lab = loc.ranges
        .split(/[\n,]/)
        .map((r) => r.trim())
        .filter(Boolean)
        .sort();
      expect(scenarioRanges.get(name), `no scenario has a location named ${name}`).toBeDefined();
      expect([...scenarioRanges.get(name)!]).toEqual([lab.join(', ')]);
    },
  );

  // The policy-on scenario's actors, replayed as PATs in the lab's default tenant.
  const policyOn = scenarios.find((s) => s.id === 'policy-on');
  const actors = (policyOn.actors as { id: string; ip: string }[]).map((a) => {
    const play = (
      policyOn.plays as { actor: string; request: { flow: string }; expect: { outcome: string } }[]
    ).find((p) => p.actor === a.id && p.request.flow === 'pat');
    return [a.id, a.ip, play?.expect.outcome] as const;
  });
  it.each(actors.filter(([, , outcome]) => outcome !== undefined))(
    '%s at %s: the lab answers %s, as the scenario does',
    (_id, ip, outcome) => {
      const c = defaultSandbox();
      c.actor.ip = ip;
      c.actor.at = '2026-11-02T09:15:00Z';
      c.actor.tokenCreated = '2026-10-05T08:30:00Z';
      c.actor.tokenExpires = '2027-01-05T08:30:00Z';
      const b = buildSandbox(c);
      expect(b.errors).toEqual({});
      const r = evaluate(b.world!, b.request!, c.assumptions);
      expect(r.ok && r.value.outcome).toBe(outcome);
    },
  );
  it('covers Lee on the VPN', () => {
    expect(actors.map(([, ip]) => ip)).toContain('198.51.100.37');
  });
});
