// The lesson's content under test: it follows the source article's order, every drill names a
// play that exists, and every "why?" question has exactly one reason the engine agrees with.
import { describe, expect, it } from 'vitest';
import { resolveDrill, type Lesson } from '../../src/model/content/lesson';
import { parseLesson } from '../../src/model/content/lessonCheck';
import { decisiveRules } from '../../src/model/content/lessonReasons';
import { runPlay } from '../../src/model/content/scenario';
import { catalog, lessonJson } from './support/lessonContent';

function lesson(): Lesson {
  const r = parseLesson(lessonJson, catalog.scenarios);
  expect(r.errors).toEqual([]);
  return r.lesson!;
}

describe('lesson.json', () => {
  it('validates against the scenario catalog', () => {
    expect(catalog.errors).toEqual([]);
    expect(lesson().chapters.length).toBeGreaterThanOrEqual(10);
  });

  it('follows the article, chapter by chapter', () => {
    expect(lesson().chapters.map((c) => c.id)).toEqual([
      'pat-basics',
      'conditional-access',
      'not-by-default',
      'turn-it-on',
      'web-vs-third-party',
      'mfa-and-pats',
      'existing-pats',
      'ipv4-ipv6',
      'ssh-keys',
      'entra-tokens',
      'device-compliance',
      'arm-targeting',
      'break-glass',
      'logging',
      'device-code',
      'checklist',
    ]);
  });

  it.each([
    // [chapter, a scenario its drills play, a rule the chapter stands on]
    ['entra-tokens', 'entra-token', 'R15'],
    ['device-compliance', 'device-compliance', 'R8'],
    ['arm-targeting', 'arm-target', 'R18'],
    ['break-glass', 'break-glass', 'R15'],
    ['logging', 'policy-on', 'R4'],
    ['device-code', 'device-code', 'R21'],
  ])('teaches %s on a real scenario (%s)', (id, scenario, rule) => {
    const c = lesson().chapters.find((x) => x.id === id)!;
    expect(c.drills.map((d) => d.scenario)).toContain(scenario);
    const rules = c.drills.flatMap((d) => {
      const f = resolveDrill(d, catalog.scenarios);
      if (typeof f === 'string') throw new Error(f);
      const r = runPlay(f.scenario, f.play, f.variant);
      return r.ok ? r.value.trace.map((s) => s.rule) : [];
    });
    expect([...rules, ...c.callouts.map((x) => x.rule)]).toContain(rule);
  });

  it('names who turns the policy on and where, and flags the article-only claim', () => {
    const byId = new Map(lesson().chapters.map((c) => [c.id, c]));
    const on = byId.get('turn-it-on')!.body.join(' ');
    expect(on).toContain('Project Collection Administrator');
    expect(on).toContain('Organization settings → Security → Policies');
    expect(byId.get('existing-pats')!.callouts.map((c) => c.rule)).toContain('R12');
    expect(byId.get('existing-pats')!.body.join(' ')).toMatch(/rotate/i);
    expect(byId.get('checklist')!.list.length).toBeGreaterThanOrEqual(5);
  });

  const drills = lesson().chapters.flatMap((c) =>
    c.drills.map((d, i) => [`${c.id} #${i + 1}`, d] as const),
  );

  it.each(drills)('%s: its play exists and the engine decides it', (_name, d) => {
    const found = resolveDrill(d, catalog.scenarios);
    if (typeof found === 'string') throw new Error(found);
    const r = runPlay(found.scenario, found.play, found.variant);
    expect(r.ok).toBe(true);
  });

  it.each(drills.filter(([, d]) => d.reasons.length))(
    '%s: exactly one reason names a rule the decision turns on',
    (_name, d) => {
      const found = resolveDrill(d, catalog.scenarios);
      if (typeof found === 'string') throw new Error(found);
      const r = runPlay(found.scenario, found.play, found.variant);
      if (!r.ok) throw new Error(r.error);
      const decisive = decisiveRules(r.value);
      expect(d.reasons.filter((x) => decisive.includes(x.rule))).toHaveLength(1);
    },
  );
});

