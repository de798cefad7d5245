// Every drill's set-up states every fact it tests (the PAT's scope, the org policy, the IP and
// where it is), and every quiz question says whether the org policy is on.
import { describe, expect, it } from 'vitest';
import { drillFacts, whereIs } from '../../src/model/content/drillFacts';
import { resolveDrill } from '../../src/model/content/lesson';
import { buildRequest, buildWorld } from '../../src/model/content/scenario';
import { catalog, content } from './support/lessonContent';

const lesson = content.lesson!;
const quiz = content.quiz!;

const drills = lesson.chapters.flatMap((c) =>
  c.drills.map((d, i) => {
    const found = resolveDrill(d, catalog.scenarios);
    if (typeof found === 'string') throw new Error(found);
    return [`${c.id} drill ${i + 1}`, found] as const;
  }),
);

describe('drill set-ups', () => {
  it.each(drills)('%s states the IP and where it is, the org policy and the scope', (_n, f) => {
    const world = buildWorld(f.scenario, f.variant);
    const request = buildRequest(f.scenario, f.play);
    const actor = f.scenario.actors.find((a) => a.id === f.play.actor)!;
    const facts = Object.fromEntries(
      drillFacts(world, actor.label, request).map((x) => [x.term, x.value]),
    );
    expect(facts.IP).toContain(request.ip);
    expect(facts.IP).toMatch(/inside “|in none of the named locations/);
    expect(facts['Org policy']).toMatch(world.org.ipValidation ? /^On/ : /^Off$/);
    if (request.token?.kind === 'pat') expect(facts['PAT scope']).toBeTruthy();
    if (request.action) expect(facts['Wants to']).toBeTruthy();
  });

  it('no drill title speaks of a PAT the learner has not seen', () => {
    for (const [, f] of drills) expect(f.play.title).not.toMatch(/the same PAT/i);
  });

  it.each([
    ['203.0.113.24', 'inside “Contoso HQ (Oslo)” (trusted)'],
    ['100.64.88.19', 'in none of the named locations'],
  ])('whereIs(%s) says %s', (ip, want) => {
    const policyOn = catalog.scenarios.find((s) => s.id === 'policy-on')!;
    expect(whereIs(buildWorld(policyOn), ip)).toBe(want);
  });
});

describe('quiz prompts', () => {
  it.each(quiz.questions.map((q) => [q.id, q] as const))(
    '%s says whether the org policy is on',
    (_id, q) => {
      expect(q.prompt).toMatch(/org policy/i);
      if (!q.play) return;
      const found = resolveDrill({ ...q.play, reasons: [] }, catalog.scenarios);
      if (typeof found === 'string') throw new Error(found);
      const on = buildWorld(found.scenario, found.variant).org.ipValidation;
      expect(q.prompt).toMatch(on ? /org policy is on/i : /org policy is off/i);
    },
  );
});
