// Every build-the-fence level is solved headlessly, as Learn Git Branching does: its start must
// NOT meet the goal, its stated minimal solution must, and the engine is the judge of both.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applySteps, checkChallenge, startConfig } from '../../src/model/lab/challenge';
import { loadChallenges, readChallenge } from '../../src/model/lab/challengeRead';
import { buildSandbox } from '../../src/model/lab/sandboxBuild';

const dir = fileURLToPath(new URL('../../scenarios/challenges/', import.meta.url));
const files = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .map((f) => [f, JSON.parse(readFileSync(dir + f, 'utf8'))]),
);
const { challenges, errors } = loadChallenges(files);

describe('challenge files', () => {
  it('all load, at least five, in order', () => {
    expect(errors).toEqual([]);
    expect(challenges.length).toBeGreaterThanOrEqual(5);
    expect(challenges.map((c) => c.order)).toEqual(
      [...challenges.map((c) => c.order)].sort((a, b) => a - b),
    );
  });

  it('skips the schema that sits beside the levels (as a glob of the folder gives it)', () => {
    const schema = JSON.parse(readFileSync(dir + 'challenge.schema.json', 'utf8'));
    const r = loadChallenges({ ...files, '../scenarios/challenges/challenge.schema.json': schema });
    expect(r.errors).toEqual([]);
    expect(r.challenges).toHaveLength(challenges.length);
  });

  it('the schema requires what the reader requires', () => {
    const schema = JSON.parse(readFileSync(dir + 'challenge.schema.json', 'utf8'));
    expect(schema.required).toEqual([
      'id',
      'order',
      'title',
      'story',
      'start',
      'goal',
      'hint',
      'solution',
      'rules',
    ]);
    for (const key of schema.required) {
      const json = structuredClone(files['cafe-vpn.json']);
      delete json[key];
      expect(readChallenge(json, 'x.json').errors).toContain(`x.json.${key}: is missing`);
    }
  });

  it.each([
    [{ goal: [] }, 'x.json.goal: must be a list of at least 2'],
    [{ rules: ['R99'] }, 'x.json.rules: ["R99"] is not allowed here'],
    [
      { start: { org: { on: 'yes' }, locations: [], policies: [] } },
      'x.json.start.org.on: "yes" is not allowed here',
    ],
  ])('a bad field is named: %j', (patch, message) => {
    expect(readChallenge({ ...files['cafe-vpn.json'], ...patch }, 'x.json').errors).toContain(
      message,
    );
  });
});

describe.each(challenges.map((c) => [c.id, c] as const))('level %s', (_id, c) => {
  const start = startConfig(c);

  it('starts valid, and the start does NOT meet the goal', () => {
    expect(buildSandbox(start).errors).toEqual({});
    const check = checkChallenge(c, start);
    expect(check.problem).toBeUndefined();
    expect(check.solved).toBe(false);
  });

  it('its minimal solution meets every goal request', () => {
    const solved = applySteps(start, c.solution.steps);
    if ('error' in solved) throw new Error(solved.error);
    const check = checkChallenge(c, solved.config);
    expect(check.goals.map((g) => [g.goal.who, g.decision?.outcome])).toEqual(
      c.goal.map((g) => [g.who, g.outcome]),
    );
    expect(check.solved).toBe(true);
  });

  it('every single step of the solution is needed', () => {
    if (c.solution.steps.length < 2) return;
    for (let i = 0; i < c.solution.steps.length; i++) {
      const fewer = applySteps(
        start,
        c.solution.steps.filter((_, j) => j !== i),
      );
      if ('error' in fewer) throw new Error(fewer.error);
      expect(checkChallenge(c, fewer.config).solved).toBe(false);
    }
  });
});

describe('checks and edits', () => {
  const c = challenges[0]!;
  it('an invalid field is reported, not thrown', () => {
    const bad = startConfig(c);
    bad.locations[0]!.ranges = '203.0.113.0/33';
    const check = checkChallenge(c, bad);
    expect(check.solved).toBe(false);
    expect(check.problem).toMatch(/line 1/);
  });
  it('a step naming a missing location or policy is an error', () => {
    expect(
      applySteps(startConfig(c), [{ op: 'addRanges', location: 'nope', ranges: ['10.0.0.0/16'] }]),
    ).toEqual({
      error: 'step 1: no location "nope"',
    });
    expect(
      applySteps(startConfig(c), [{ op: 'policy', policy: 'nope', state: 'disabled' }]),
    ).toEqual({
      error: 'step 1: no policy "nope"',
    });
  });
  it('applying steps leaves the original alone', () => {
    const s = startConfig(c);
    const before = JSON.stringify(s);
    applySteps(s, c.solution.steps);
    expect(JSON.stringify(s)).toBe(before);
  });
});