describe('parseLesson rejects bad content with the file and the path', () => {
  const base = () => structuredClone(lessonJson) as { chapters: Record<string, unknown>[] };
  type Reasons = { reasons?: { rule: string; text: string }[] };
  /** The first drill that offers "why?" choices. */
  const reasonsOf = (j: ReturnType<typeof base>) =>
    j.chapters.flatMap((c) => c.drills as Reasons[]).find((d) => (d.reasons?.length ?? 0) >= 2)!;
  it.each<[string, (j: ReturnType<typeof base>) => unknown, RegExp]>([
    ['not an object', () => 42, /^lesson\.json: expected an object, got 42$/],
    [
      'unknown scenario',
      (j) => ((j.chapters[0]!.drills as object[])[0] = { scenario: 'nope', play: 'x' }),
      /^lesson\.json: chapters\[0\]\.drills\[0\]: scenario "nope" does not exist$/,
    ],
    [
      'unknown play',
      (j) => ((j.chapters[0]!.drills as object[])[0] = { scenario: 'policy-on', play: 'x' }),
      /play "x" is not in scenario policy-on/,
    ],
    [
      'variant on another play',
      (j) =>
        ((j.chapters[0]!.drills as object[])[0] = {
          scenario: 'policy-on',
          play: 'office-pat',
          variant: 'turn-off',
        }),
      /variant "turn-off" is not shown on policy-on\/office-pat/,
    ],
    [
      'unknown rule',
      (j) => (j.chapters[4]!.callouts = [{ rule: 'R99', text: 'x' }]),
      /^lesson\.json: chapters\[4\]\.callouts\[0\]\.rule: "R99" is not a rule id/,
    ],
    [
      'unknown source',
      (j) => (j.chapters[0]!.sources = ['NOPE']),
      /chapters\[0\]\.sources\[0\]: "NOPE" is not a source key/,
    ],
    [
      'duplicate chapter',
      (j) => (j.chapters[1]!.id = j.chapters[0]!.id),
      /chapters\[1\]\.id: "pat-basics" repeats the id of chapters\[0\]/,
    ],
    [
      'empty body',
      (j) => (j.chapters[2]!.body = []),
      /chapters\[2\]\.body: needs at least 1 item$/,
    ],
    [
      'one reason',
      (j) =>
        (((j.chapters[0]!.drills as Record<string, unknown>[])[0]!.reasons as unknown[]).length =
          1),
      /drills\[0\]\.reasons: needs at least 2 items$/,
    ],
    [
      'a misspelt field',
      (j) => (j.chapters[3]!.callout = []),
      /chapters\[3\]\.callout: unknown field \(expected one of id, title, body, list, callouts/,
    ],
    [
      'a chapter id that is not kebab-case',
      (j) => (j.chapters[3]!.id = 'Turn It On'),
      /chapters\[3\]\.id: "Turn It On" is not kebab-case/,
    ],
    [
      'a paragraph of spaces',
      (j) => ((j.chapters[1]!.body as string[])[0] = '  '),
      /chapters\[1\]\.body\[0\]: empty$/,
    ],
    [
      'two reasons naming one rule',
      (j) => {
        const reasons = reasonsOf(j).reasons!;
        reasons[1]!.rule = reasons[0]!.rule;
      },
      /reasons: each choice must name a different rule/,
    ],
    [
      'no reason the engine agrees with',
      (j) => {
        const d = reasonsOf(j);
        d.reasons = d.reasons!.map((r, i) => ({ ...r, rule: (['R22', 'R23'] as const)[i % 2]! }));
        d.reasons.length = 2;
      },
      /reasons: no choice names a rule the engine's decision turns on \(/,
    ],
  ])('%s', (_name, change, message) => {
    const j = base();
    const out = change(j);
    const r = parseLesson(out === 42 ? out : j, catalog.scenarios);
    expect(r.lesson).toBeUndefined();
    expect(r.errors.join('\n')).toMatch(message);
  });
});
